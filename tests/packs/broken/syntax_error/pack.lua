return {
  id = "syntax-error",
  title = "Broken on purpose",
  version = "1",
  questions = {
    quiz.truefalse { id = "a", prompt = "x", answer = true }
    quiz.truefalse { id = "b", prompt = "y", answer = false },
  },
}
