-- Hostile: 2001 questions, one more than a pack may hold.
local qs = {}
for i = 1, 2001 do
  qs[i] = quiz.truefalse { id = "q" .. i, prompt = "Question " .. i .. "?", answer = true }
end
return {
  id = "too-many-questions",
  title = "Too many",
  version = "1.0.0",
  questions = qs,
}
