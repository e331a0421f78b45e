-- Hostile: a 5 MB error message.
local big = string.rep("x", 5e6)
error(big)
