-- One question of each of the five kinds, for the phone page's browser test
-- (tests/party_browser/test_phone.py): every kind is answered on a touch screen.
return {
  id = "kinds",
  title = { en = "Five kinds", nl = "Vijf soorten" },
  version = "1",
  description = { en = "One choice, true/false, numeric, order and typed question.",
                  nl = "Eén meerkeuze-, waar/niet waar-, getal-, volgorde- en typvraag." },
  languages = { "en", "nl" },
  sources = { fixture = { publisher = "Trivium tests", title = "Party browser fixture" } },
  questions = {
    quiz.choice {
      id = "choice", difficulty = 1, source = "fixture",
      prompt = { en = "Which of these squares is in Amsterdam?", nl = "Welk van deze pleinen ligt in Amsterdam?" },
      answer = "Leidseplein", wrong = { "Grote Markt", "Vrijthof", "Neude" },
      category = { en = "Places", nl = "Plaatsen" },
      explain = { en = "The Leidseplein lies in the centre of Amsterdam.", nl = "Het Leidseplein ligt in het centrum van Amsterdam." },
    },
    quiz.truefalse {
      id = "tf", difficulty = 1, source = "fixture", answer = true,
      prompt = { en = "Amsterdam is the capital of the Netherlands.", nl = "Amsterdam is de hoofdstad van Nederland." },
      category = { en = "Places", nl = "Plaatsen" },
      explain = { en = "It is, by the constitution.", nl = "Dat staat in de grondwet." },
    },
    quiz.numeric {
      id = "num", difficulty = 1, source = "fixture", answer = 22, unit = { en = "February", nl = "februari" },
      prompt = { en = "On which day of February 2022 did it happen?", nl = "Op welke dag in februari 2022 gebeurde het?" },
      category = { en = "Dates", nl = "Datums" },
      explain = { en = "It was the 22nd.", nl = "Het was de 22e." },
    },
    quiz.order {
      id = "order", difficulty = 1, source = "fixture",
      prompt = { en = "Put these in order, earliest first.", nl = "Zet deze op volgorde, de vroegste eerst." },
      items = { { en = "Morning", nl = "Ochtend" }, { en = "Afternoon", nl = "Middag" },
                { en = "Evening", nl = "Avond" }, { en = "Night", nl = "Nacht" } },
      category = { en = "Dates", nl = "Datums" },
      explain = { en = "A day runs from morning to night.", nl = "Een dag loopt van ochtend tot nacht." },
    },
    quiz.text {
      id = "text", difficulty = 1, source = "fixture", answer = { "Amsterdam" },
      prompt = { en = "Type the name of the capital of the Netherlands.", nl = "Typ de naam van de hoofdstad van Nederland." },
      category = { en = "Places", nl = "Plaatsen" },
      explain = { en = "Amsterdam is the capital.", nl = "Amsterdam is de hoofdstad." },
    },
  },
}
