-- Hostile: reaches string.dump through the string metatable.
local dump = ("").dump or getmetatable("").__index.dump
return load(dump(function() end))()
