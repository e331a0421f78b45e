-- Hostile: loads a C or Lua module through require.
local socket = require("socket")
return { id = "require-call", title = "x", version = "1", questions = {} }
