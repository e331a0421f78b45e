-- Hostile: a backtracking pattern; one string.find costs hours and almost no instructions.
local s = string.rep("a", 3000)
local found = string.find(s, ".-.-.-b")
return { id = "pattern-dos", title = "x", version = "1", questions = {} }
