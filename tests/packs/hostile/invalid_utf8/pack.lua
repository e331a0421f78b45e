-- Hostile: text built by utf8.char that is not valid UTF-8 (a value past U+10FFFF).
return {
  id = "invalid-utf8",
  title = "Invalid UTF-8",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.truefalse { id = "q", prompt = "Odd " .. utf8.char(0x7FFFFFFF), answer = true, source = "s" },
  },
}
