-- Hostile: a plain search that Lua's own lmemfind does in quadratic time.
local s = string.rep("a", 1 << 20)
local p = string.rep("a", 1 << 19) .. "b"
while true do
  s:find(p, 1, true)
end
