-- Hostile: include of a sibling file that holds bytecode, not text.
local evil = include("evil.lua")
return { id = "bytecode-include", title = "x", version = "1", questions = {} }
