-- Hostile: an error object that is a table (with a __tostring that must not run).
local obj = setmetatable({}, { __tostring = function() while true do end end })
error(obj)
