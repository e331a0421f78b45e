-- Fact table for the ihostage-cast pack: who plays whom in iHostage (Netflix, 2025).
-- Every row names the key of the source it comes from (see `sources` in pack.lua).
-- Only actors whose character is known appear in `cast`; the generator builds its
-- who-plays-whom questions from that list alone. Actors without a known character
-- live in `other_cast` and are used only by static questions that make no claim
-- about a role.

local F = {}

-- The sides of the crisis, in a fixed order (the generator iterates with ipairs).
F.sides = {
  { key = "police",  label = { en = "Police", nl = "Politie" },
    claim = { en = "in iHostage, %s works for the police.",
              nl = "in iHostage werkt %s bij de politie." } },
  { key = "staff",   label = { en = "Apple Store staff", nl = "Personeel van de Apple Store" },
    claim = { en = "in iHostage, %s works in the Apple Store.",
              nl = "in iHostage werkt %s in de Apple Store." } },
  { key = "taker",   label = { en = "Hostage-taker", nl = "Gijzelnemer" },
    claim = { en = "in iHostage, %s is the hostage-taker.",
              nl = "in iHostage is %s de gijzelnemer." } },
  { key = "hostage", label = { en = "Hostage", nl = "Gegijzelde" },
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
-- tier: how well known the pairing is (1 = lead, 3 = supporting); sets difficulty.
-- clash: characters whose roles overlap (a DSI leader is also a DSI member), so one
-- role is never offered as a wrong answer for the other.
F.cast = {
  {
    key = "ammar",
    actor = "Soufiane Moussouli",
    actor_answers = { "Soufiane Moussouli", "Moussouli" },
    female = false,
    character = "Ammar Ajar",
    character_answers = { "Ammar", "Ammar Ajar", "Ajar" },
    role = { en = "the armed hostage-taker", nl = "de gewapende gijzelnemer" },
    side = "taker",
    tier = 1,
    source = "newsbytes",
    lead_2024 = true,                                      -- nltimes2024
    character_nationality = { en = "Dutch", nl = "Nederlands" }, -- newsbytes
  },
  {
    key = "ilian",
    actor = "Admir Šehović",
    actor_answers = { "Admir Šehović", "Šehović" },
    female = false,
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
    female = true,
    character = "Lynn",
    character_answers = { "Lynn" },
    role = { en = "the police negotiator", nl = "de onderhandelaar van de politie" },
    side = "police",
    tier = 1,
    source = "newsbytes",
    lead_2024 = true,                                      -- nltimes2024
  },
  {
    key = "kees",
    actor = "Marcel Hensema",
    actor_answers = { "Marcel Hensema", "Hensema" },
    female = false,
    character = "Kees van Zanten",
    character_answers = { "Kees", "Kees van Zanten", "Van Zanten", "Zanten" },
    role = { en = "the general commander of the Amsterdam police",
             nl = "de algemeen commandant van de Amsterdamse politie" },
    side = "police",
    tier = 2,
    source = "newsbytes",
    lead_2024 = true,                                      -- nltimes2024
  },
  {
    key = "mingus",
    actor = "Emmanuel Ohene Boafo",
    actor_answers = { "Emmanuel Ohene Boafo", "Ohene Boafo", "Boafo" },
    female = false,
    character = "Mingus",
    character_answers = { "Mingus" },
    role = { en = "an employee of the Apple Store", nl = "een medewerker van de Apple Store" },
    side = "staff",
    tier = 2,
    source = "newsbytes",
    lead_2024 = true,                                      -- nltimes2024
    nickname = "King of the Closet",                       -- snooperscope
  },
  {
    key = "abe",
    actor = "Matteo van der Grijn",
    actor_answers = { "Matteo van der Grijn", "Van der Grijn", "Grijn" },
    female = false,
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
    female = false,
    character = "Winston",
    character_answers = { "Winston" },
    role = { en = "a member of the DSI team", nl = "een lid van het DSI-team" },
    side = "police",
    clash = "dsi",
    note = { en = "The DSI is the special interventions unit of the Dutch police.",
             nl = "De DSI, de Dienst Speciale Interventies, is een speciale eenheid van de Nederlandse politie." },
    tier = 3,
    source = "newslocker",
    lead_2024 = true,                                      -- nltimes2024
    age_at_release = 43,                                   -- newslocker
    police_training = true,                                -- newslocker
  },
}

-- Cast members whose character the sources do not give. Never used for who-plays-whom.
F.other_cast = {
  { actor = "Everon Jackson Hooi", source = "nerdshepherd",
    known_for = { show = "GTST", character = "Bing Mauricius" } }, -- femfem
  { actor = "Fockeline Ouwerkerk", source = "nerdshepherd" },
  { actor = "Eric Corton", source = "bnnvara" },
}

-- Story moments that belong to one character. Wrong options are drawn only from
-- characters on another side, minus `exclude`, so no option could also be true;
-- a row with `wrong_keys` draws its wrong options from exactly those characters.
F.plot = {
  {
    key = "train",
    who = "ilian",
    text = { en = "arrives in Amsterdam by train at the start of the film and leaves his earbuds behind",
             nl = "komt aan het begin van de film met de trein in Amsterdam aan en laat zijn oortjes liggen" },
    explain = { en = "The film opens with Ilian Petrov getting off the train in Amsterdam; his AirPods stay behind on board.",
                nl = "De film begint als Ilian Petrov in Amsterdam uit de trein stapt; zijn AirPods blijven in de trein achter." },
    difficulty = 2,
    source = "thereelbits",
  },
  {
    key = "airpods",
    who = "ilian",
    text = { en = "walks into the Apple Store to buy new AirPods",
             nl = "loopt de Apple Store binnen om nieuwe AirPods te kopen" },
    explain = { en = "Ilian Petrov goes into the store for a new pair of AirPods and ends up as the hostage.",
                nl = "Ilian Petrov gaat de winkel in voor een nieuw paar AirPods en wordt zo de gegijzelde." },
    difficulty = 1,
    source = "newspiller",
  },
  {
    key = "water",
    who = "ilian",
    text = { en = "gets away at the end when water is delivered",
             nl = "weet aan het eind te ontkomen als er water wordt gebracht" },
    explain = { en = "In the finale Ilian Petrov seizes his chance to flee while water is being delivered.",
                nl = "In de finale grijpt Ilian Petrov zijn kans om te vluchten terwijl er water wordt gebracht." },
    difficulty = 2,
    source = "wikipedia",
  },
  {
    key = "closet-phone",
    who = "mingus",
    text = { en = "keeps the police informed by phone while hiding in a closet",
             nl = "houdt de politie vanuit een kast telefonisch op de hoogte" },
    explain = { en = "Apple Store employee Mingus hides in a closet and guides the police by phone from there.",
                nl = "Apple-medewerker Mingus zit verstopt in een kast en helpt de politie van daaruit via de telefoon." },
    difficulty = 2,
    source = "snooperscope",
  },
  {
    key = "bomb",
    who = "ammar",
    text = { en = "shows the crowd outside a bomb strapped to his chest",
             nl = "laat de mensen buiten een bom zien die op zijn borst is vastgemaakt" },
    explain = { en = "Ammar Ajar lets the people outside see the bomb he wears on his chest.",
                nl = "Ammar Ajar laat de mensen buiten de bom zien die hij op zijn borst draagt." },
    difficulty = 1,
    source = "tvmovie",
  },
  {
    key = "crypto",
    who = "ammar",
    text = { en = "wants millions in cryptocurrency in exchange for his hostage",
             nl = "eist miljoenen aan cryptogeld in ruil voor zijn gegijzelde" },
    explain = { en = "Ammar Ajar's price for letting his hostage go is millions in cryptocurrency.",
                nl = "Ammar Ajar wil miljoenen aan cryptogeld voordat hij zijn gegijzelde laat gaan." },
    difficulty = 1,
    source = "filmvandaag",
  },
  {
    key = "getaway",
    who = "ammar",
    text = { en = "demands not only money but also a safe way out or a getaway car",
             nl = "eist naast geld ook een vrije aftocht of een vluchtauto" },
    explain = { en = "Besides money, Ammar Ajar wants to be able to leave: safe passage or a getaway car.",
                nl = "Naast geld wil Ammar Ajar weg kunnen komen: een vrije aftocht of een vluchtauto." },
    difficulty = 2,
    source = "wikipedia",
  },
  {
    key = "bond",
    who = "lynn",
    -- Not Ammar (the bond is with him) and not Ilian, whose scenes with Ammar (water,
    -- medicine, the call home) could make him look right; the DSI men and the store
    -- employee plainly do not negotiate.
    wrong_keys = { "mingus", "abe", "winston" },
    text = { en = "tries to build a personal connection with Ammar to buy time for a rescue",
             nl = "probeert een persoonlijke band met Ammar op te bouwen om tijd te rekken voor een reddingsactie" },
    explain = { en = "Negotiator Lynn works on a personal bond with Ammar so the police gain time to plan a rescue.",
                nl = "Onderhandelaar Lynn bouwt aan een band met Ammar, zodat de politie tijd wint voor een reddingsactie." },
    difficulty = 2,
    source = "newsbytes",
  },
}

return F
