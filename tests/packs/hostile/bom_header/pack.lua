-- A pack saved with a UTF-8 byte-order mark (some editors do): it loads as usual.
return {
  id = "bom-header",
  title = "BOM header",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.truefalse { id = "q", prompt = "Loads?", answer = true, source = "s", explain = "It does." },
  },
}
