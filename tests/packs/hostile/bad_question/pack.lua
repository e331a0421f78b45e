-- Hostile (or just careless): a difficulty outside 1..3.
return {
  id = "bad-question",
  title = "Bad question",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.truefalse {
      id = "too-hard",
      prompt = "Is this question too hard?",
      answer = true,
      difficulty = 5,
      source = "s",
    },
  },
}
