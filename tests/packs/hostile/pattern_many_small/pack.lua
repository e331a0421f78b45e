-- Hostile: many matches, each small, in a loop: each call is charged as it ends.
local s = string.rep("a", 30)
while true do
  s:find(".-.-b")
end
