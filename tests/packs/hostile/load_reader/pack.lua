-- Hostile: load with a reader function that never ends (load takes text only).
local f = load(function() return "x = 1 " end)
