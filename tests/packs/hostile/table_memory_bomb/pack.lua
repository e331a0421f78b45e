-- Hostile: a table that grows until the 64 MiB cap.
local t = {}
local i = 0
while true do
  i = i + 1
  t[i] = { i, i, i, i }
end
