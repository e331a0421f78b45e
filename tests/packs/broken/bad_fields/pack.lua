return {
  id = "bad-fields",
  title = "Schema mistakes on purpose",
  version = "1",
  languages = { "en", "nl" },
  questions = {
    quiz.choice { id = "dup-option", prompt = { en = "Pick", nl = "Kies" }, answer = "Šehović",
                  wrong = { "Sehovic", "Other" }, source = "nowhere" },
    quiz.numeric { id = "too-hard", prompt = { en = "How many?", nl = "Hoeveel?" }, answer = 3, difficulty = 5 },
    { id = "plain", type = "order", prompt = { en = "Order", nl = "Volgorde" }, items = { "one" } },
    quiz.text { id = "no-nl", prompt = { en = "Name?" }, answer = "Lynn", explain = "Plain", anwser = "typo" },
  },
}
