-- Hostile: the xpcall handler loops after the budget error (it would run with hooks off).
local function spin() while true do end end
xpcall(spin, spin)
return {}
