-- Hostile: patches a library function that other code relies on.
string.format = function() return "" end
return { id = "global-write-lib", title = "x", version = "1", questions = {} }
