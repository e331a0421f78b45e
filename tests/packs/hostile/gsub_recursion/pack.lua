-- Hostile: a gsub replacement function that calls gsub again, without end.
local function again(s) return (string.gsub(s, ".", again)) end
again("abc")
