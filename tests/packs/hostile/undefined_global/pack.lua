-- Hostile (or just careless): a typo in a global name.
local questions = {}
return { id = "undefined-global", title = "x", version = "1", questions = questoins }
