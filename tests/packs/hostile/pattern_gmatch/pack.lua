-- Hostile: a backtracking pattern in gmatch, used as a method on a string.
local s = string.rep("a", 3000)
for a, b in s:gmatch("(.-)(.-).-b") do end
return { id = "pattern-gmatch", title = "x", version = "1", questions = {} }
