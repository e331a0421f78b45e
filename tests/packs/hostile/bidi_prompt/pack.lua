-- Hostile: a right-to-left override in a prompt, which can hide which option is which.
return {
  id = "bidi-prompt",
  title = "Bidi",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.truefalse { id = "q", prompt = "Is \u{202E}this true?", answer = true, source = "s" },
  },
}
