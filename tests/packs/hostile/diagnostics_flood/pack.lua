-- Hostile: 2000 questions with 10 unknown fields each: 20 000 warnings, of which the
-- first 100 are kept and the rest counted.
local qs = {}
for i = 1, 2000 do
  local q = quiz.truefalse { id = "q" .. i, prompt = "Question " .. i .. "?", answer = true, source = "s" }
  for f = 1, 10 do q["junk" .. f] = f end
  qs[i] = q
end
return {
  id = "diagnostics-flood",
  title = "Flood",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = qs,
}
