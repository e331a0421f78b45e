-- iHostage (2025): the story as the film tells it.
-- Perspectives, the negotiation, the people hiding in the store, the police
-- response, plus a few points where film and reality meet.
-- Characters are fictional and may be named; the real people of 2022 are never
-- named. Who plays whom and each character's role (negotiator, commander, DSI,
-- store employee) are left to the cast pack, and facts about the real 2022 events
-- to the leidseplein-2022 pack.
-- Disputed points (how many people the gunman holds, the currency of the film's
-- ransom, the length of the real siege) are avoided or asked with a tolerance.

local function T(en, nl) return { en = en, nl = nl } end

local PERSP = T("Perspectives", "Perspectieven")
local CHARS = T("Characters", "Personages")
local STORE = T("Inside the store", "In de winkel")
local NEGO = T("The negotiation", "De onderhandelingen")
local POLICE = T("Police response", "Politie-inzet")
local TIMELINE = T("Timeline", "Tijdlijn")

-- Time limits grow with reading length: quiz.paced (docs/pack-api.md).

return {
  id = "ihostage-plot",
  title = T("iHostage: the story", "iHostage: het verhaal"),
  version = "1.0.0",
  description = T(
    "The plot of the Dutch Netflix thriller iHostage (2025): the hostage, the hostage-taker, the people in hiding and the police. Contains spoilers; the film is based on a real hostage-taking in Amsterdam.",
    "Het verhaal van de Nederlandse Netflix-thriller iHostage (2025): de gegijzelde, de gijzelnemer, de mensen die zich verstoppen en de politie. Bevat spoilers; de film is gebaseerd op een echte gijzeling in Amsterdam."
  ),
  author = "Trivium team",
  languages = { "en", "nl" },

  sources = {
    nerdshepherd = {
      publisher = "The Nerd Shepherd",
      title = "Nieuwe Nederlandse thriller van 'Het Gouden Uur'-maker vanaf vandaag te zien op Netflix",
      date = "2025-04-18",
      url = "https://thenerdshepherd.com/films/nieuwe-nederlandse-thriller-van-het-gouden-uur-maker-vanaf-vandaag-te-zien-op-netflix",
    },
    filmvandaag = {
      publisher = "FilmVandaag",
      title = "Nederlandse thriller in 93 landen in de Netflix top 10 en wereldwijd 58 miljoen keer bekeken",
      url = "https://www.filmvandaag.nl/nieuws/26501-nederlandse-thriller-in-93-landen-in-de-netflix-top-10-en-wereldwijd-58-miljoen-keer-bekeken",
    },
    newsbytes = {
      publisher = "NewsBytes",
      title = "'iHostage': Netflix's latest thriller explores true hostage crisis",
      date = "2025-04-26",
      url = "https://www.newsbytesapp.com/news/entertainment/all-about-netflixs-ihostage/story",
    },
    wikipedia = {
      publisher = "Wikipedia",
      title = "iHostage",
      url = "https://en.wikipedia.org/wiki/IHostage",
    },
    screenanarchy = {
      publisher = "ScreenAnarchy",
      title = "Now Streaming: iHostage, Unnerving Dutch Hostage Thriller",
      url = "https://screenanarchy.com/2025/04/now-streaming-ihostage-unnerving-dutch-hostage-thriller.html",
    },
    thereelbits = {
      publisher = "The Reel Bits",
      title = "Review: iHostage",
      date = "2025-04-18",
      url = "https://thereelbits.com/2025/04/18/review-ihostage",
    },
    demangkuto = {
      publisher = "Demangkuto",
      title = "iHostage on Netflix: A Gripping Thriller Inspired by a Real Amsterdam Apple Store Standoff",
      url = "https://demangkuto.com/2025/04/ihostage-on-netflix-gripping-thriller.html",
    },
    newspiller = {
      publisher = "Newspiller",
      title = "iHostage review: Netflix's Dutch crime thriller might be worth a watch for true crime fans",
      url = "https://newspiller.com/ihostage-review-netflixs-dutch-crime-thriller-might-be-worth-a-watch-for-true-crime-fans",
    },
    snooperscope = {
      publisher = "Snooper Scope",
      title = "iHostage review: a decent watch for all crime drama fans",
      url = "https://snooper-scope.in/ihostage-review-a-decent-watch-for-all-crime-drama-fans",
    },
    news24 = {
      publisher = "News24",
      title = "Netflix's iHostage review: a lame thriller that makes us nostalgic about Die Hard",
      url = "https://news24online.com/entertainment/netflixs-ihostage-review-a-lame-thriller-that-makes-us-nostalgic-about-diehard/538747",
    },
    tvmovie = {
      publisher = "TV Movie",
      title = "„iHostage“: Ende erklärt! Basiert der Film auf wahren Begebenheiten?",
      url = "https://www.tvmovie.de/news/ihostage-ende-erklaert-basiert-der-film-auf-wahren-begebenheiten-150038",
    },
    metronieuws = {
      publisher = "Metro",
      title = "Gijzeling in Apple Store: ‘Geef me 200 miljoen aan bitcoins, of ik blaas alles op’",
      url = "https://www.metronieuws.nl/televisie/2025/04/gijzeling-apple-store-amsterdam-ihostage-netflix/",
    },
    forbescopy = {
      publisher = "Forbes (copy on Daily8)",
      url = "https://www.daily8.com/en/article/38021b1c3a5ed9c95b864140d7437a33",
    },
    sfg = {
      publisher = "SFG Media",
      title = "Netflix pushed iHostage to the top, but no one knows why",
      url = "https://sfg.media/en/a/netflix-pushed-ihostage-to-the-top-but-no-one-knows-why",
    },
    netflixwatchlist = {
      publisher = "Netflix Watchlist",
      title = "Netflix's iHostage dramatizes 2022 Amsterdam Apple Store siege",
      url = "https://netflixwatchlist.com/news/netflix-ihostage-dramatizes-2022-amsterdam-apple-store-siege",
    },
  },

  questions = quiz.paced({
    ---------------------------------------------------------------- perspectives
    quiz.choice {
      id = "plot-three-views",
      prompt = T("Through whose eyes does iHostage tell its story?",
                 "Door wiens ogen vertelt iHostage het verhaal?"),
      answer = T("Attacker, victim and emergency services",
                 "Dader, slachtoffer en hulpdiensten"),
      wrong = {
        T("The hostage alone, from start to finish", "Alleen de gegijzelde, van begin tot eind"),
        T("The police negotiator alone, in real time", "Alleen de onderhandelaar, in real time"),
        T("A news reporter covering the siege", "Een verslaggever die de gijzeling volgt"),
      },
      difficulty = 1,
      category = PERSP,
      explain = T("The film keeps switching between the gunman, his hostage and the people trying to end the crisis.",
                  "De film wisselt steeds tussen de gijzelnemer, de gegijzelde en de mensen die de crisis proberen te beëindigen."),
      source = "nerdshepherd",
    },
    quiz.numeric {
      id = "plot-main-characters",
      prompt = T("Through how many main characters, each with their own view of events, does the film tell the story?",
                 "Via hoeveel hoofdpersonages, elk met een eigen kijk op de gebeurtenissen, vertelt de film het verhaal?"),
      answer = 5,
      tolerance = 0,
      unit = T("characters", "personages"),
      difficulty = 2,
      category = PERSP,
      explain = T("FilmVandaag counts five main characters; each gives a different view of the hours that follow the gunman's arrival.",
                  "FilmVandaag telt vijf hoofdpersonages; elk biedt een andere blik op de uren na de komst van de gewapende man."),
      source = "filmvandaag",
    },
    quiz.truefalse {
      id = "plot-invented-names",
      prompt = T("True or false: the characters in iHostage carry the real names of the people involved in 2022.",
                 "Waar of niet waar: de personages in iHostage dragen de echte namen van de betrokkenen uit 2022."),
      answer = false,
      difficulty = 2,
      category = PERSP,
      explain = T("Every character got a made-up name, so that nobody can be traced back to the real people.",
                  "Alle personages kregen een verzonnen naam, zodat niemand terug te voeren is op de echte mensen."),
      source = "netflixwatchlist",
    },
    quiz.choice {
      id = "plot-footage",
      prompt = T("What kind of images does iHostage weave in to feel more realistic?",
                 "Wat voor beelden verwerkt iHostage om realistischer over te komen?"),
      answer = T("Security-camera and bodycam-style shots",
                 "Beelden in de stijl van bewakingscamera's en bodycams"),
      wrong = {
        T("Archive news footage from the night of the real siege", "Archiefbeelden van het nieuws op de avond van de echte gijzeling"),
        T("Animated reconstructions", "Geanimeerde reconstructies"),
        T("Black-and-white flashbacks", "Zwart-witflashbacks"),
      },
      difficulty = 3,
      category = PERSP,
      explain = T("Shots styled like CCTV and bodycam footage give the thriller an almost documentary feel.",
                  "Beelden in de stijl van camerabewaking en bodycams geven de thriller een bijna documentair karakter."),
      source = "sfg",
    },

    ---------------------------------------------------------------- characters
    quiz.choice {
      id = "plot-ammar-nationality",
      prompt = T("In the film, Ammar is a national of which country?",
                 "Van welk land is Ammar in de film staatsburger?"),
      answer = T("The Netherlands", "Nederland"),
      wrong = { T("Bulgaria", "Bulgarije"), T("Belgium", "België"), T("Germany", "Duitsland") },
      difficulty = 2,
      category = CHARS,
      explain = T("The film makes its hostage-taker, Ammar Ajar, a Dutch citizen.",
                  "De film maakt van gijzelnemer Ammar Ajar een Nederlands staatsburger."),
      source = "newsbytes",
    },

    ---------------------------------------------------------------- the opening
    quiz.choice {
      id = "plot-train",
      prompt = T("How does Ilian arrive in Amsterdam at the start of the film?",
                 "Hoe komt Ilian aan het begin van de film in Amsterdam aan?"),
      answer = T("By train", "Met de trein"),
      wrong = { T("By plane", "Met het vliegtuig"), T("By coach", "Met de touringcar"), T("By car", "Met de auto") },
      difficulty = 2,
      category = STORE,
      explain = T("The film opens with Ilian arriving by train, and his earbuds stay behind on board.",
                  "De film opent met Ilians aankomst per trein, en zijn oortjes blijven in de trein liggen."),
      source = "thereelbits",
    },
    quiz.choice {
      id = "plot-airpods",
      prompt = T("Why does Ilian walk into the Apple Store?",
                 "Waarom loopt Ilian de Apple Store binnen?"),
      answer = T("To buy new AirPods", "Om nieuwe AirPods te kopen"),
      wrong = {
        T("To have his phone repaired", "Om zijn telefoon te laten repareren"),
        T("To apply for a job", "Om te solliciteren"),
        T("To meet a friend who works there", "Om een vriend te zien die er werkt"),
      },
      difficulty = 1,
      category = STORE,
      explain = T("He goes in for a new pair of AirPods and so is in the store at exactly the wrong moment.",
                  "Hij komt voor een nieuw paar AirPods en is daardoor precies op het verkeerde moment in de winkel."),
      source = "newspiller",
    },
    quiz.choice {
      id = "plot-why-netherlands",
      prompt = T("Why is Ilian in the Netherlands?",
                 "Waarom is Ilian in Nederland?"),
      answer = T("To earn money", "Om geld te verdienen"),
      wrong = {
        T("On holiday", "Voor een vakantie"),
        T("To study", "Om te studeren"),
        T("For a football match", "Voor een voetbalwedstrijd"),
      },
      difficulty = 2,
      category = CHARS,
      explain = T("He has come to the Netherlands to earn money, while his wife stays behind at home.",
                  "Hij is naar Nederland gekomen om geld te verdienen; zijn vrouw is thuis gebleven."),
      source = "screenanarchy",
    },
    quiz.choice {
      id = "plot-wife-house",
      prompt = T("On the phone, what does Ilian's wife back home want the two of them to buy?",
                 "Wat wil Ilians vrouw thuis graag samen met hem kopen, zo blijkt uit een telefoongesprek?"),
      answer = T("A house", "Een huis"),
      wrong = { T("A car", "Een auto"), T("A shop", "Een winkel"), T("A restaurant", "Een restaurant") },
      difficulty = 3,
      category = CHARS,
      explain = T("When he phones home, his wife brings up her wish for the two of them to buy a house.",
                  "Als hij naar huis belt, begint zijn vrouw over haar wens om samen een huis te kopen."),
      source = "demangkuto",
    },

    ---------------------------------------------------------------- inside the store
    quiz.truefalse {
      id = "plot-early-entrance",
      prompt = T("True or false: the gunman does not appear until the second half of the film.",
                 "Waar of niet waar: de gewapende man verschijnt pas in de tweede helft van de film."),
      answer = false,
      difficulty = 2,
      category = STORE,
      explain = T("He bursts into the store within the first ten minutes.",
                  "Al in de eerste tien minuten stormt hij de winkel binnen."),
      source = "screenanarchy",
    },
    quiz.choice {
      id = "plot-camouflage",
      prompt = T("In iHostage, what is the gunman wearing when he storms into the store?",
                 "Wat draagt de gewapende man in iHostage als hij de winkel binnenstormt?"),
      answer = T("Camouflage clothing", "Camouflagekleding"),
      wrong = {
        T("A police uniform", "Een politie-uniform"),
        T("An Apple staff shirt", "Een shirt van het Apple-personeel"),
        T("A motorcycle helmet and leathers", "Een motorhelm en een motorpak"),
      },
      difficulty = 2,
      category = STORE,
      explain = T("He comes in dressed in camouflage, as the real gunman did.",
                  "Hij komt binnen in camouflagekleding, net als de echte schutter."),
      source = "screenanarchy",
    },
    quiz.choice {
      id = "plot-upstairs",
      prompt = T("In iHostage, while the gunman is in the store, where in the building do other people take shelter?",
                 "Waar in het gebouw schuilen in iHostage andere mensen terwijl de gewapende man in de winkel is?"),
      answer = T("Upstairs, in a staff cafeteria", "Boven, in een personeelskantine"),
      wrong = {
        T("In a car park", "In een parkeerkelder"),
        T("In a tram outside", "In een tram buiten"),
        T("Behind the shop window display", "Achter de etalage"),
      },
      difficulty = 3,
      category = STORE,
      explain = T("Others hole up on the upper floors, among them a group in a staff cafeteria.",
                  "Anderen houden zich schuil op de bovenverdiepingen, onder wie een groep in een personeelskantine."),
      source = "screenanarchy",
    },
    quiz.text {
      id = "plot-closet-nickname",
      prompt = T("Which nickname does Apple Store employee Mingus earn in the film?",
                 "Welke bijnaam krijgt Apple-medewerker Mingus in de film?"),
      answer = { "King of the Closet", "The King of the Closet", "Koning van de kast", "De koning van de kast" },
      difficulty = 3,
      category = STORE,
      explain = T("From the closet Mingus keeps the police informed, which earns him the nickname 'King of the Closet'.",
                  "Vanuit de kast houdt Mingus de politie op de hoogte, wat hem de bijnaam 'King of the Closet' oplevert."),
      source = "snooperscope",
    },
    quiz.text {
      id = "plot-code-word",
      prompt = T("In the film, which code word is used between the police and the people in hiding?",
                 "Welk codewoord gebruiken de politie en de verstopte mensen in de film?"),
      answer = { "iHostage", "i-Hostage", "i Hostage" },
      difficulty = 2,
      category = STORE,
      explain = T("The film's title doubles as the code word between the police and those hiding inside.",
                  "De titel van de film is ook het codewoord tussen de politie en de mensen die zich binnen schuilhouden."),
      source = "metronieuws",
    },

    ---------------------------------------------------------------- the negotiation
    quiz.choice {
      id = "plot-lynn-goal",
      prompt = T("Why does Lynn try to build a personal bond with Ammar?",
                 "Waarom probeert Lynn een persoonlijke band met Ammar op te bouwen?"),
      answer = T("To buy time for a police rescue", "Om tijd te rekken voor een reddingsactie"),
      wrong = {
        T("To talk him into a TV interview", "Om hem over te halen tot een tv-interview"),
        T("To recruit him as a police informant", "Om hem als informant voor de politie te werven"),
        T("To persuade him to hire a lawyer", "Om hem over te halen een advocaat te nemen"),
      },
      difficulty = 2,
      category = NEGO,
      explain = T("Every minute she keeps him talking gives the police more time to prepare a rescue.",
                  "Elke minuut dat ze hem aan de praat houdt, geeft de politie meer tijd om een redding voor te bereiden."),
      source = "newsbytes",
    },
    quiz.truefalse {
      id = "plot-bomb",
      prompt = T("True or false: Ammar shows the crowd outside that he has a bomb strapped to his chest.",
                 "Waar of niet waar: Ammar laat de mensen buiten zien dat hij een bom op zijn borst draagt."),
      answer = true,
      difficulty = 2,
      category = NEGO,
      explain = T("He reveals the bomb on his chest to the responders and onlookers gathering outside, which raises the stakes.",
                  "Hij toont de hulpverleners en omstanders buiten de bom op zijn borst, wat de spanning flink opvoert."),
      source = "tvmovie",
    },
    quiz.truefalse {
      id = "plot-care",
      prompt = T("True or false: Ammar gives Ilian water and medicine and lets him talk to his wife.",
                 "Waar of niet waar: Ammar geeft Ilian water en medicijnen en laat hem met zijn vrouw praten."),
      answer = true,
      difficulty = 2,
      category = NEGO,
      explain = T("Amid the threats there are small moments of care: water, medicine and a call with his wife.",
                  "Tussen de dreiging door zijn er kleine momenten van zorg: water, medicijnen en een gesprek met zijn vrouw."),
      source = "news24",
    },

    ---------------------------------------------------------------- police response and ending
    ---------------------------------------------------------------- the film against 2022
    -- Fact sheet, Plot (Wikipedia): most customers get away, four people hide in a closet.
    quiz.truefalse {
      id = "plot-most-flee",
      prompt = T("True or false: in the film, most of the customers manage to get out of the store.",
                 "Waar of niet waar: in de film weten de meeste klanten de winkel uit te komen."),
      answer = true,
      difficulty = 1,
      category = STORE,
      explain = T("Most customers escape; only a handful stay behind, hidden from the gunman.",
                  "De meeste klanten ontsnappen; maar een handjevol blijft achter, verstopt voor de schutter."),
      source = "wikipedia",
    },
    -- Fact sheet, Plot (Wikipedia): the people who stay behind hide in a supply closet.
    -- Fact sheet, Plot (snooper-scope, News24) and Production (seed 002: how police kept
    -- in touch with the closet).
    quiz.truefalse {
      id = "plot-closet-contact",
      prompt = T("True or false: in the film, the police keep in touch by phone with the people hidden in the store.",
                 "Waar of niet waar: in de film houdt de politie telefonisch contact met de mensen die in de winkel verstopt zitten."),
      answer = true,
      difficulty = 2,
      category = POLICE,
      explain = T("The phone line to the hiding place is one of the film's threads, as it was on the real night; a code word helps both sides.",
                  "De telefoonlijn naar de schuilplek is een van de verhaallijnen van de film, net als op de echte avond; een codewoord helpt beide kanten."),
      source = "snooperscope",
    },
    -- Fact sheet, Cast & characters (Ilian is a Bulgarian man) and The real crisis / People
    -- (the hostage was a Bulgarian citizen).
    quiz.truefalse {
      id = "plot-hostage-origin-kept",
      prompt = T("True or false: the film gives its main hostage a different nationality from the real hostage's.",
                 "Waar of niet waar: de film geeft de belangrijkste gegijzelde een andere nationaliteit dan de echte gegijzelde had."),
      answer = false,
      difficulty = 2,
      category = CHARS,
      explain = T("The film keeps it: Ilian comes from the same country as the man who was held in 2022, though his name is invented.",
                  "De film houdt die aan: Ilian komt uit hetzelfde land als de man die in 2022 werd vastgehouden, al is zijn naam verzonnen."),
      source = "thereelbits",
    },
    -- Fact sheet, Plot (TV Movie): the selfie with the hostage happened in real life too.
    quiz.truefalse {
      id = "plot-selfie-real",
      prompt = T("True or false: the scene in which Ammar sends the media a selfie with his hostage was made up for the film.",
                 "Waar of niet waar: de scène waarin Ammar de media een selfie met zijn gegijzelde stuurt, is voor de film verzonnen."),
      answer = false,
      difficulty = 2,
      category = NEGO,
      explain = T("It comes from the real siege: the hostage-taker sent such a picture to a local broadcaster that night.",
                  "Die komt uit de echte gijzeling: de gijzelnemer stuurde die avond zo'n foto naar een lokale zender."),
      source = "tvmovie",
    },

    -- Fact sheet, Production (Netflix Watchlist): Boermans said hundreds of people were
    -- involved in reality, while the film follows a few main characters.
    quiz.truefalse {
      id = "plot-hundreds-involved",
      prompt = T("True or false: Boermans said only a handful of people were involved in the real operation that night.",
                 "Waar of niet waar: volgens Boermans waren er bij de echte inzet die avond maar een handjevol mensen betrokken."),
      answer = false,
      difficulty = 2,
      category = PERSP,
      explain = T("He spoke of hundreds of people involved in reality; the film narrows that down to a few main characters.",
                  "Hij sprak van honderden betrokkenen in werkelijkheid; de film brengt dat terug tot een paar hoofdpersonages."),
      source = "netflixwatchlist",
    },
    -- Fact sheet, Plot (ScreenAnarchy): a man in camouflage with an automatic weapon bursts
    -- in within the first ten minutes.
    quiz.choice {
      id = "plot-weapon",
      prompt = T("What kind of weapon does the gunman carry when he bursts into the film's Apple Store?",
                 "Wat voor wapen heeft de schutter bij zich als hij de Apple Store in de film binnenstormt?"),
      answer = T("An automatic weapon", "Een automatisch wapen"),
      wrong = {
        T("A hunting knife", "Een jachtmes"),
        T("A crossbow", "Een kruisboog"),
        T("A baseball bat wrapped in tape", "Een met tape omwikkelde honkbalknuppel"),
      },
      difficulty = 2,
      category = STORE,
      explain = T("He is armed with an automatic weapon from the moment he comes in.",
                  "Hij is vanaf het moment dat hij binnenkomt gewapend met een automatisch wapen."),
      source = "screenanarchy",
    },

    -- Fact sheet, Film: Netflix's synopsis speaks of courage, survival and the lasting
    -- damage of terror (Forbes copy).
    quiz.choice {
      id = "plot-synopsis",
      prompt = T("Netflix's synopsis sells iHostage as a story of courage, survival and what else?",
                 "De samenvatting van Netflix brengt iHostage als een verhaal over moed, overleven en wat nog meer?"),
      answer = T("The lasting damage of terror", "De blijvende schade van terreur"),
      wrong = {
        T("A daring bank robbery", "Een gedurfde bankoverval"),
        T("Love across borders", "Liefde over grenzen heen"),
        T("Revenge on a tech giant", "Wraak op een techreus"),
      },
      difficulty = 2,
      category = PERSP,
      explain = T("The synopsis stresses what terror leaves behind, told through the attacker, the hostages and the first responders.",
                  "De samenvatting benadrukt wat terreur achterlaat, verteld via de dader, de gegijzelden en de hulpverleners."),
      source = "forbescopy",
    },

    quiz.choice {
      id = "plot-escape",
      prompt = T("How does Ilian get away in the end?",
                 "Hoe weet Ilian uiteindelijk te ontkomen?"),
      answer = T("He runs for it during a water delivery", "Hij rent weg als er water wordt gebracht"),
      wrong = {
        T("He slips out through the supply closet", "Hij glipt weg via de voorraadkast"),
        T("The DSI storms the store and frees him", "De DSI bestormt de winkel en bevrijdt hem"),
        T("Ammar lets him go once the ransom is paid", "Ammar laat hem gaan zodra het losgeld binnen is"),
      },
      difficulty = 2,
      category = POLICE,
      explain = T("When water is brought to the store, Ilian seizes his chance and runs; Ammar is stopped when a police vehicle hits him, much as in the real siege.",
                  "Als er water naar de winkel wordt gebracht, grijpt Ilian zijn kans en rent hij weg; Ammar wordt gestopt doordat een politievoertuig hem aanrijdt, net als bij de echte gijzeling."),
      source = "wikipedia",
    },


    ---------------------------------------------------------------- timelines
    quiz.order {
      id = "plot-order-siege",
      prompt = T("Put these moments of the siege in the order the film shows them.",
                 "Zet deze momenten van de gijzeling in de volgorde waarin de film ze laat zien."),
      items = {
        T("Ammar takes Ilian hostage", "Ammar neemt Ilian in gijzeling"),
        T("Ammar sends a selfie with his hostage to the press", "Ammar stuurt een selfie met zijn gegijzelde naar de media"),
        T("Ilian gets out of the store", "Ilian komt de winkel uit"),
        T("Ammar is stopped outside", "Ammar wordt buiten tegengehouden"),
      },
      difficulty = 2,
      category = TIMELINE,
      explain = T("The selfie goes out during the long standoff; it ends when Ilian gets away and a police vehicle runs Ammar down.",
                  "De selfie gaat de deur uit tijdens de lange impasse; die eindigt als Ilian ontkomt en een politievoertuig Ammar aanrijdt."),
      source = "tvmovie",
    },
    quiz.order {
      id = "plot-order-night",
      prompt = T("Put these events in Ilian's story in the order the film shows them.",
                 "Zet deze gebeurtenissen uit Ilians verhaal in de volgorde waarin de film ze toont."),
      items = {
        T("Ilian arrives in Amsterdam", "Ilian komt aan in Amsterdam"),
        T("The gunman seizes Ilian in the store", "De gewapende man grijpt Ilian in de winkel"),
        T("Ammar lets Ilian speak to his wife", "Ammar laat Ilian met zijn vrouw praten"),
        T("Ilian makes a run for it", "Ilian zet het op een lopen"),
      },
      difficulty = 3,
      category = TIMELINE,
      explain = T("From his arrival to the hostage-taking, a brief moment of humanity and finally a run for freedom.",
                  "Van zijn aankomst naar de gijzeling, een kort menselijk moment en ten slotte een vlucht naar de vrijheid."),
      source = "news24",
    },
  }),
}
