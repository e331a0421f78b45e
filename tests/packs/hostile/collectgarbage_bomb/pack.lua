-- Hostile: full collections cost CPU the instruction count cannot see.
local keep = {}
for i = 1, 1000 do keep[i] = { i } end
for i = 1, 1e6 do collectgarbage() end
