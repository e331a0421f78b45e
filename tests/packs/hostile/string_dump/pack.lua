-- Hostile: makes bytecode with string.dump (removed from the sandbox).
local code = string.dump(function() return 1 end)
return load(code)()
