-- Hostile: table.move over a range of 10^15 slots: one call, no instructions.
local t = {}
table.move(t, 1, 1000000000000000, 2)
return { id = "table-move-huge", title = "x", version = "1", questions = {} }
