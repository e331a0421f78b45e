-- The example pack: every question type, a generator and include(). Copy it to start
-- a pack of your own; docs/pack-api.md explains every field.
local planets = include("facts.lua")

return {
  id = "example",
  title = { en = "Example pack", nl = "Voorbeeldpakket" },
  version = "1.0.0",
  description = {
    en = "A small pack that shows every question type and a generator.",
    nl = "Een klein pakket dat elk vraagtype en een generator laat zien.",
  },
  author = "Trivium team",
  languages = { "en", "nl" },
  sources = {
    atlas = { publisher = "Trivium", title = "Example facts for pack authors", date = "2026-11-25" },
  },

  questions = {
    quiz.choice {
      id = "capital-nl",
      prompt = { en = "What is the capital of the Netherlands?", nl = "Wat is de hoofdstad van Nederland?" },
      answer = "Amsterdam",
      wrong = { "Rotterdam", { en = "The Hague", nl = "Den Haag" }, "Utrecht" },
      difficulty = 1,
      category = { en = "Geography", nl = "Aardrijkskunde" },
      explain = {
        en = "The government sits in The Hague, but Amsterdam is the capital.",
        nl = "De regering zetelt in Den Haag, maar Amsterdam is de hoofdstad.",
      },
      source = "atlas",
    },
    quiz.truefalse {
      id = "venus-hot",
      prompt = { en = "Venus is hotter than Mercury.", nl = "Venus is heter dan Mercurius." },
      answer = true,
      difficulty = 2,
      category = { en = "Space", nl = "Ruimte" },
      explain = {
        en = "Its thick atmosphere traps heat, so Venus is the hottest planet.",
        nl = "De dikke dampkring houdt de warmte vast: Venus is de heetste planeet.",
      },
      source = "atlas",
    },
    quiz.numeric {
      id = "moons-mars",
      prompt = { en = "How many moons does Mars have?", nl = "Hoeveel manen heeft Mars?" },
      answer = 2,
      tolerance = 0,
      unit = { en = "moons", nl = "manen" },
      difficulty = 1,
      category = { en = "Space", nl = "Ruimte" },
      explain = { en = "Phobos and Deimos.", nl = "Phobos en Deimos." },
      source = "atlas",
    },
    quiz.order {
      id = "inner-planets",
      prompt = {
        en = "Put these planets in order from the sun outwards.",
        nl = "Zet deze planeten in volgorde, van de zon af.",
      },
      items = { planets[1].name, planets[2].name, planets[3].name, planets[4].name },
      difficulty = 2,
      category = { en = "Space", nl = "Ruimte" },
      explain = {
        en = "Mercury, Venus, Earth, Mars: the rocky inner planets.",
        nl = "Mercurius, Venus, Aarde, Mars: de rotsachtige binnenplaneten.",
      },
      source = "atlas",
    },
    quiz.text {
      id = "red-planet",
      prompt = { en = "Which planet is called the red planet?", nl = "Welke planeet heet de rode planeet?" },
      answer = { "Mars" },
      difficulty = 3,
      category = { en = "Space", nl = "Ruimte" },
      explain = { en = "Iron oxide on its surface makes it look red.", nl = "IJzeroxide aan het oppervlak kleurt hem rood." },
      source = "atlas",
    },
  },

  -- Makes one "which planet has N moons" question per session, with the wrong options
  -- drawn from the same table so they are plausible.
  generate = function(ctx)
    local i = ctx.rng:int(3, #planets)
    local row = planets[i]
    local others = {}
    for j, p in ipairs(planets) do
      if j ~= i and p.moons ~= row.moons then others[#others + 1] = p.name end
    end
    return {
      quiz.choice {
        id = "moons-" .. i,
        prompt = {
          en = "Which planet has " .. row.moons .. " known moon" .. (row.moons == 1 and "" or "s") .. "?",
          nl = "Welke planeet heeft " .. row.moons .. " bekende " .. (row.moons == 1 and "maan" or "manen") .. "?",
        },
        answer = row.name,
        wrong = ctx.rng:sample(others, 3),
        difficulty = 2,
        category = { en = "Space", nl = "Ruimte" },
        explain = {
          en = "Moon counts grow as telescopes find more small moons.",
          nl = "Het aantal manen groeit nog, want telescopen vinden steeds kleinere manen.",
        },
        source = "atlas",
      },
    }
  end,
}
