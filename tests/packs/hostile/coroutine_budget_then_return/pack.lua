-- Hostile: the budget stops a coroutine, the main chunk returns before its own next
-- count, and generate() closes the dead coroutine (its __close loops with hooks off).
local co = coroutine.create(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end
end)
coroutine.resume(co)
return {
  id = "coroutine-budget-then-return", title = "x", version = "1", questions = {},
  generate = function() coroutine.close(co) return {} end,
}
