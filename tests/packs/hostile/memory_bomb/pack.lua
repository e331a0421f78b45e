-- Hostile: a string that doubles until the 64 MiB cap.
local x = "x"
while true do x = x .. x end
