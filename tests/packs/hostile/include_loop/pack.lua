-- Hostile: include in a loop; each file is small, the bytes read add up.
while true do
  include("data.lua")
end
