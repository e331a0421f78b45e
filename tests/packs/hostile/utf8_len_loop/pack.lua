-- Hostile: utf8.len reads 16 MiB in one call.
local s = string.rep("a", 1 << 24)
while true do
  local n = utf8.len(s)
end
