-- Hostile: sorting a big list again and again without a comparator (no Lua code runs).
local t = {}
for i = 1, 100000 do t[i] = (i * 7919) % 100003 end
while true do
  table.sort(t)
end
