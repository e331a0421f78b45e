-- Fact table for the ihostage-cast pack: who plays whom in iHostage (Netflix, 2025).
-- Every row names the key of the source it comes from (see `sources` in pack.lua).
-- Only actors whose character is known appear in `cast`; the generator builds its
-- who-plays-whom questions from that list alone. Actors without a known character
-- live in `other_cast` and are used only by static questions that make no claim
-- about a role.

local F = {}

-- The sides of the crisis, in a fixed order (the generator iterates with ipairs). The
-- labels are kept about equally long, so the answer is not given away by its length.
F.sides = {
  { key = "police",  label = { en = "The police", nl = "De politie" },
    claim = { en = "in iHostage, %s works for the police.",
              nl = "in iHostage werkt %s bij de politie." } },
  { key = "staff",   label = { en = "Store staff", nl = "Personeel" },
    claim = { en = "in iHostage, %s works in the Apple Store.",
              nl = "in iHostage werkt %s in de Apple Store." } },
  { key = "taker",   label = { en = "The hostage-taker", nl = "De gijzelnemer" },
    claim = { en = "in iHostage, %s is the hostage-taker.",
              nl = "in iHostage is %s de gijzelnemer." } },
  { key = "hostage", label = { en = "The hostage", nl = "De gegijzelde" },
    claim = { en = "in iHostage, %s is the main hostage.",
              nl = "in iHostage is %s de belangrijkste gegijzelde." } },
}

-- Sides that must never be offered as a wrong side for a character on side X,
-- because one source could make them look right. Seed 002 says the film's gunman
-- holds "customers and employees" hostage, so a store employee is never offered
-- "hostage" as a wrong answer.
F.side_avoid = {
  staff = { hostage = true },
}

-- Besides actor, character, role and side, a row may carry other facts the sources give
-- about that actor (the comment on each line names the source key); the static
-- questions in pack.lua read them from here.
-- Options show a character by first name (character_answers[1]); prompts and
-- explanations use the full name.
-- tier: how well known the pairing is (1 = lead, 3 = supporting); sets difficulty.
-- clash: characters whose roles overlap (a DSI leader is also a DSI member), so one
-- role is never offered as a wrong answer for the other.
F.cast = {
  {
    key = "ammar",
    actor = "Soufiane Moussouli",
    actor_answers = { "Soufiane Moussouli", "Moussouli" },
    gender = "male",
    character = "Ammar Ajar",
    character_answers = { "Ammar", "Ammar Ajar", "Ajar" },
    role = { en = "the armed hostage-taker", nl = "de gewapende gijzelnemer" },
    side = "taker",
    tier = 1,
    source = "newsbytes",
    character_nationality = { en = "Dutch", nl = "Nederlands" }, -- newsbytes
  },
  {
    key = "ilian",
    actor = "Admir Šehović",
    actor_answers = { "Admir Šehović", "Šehović" },
    gender = "male",
    character = "Ilian Petrov",
    character_answers = { "Ilian", "Ilian Petrov", "Petrov" },
    role = { en = "the main hostage", nl = "de belangrijkste gegijzelde" },
    side = "hostage",
    tier = 1,
    source = "newsbytes",
    character_country = { en = "Bulgaria", nl = "Bulgarije" }, -- thereelbits
    birthplace = "Prijepolje",                             -- bonjour
    trained_in = "Sarajevo",                               -- bonjour
    child_role = { film = "Lepa sela lepo gore", year = 1996, age = 10, character = "Milan" }, -- novi
  },
  {
    key = "lynn",
    actor = "Loes Haverkort",
    actor_answers = { "Loes Haverkort", "Haverkort" },
    gender = "female",
    negotiator = true,
    character = "Lynn",
    character_answers = { "Lynn" },
    role = { en = "the police negotiator", nl = "de onderhandelaar van de politie" },
    side = "police",
    tier = 1,
    source = "newsbytes",
  },
  {
    key = "kees",
    actor = "Marcel Hensema",
    actor_answers = { "Marcel Hensema", "Hensema" },
    gender = "male",
    character = "Kees van Zanten",
    character_answers = { "Kees", "Kees van Zanten", "Van Zanten", "Zanten" },
    role = { en = "the general commander of the Amsterdam police",
             nl = "de algemeen commandant van de Amsterdamse politie" },
    side = "police",
    tier = 2,
    source = "newsbytes",
  },
  {
    key = "mingus",
    actor = "Emmanuel Ohene Boafo",
    actor_answers = { "Emmanuel Ohene Boafo", "Ohene Boafo", "Boafo" },
    gender = "male",
    character = "Mingus",
    character_answers = { "Mingus" },
    role = { en = "an employee of the Apple Store", nl = "een medewerker van de Apple Store" },
    side = "staff",
    tier = 2,
    source = "newsbytes",
    nickname = "King of the Closet",                       -- snooperscope
  },
  {
    key = "abe",
    actor = "Matteo van der Grijn",
    actor_answers = { "Matteo van der Grijn", "Van der Grijn", "Grijn" },
    gender = "male",
    character = "Abe",
    character_answers = { "Abe" },
    role = { en = "the leader of the DSI team", nl = "de leider van het DSI-team" },
    side = "police",
    clash = "dsi",
    note = { en = "The DSI is the special interventions unit of the Dutch police.",
             nl = "De DSI, de Dienst Speciale Interventies, is een speciale eenheid van de Nederlandse politie." },
    tier = 3,
    source = "newsbytes",
    ted_lasso = { season = 3, episode = "Sunflowers" },    -- newspiller
    earlier_work = { "The Golden Hour (Het Gouden Uur)" }, -- newspiller
  },
  {
    key = "winston",
    actor = "Louis Talpe",
    actor_answers = { "Louis Talpe", "Talpe" },
    gender = "male",
    character = "Winston",
    character_answers = { "Winston" },
    role = { en = "a member of the DSI team", nl = "een lid van het DSI-team" },
    side = "police",
    clash = "dsi",
    note = { en = "The DSI is the special interventions unit of the Dutch police.",
             nl = "De DSI, de Dienst Speciale Interventies, is een speciale eenheid van de Nederlandse politie." },
    tier = 3,
    source = "newslocker",
    age_at_release = 43,                                   -- newslocker
    police_training = true,                                -- newslocker
  },
}

-- Cast members whose character the sources do not give. Never used for who-plays-whom.
F.other_cast = {
  { actor = "Everon Jackson Hooi", source = "nerdshepherd",
    known_for = { show = "GTST", character = "Bing Mauricius" } }, -- femfem
  -- gender: the actress/actor the fact sheet's sources name (Cast section); these three
  -- serve only as wrong actors for Lynn, whose part the fact sheet gives to Haverkort.
  { actor = "Fockeline Ouwerkerk", source = "nerdshepherd", gender = "female" },
  { actor = "Eric Corton", source = "bnnvara" },
  { actor = "Roosmarijn van der Hoek", source = "bnnvara", gender = "female" },
  { actor = "Jolanda van den Berg", source = "bnnvara", gender = "female" },
}

return F
