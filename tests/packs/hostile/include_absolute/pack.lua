-- Hostile: include of an absolute path.
local passwd = include("/etc/passwd")
return passwd
