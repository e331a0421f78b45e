-- Hostile: closes a coroutine the budget stopped; its __close handler loops with hooks off.
local co = coroutine.create(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end
end)
coroutine.resume(co)
coroutine.close(co)
