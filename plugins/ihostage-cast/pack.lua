-- iHostage (Netflix, 2025): the actors and the characters they play.
-- Static questions cover the actors' other work and the making of the film;
-- generate() builds who-plays-whom, role, side and story questions from facts.lua.

local F = include("facts.lua")

local LANGS = { "en", "nl" }

-- Fill a two-language template; arguments may be plain strings or language tables.
local function fmt(tpl, ...)
  local args = table.pack(...)
  local out = {}
  for _, lang in ipairs(LANGS) do
    local a = {}
    for i = 1, args.n do
      local v = args[i]
      if type(v) == "table" then v = v[lang] or v.en end
      a[i] = v
    end
    out[lang] = string.format(tpl[lang], table.unpack(a, 1, args.n))
  end
  return out
end

-- "the police negotiator" -> "The police negotiator" (all role texts start in ASCII).
local function cap(t)
  local out = {}
  for _, lang in ipairs(LANGS) do
    out[lang] = t[lang]:sub(1, 1):upper() .. t[lang]:sub(2)
  end
  return out
end

local CAT_WHO = { en = "Who plays whom", nl = "Wie speelt wie" }
local CAT_ROLE = { en = "Characters", nl = "Personages" }
local CAT_SIDE = { en = "Sides of the crisis", nl = "Partijen in de crisis" }
local CAT_STORY = { en = "The story", nl = "Het verhaal" }
local CAT_WORK = { en = "Other work", nl = "Ander werk" }
local CAT_MAKING = { en = "Behind the scenes", nl = "Achter de schermen" }
local CAT_CAST = { en = "Cast", nl = "Cast" }

local by_key = {}
for _, c in ipairs(F.cast) do by_key[c.key] = c end
local side_by_key = {}
for _, s in ipairs(F.sides) do side_by_key[s.key] = s end

