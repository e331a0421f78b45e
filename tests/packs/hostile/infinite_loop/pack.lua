-- Hostile: an endless loop while loading; the instruction budget stops it.
local n = 0
while true do n = n + 1 end
