-- Harmless: __gc added after setmetatable does not mark the table for finalizing
-- (Lua manual 2.5.3), so the pack loads and the handler never runs.
local mt = {}
local t = setmetatable({}, mt)
mt.__gc = function() while true do end end
t = nil
return {
  id = "gc-after-setmetatable",
  title = "Late __gc",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.truefalse { id = "q", prompt = "Does a late __gc run?", answer = false, source = "s" },
  },
}
