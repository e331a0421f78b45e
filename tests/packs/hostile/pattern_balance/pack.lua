-- Hostile: %b scans to the end of the subject from every start: quadratic.
local s = string.rep("(", 200000)
local found = s:match("%b()")
return { id = "pattern-balance", title = "x", version = "1", questions = {} }
