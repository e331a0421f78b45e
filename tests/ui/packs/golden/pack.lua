-- A fixed bilingual pack for the golden-image tests (tests/ui/golden/; rendered with --plugins tests/ui/packs): its text never
-- changes with the shipped packs, so reference images only change when the look does.
return {
  id = "golden",
  title = { en = "Golden fixture", nl = "Vast testpakket" },
  version = "1",
  description = { en = "Questions that keep the reference screenshots stable.",
                  nl = "Vragen die de referentieschermen stabiel houden." },
  languages = { "en", "nl" },
  sources = { fixture = { publisher = "Trivium tests", title = "Golden fixture" } },
  questions = {
    quiz.choice {
      id = "choice", difficulty = 2, source = "fixture",
      prompt = { en = "Which of these squares is in Amsterdam, next to a big theatre and many cafés?",
                 nl = "Welk van deze pleinen ligt in Amsterdam, naast een grote schouwburg en veel cafés?" },
      answer = "Leidseplein", wrong = { "Grote Markt", "Vrijthof", "Neude" },
      category = { en = "Places", nl = "Plaatsen" },
      explain = { en = "The Leidseplein lies in the centre of Amsterdam.", nl = "Het Leidseplein ligt in het centrum van Amsterdam." },
    },
    quiz.truefalse {
      id = "tf", difficulty = 1, source = "fixture", answer = true,
      prompt = { en = "Šehović is written with a háček on the S.", nl = "Šehović schrijf je met een haček op de S." },
      category = { en = "Names", nl = "Namen" },
      explain = { en = "The Š is a Latin letter with a caron.", nl = "De Š is een Latijnse letter met een haček." },
    },
    quiz.numeric {
      id = "num", difficulty = 3, source = "fixture", answer = 22, unit = { en = "February", nl = "februari" },
      prompt = { en = "On which day of February 2022 did it happen?", nl = "Op welke dag in februari 2022 gebeurde het?" },
      category = { en = "Dates", nl = "Datums" },
      explain = { en = "It was the 22nd.", nl = "Het was de 22e." },
    },
    quiz.order {
      id = "order", difficulty = 2, source = "fixture",
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
    quiz.choice {
      id = "six", difficulty = 1, source = "fixture",
      prompt = { en = "Which letter comes first in the alphabet?", nl = "Welke letter komt het eerst in het alfabet?" },
      answer = "A", wrong = { "B", "C", "D", "E", "F" },
      category = { en = "Letters", nl = "Letters" },
      explain = { en = "A is the first letter.", nl = "A is de eerste letter." },
    },
  },
}
