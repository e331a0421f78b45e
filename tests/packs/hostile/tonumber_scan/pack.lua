-- Hostile: tonumber scans 16 MiB of spaces in one call.
local s = string.rep(" ", 1 << 24) .. "1"
while true do
  local n = tonumber(s)
end
