-- Harmless: string.rep of nothing a huge number of times is nothing, at once (Lua's own
-- string.rep copies nothing that many times and never returns).
local nothing = string.rep("", math.maxinteger) .. string.rep("", 1 << 62, "")
return {
  id = "rep-empty",
  title = "Nothing, many times" .. nothing,
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.truefalse { id = "q", prompt = "Is nothing repeated still nothing?", answer = true, source = "s" },
  },
}
