-- Hostile (or just careless): values of the wrong type where texts are expected.
return {
  id = "wrong-types",
  title = "Wrong types",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.choice { id = "c", prompt = "Pick one", answer = "yes", wrong = { coroutine.create(function() end), true }, source = "s" },
  },
}
