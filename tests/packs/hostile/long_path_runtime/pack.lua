-- Hostile setting: the test copies this pack below a folder whose path is longer than
-- Lua keeps in messages (LUA_IDSIZE); the error must still carry the file and line.
local questions = {}
return { id = "long-path-runtime", title = "x", version = "1", questions = questoins }
