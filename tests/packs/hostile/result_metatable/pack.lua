-- Hostile: the result's metamethods loop; the host must read it with raw access only.
local spin = function() while true do end end
return setmetatable({ id = "result-metatable", title = "x", version = "1" },
  { __index = spin, __len = spin, __pairs = spin, __eq = spin, __lt = spin })
