-- Hostile: an ordinary error, then a message handler that never returns.
local function fail() error("x") end
xpcall(fail, function() while true do end end)
return {}
