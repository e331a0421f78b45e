-- The example pack: every question type, a generator and include(). Copy it to start a
-- pack of your own; docs/pack-api.md explains every field.
local cast = include("facts.lua")

---@type trivium.Pack
return {
  id = "example",
  title = { en = "Example pack", nl = "Voorbeeldpakket" },
  version = "1.0.0",
  description = {
    en = "A small pack about iHostage that shows every question type and a generator.",
    nl = "Een klein pakket over iHostage dat elk vraagtype en een generator laat zien.",
  },
  author = "Trivium team",
  languages = { "en", "nl" },
  sources = {
    nerd = { shows = { "golden-hour-maker" }, publisher = "The Nerd Shepherd", date = "2025-04-18",
             title = "Nieuwe Nederlandse thriller van 'Het Gouden Uur'-maker vanaf vandaag te zien op Netflix",
             url = "https://thenerdshepherd.com/films/nieuwe-nederlandse-thriller-van-het-gouden-uur-maker-vanaf-vandaag-te-zien-op-netflix" },
    newsbytes = { publisher = "NewsBytes", date = "2025-04-26", title = "All about Netflix's iHostage",
                  url = "https://www.newsbytesapp.com/news/entertainment/all-about-netflixs-ihostage/story" },
  },

  questions = {
    quiz.choice {
      id = "director",
      prompt = { en = "Who directed iHostage?", nl = "Wie regisseerde iHostage?" },
      answer = "Bobby Boermans",
      wrong = { "Simon de Waal", "Marcel Hensema", "Loes Haverkort" },
      difficulty = 1,
      category = { en = "The makers", nl = "De makers" },
      explain = { en = "Bobby Boermans directed; Simon de Waal wrote the screenplay.",
                  nl = "Bobby Boermans regisseerde; Simon de Waal schreef het scenario." },
      source = "nerd",
      -- An actor among the wrong options gives away the cast question about him.
      shows = { "cast/Marcel Hensema", "cast/Loes Haverkort" },
    },
    quiz.truefalse {
      id = "friday-release",
      prompt = { en = "iHostage appeared on Netflix on a Friday.", nl = "iHostage verscheen op een vrijdag op Netflix." },
      answer = true,
      difficulty = 2,
      category = { en = "Release", nl = "Release" },
      explain = { en = "It went online on Friday 18 April 2025.", nl = "De film ging op vrijdag 18 april 2025 online." },
      source = "nerd",
    },
    quiz.numeric {
      id = "crisis-year",
      prompt = { en = "In which year did the hostage-taking in the Apple Store take place?",
                 nl = "In welk jaar vond de gijzeling in de Apple Store plaats?" },
      answer = 2022,
      unit = { en = "year", nl = "jaar" },
      difficulty = 1,
      category = { en = "The real events", nl = "De echte gebeurtenissen" },
      explain = { en = "It happened on 22 February 2022; the film followed three years later.",
                  nl = "Het gebeurde op 22 februari 2022; de film volgde drie jaar later." },
      source = "nerd",
    },
    quiz.order {
      id = "timeline",
      prompt = { en = "Put these in order, earliest first.", nl = "Zet deze in volgorde, de vroegste eerst." },
      items = {
        { en = "The hostage-taking in the Apple Store", nl = "De gijzeling in de Apple Store" },
        { en = "iHostage appears on Netflix", nl = "iHostage verschijnt op Netflix" },
        { en = "NewsBytes explains the cast and story", nl = "NewsBytes legt cast en verhaal uit" },
      },
      difficulty = 2,
      category = { en = "Release", nl = "Release" },
      explain = { en = "February 2022, then 18 April 2025, then the NewsBytes article of 26 April 2025.",
                  nl = "Februari 2022, dan 18 april 2025, dan het NewsBytes-artikel van 26 april 2025." },
      source = "newsbytes",
    },
    quiz.text {
      id = "square",
      prompt = { en = "On which Amsterdam square is the Apple Store of the film's story?",
                 nl = "Aan welk Amsterdams plein staat de Apple Store uit het verhaal van de film?" },
      answer = { "Leidseplein", "het Leidseplein" },
      difficulty = 2,
      category = { en = "The real events", nl = "De echte gebeurtenissen" },
      explain = { en = "The store is on the Leidseplein, a busy square in the centre.",
                  nl = "De winkel staat aan het Leidseplein, een druk plein in het centrum." },
      source = "nerd",
    },
  },

  -- One "who plays X" question per session, wrong options drawn from the same table so
  -- they are plausible (other actors of the film).
  generate = function(ctx)
    local i = ctx.rng:int(1, #cast)
    local row = cast[i]
    local others = {}
    for j, r in ipairs(cast) do
      if j ~= i then others[#others + 1] = r.actor end
    end
    return {
      quiz.choice {
        id = "plays-" .. i,
        prompt = { en = "Who plays " .. row.character .. " in iHostage?",
                   nl = "Wie speelt " .. row.character .. " in iHostage?" },
        answer = row.actor,
        wrong = ctx.rng:sample(others, 3),
        difficulty = 2,
        category = { en = "Cast", nl = "Cast" },
        explain = { en = row.actor .. " plays " .. row.character .. ".",
                    nl = row.actor .. " speelt " .. row.character .. "." },
        source = "newsbytes",
        asks = "cast/" .. row.actor,
      },
    }
  end,
}
