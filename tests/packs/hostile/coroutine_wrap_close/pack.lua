-- Hostile: coroutine.wrap resets a coroutine the budget stopped, and Lua 5.4.4 runs its
-- __close handler with hooks off; the handler loops.
coroutine.wrap(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end
end)()
