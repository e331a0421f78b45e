-- Hostile: reads a file with io.open; io does not exist in the sandbox.
local f = io.open("/etc/passwd")
return { id = "io-access", title = "x", version = "1", questions = {} }
