-- Hostile: a finalizer, which would run at any point with hooks off.
local t = setmetatable({}, { __gc = function() while true do end end })
return { id = "gc-metatable", title = "x", version = "1", questions = {} }
