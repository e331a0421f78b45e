-- Hostile: link.lua is a symbolic link to a file outside the pack; the test creates it.
local outside = include("link.lua")
return outside
