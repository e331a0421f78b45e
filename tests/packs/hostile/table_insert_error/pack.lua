-- Hostile: an argument error raised by a charged library function still names the line.
local t = {}
table.insert(t, 1, 2, 3)
return { id = "table-insert-error", title = "x", version = "1", questions = {} }
