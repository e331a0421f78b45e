-- Hostile: a typed answer of only a zero-width space folds to nothing, so an empty
-- answer would score. Refused with the question's line.
return {
  id = "fold-to-nothing",
  title = "Fold to nothing",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.text { id = "zw", prompt = "Type nothing?", answer = "\u{200B}", source = "s" },
  },
}
