-- Hostile: a metatable on the environment that loops on every global read.
setmetatable(_G, { __index = function() while true do end end })
