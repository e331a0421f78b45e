-- Hostile: a NUL inside the name; C string checks would see only "ok.lua".
local x = include("ok.lua\0/../../x")
return x
