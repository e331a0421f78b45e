-- Hostile: runs an arbitrary file with dofile.
dofile("/etc/passwd")
return { id = "dofile-call", title = "x", version = "1", questions = {} }
