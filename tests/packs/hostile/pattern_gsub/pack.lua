-- Hostile: a backtracking pattern in gsub, caught by pcall: the budget stays spent.
local s = string.rep("a", 3000)
local ok = pcall(string.gsub, s, ".-.-.-b", "")
return { id = "pattern-gsub", title = "x", version = "1", questions = {} }
