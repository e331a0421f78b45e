-- iHostage (Netflix, 2025): the actors and the characters they play.
-- Static questions cover the actors' other work and the making of the film;
-- generate() builds who-plays-whom and who-is-who questions from facts.lua; the story
-- itself belongs to the ihostage-plot pack.

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
local CAT_WORK = { en = "Other work", nl = "Ander werk" }
local CAT_MAKING = { en = "Behind the scenes", nl = "Achter de schermen" }
local CAT_CAST = { en = "Cast", nl = "Cast" }

local by_key = {}
for _, c in ipairs(F.cast) do by_key[c.key] = c end

local function pick_template(rng, list)
  return list[rng:int(1, #list)]
end

local function actor_noun(c)
  if c.gender == "female" then return { en = "actress", nl = "actrice" } end
  return { en = "actor", nl = "acteur" }
end

-- Every actor the table gives a gender for: the cast with known characters, plus the
-- wider cast (whose characters are unknown, so they can only ever be wrong actors for
-- a character the fact sheet gives to someone else).
local actors = {}
for _, c in ipairs(F.cast) do actors[#actors + 1] = c end
for _, o in ipairs(F.other_cast) do
  if o.gender then actors[#actors + 1] = o end
end

-- Up to n wrong entries for c from `list`: same gender only, the same side first
-- (where the table gives sides), then the rest, each group in random order.
local function distractors(rng, c, list, n, usable)
  local near, far = {}, {}
  for _, o in ipairs(list) do
    if o ~= c and o.gender == c.gender and (not usable or usable(o)) then
      if o.side and o.side == c.side then near[#near + 1] = o else far[#far + 1] = o end
    end
  end
  rng:shuffle(near)
  rng:shuffle(far)
  local out = {}
  for _, o in ipairs(near) do if #out < n then out[#out + 1] = o end end
  for _, o in ipairs(far) do if #out < n then out[#out + 1] = o end end
  return out
end

-- Facts a question shows by naming people or roles (asks/shows, docs/pack-api.md).
-- Naming a character answers the questions that ask for that name (cast/KEY: who plays
-- whom; who-is/KEY: which character has a role); naming an actor answers who plays
-- their character (cast/KEY) and the questions about that actor's other work
-- (actor/KEY); a role's words answer role/KEY.
local function shows_of(chars, named_actors, roles)
  local out, seen = {}, {}
  local function add(f) if not seen[f] then seen[f] = true; out[#out + 1] = f end end
  for _, o in ipairs(chars or {}) do add("cast/" .. o.key); add("who-is/" .. o.key) end
  for _, o in ipairs(named_actors or {}) do
    if o.key then add("cast/" .. o.key); add("actor/" .. o.key) end
  end
  for _, o in ipairs(roles or {}) do add("role/" .. o.key) end
  return out
end

-- One sentence that states the true pairing (and nothing about the role, which the
-- character's role question may ask), used in explanations.
local function pairing(c)
  return fmt({ en = "The part of %s went to %s.", nl = "De rol van %s ging naar %s." }, c.character, c.actor)
end

-- Generated true/false claims are true with this chance; the static ones are two true
-- and two false, so the pack stays near half True.
local P_TRUE = 0.5

------------------------------------------------------------------------------
-- Who plays whom. Each kind is { ok = function(c) -> bool, make = function(rng, c) }.
------------------------------------------------------------------------------

local link_kinds = {
  { -- Who plays this character?
    ok = function(c)
      local n = 0
      for _, o in ipairs(actors) do if o ~= c and o.gender == c.gender then n = n + 1 end end
      return n >= 3
    end,
    make = function(rng, c)
      local wrong, named = {}, { c }
      for _, o in ipairs(distractors(rng, c, actors, 3)) do wrong[#wrong + 1] = o.actor; named[#named + 1] = o end
      local tpl = pick_template(rng, {
        { en = "Who plays %s in iHostage?", nl = "Wie speelt %s in iHostage?" },
        { en = "Which %s took on the part of %s?", nl = "Welke %s kreeg de rol van %s?", noun = true },
        { en = "%s: who is behind this character?", nl = "%s: wie speelt dit personage?" },
      })
      local prompt = tpl.noun and fmt(tpl, actor_noun(c), c.character) or fmt(tpl, c.character)
      return quiz.choice {
        id = "plays-" .. c.key, asks = "cast/" .. c.key, shows = shows_of({ c }, named),
        prompt = prompt, answer = c.actor, wrong = wrong,
        difficulty = c.tier, category = CAT_WHO, explain = pairing(c), source = c.source,
      }
    end,
  },
  { -- Which character does this actor play? Only where three characters of the same
    -- gender exist, so the answer is never the only woman (or man) offered.
    ok = function(c)
      local n = 0
      for _, o in ipairs(F.cast) do if o ~= c and o.gender == c.gender then n = n + 1 end end
      return n >= 3
    end,
    make = function(rng, c)
      local wrong, named = {}, { c }
      for _, o in ipairs(distractors(rng, c, F.cast, 3)) do
        wrong[#wrong + 1] = o.character_answers[1]; named[#named + 1] = o
      end
      local tpl = pick_template(rng, {
        { en = "Which character does %s play in iHostage?", nl = "Welk personage speelt %s in iHostage?" },
        { en = "In the Apple Store thriller, %s plays…", nl = "In de thriller over de Apple Store speelt %s…" },
        { en = "Whose part does %s play?", nl = "Wiens rol speelt %s?" },
      })
      return quiz.choice {
        id = "character-of-" .. c.key, asks = "cast/" .. c.key, shows = shows_of(named, { c }),
        prompt = fmt(tpl, c.actor), answer = c.character_answers[1], wrong = wrong,
        difficulty = c.tier, category = CAT_WHO, explain = pairing(c), source = c.source,
      }
    end,
  },
  { -- True or false: actor X plays character Y. A false claim names another actor of the
    -- same gender for this character (the fact sheet gives the part to c.actor).
    ok = function() return true end,
    make = function(rng, c)
      local truth = rng:int(1, 100) <= P_TRUE * 100
      local shown = c
      if not truth then shown = distractors(rng, c, actors, 1)[1] end
      local explain = pairing(c)
      if not truth then
        explain = fmt({ en = "No. %s", nl = "Nee. %s" }, pairing(c))
      end
      local tpl = pick_template(rng, {
        { en = "True or false: %s plays %s in iHostage.", nl = "Waar of niet waar: %s speelt %s in iHostage." },
        { en = "True or false: the part of %s went to %s.", nl = "Waar of niet waar: de rol van %s ging naar %s.",
          swap = true },
      })
      local prompt = tpl.swap and fmt(tpl, c.character, shown.actor) or fmt(tpl, shown.actor, c.character)
      return quiz.truefalse {
        id = "tf-plays-" .. c.key, asks = "cast/" .. c.key, shows = shows_of({ c }, { c, shown }),
        prompt = prompt, answer = truth,
        difficulty = math.max(1, c.tier - 1), category = CAT_WHO, explain = explain, source = c.source,
      }
    end,
  },
  { -- Type the actor's surname.
    ok = function() return true end,
    make = function(rng, c)
      local tpl = pick_template(rng, {
        { en = "Type the surname of the %s who plays %s in iHostage.",
          nl = "Typ de achternaam van de %s die in iHostage %s speelt." },
        { en = "%s is played by which %s? Type the surname.",
          nl = "Door welke %s wordt %s gespeeld? Typ de achternaam.", swap = true },
      })
      local prompt
      if tpl.swap then
        prompt = { en = string.format(tpl.en, quiz.lang(c.character, "en"), quiz.lang(actor_noun(c), "en")),
                   nl = string.format(tpl.nl, quiz.lang(actor_noun(c), "nl"), quiz.lang(c.character, "nl")) }
      else
        prompt = fmt(tpl, actor_noun(c), c.character)
      end
      return quiz.text {
        id = "type-actor-" .. c.key, asks = "cast/" .. c.key, shows = shows_of({ c }, { c }),
        prompt = prompt, answer = c.actor_answers,
        difficulty = math.min(3, c.tier + 1), category = CAT_WHO, explain = pairing(c), source = c.source,
      }
    end,
  },
  { -- Type the character's name.
    ok = function() return true end,
    make = function(_, c)
      return quiz.text {
        id = "type-character-" .. c.key, asks = "cast/" .. c.key, shows = shows_of({ c }, { c }),
        prompt = fmt({ en = "Type the name of the character %s plays in iHostage (a first name is enough).",
                       nl = "Typ de naam van het personage dat %s in iHostage speelt (een voornaam is genoeg)." },
                     c.actor),
        answer = c.character_answers,
        difficulty = math.min(3, c.tier + 1), category = CAT_WHO, explain = pairing(c), source = c.source,
      }
    end,
  },
}

------------------------------------------------------------------------------
-- Who is who in the story: one of these per chosen character.
------------------------------------------------------------------------------

local function role_explain(c)
  if c.note then
    return fmt({ en = "In iHostage, %s is %s. %s", nl = "In iHostage is %s %s. %s" }, c.character, c.role, c.note)
  end
  return fmt({ en = "In iHostage, %s is %s.", nl = "In iHostage is %s %s." }, c.character, c.role)
end

-- Roles that could be claimed, falsely but plausibly, for c: another role on the same
-- side, never one of c's clash group (a DSI leader is also a DSI member), and never the
-- negotiator's for a man (facts, Plot: [UNSURE] Ammar asks for a male negotiator late
-- in the film, so "a man negotiates" could be argued).
local function false_roles(c)
  local out = {}
  for _, o in ipairs(F.cast) do
    if o ~= c and o.side == c.side and not (c.clash and o.clash == c.clash)
       and not (o.negotiator and c.gender ~= "female") then
      out[#out + 1] = o
    end
  end
  return out
end

local role_kinds = {
  { -- What is this character's part?
    ok = function() return true end,
    make = function(rng, c)
      local pool = {}
      for _, o in ipairs(F.cast) do
        if o ~= c and not (c.clash and o.clash == c.clash) then pool[#pool + 1] = o end
      end
      local wrong, roles = {}, { c }
      for _, o in ipairs(rng:sample(pool, 3)) do wrong[#wrong + 1] = cap(o.role); roles[#roles + 1] = o end
      local tpl = pick_template(rng, {
        { en = "What is %s's part in the story of iHostage?", nl = "Wat is de rol van %s in het verhaal van iHostage?" },
        { en = "Who is %s in the film?", nl = "Wie is %s in de film?" },
      })
      return quiz.choice {
        id = "role-" .. c.key, asks = "role/" .. c.key, shows = shows_of({ c }, nil, roles),
        prompt = fmt(tpl, c.character), answer = cap(c.role), wrong = wrong,
        difficulty = math.min(3, c.tier + 1), category = CAT_ROLE, explain = role_explain(c), source = c.source,
      }
    end,
  },
  { -- Which character has this role? Same-gender options only.
    ok = function(c)
      local n = 0
      for _, o in ipairs(F.cast) do
        if o ~= c and o.gender == c.gender and not (c.clash and o.clash == c.clash) then n = n + 1 end
      end
      return n >= 3
    end,
    make = function(rng, c)
      local wrong, named = {}, { c }
      for _, o in ipairs(distractors(rng, c, F.cast, 3, function(o) return not (c.clash and o.clash == c.clash) end)) do
        wrong[#wrong + 1] = o.character_answers[1]; named[#named + 1] = o
      end
      local tpl = pick_template(rng, {
        { en = "In iHostage, who is %s?", nl = "Wie is in iHostage %s?" },
        { en = "Which character is %s?", nl = "Welk personage is %s?" },
      })
      return quiz.choice {
        id = "who-is-" .. c.key, asks = "who-is/" .. c.key, shows = shows_of(named, nil, { c }),
        prompt = fmt(tpl, c.role), answer = c.character_answers[1], wrong = wrong,
        difficulty = c.tier, category = CAT_ROLE, explain = role_explain(c), source = c.source,
      }
    end,
  },
  { -- True or false about the role; a false claim is a plausible one from the same side.
    ok = function(c) return #false_roles(c) > 0 end,
    make = function(rng, c)
      local truth = rng:int(1, 100) <= P_TRUE * 100
      local shown = c
      if not truth then shown = rng:pick(false_roles(c)) end
      local explain = role_explain(c)
      if not truth then
        explain = fmt({ en = "No: %s is %s, and %s is %s.", nl = "Nee: %s is %s, en %s is %s." },
                      c.character, c.role, shown.character, shown.role)
      end
      return quiz.truefalse {
        id = "tf-role-" .. c.key, asks = "role/" .. c.key, shows = shows_of({ c, shown }, nil, { c, shown }),
        prompt = fmt({ en = "True or false: in iHostage, %s is %s.", nl = "Waar of niet waar: in iHostage is %s %s." },
                     c.character, shown.role),
        answer = truth,
        difficulty = c.tier, category = CAT_ROLE, explain = explain, source = c.source,
      }
    end,
  },
}

-- Time limits grow with reading length: quiz.paced (docs/pack-api.md).

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

local questions = {
  quiz.truefalse {
    id = "s-jackson-hooi-ouwerkerk",
    shows = { "cast/ammar", "actor/ammar" },
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
    asks = "actor/abe",
    shows = { "cast/abe", "cast/ammar", "actor/ammar", "cast/kees", "actor/kees", "cast/winston", "actor/winston" },
    prompt = { en = "Which iHostage actor played the Dutchman on a houseboat who takes Rebecca in during Ted Lasso's Amsterdam episode?",
               nl = "Welke acteur uit iHostage speelde in de Amsterdamse aflevering van Ted Lasso de Nederlander met een woonboot die Rebecca onderdak geeft?" },
    answer = VAN_DER_GRIJN.actor,
    wrong = { by_key.kees.actor, TALPE.actor, MOUSSOULI.actor },
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "Matteo van der Grijn had that guest part in the Amsterdam episode of Ted Lasso's third season.",
                nl = "Matteo van der Grijn had die gastrol in de Amsterdamse aflevering uit het derde seizoen van Ted Lasso." },
    source = "newspiller",
  },
  quiz.text {
    id = "s-ted-lasso-episode",
    asks = "ted-lasso-episode",
    shows = { "cast/abe", "actor/abe" },
    prompt = { en = "Ted Lasso's third season has an episode set in Amsterdam, with an iHostage actor as a guest. What is it called?",
               nl = "In het derde seizoen van Ted Lasso speelt een aflevering zich af in Amsterdam, met een acteur uit iHostage als gast. Hoe heet die aflevering?" },
    answer = { VAN_DER_GRIJN.ted_lasso.episode },
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "The episode is called 'Sunflowers'; in it Rebecca ends up staying on a Dutchman's houseboat.",
                nl = "De aflevering heet 'Sunflowers'; Rebecca belandt daarin op de woonboot van een Nederlander." },
    source = "newspiller",
  },
  quiz.truefalse {
    id = "s-van-der-grijn-golden-hour",
    asks = "van-der-grijn-golden-hour",
    shows = { "cast/abe", "actor/abe" },
    prompt = { en = "True or false: iHostage was Matteo van der Grijn's first job with director Bobby Boermans.",
               nl = "Waar of niet waar: iHostage was de eerste klus van Matteo van der Grijn met regisseur Bobby Boermans." },
    answer = false,
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "He had already acted in an earlier series by the same director.",
                nl = "Hij speelde al mee in een eerdere serie van dezelfde regisseur." },
    source = "newspiller",
  },
  quiz.choice {
    id = "s-sehovic-birthplace",
    asks = "sehovic-birthplace",
    shows = { "cast/ilian", "actor/ilian" },
    prompt = { en = "In which town was Admir Šehović, one of the leads of iHostage, born?",
               nl = "In welke plaats is Admir Šehović, een van de hoofdrolspelers van iHostage, geboren?" },
    answer = SEHOVIC.birthplace,
    wrong = { SEHOVIC.trained_in, { en = "Belgrade", nl = "Belgrado" }, "Sremska Mitrovica" },
    difficulty = 3,
    category = CAT_WORK,
    explain = { en = "Šehović was born in Prijepolje; Sarajevo is where he later trained as an actor.",
                nl = "Šehović werd geboren in Prijepolje; in Sarajevo volgde hij later de toneelacademie." },
    source = "bonjour",
  },
  quiz.numeric {
    id = "s-lepa-sela-year",
    asks = "lepa-sela-year",
    shows = { "cast/ilian", "actor/ilian" },
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
    asks = "talpe-age",
    shows = { "cast/winston", "actor/winston" },
    prompt = { en = "How old was Louis Talpe, one of the iHostage cast, when the film came out? (2 years either way counts)",
               nl = "Hoe oud was Louis Talpe, een van de acteurs van iHostage, toen de film uitkwam? (2 jaar ernaast telt ook)" },
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
    asks = "talpe-training",
    shows = { "cast/winston", "actor/winston" },
    prompt = { en = "True or false: Louis Talpe went into his iHostage part without any police training.",
               nl = "Waar of niet waar: Louis Talpe begon zonder enige politietraining aan zijn rol in iHostage." },
    answer = false,
    difficulty = 2,
    category = CAT_MAKING,
    explain = { en = "Quite the reverse: a special police unit gave him intensive training for the part.",
                nl = "Integendeel: een speciale politie-eenheid gaf hem voor de rol een intensieve training." },
    source = "newslocker",
  },
  quiz.order {
    id = "s-order-cast-timeline",
    asks = "cast-timeline",
    shows = { "cast/ilian", "actor/ilian" },
    prompt = { en = "Put these moments in order, earliest first.",
               nl = "Zet deze momenten op volgorde, het vroegste eerst." },
    items = {
      { en = "A young Admir Šehović plays Milan in Lepa sela lepo gore",
        nl = "Een jonge Admir Šehović speelt Milan in Lepa sela lepo gore" },
      { en = "Netflix announces the film and names its leads",
        nl = "Netflix kondigt de film aan en noemt de hoofdrolspelers" },
      { en = "Netflix reveals the title iHostage and a wider cast",
        nl = "Netflix maakt de titel iHostage en een bredere cast bekend" },
      { en = "iHostage premieres on Netflix",
        nl = "iHostage gaat in première op Netflix" },
    },
    difficulty = 2,
    category = CAT_CAST,
    explain = { en = "The childhood film came almost thirty years before the announcement of February 2024; the title followed later that year and the film itself in spring 2025.",
                nl = "De jeugdfilm kwam bijna dertig jaar voor de aankondiging van februari 2024; de titel volgde later dat jaar en de film zelf in het voorjaar van 2025." },
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
    newsbytes = { publisher = "NewsBytes",
                  title = "'iHostage': Netflix's latest thriller explores true hostage crisis",
                  date = "2025-04-26",
                  url = "https://www.newsbytesapp.com/news/entertainment/all-about-netflixs-ihostage/story" },
    newslocker = { shows = { "cast/winston", "actor/winston" }, publisher = "Newslocker",
                   title = "Louis Talpe kreeg intense training van speciale politiedienst voor rol in 'iHostage'",
                   url = "https://m.newslocker.com/nl-nl/nieuws/sex_en_relaties/louis-talpe-kreeg-intense-training-van-speciale-politiedienst-voor-rol-in-ihostage-zodra-zij-telefoon-krijgen-laten-ze-alles-vallen" },
    bonjour = { shows = { "cast/ilian", "actor/ilian" }, publisher = "Bonjour.ba", title = "Netflix triler film: Admir Šehović", date = "2025-04-16",
                url = "https://bonjour.ba/netflix-triler-film-admir-sehovic" },
    novi = { publisher = "Novi.ba",
             title = "Prije 24 godine glumio je Milana u filmu 'Lepa sela lepo gore', a evo kako danas izgleda",
             url = "http://novi.ba/clanak/270099/" },
    femfem = { publisher = "Fem-Fem", title = "Gaat Everon Hooi GTST verlaten? Dít is wat we weten",
               url = "https://fem-fem.nl/fun-living/gaat-everon-hooi-gtst-verlaten-dt-is-wat-we-weten" },
    newspiller = { publisher = "Newspiller",
                   title = "iHostage review: Netflix's Dutch crime thriller might be worth a watch for true crime fans",
                   url = "https://newspiller.com/ihostage-review-netflixs-dutch-crime-thriller-might-be-worth-a-watch-for-true-crime-fans" },
    bnnvara = { publisher = "BNNVARA (VARAgids)",
                title = "iHostage: film over gijzeling in Apple Store komt in april naar Netflix",
                url = "https://www.bnnvara.nl/varagids/artikelen/ihostage-film-over-gijzeling-in-apple-store-komt-in-april-naar-netflix" },
    nhnieuws2024 = { publisher = "NH Nieuws", title = "Netflix-film over gijzeling in Apple Store gaat iHostage heten",
                     url = "https://www.nhnieuws.nl/nieuws/341655/netflix-film-over-gijzeling-in-apple-store-gaat-ihostage-heten" },
  },
  questions = quiz.paced(questions),

  -- Every call returns each kind of question that fits each character (templates,
  -- distractors and true/false claims drawn by ctx.rng). The facts they declare keep a
  -- round to one who-plays-whom and one role question per character (asks cast/KEY,
  -- role/KEY, who-is/KEY, side/KEY), and the rest of a film night draws the others.
  generate = function(ctx)
    local rng = ctx.rng
    local out = {}
    for _, kinds in ipairs({ link_kinds, role_kinds }) do
      for _, c in ipairs(F.cast) do
        for _, k in ipairs(kinds) do
          if k.ok(c) then out[#out + 1] = k.make(rng, c) end
        end
      end
    end
    return quiz.paced(out)
  end,
}
