-- Hostile: pack.lua includes itself, without end.
return include("pack.lua")
