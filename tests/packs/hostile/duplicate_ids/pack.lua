-- Hostile (or just careless): two questions with the same id.
return {
  id = "duplicate-ids",
  title = "Duplicate ids",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.truefalse { id = "same", prompt = "First?", answer = true, source = "s" },
    quiz.truefalse { id = "same", prompt = "Second?", answer = false, source = "s" },
  },
}
