-- Hostile: comparing two long equal strings is one VM instruction of C work each time,
-- so a loop of comparisons spends seconds on a few thousand instructions.
local a, b = string.rep("a", 8000000), string.rep("a", 7999999) .. "a"
while a <= b do end
return { id = "compare-long-strings", title = "x", version = "1", questions = {} }