-- Everyone in `list` except `c`; with `no_clash`, also without anyone sharing c's
-- clash group (used for role texts, where "leader of the DSI team" and "member of
-- the DSI team" could both describe the same person).
local function others(c, list, no_clash)
  local out = {}
  for _, o in ipairs(list) do
    if o ~= c and not (no_clash and c.clash and o.clash == c.clash) then out[#out + 1] = o end
  end
  return out
end

local function pick_kind(rng, kinds)
  return kinds[rng:int(1, #kinds)]
end

local function actor_noun(c)
  if c.female then return { en = "actress", nl = "actrice" } end
  return { en = "actor", nl = "acteur" }
end

-- One sentence that states the true pairing, used in explanations.
local function pairing(c)
  return fmt({ en = "The role of %s, %s, went to %s.", nl = "De rol van %s, %s, ging naar %s." },
             c.character, c.role, c.actor)
end

------------------------------------------------------------------------------
-- Generated question kinds. Each takes (rng, c) and returns one question.
------------------------------------------------------------------------------

local link_kinds = {
  -- Who plays this character?
  function(rng, c)
    local wrong = {}
    for _, o in ipairs(rng:sample(others(c, F.cast), 3)) do wrong[#wrong + 1] = o.actor end
    return quiz.choice {
      id = "plays-" .. c.key,
      prompt = fmt({ en = "Who plays %s in iHostage?", nl = "Wie speelt %s in iHostage?" }, c.character),
      answer = c.actor,
      wrong = wrong,
      difficulty = c.tier,
      category = CAT_WHO,
      explain = pairing(c),
      source = c.source,
    }
  end,
  -- Which character does this actor play?
  function(rng, c)
    local wrong = {}
    for _, o in ipairs(rng:sample(others(c, F.cast), 3)) do wrong[#wrong + 1] = o.character end
    return quiz.choice {
      id = "character-of-" .. c.key,
      prompt = fmt({ en = "Which character does %s play in iHostage?",
                     nl = "Welk personage speelt %s in iHostage?" }, c.actor),
      answer = c.character,
      wrong = wrong,
      difficulty = c.tier,
      category = CAT_WHO,
      explain = pairing(c),
      source = c.source,
    }
  end,
  -- True or false: actor X plays character Y.
  function(rng, c)
    local truth = rng:int(1, 2) == 1
    local shown = c
    if not truth then shown = rng:pick(others(c, F.cast)) end
    local explain
    if truth then
      explain = pairing(c)
    else
      explain = fmt({ en = "No: %s plays %s, while %s is played by %s.",
                      nl = "Nee: %s speelt %s, en %s wordt gespeeld door %s." },
                    c.actor, c.character, shown.character, shown.actor)
    end
    return quiz.truefalse {
      id = "tf-plays-" .. c.key,
      prompt = fmt({ en = "True or false: in iHostage, %s plays %s.",
                     nl = "Waar of niet waar: in iHostage speelt %s de rol van %s." },
                   c.actor, shown.character),
      answer = truth,
      difficulty = math.min(3, c.tier + 1),
      category = CAT_WHO,
      explain = explain,
      source = c.source,
    }
  end,
  -- Type the actor's surname.
  function(_, c)
    return quiz.text {
      id = "type-actor-" .. c.key,
      prompt = fmt({ en = "Type the surname of the %s who plays %s in iHostage.",
                     nl = "Typ de achternaam van de %s die %s speelt in iHostage." },
                   actor_noun(c), c.character),
      answer = c.actor_answers,
      difficulty = 3,
      category = CAT_WHO,
      explain = pairing(c),
      source = c.source,
    }
  end,
  -- Type the character's name.
  function(_, c)
    return quiz.text {
      id = "type-character-" .. c.key,
      prompt = fmt({ en = "Type the name of the character %s plays in iHostage (a first name is enough).",
                     nl = "Typ de naam van het personage dat %s in iHostage speelt (een voornaam is genoeg)." },
                   c.actor),
      answer = c.character_answers,
      difficulty = 3,
      category = CAT_WHO,
      explain = pairing(c),
      source = c.source,
    }
  end,
}

local function role_explain(c)
  if c.note then
    return fmt({ en = "In iHostage, %s is %s. %s", nl = "In iHostage is %s %s. %s" }, c.character, c.role, c.note)
  end
  return fmt({ en = "In iHostage, %s is %s.", nl = "In iHostage is %s %s." }, c.character, c.role)
end

local ROLE_TRUEFALSE = 3 -- index of the true/false kind in role_kinds
local role_kinds = {
  -- What is this character's role?
  function(rng, c)
    local wrong = {}
    for _, o in ipairs(rng:sample(others(c, F.cast, true), 3)) do wrong[#wrong + 1] = cap(o.role) end
    return quiz.choice {
      id = "role-" .. c.key,
      prompt = fmt({ en = "What is %s's part in the story of iHostage?",
                     nl = "Wat is de rol van %s in het verhaal van iHostage?" }, c.character),
      answer = cap(c.role),
      wrong = wrong,
      difficulty = math.min(3, c.tier + 1),
      category = CAT_ROLE,
      explain = role_explain(c),
      source = c.source,
    }
  end,
  -- Which character has this role?
  function(rng, c)
    local wrong = {}
    for _, o in ipairs(rng:sample(others(c, F.cast, true), 3)) do wrong[#wrong + 1] = o.character end
    return quiz.choice {
      id = "who-is-" .. c.key,
      prompt = fmt({ en = "Which character in iHostage is %s?",
                     nl = "Welk personage in iHostage is %s?" }, c.role),
      answer = c.character,
      wrong = wrong,
      difficulty = c.tier,
      category = CAT_ROLE,
      explain = role_explain(c),
      source = c.source,
    }
  end,
  -- True or false: character X has role Y.
  function(rng, c)
    local truth = rng:int(1, 2) == 1
    local shown = c
    if not truth then shown = rng:pick(others(c, F.cast, true)) end
    local explain
    if truth then
      explain = role_explain(c)
    else
      explain = fmt({ en = "No: %s is %s; %s is %s.", nl = "Nee: %s is %s; %s is %s." },
                    c.character, c.role, shown.character, shown.role)
    end
    return quiz.truefalse {
      id = "tf-role-" .. c.key,
      prompt = fmt({ en = "True or false: in iHostage, %s is %s.",
                     nl = "Waar of niet waar: in iHostage is %s %s." }, c.character, shown.role),
      answer = truth,
      difficulty = math.min(3, c.tier + 1),
      category = CAT_ROLE,
      explain = explain,
      source = c.source,
    }
  end,
}


local function wrong_sides(c)
  local avoid = F.side_avoid[c.side] or {}
  local out = {}
  for _, s in ipairs(F.sides) do
    if s.key ~= c.side and not avoid[s.key] then out[#out + 1] = s end
  end
  return out
end

local SIDE_CHOICE = 1 -- index of the multiple-choice kind in side_kinds
local side_kinds = {
  function(_, c)
    local wrong = {}
    for _, s in ipairs(wrong_sides(c)) do wrong[#wrong + 1] = s.label end
    return quiz.choice {
      id = "side-" .. c.key,
      prompt = fmt({ en = "Which side of the crisis is %s on in iHostage?",
                     nl = "Aan welke kant van de crisis staat %s in iHostage?" }, c.character),
      answer = side_by_key[c.side].label,
      wrong = wrong,
      difficulty = 1,
      category = CAT_SIDE,
      explain = role_explain(c),
      source = c.source,
    }
  end,
  function(rng, c)
    local truth = rng:int(1, 2) == 1
    local side = side_by_key[c.side]
    if not truth then side = rng:pick(wrong_sides(c)) end
    return quiz.truefalse {
      id = "tf-side-" .. c.key,
      prompt = fmt({ en = "True or false: %s", nl = "Waar of niet waar: %s" },
                   fmt(side.claim, c.character)),
      answer = truth,
      difficulty = 1,
      category = CAT_SIDE,
      explain = role_explain(c),
      source = c.source,
    }
  end,
}

local function plot_question(rng, p)
  local c = by_key[p.who]
  local pool = {}
  if p.wrong_keys then
    for _, k in ipairs(p.wrong_keys) do pool[#pool + 1] = by_key[k] end
  else
    for _, o in ipairs(F.cast) do
      if o.side ~= c.side and not (p.exclude and p.exclude[o.key]) then pool[#pool + 1] = o end
    end
  end
  local wrong = {}
  for _, o in ipairs(rng:sample(pool, math.min(3, #pool))) do wrong[#wrong + 1] = o.character end
  return quiz.choice {
    id = "story-" .. p.key,
    prompt = fmt({ en = "Which character in iHostage %s?", nl = "Welk personage in iHostage %s?" }, p.text),
    answer = c.character,
    wrong = wrong,
    difficulty = p.difficulty,
    category = CAT_STORY,
    explain = p.explain,
    source = p.source,
  }
end

------------------------------------------------------------------------------
-- Static questions (answers read from the fact table where it holds them)
------------------------------------------------------------------------------

local MOUSSOULI, SEHOVIC, VAN_DER_GRIJN = by_key.ammar, by_key.ilian, by_key.abe
local TALPE = by_key.winston
local JACKSON_HOOI = F.other_cast[1]

-- "Bing Mauricius" -> { "Bing Mauricius", "Bing", "Mauricius" }
local function name_answers(full)
  local out = { full }
  for word in full:gmatch("%S+") do out[#out + 1] = word end
  return out
end

-- The leads Netflix named in February 2024, by surname, in table order.
local leads = {}
for _, c in ipairs(F.cast) do
  if c.lead_2024 then leads[#leads + 1] = c.actor_answers[2] end -- [2] is the surname form
end
local leads_list = { en = table.concat(leads, ", ", 1, #leads - 1) .. " and " .. leads[#leads],
                     nl = table.concat(leads, ", ", 1, #leads - 1) .. " en " .. leads[#leads] }

local questions = {
  quiz.truefalse {
    id = "s-jackson-hooi-ouwerkerk",
    prompt = { en = "True or false: Everon Jackson Hooi and Fockeline Ouwerkerk are both in the cast of iHostage.",
               nl = "Waar of niet waar: Everon Jackson Hooi en Fockeline Ouwerkerk spelen allebei mee in iHostage." },
    answer = true,
    difficulty = 2,
    category = CAT_CAST,
    explain = { en = "Both are named among Soufiane Moussouli's co-stars when the film came out on Netflix.",
                nl = "Bij de Netflix-release werden ze allebei genoemd als tegenspelers van Soufiane Moussouli." },
    source = "nerdshepherd",
  },
  quiz.text {
    id = "s-gtst-role",
    prompt = { en = "Everon Jackson Hooi, who is in the cast of iHostage, is best known for a part in the soap GTST. Type that character's name.",
               nl = "Everon Jackson Hooi, die meespeelt in iHostage, is vooral bekend van een rol in de soap GTST. Typ de naam van dat personage." },
    answer = name_answers(JACKSON_HOOI.known_for.character),
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "Jackson Hooi is best known as Bing Mauricius in Goede tijden, slechte tijden.",
                nl = "Jackson Hooi kennen de meeste kijkers als Bing Mauricius uit Goede tijden, slechte tijden." },
    source = "femfem",
  },
  quiz.truefalse {
    id = "s-corton-cast",
    prompt = { en = "True or false: Eric Corton has a part in iHostage.",
               nl = "Waar of niet waar: Eric Corton speelt mee in iHostage." },
    answer = true,
    difficulty = 3,
    category = CAT_CAST,
    explain = { en = "Corton is listed in the wider cast, next to names such as Thijs Boermans and Roosmarijn van der Hoek.",
                nl = "Corton staat in de bredere cast, naast onder anderen Thijs Boermans en Roosmarijn van der Hoek." },
    source = "bnnvara",
  },
  quiz.choice {
    id = "s-ted-lasso",
    prompt = { en = "Which iHostage actor played the Dutchman on a houseboat who takes Rebecca in during Ted Lasso's Amsterdam episode?",
               nl = "Welke acteur uit iHostage speelde in de Amsterdamse aflevering van Ted Lasso de Nederlander met een woonboot die Rebecca onderdak geeft?" },
    answer = VAN_DER_GRIJN.actor,
    wrong = { by_key.kees.actor, TALPE.actor, MOUSSOULI.actor },
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "Matteo van der Grijn, Abe in iHostage, had that role in 'Sunflowers', the Amsterdam episode of Ted Lasso's third season.",
                nl = "Matteo van der Grijn, Abe in iHostage, speelde die rol in 'Sunflowers', de Amsterdamse aflevering uit het derde seizoen van Ted Lasso." },
    source = "newspiller",
  },
  quiz.text {
    id = "s-ted-lasso-episode",
    prompt = { en = "What is the title of the Amsterdam episode of Ted Lasso (season 3) in which Matteo van der Grijn appears?",
               nl = "Hoe heet de Amsterdamse aflevering van Ted Lasso (seizoen 3) waarin Matteo van der Grijn te zien is?" },
    answer = { VAN_DER_GRIJN.ted_lasso.episode },
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "The episode is called 'Sunflowers'; Van der Grijn plays a Dutchman who lets Rebecca stay on his houseboat.",
                nl = "De aflevering heet 'Sunflowers'; Van der Grijn speelt een Nederlander die Rebecca op zijn woonboot laat logeren." },
    source = "newspiller",
  },
  quiz.truefalse {
    id = "s-van-der-grijn-golden-hour",
    prompt = { en = "True or false: Matteo van der Grijn also acted in The Golden Hour (Het Gouden Uur).",
               nl = "Waar of niet waar: Matteo van der Grijn speelde ook mee in Het Gouden Uur." },
    answer = true,
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "Van der Grijn, who plays DSI team leader Abe in iHostage, had a part in The Golden Hour as well.",
                nl = "Van der Grijn, die in iHostage DSI-teamleider Abe speelt, had ook een rol in Het Gouden Uur." },
    source = "newspiller",
  },
  quiz.choice {
    id = "s-sehovic-birthplace",
    prompt = { en = "In which town was Admir Šehović, who plays the hostage Ilian, born?",
               nl = "In welke plaats is Admir Šehović, die de gegijzelde Ilian speelt, geboren?" },
    answer = SEHOVIC.birthplace,
    wrong = { SEHOVIC.trained_in, { en = "Belgrade", nl = "Belgrado" }, "Mostar" },
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "Šehović was born in Prijepolje; he later went to drama school in Sarajevo.",
                nl = "Šehović werd geboren in Prijepolje en volgde later de toneelopleiding in Sarajevo." },
    source = "bonjour",
  },
  quiz.choice {
    id = "s-sehovic-academy",
    prompt = { en = "In which city did Admir Šehović train at the acting academy?",
               nl = "In welke stad volgde Admir Šehović de toneelacademie?" },
    answer = SEHOVIC.trained_in,
    wrong = { SEHOVIC.birthplace, { en = "Belgrade", nl = "Belgrado" }, "Zagreb" },
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "Šehović, born in Prijepolje, learned his craft at the acting academy in Sarajevo.",
                nl = "Šehović, geboren in Prijepolje, leerde het vak aan de toneelacademie in Sarajevo." },
    source = "bonjour",
  },
  quiz.numeric {
    id = "s-sehovic-milan-age",
    prompt = { en = "As a child, Admir Šehović played the boy Milan in the film Lepa sela lepo gore. How old was he then?",
               nl = "Als kind speelde Admir Šehović de jongen Milan in de film Lepa sela lepo gore. Hoe oud was hij toen?" },
    answer = SEHOVIC.child_role.age,
    tolerance = 0,
    unit = { en = "years", nl = "jaar" },
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "He was ten when he played young Milan, long before he became Ilian Petrov in iHostage.",
                nl = "Hij was tien toen hij de jonge Milan speelde, lang voordat hij Ilian Petrov werd in iHostage." },
    source = "novi",
  },
  quiz.numeric {
    id = "s-lepa-sela-year",
    prompt = { en = "Lepa sela lepo gore is the film in which a young Admir Šehović played Milan. From which year is it?",
               nl = "Lepa sela lepo gore is de film waarin een jonge Admir Šehović Milan speelde. Uit welk jaar is die film?" },
    answer = SEHOVIC.child_role.year,
    tolerance = 0,
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "The film dates from 1996; Šehović was ten years old at the time.",
                nl = "De film is van 1996; Šehović was toen tien jaar oud." },
    source = "novi",
  },
  quiz.numeric {
    id = "s-talpe-age",
    prompt = { en = "How old was Louis Talpe, who plays DSI officer Winston, when iHostage came out? (2 years either way counts)",
               nl = "Hoe oud was Louis Talpe, die DSI-agent Winston speelt, toen iHostage uitkwam? (2 jaar ernaast telt ook)" },
    answer = TALPE.age_at_release,
    tolerance = 2,
    unit = { en = "years", nl = "jaar" },
    difficulty = 3,
    category = CAT_CAST,
    explain = { en = "Talpe was 43 when the film was released on Netflix.",
                nl = "Talpe was 43 toen de film op Netflix verscheen." },
    source = "newslocker",
  },
  quiz.truefalse {
    id = "s-talpe-training",
    prompt = { en = "True or false: to prepare for his part as Winston, Louis Talpe was trained by a special police unit.",
               nl = "Waar of niet waar: als voorbereiding op zijn rol als Winston kreeg Louis Talpe training van een speciale politie-eenheid." },
    answer = true,
    difficulty = 2,
    category = CAT_MAKING,
    explain = { en = "Talpe plays a member of the DSI, and a special police unit drilled him for the part.",
                nl = "Talpe speelt een lid van de DSI en werd voor die rol getraind door een speciale politie-eenheid." },
    source = "newslocker",
  },
  quiz.numeric {
    id = "s-leads-announced",
    prompt = { en = "When Netflix announced the film in February 2024, how many lead actors did it name?",
               nl = "Hoeveel hoofdrolspelers maakte Netflix bekend toen het de film in februari 2024 aankondigde?" },
    answer = #leads,
    tolerance = 0,
    unit = { en = "actors", nl = "acteurs" },
    difficulty = 2,
    category = CAT_CAST,
    explain = fmt({ en = "Netflix named five leads: %s.", nl = "Netflix noemde vijf hoofdrolspelers: %s." }, leads_list),
    source = "nltimes2024",
  },
  quiz.order {
    id = "s-order-cast-timeline",
    prompt = { en = "Put these moments in order, earliest first.",
               nl = "Zet deze momenten op volgorde, het vroegste eerst." },
    items = {
      { en = "A ten-year-old Admir Šehović plays Milan in Lepa sela lepo gore",
        nl = "Een tienjarige Admir Šehović speelt Milan in Lepa sela lepo gore" },
      { en = "Netflix announces the film and names five leads",
        nl = "Netflix kondigt de film aan en noemt vijf hoofdrolspelers" },
      { en = "Netflix reveals the title iHostage and a wider cast",
        nl = "Netflix maakt de titel iHostage en een bredere cast bekend" },
      { en = "iHostage premieres on Netflix",
        nl = "iHostage gaat in première op Netflix" },
    },
    difficulty = 2,
    category = CAT_CAST,
    explain = { en = "1996, February 2024, October 2024 and finally 18 April 2025.",
                nl = "1996, februari 2024, oktober 2024 en ten slotte 18 april 2025." },
    source = "nhnieuws2024",
  },
}

return {
  id = "ihostage-cast",
  title = { en = "iHostage: cast and characters", nl = "iHostage: cast en personages" },
  version = "1.0.0",
  description = {
    en = "Who plays whom in iHostage, the 2025 Netflix thriller about the Apple Store siege in Amsterdam, plus the actors' other work.",
    nl = "Wie speelt wie in iHostage, de Netflix-thriller uit 2025 over de gijzeling in de Amsterdamse Apple Store, plus ander werk van de acteurs.",
  },
  author = "Trivium team",
  languages = { "en", "nl" },
  sources = {
    nerdshepherd = { publisher = "The Nerd Shepherd",
                     title = "Nieuwe Nederlandse thriller van 'Het Gouden Uur'-maker vanaf vandaag te zien op Netflix",
                     date = "2025-04-18",
                     url = "https://thenerdshepherd.com/films/nieuwe-nederlandse-thriller-van-het-gouden-uur-maker-vanaf-vandaag-te-zien-op-netflix" },
    filmvandaag = { publisher = "FilmVandaag",
                    title = "Nederlandse thriller in 93 landen in de Netflix top 10 en wereldwijd 58 miljoen keer bekeken",
                    url = "https://www.filmvandaag.nl/nieuws/26501-nederlandse-thriller-in-93-landen-in-de-netflix-top-10-en-wereldwijd-58-miljoen-keer-bekeken" },
    newsbytes = { publisher = "NewsBytes",
                  title = "'iHostage': Netflix's latest thriller explores true hostage crisis",
                  date = "2025-04-26",
                  url = "https://www.newsbytesapp.com/news/entertainment/all-about-netflixs-ihostage/story" },
    thereelbits = { publisher = "The Reel Bits", title = "Review: iHostage", date = "2025-04-18",
                    url = "https://thereelbits.com/2025/04/18/review-ihostage" },
    newslocker = { publisher = "Newslocker",
                   title = "Louis Talpe kreeg intense training van speciale politiedienst voor rol in 'iHostage'",
                   url = "https://m.newslocker.com/nl-nl/nieuws/sex_en_relaties/louis-talpe-kreeg-intense-training-van-speciale-politiedienst-voor-rol-in-ihostage-zodra-zij-telefoon-krijgen-laten-ze-alles-vallen" },
    bonjour = { publisher = "Bonjour.ba", title = "Netflix triler film: Admir Šehović", date = "2025-04-16",
                url = "https://bonjour.ba/netflix-triler-film-admir-sehovic" },
    novi = { publisher = "Novi.ba",
             title = "Prije 24 godine glumio je Milana u filmu 'Lepa sela lepo gore', a evo kako danas izgleda",
             url = "http://novi.ba/clanak/270099/" },
    femfem = { publisher = "Fem-Fem", title = "Gaat Everon Hooi GTST verlaten? Dít is wat we weten",
               url = "https://fem-fem.nl/fun-living/gaat-everon-hooi-gtst-verlaten-dt-is-wat-we-weten" },
    newspiller = { publisher = "Newspiller",
                   title = "iHostage review: Netflix's Dutch crime thriller might be worth a watch for true crime fans",
                   url = "https://newspiller.com/ihostage-review-netflixs-dutch-crime-thriller-might-be-worth-a-watch-for-true-crime-fans" },
    snooperscope = { publisher = "Snooper Scope", title = "iHostage review: a decent watch for all crime drama fans",
                     url = "https://snooper-scope.in/ihostage-review-a-decent-watch-for-all-crime-drama-fans" },
    bnnvara = { publisher = "BNNVARA (VARAgids)",
                title = "iHostage: film over gijzeling in Apple Store komt in april naar Netflix",
                url = "https://www.bnnvara.nl/varagids/artikelen/ihostage-film-over-gijzeling-in-apple-store-komt-in-april-naar-netflix" },
    nltimes2024 = { publisher = "NL Times",
                    title = "Netflix working on movie about Apple Store hostage situation in Amsterdam",
                    date = "2024-02-05",
                    url = "https://nltimes.nl/2024/02/05/netflix-working-movie-apple-store-hostage-situation-amsterdam" },
    nhnieuws2024 = { publisher = "NH Nieuws", title = "Netflix-film over gijzeling in Apple Store gaat iHostage heten",
                     url = "https://www.nhnieuws.nl/nieuws/341655/netflix-film-over-gijzeling-in-apple-store-gaat-ihostage-heten" },
    wikipedia = { publisher = "Wikipedia (English)", title = "iHostage",
                  url = "https://en.wikipedia.org/wiki/IHostage" },
    tvmovie = { publisher = "TV Movie",
                title = "„iHostage“: Ende erklärt! Basiert der Film auf wahren Begebenheiten?",
                url = "https://www.tvmovie.de/news/ihostage-ende-erklaert-basiert-der-film-auf-wahren-begebenheiten-150038" },
  },
  questions = questions,

  -- Every call returns all seven characters once as a who-plays-whom question and
  -- once as a role question (the kind of each is drawn by ctx.rng), every story
  -- moment of F.plot once (so every source a row names is used in every session),
  -- plus side questions for 4 of the 7 characters. Different seeds give different
  -- kinds, distractors and picks; the same seed always gives the same list.
  generate = function(ctx)
    local rng = ctx.rng
    local out = {}
    -- A true/false role statement and a true/false side statement about the same
    -- character can read the same ("Ilian Petrov is the main hostage"), so a
    -- character that got the former only gets the multiple-choice side question.
    local tf_role = {}
    for _, c in ipairs(F.cast) do
      out[#out + 1] = pick_kind(rng, link_kinds)(rng, c)
      local k = rng:int(1, #role_kinds)
      tf_role[c.key] = (k == ROLE_TRUEFALSE)
      out[#out + 1] = role_kinds[k](rng, c)
    end
    for _, c in ipairs(rng:sample(F.cast, 4)) do
      local kind = pick_kind(rng, side_kinds)
      if tf_role[c.key] then kind = side_kinds[SIDE_CHOICE] end
      out[#out + 1] = kind(rng, c)
    end
    for _, p in ipairs(F.plot) do
      out[#out + 1] = plot_question(rng, p)
    end
    return out
  end,
}
