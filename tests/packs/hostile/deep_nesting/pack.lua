-- Hostile: 300 nested parentheses make the parser overflow its C stack counter.
local src = "return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300)
local f, err = load(src, "=deep")
if not f then error(err) end
return f()
