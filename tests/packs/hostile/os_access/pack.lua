-- Hostile: runs a shell command; os does not exist in the sandbox.
os.execute("touch /tmp/trivium-hostile-os-access")
return { id = "os-access", title = "x", version = "1", questions = {} }
