-- Hostile: include reaching outside the pack folder with "..".
local secret = include("../x.lua")
return secret
