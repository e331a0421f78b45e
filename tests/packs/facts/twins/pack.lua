-- Declared facts (docs/pack-api.md): a and b ask the same fact, d gives c's answer away.
-- No round may hold a and b, nor c after d (tests/app/test_cli.sh).
return {
  id = "twins", title = "Twins", version = "1", languages = { "en" },
  questions = {
    quiz.truefalse{ id = "a", prompt = "Was the ransom asked in bitcoin?", answer = true, asks = "ransom-currency" },
    quiz.choice{ id = "b", prompt = "In what was the ransom asked?", answer = "Bitcoin", wrong = { "Euros" },
                 asks = "ransom-currency" },
    quiz.truefalse{ id = "c", prompt = "Was the ransom 200 million?", answer = true, asks = "ransom-amount" },
    quiz.choice{ id = "d", prompt = "What currency was the 200 million ransom in?", answer = "Bitcoin",
                 wrong = { "Euros" }, shows = { "ransom-amount" } },
  },
}
