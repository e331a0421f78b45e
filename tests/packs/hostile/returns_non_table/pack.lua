-- Hostile (or just careless): pack.lua returns a string.
return "not a table"
