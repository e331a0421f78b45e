-- A fixed pack for end-to-end scoring tests: one question of each type, known
-- difficulties and time limits, no generator, so the expected totals can be worked out
-- by hand (see tests/app/test_cli.sh).
return {
  id = "scoring",
  title = "Scoring fixture",
  version = "1",
  sources = { fixture = { publisher = "Trivium tests", title = "Scoring fixture" } },
  questions = {
    quiz.choice { id = "c4", prompt = "Four options", answer = "right", wrong = { "w1", "w2", "w3" },
                  difficulty = 1, time = 20, category = "Alpha", source = "fixture" },
    quiz.truefalse { id = "tf", prompt = "True or false", answer = false, difficulty = 2, time = 10,
                     category = "Beta", source = "fixture" },
    quiz.numeric { id = "num", prompt = "A number", answer = 42, tolerance = 0.5, unit = "units",
                   difficulty = 3, time = 40, category = "Alpha", source = "fixture" },
    quiz.order { id = "ord", prompt = "Put in order", items = { "one", "two", "three", "four" },
                 difficulty = 2, time = 20, category = "Beta", source = "fixture" },
    quiz.text { id = "txt", prompt = "Type a name", answer = { "Šehović", "Admir Šehović" },
                difficulty = 3, time = 30, category = "Gamma", source = "fixture" },
    quiz.choice { id = "c6", prompt = "Six options", answer = "yes", wrong = { "n1", "n2", "n3", "n4", "n5" },
                  difficulty = 2, time = 20, category = "Gamma", source = "fixture" },
  },
}
