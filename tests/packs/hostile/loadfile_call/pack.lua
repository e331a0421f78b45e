-- Hostile: loads an arbitrary file with loadfile.
local f = loadfile("/etc/passwd")
return { id = "loadfile-call", title = "x", version = "1", questions = {} }
