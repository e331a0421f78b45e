-- Hostile: replaces the quiz table, so later packs code would see a fake one.
local fake = { choice = function(t) return t end }
quiz = fake
return { id = "global-write", title = "x", version = "1", questions = {} }
