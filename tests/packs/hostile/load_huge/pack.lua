-- Hostile: loads a 30 MB chunk again and again; parsing is one call.
local chunk = "return " .. string.rep(" ", 30000000) .. "1"
while true do
  load(chunk)
end
