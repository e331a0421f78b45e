-- Hostile: a weak table (__mode), the shape of the Lua 5.4.4 luaH_resize use-after-free.
local mt = setmetatable({ __newindex = {} }, { __mode = "v" })
return { id = "weak-metatable", title = "x", version = "1", questions = {} }
