-- Hostile (or just careless): the answer is also a wrong option (after folding).
return {
  id = "answer-among-wrong",
  title = "Answer among wrong",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.choice {
      id = "capital",
      prompt = "What is the capital of the Netherlands?",
      answer = "Amsterdam",
      wrong = { "Rotterdam", "  AMSTERDAM " },
      source = "s",
    },
  },
}
