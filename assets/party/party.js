/* party.js - the phone page of party play (docs/party.md, "The phone page").
 *
 * One WebSocket to /ws on the page's own host. The seat's token lives in localStorage
 * (a cookie when storage is blocked), so a reload, a locked screen, a backgrounded tab or
 * an iOS socket that hangs without a close all come back with {"type":"resume"}: the
 * page reconnects at once on visibilitychange/pageshow, and a connection that has been
 * silent too long is probed and, without an answer, replaced. Answers carry the
 * question's index and are kept until "accepted", so a tap made during a drop is sent
 * again after the resume; the host counts it once.
 *
 * Everything a host or another phone sent (names, prompts, options) is put on the page
 * with textContent, never as markup. No inline script or style: the server's
 * Content-Security-Policy allows only these files. */
(function () {
  "use strict";

  /* {======================================================== strings (en, nl) */
  var STR = {
    en: {
      "lang.other": "Nederlands", "lang.other.code": "nl", "lang.name": "English",
      "join.title": "Join the party", "join.name": "Your name", "join.room": "Room code", "join.go": "Join",
      "join.need.name": "Type a name first.", "join.need.room": "Type the room code shown on the TV.",
      "lobby.title": "You're in!", "lobby.wait": "Waiting for the host to start. Keep this page open.",
      "lobby.players": "Players in the room: ", "lobby.seat": "Seat ",
      "lobby.code": "Your seat code, to move to another phone: ",
      "move.summary": "Move my seat from another phone", "move.code": "Seat code (shown on the other phone)",
      "err.move": "No seat has that seat code. Check it on the other phone.",
      "conn.over": "The party is over",
      "conn.connecting": "Connecting…", "conn.connected": "Connected", "conn.reconnecting": "Connection lost, reconnecting…",
      "conn.offline": "Offline: check the Wi-Fi", "compact.on": "Show the question", "compact.off": "Watch the TV",
      "q.number": "Question ", "q.of": " of ", "q.left": " s left", "q.paused": "Paused by the host",
      "q.skip": "Skip", "q.submit": "Send answer", "q.fifty": "50:50", "q.true": "True", "q.false": "False",
      "q.numeric": "Type a number", "q.text": "Type your answer",
      "q.order": "Put these in order, first at the top. Drag a row by its handle, or tap two rows to swap them.",
      "q.move": "Move", "q.position": "position ", "q.swap.first": "Now tap the row to swap it with.",
      "q.open": "Question open", "q.sent": "Sending your answer…", "q.received": "Answer received",
      "q.after": " after ", "q.seconds": " s", "q.removed": "removed by 50:50",
      "q.skipped": "You skipped this one.", "q.late": "Too late: the question had closed.",
      "q.badnumber": "That is not a number.", "q.empty": "Type something first.",
      "r.right": "Right", "r.wrong": "Wrong", "r.timeout": "Time's up", "r.skipped": "Skipped", "r.partial": "Partly right",
      "r.answer": "The answer: ", "r.yours": "Your answer: ", "r.points": " points", "r.base": "Answer and speed: ",
      "r.bonus": "Streak bonus: ", "r.streak": "Streak: ", "r.total": "Total", "r.rank": "Rank",
      "r.of": " of ", "r.ahead": "Just ahead of you: ", "r.ahead.by": " by ", "r.first": "You are in the lead!",
      "r.measured": "Your phone measured ", "r.allowance": " (network allowance ", "r.counted": "; counted ",
      "res.title": "Final results", "res.place": "Your place: ", "res.total": "Your score: ",
      "res.correct": " right of ", "res.thanks": "Thanks for playing! You can close this page.",
      "gone.again": "Join again", "gone.title": "You are not in the party",
      "err.bad-room": "There is no party with that room code here. Check the code on the TV.",
      "err.full": "The party is full.", "err.locked": "The host has locked the room.",
      "err.banned": "The host has removed this phone from the party.",
      "err.kicked": "The host has paused your seat.", "err.unknown-token": "Your seat was not found: join again.",
      "err.moved": "Your seat moved to another device.", "err.paused": "Paused by the host.",
      "err.rate": "Slow down a little.", "err.other": "The host refused that: "
    },
    nl: {
      "lang.other": "English", "lang.other.code": "en", "lang.name": "Nederlands",
      "join.title": "Doe mee", "join.name": "Je naam", "join.room": "Kamercode", "join.go": "Meedoen",
      "join.need.name": "Typ eerst een naam.", "join.need.room": "Typ de kamercode die op de tv staat.",
      "lobby.title": "Je doet mee!", "lobby.wait": "Wachten tot de host begint. Laat deze pagina open.",
      "lobby.players": "Spelers in de kamer: ", "lobby.seat": "Plaats ",
      "lobby.code": "Je plaatscode, om naar een andere telefoon te gaan: ",
      "move.summary": "Mijn plaats van een andere telefoon halen", "move.code": "Plaatscode (staat op de andere telefoon)",
      "err.move": "Geen plaats heeft die plaatscode. Kijk op de andere telefoon.",
      "conn.over": "Het spel is afgelopen",
      "conn.connecting": "Verbinden…", "conn.connected": "Verbonden", "conn.reconnecting": "Verbinding weg, opnieuw verbinden…",
      "conn.offline": "Geen verbinding: controleer de wifi", "compact.on": "Toon de vraag", "compact.off": "Kijk naar de tv",
      "q.number": "Vraag ", "q.of": " van ", "q.left": " s over", "q.paused": "Gepauzeerd door de host",
      "q.skip": "Overslaan", "q.submit": "Antwoord sturen", "q.fifty": "50:50", "q.true": "Waar", "q.false": "Niet waar",
      "q.numeric": "Typ een getal", "q.text": "Typ je antwoord",
      "q.order": "Zet deze op volgorde, de eerste bovenaan. Sleep een rij aan de greep, of tik twee rijen aan om ze te wisselen.",
      "q.move": "Verplaats", "q.position": "plaats ", "q.swap.first": "Tik nu de rij aan om mee te wisselen.",
      "q.open": "Vraag open", "q.sent": "Je antwoord wordt verstuurd…", "q.received": "Antwoord ontvangen",
      "q.after": " na ", "q.seconds": " s", "q.removed": "weggehaald door 50:50",
      "q.skipped": "Je hebt deze overgeslagen.", "q.late": "Te laat: de vraag was al dicht.",
      "q.badnumber": "Dat is geen getal.", "q.empty": "Typ eerst iets.",
      "r.right": "Goed", "r.wrong": "Fout", "r.timeout": "Tijd om", "r.skipped": "Overgeslagen", "r.partial": "Deels goed",
      "r.answer": "Het antwoord: ", "r.yours": "Jouw antwoord: ", "r.points": " punten", "r.base": "Antwoord en snelheid: ",
      "r.bonus": "Reeksbonus: ", "r.streak": "Reeks: ", "r.total": "Totaal", "r.rank": "Plaats",
      "r.of": " van ", "r.ahead": "Net voor je: ", "r.ahead.by": " met ", "r.first": "Je staat bovenaan!",
      "r.measured": "Je telefoon mat ", "r.allowance": " (netwerkmarge ", "r.counted": "; geteld ",
      "res.title": "Eindstand", "res.place": "Jouw plaats: ", "res.total": "Jouw score: ",
      "res.correct": " goed van ", "res.thanks": "Bedankt voor het spelen! Je kunt deze pagina sluiten.",
      "gone.again": "Opnieuw meedoen", "gone.title": "Je doet niet mee",
      "err.bad-room": "Hier is geen spel met die kamercode. Kijk op de tv.",
      "err.full": "Het spel zit vol.", "err.locked": "De host heeft de kamer op slot gedaan.",
      "err.banned": "De host heeft deze telefoon uit het spel gehaald.",
      "err.kicked": "De host heeft je plaats bevroren.", "err.unknown-token": "Je plaats is niet gevonden: doe opnieuw mee.",
      "err.moved": "Je plaats is naar een ander apparaat gegaan.", "err.paused": "Gepauzeerd door de host.",
      "err.rate": "Iets rustiger aan.", "err.other": "De host weigerde dat: "
    }
  };

  var SHAPES = ["triangle", "diamond", "circle", "square", "star", "hexagon"]; /* engine/ui/shapes.h, A..F */
  var SILENCE_MS = 8000;   /* no frame for this long: probe the connection with a resume */
  var PROBE_MS = 3000;     /* no answer to the probe: the socket is dead (iOS), replace it */
  var CONNECT_MS = 5000;   /* a connect that has not opened by then is given up */

  /* {======================================================== storage (localStorage, cookie fallback) */
  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
      return;
    } catch (e) { /* private mode or storage blocked: a cookie instead */ }
    var c = encodeURIComponent(key) + "=" + (value === null ? "" : encodeURIComponent(value)) +
      "; path=/; SameSite=Strict" + (value === null ? "; max-age=0" : "; max-age=86400");
    document.cookie = c;
  }
  function load(key) {
    try {
      var v = localStorage.getItem(key);
      if (v !== null) return v;
    } catch (e) { /* fall through to the cookie */ }
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (decodeURIComponent(parts[i].slice(0, eq)) === key) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return null;
  }

  /* {======================================================== state */
  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var room = (params.get("room") || load("trivium.room") || "").toUpperCase().slice(0, 8);
  var tokenKey = function () { return "trivium.token." + room; };
  var S = {
    lang: pickLang(),
    ws: null, state: "connecting", joined: false, seat: 0, name: "",
    lastFrame: 0, probeAt: 0, retry: 0, retryTimer: 0, everOpened: false,
    q: null,           /* the question message shown */
    paintedAt: 0,      /* performance.now() of the first frame with its options painted */
    pending: null,     /* {question, answer, elapsed_ms} sent and not yet accepted */
    given: null,       /* the answer the host accepted for q */
    removed: [],       /* letters 50:50 took away */
    order: [],         /* order questions: shown indices in the player's order */
    swapFrom: -1,
    deadline: 0, paused: false, timer: 0,
    phase: "join", lastMsg: null
  };

  function pickLang() {
    var own = load("trivium.lang");
    if (own === "en" || own === "nl") return own;
    var nav = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
    return /^nl\b/i.test(nav) ? "nl" : "en";
  }
  function t(key) { return (STR[S.lang] && STR[S.lang][key]) || STR.en[key] || key; }

  function announce(text) {
    var live = $("live");
    live.textContent = "";
    /* A fresh node after a tick: screen readers announce a change, not a repeat. */
    setTimeout(function () { live.textContent = text; }, 60);
  }

  /* {======================================================== views */
  var VIEWS = ["join", "lobby", "question", "reveal", "results", "gone"];
  function show(view) {
    S.phase = view;
    for (var i = 0; i < VIEWS.length; i++) $("v-" + VIEWS[i]).hidden = VIEWS[i] !== view;
    document.body.setAttribute("data-phase", view);
  }

  function applyLang() {
    document.documentElement.lang = S.lang;
    var nodes = document.querySelectorAll("[data-t]");
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = t(nodes[i].getAttribute("data-t"));
    var other = t("lang.other.code");
    $("lang").textContent = t("lang.other");
    $("lang").setAttribute("lang", other);
    $("lang").setAttribute("aria-label", STR[other]["lang.name"]);
    setConn(S.state);
    applyCompact();
    if (S.joined) $("me").textContent = S.name;
    /* Redraw what is on screen in the new language. */
    if (S.phase === "question" && S.q) renderQuestion(S.q, true);
    else if (S.lastMsg && (S.phase === "reveal" || S.phase === "results" || S.phase === "lobby")) handle(S.lastMsg, true);
  }

  function setConn(state) {
    S.state = state;
    var c = $("conn");
    c.setAttribute("data-state", state);
    c.textContent = t("conn." + state);
  }

  function applyCompact() {
    var on = load("trivium.compact") === "1";
    document.body.classList.toggle("compact", on);
    $("compact").setAttribute("aria-pressed", on ? "true" : "false");
    $("compact").textContent = on ? t("compact.on") : t("compact.off");
  }

  /* {======================================================== the socket */
  function connect() {
    clearTimeout(S.retryTimer);
    if (S.state === "over") return;
    if (S.ws) {
      var old = S.ws;
      S.ws = null;
      old.onopen = old.onmessage = old.onclose = old.onerror = null;
      try { old.close(); } catch (e) { /* already gone */ }
    }
    setConn(S.everOpened ? "reconnecting" : "connecting");
    var ws;
    try {
      ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws");
    } catch (e) {
      return later();
    }
    S.ws = ws;
    var opened = false;
    var giveUp = setTimeout(function () { if (!opened && S.ws === ws) connect(); }, CONNECT_MS);
    ws.onopen = function () {
      opened = true;
      clearTimeout(giveUp);
      S.everOpened = true;
      S.retry = 0;
      S.lastFrame = Date.now();
      S.probeAt = 0;
      setConn("connected");
      var token = room ? load(tokenKey()) : null;
      if (token) send({ type: "resume", token: token });
      else if (S.moveAsked) send({ type: "move", room: room, code: S.moveAsked });
      else if (S.joinAsked) send({ type: "join", room: room, name: S.joinAsked });
      else if (S.phase !== "gone") showJoin("");
    };
    ws.onmessage = function (ev) {
      if (S.ws !== ws) return;
      S.lastFrame = Date.now();
      S.probeAt = 0;
      var msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (msg && typeof msg.type === "string") handle(msg, false);
    };
    ws.onclose = function (ev) {
      clearTimeout(giveUp);
      if (S.ws !== ws) return;
      S.ws = null;
      if (ev && ev.code === 4000) {
        /* The seat was resumed from another device: do not take it back. */
        gone(t("err.moved"));
        return;
      }
      if (S.phase === "gone") return;
      if (S.phase === "results") { setConn("over"); return; } /* the party ended: nothing to come back to */
      setConn(navigator.onLine === false ? "offline" : "reconnecting");
      later();
    };
    ws.onerror = function () { /* onclose follows and reconnects */ };
  }

  function later() {
    /* Quick at first (a blip), then at most every 5 s; visibility and pageshow skip the wait. */
    var delay = Math.min(5000, 250 * Math.pow(2, S.retry++));
    clearTimeout(S.retryTimer);
    S.retryTimer = setTimeout(connect, delay);
  }

  function send(obj) {
    if (!S.ws || S.ws.readyState !== 1) return false;
    S.ws.send(JSON.stringify(obj));
    return true;
  }

  /* Every second: the silence watch (a socket iOS froze never says close) and the timer. */
  function watch() {
    var now = Date.now();
    if (S.ws && S.ws.readyState === 1 && S.joined) {
      if (S.probeAt && now - S.probeAt > PROBE_MS) {
        connect();
      } else if (!S.probeAt && now - S.lastFrame > SILENCE_MS) {
        var token = load(tokenKey());
        if (token) {
          S.probeAt = now;
          send({ type: "resume", token: token }); /* answered with welcome + the phase: proof of life */
        }
      }
    }
    tickTimer();
  }

  function wake() {
    /* Back from a locked screen or another app: the old socket may be a zombie. */
    if (document.visibilityState === "hidden" || S.state === "over") return;
    if (!S.ws || S.ws.readyState !== 1 || Date.now() - S.lastFrame > 2000) connect();
  }

  /* {======================================================== messages from the host */
  function handle(msg, redraw) {
    switch (msg.type) {
    case "welcome":
      S.joined = true;
      S.seat = msg.seat;
      S.name = String(msg.name || "");
      S.code = msg.code ? String(msg.code) : "";
      S.joinAsked = "";
      S.moveAsked = "";
      if (msg.room) { room = String(msg.room).toUpperCase(); store("trivium.room", room); }
      if (msg.token) store(tokenKey(), String(msg.token));
      if ((msg.lang === "en" || msg.lang === "nl") && load("trivium.lang") === null && msg.lang !== S.lang) {
        S.lang = msg.lang; /* the host fixed the party's language; a phone's own choice still wins */
        applyLang();
      }
      $("me").textContent = S.name;
      break;
    case "lobby":
      S.lastMsg = msg;
      show("lobby");
      $("lobby-players").textContent = t("lobby.players") + (msg.players || 0);
      var lc = $("lobby-code");
      while (lc.firstChild) lc.removeChild(lc.firstChild);
      if (S.code) {
        lc.appendChild(document.createTextNode(t("lobby.code")));
        lc.appendChild(el("strong", "", S.code));
      }
      if (!redraw) announce(t("lobby.title"));
      break;
    case "question":
      onQuestion(msg);
      break;
    case "pause":
      S.paused = !!msg.paused;
      if (S.q && typeof msg.time_ms === "number") S.deadline = Date.now() + msg.time_ms;
      tickTimer();
      announce(S.paused ? t("q.paused") : t("q.open"));
      break;
    case "accepted":
      if (S.q && msg.question === S.q.index) {
        S.pending = null;
        S.given = { answer: String(msg.answer || ""), ms: msg.time_ms };
        store("trivium.answer", JSON.stringify({ room: room, question: msg.question, answer: S.given.answer }));
        markGiven();
        announce(t("q.received"));
      }
      break;
    case "lifeline":
      if (S.q && msg.question === S.q.index) {
        S.removed = Array.isArray(msg.removed) ? msg.removed.map(String) : [];
        renderQuestion(S.q, true);
      }
      break;
    case "reveal":
      S.lastMsg = msg;
      showReveal(msg, redraw);
      break;
    case "results":
      S.lastMsg = msg;
      showResults(msg, redraw);
      break;
    case "error":
      onError(msg);
      break;
    }
  }

  function onError(msg) {
    var code = String(msg.code || "");
    var text = STR.en["err." + code] ? t("err." + code) : t("err.other") + String(msg.message || code);
    switch (code) {
    case "unknown-token":
    case "not-joined":
      if (S.moveAsked) { S.moveAsked = ""; showJoin(t("err.move")); break; }
      store(tokenKey(), null);
      S.joined = false;
      showJoin(code === "unknown-token" ? text : "");
      break;
    case "bad-room":
    case "full":
    case "locked":
      store(tokenKey(), null);
      S.joined = false;
      showJoin(text);
      break;
    case "banned":
      store(tokenKey(), null);
      gone(text);
      break;
    case "already-answered":
      /* The host has this seat's answer (another tab or a resend): show it as given. */
      S.pending = null;
      if (S.q) { S.given = S.given || { answer: "" }; markGiven(); }
      break;
    case "late":
      S.pending = null;
      $("q-status").textContent = t("q.late");
      announce(t("q.late"));
      break;
    case "wrong-question":
      S.pending = null; /* the question moved on; the host's next frame tells us where */
      break;
    case "rate":
      break;
    default:
      if (S.phase === "join") $("join-error").textContent = text;
      else $("q-status").textContent = text;
    }
  }

  function gone(text) {
    S.joined = false;
    show("gone");
    $("gone-title").textContent = t("gone.title");
    $("gone-text").textContent = text;
    announce(text);
  }

  function showJoin(error) {
    show("join");
    $("room").value = room;
    $("join-error").textContent = error || "";
    var focus = room ? $("name") : $("room");
    if (document.activeElement !== $("name") && document.activeElement !== $("room")) focus.focus();
  }

  /* {======================================================== the question */
  function onQuestion(msg) {
    var same = S.q && S.q.index === msg.index && S.phase === "question";
    S.deadline = Date.now() + (typeof msg.time_ms === "number" ? msg.time_ms : 0);
    S.paused = !!msg.paused;
    if (same) { tickTimer(); return; } /* a resume mid-question: keep what is on screen */
    S.q = msg;
    S.removed = Array.isArray(msg.removed) ? msg.removed.map(String) : [];
    S.given = null;
    S.swapFrom = -1;
    S.order = [];
    var n = (msg.items || []).length;
    for (var i = 0; i < n; i++) S.order.push(i);
    /* An answer this page sent before a reload: the host confirms it ("accepted") or we send it again. */
    var kept = null;
    try { kept = JSON.parse(load("trivium.answer") || "null"); } catch (e) { kept = null; }
    if (kept && kept.room === room && kept.question === msg.index && kept.answer) {
      S.pending = S.pending && S.pending.question === msg.index ? S.pending : { question: msg.index, answer: kept.answer };
    } else if (S.pending && S.pending.question !== msg.index) {
      S.pending = null;
    }
    S.paintedAt = 0;
    renderQuestion(msg, false);
    /* Fair timing: the clock starts at the first frame that shows the options. */
    requestAnimationFrame(function (ts) { S.paintedAt = ts; });
    if (S.pending) { send(pendingMessage(S.pending)); markSending(); }
    announce(t("q.open") + ". " + t("q.number") + msg.index + t("q.of") + msg.count + ". " + String(msg.prompt || ""));
  }

  function pendingMessage(p) {
    var m = { type: "answer", question: p.question, answer: p.answer };
    if (typeof p.elapsed_ms === "number") m.elapsed_ms = p.elapsed_ms;
    return m;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var SVGNS = "http://www.w3.org/2000/svg";
  var SHAPE_POINTS = {
    triangle: "50,8 94,88 6,88",
    diamond: "50,3 97,50 50,97 3,50",
    square: "10,10 90,10 90,90 10,90",
    star: "50,4 61,37 96,37 68,58 79,92 50,71 21,92 32,58 4,37 39,37",
    hexagon: "27,6 73,6 97,50 73,94 27,94 3,50"
  };
  function badge(i) {
    var b = el("span", "badge");
    b.setAttribute("aria-hidden", "true");
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("viewBox", "0 0 100 100");
    var shape = SHAPES[i % 6], s;
    if (shape === "circle") {
      s = document.createElementNS(SVGNS, "circle");
      s.setAttribute("cx", "50"); s.setAttribute("cy", "50"); s.setAttribute("r", "46");
    } else {
      s = document.createElementNS(SVGNS, "polygon");
      s.setAttribute("points", SHAPE_POINTS[shape]);
    }
    s.setAttribute("fill", "#ffffff");
    svg.appendChild(s);
    b.appendChild(svg);
    b.appendChild(el("span", "letter", String.fromCharCode(65 + i)));
    return b;
  }

  function optionButton(i, text) {
    var letter = String.fromCharCode(65 + i);
    var b = el("button", "opt o" + (i % 6));
    b.type = "button";
    b.setAttribute("data-letter", letter);
    b.appendChild(badge(i));
    b.appendChild(el("span", "label", text));
    b.setAttribute("aria-label", letter + ", " + text);
    return b;
  }

  function renderQuestion(msg, redraw) {
    show("question");
    $("q-number").textContent = t("q.number") + msg.index + t("q.of") + msg.count;
    $("q-prompt").textContent = String(msg.prompt || "");
    $("q-status").textContent = "";
    var body = $("q-body");
    while (body.firstChild) body.removeChild(body.firstChild);
    var kind = msg.kind;
    body.setAttribute("data-kind", String(kind));
    body.setAttribute("data-index", String(msg.index));
    var hint = "";
    if (kind === "choice" || kind === "truefalse") {
      var list = el("div", "options choice");
      var opts = msg.options || [];
      for (var i = 0; i < opts.length; i++) {
        var b = optionButton(i, kind === "truefalse" && !opts[i] ? t(i ? "q.false" : "q.true") : String(opts[i]));
        var letter = String.fromCharCode(65 + i);
        if (S.removed.indexOf(letter) >= 0) {
          b.disabled = true;
          b.classList.add("removed");
          b.setAttribute("aria-label", letter + ", " + String(opts[i]) + ", " + t("q.removed"));
        } else {
          b.addEventListener("click", choose.bind(null, letter));
        }
        list.appendChild(b);
      }
      body.appendChild(list);
    } else if (kind === "numeric" || kind === "text") {
      var form = el("form", "entry");
      form.noValidate = true;
      var input = el("input");
      input.id = "q-input";
      input.type = "text";
      input.autocomplete = "off";
      input.setAttribute("autocapitalize", "off");
      input.setAttribute("spellcheck", "false");
      input.setAttribute("enterkeyhint", "send");
      input.setAttribute("inputmode", kind === "numeric" ? "decimal" : "text");
      input.setAttribute("aria-label", kind === "numeric" ? t("q.numeric") : t("q.text"));
      input.placeholder = kind === "numeric" ? t("q.numeric") : t("q.text");
      form.appendChild(input);
      if (kind === "numeric" && msg.unit) form.appendChild(el("span", "unit", String(msg.unit)));
      var go = el("button", "primary", t("q.submit"));
      go.type = "submit";
      form.appendChild(go);
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        submitEntry(kind, input.value);
      });
      body.appendChild(form);
    } else if (kind === "order") {
      hint = t("q.order");
      body.appendChild(orderList(msg));
      var submit = el("button", "primary", t("q.submit"));
      submit.type = "button";
      submit.addEventListener("click", function () {
        var letters = "";
        for (var k = 0; k < S.order.length; k++) letters += String.fromCharCode(65 + S.order[k]);
        answer(letters);
      });
      body.appendChild(submit);
    }
    $("q-hint").textContent = hint;
    $("q-skip").disabled = !!S.given;
    var fifty = $("q-fifty");
    fifty.hidden = !(msg.lifeline && kind === "choice");
    fifty.disabled = S.removed.length > 0;
    tickTimer();
    if (S.given) markGiven();
    else if (S.pending) markSending();
    if (!redraw) window.scrollTo(0, 0);
  }

  function orderList(msg) {
    var items = msg.items || [];
    var ol = el("ol", "order");
    ol.id = "q-order";
    for (var pos = 0; pos < S.order.length; pos++) {
      var idx = S.order[pos];
      var li = el("li");
      li.setAttribute("data-pos", String(pos));
      li.appendChild(el("span", "pos", String(pos + 1)));
      var b = optionButton(idx, String(items[idx]));
      b.setAttribute("aria-pressed", S.swapFrom === pos ? "true" : "false");
      b.setAttribute("aria-label", t("q.position") + (pos + 1) + ": " + String.fromCharCode(65 + idx) + ", " + String(items[idx]));
      b.addEventListener("click", tapSwap.bind(null, pos));
      li.appendChild(b);
      var h = el("button", "handle", "↕");
      h.type = "button";
      h.setAttribute("aria-label", t("q.move") + " " + String.fromCharCode(65 + idx));
      h.addEventListener("pointerdown", dragStart.bind(null, pos));
      h.addEventListener("keydown", keyMove.bind(null, pos));
      li.appendChild(h);
      ol.appendChild(li);
    }
    return ol;
  }

  function redrawOrder(focusPos, focusHandle) {
    var old = $("q-order");
    if (!old) return;
    var fresh = orderList(S.q);
    old.parentNode.replaceChild(fresh, old);
    if (focusPos >= 0) {
      var li = fresh.children[focusPos];
      if (li) (focusHandle ? li.querySelector(".handle") : li.querySelector(".opt")).focus();
    }
  }

  function tapSwap(pos) {
    if (S.given) return;
    if (S.swapFrom < 0) {
      S.swapFrom = pos;
      $("q-status").textContent = t("q.swap.first");
    } else {
      var a = S.swapFrom;
      S.swapFrom = -1;
      var tmp = S.order[a]; S.order[a] = S.order[pos]; S.order[pos] = tmp;
      $("q-status").textContent = "";
    }
    redrawOrder(pos, false);
  }

  function keyMove(pos, ev) {
    var to = ev.key === "ArrowUp" ? pos - 1 : ev.key === "ArrowDown" ? pos + 1 : -1;
    if (to < 0 || to >= S.order.length || S.given) return;
    ev.preventDefault();
    S.order.splice(to, 0, S.order.splice(pos, 1)[0]);
    redrawOrder(to, true);
  }

  /* Drag by the handle: the row follows the finger's row slot; one move per slot crossed. */
  function dragStart(pos, ev) {
    if (S.given) return;
    ev.preventDefault();
    var ol = $("q-order");
    var from = pos;
    var li = ol.children[from];
    li.classList.add("dragging");
    function slotAt(y) {
      for (var i = 0; i < ol.children.length; i++) {
        var r = ol.children[i].getBoundingClientRect();
        if (y < r.bottom) return i;
      }
      return ol.children.length - 1;
    }
    function move(e) {
      var to = slotAt(e.clientY);
      if (to === from) return;
      S.order.splice(to, 0, S.order.splice(from, 1)[0]);
      var moving = ol.children[from];
      if (to > from) ol.insertBefore(moving, ol.children[to].nextSibling);
      else ol.insertBefore(moving, ol.children[to]);
      from = to;
    }
    function up() {
      document.removeEventListener("pointermove", move);
      document.removeEventListener("pointerup", up);
      document.removeEventListener("pointercancel", up);
      S.swapFrom = -1;
      redrawOrder(from, true);
    }
    document.addEventListener("pointermove", move);
    document.addEventListener("pointerup", up);
    document.addEventListener("pointercancel", up);
  }

  function submitEntry(kind, raw) {
    var v = String(raw).trim();
    if (kind === "numeric") {
      v = v.replace(/\s+/g, "").replace(",", ".");
      if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(v)) {
        $("q-status").textContent = t("q.badnumber");
        return;
      }
      answer(v.replace(/^\+/, ""));
    } else {
      if (!v) { $("q-status").textContent = t("q.empty"); return; }
      answer("=" + v.replace(/[\r\n#@]/g, " "));
    }
  }

  function choose(letter) {
    if (S.given || (S.pending && S.pending.answer === letter)) return;
    answer(letter);
  }

  function answer(token) {
    if (!S.q || S.given) return;
    var elapsed = S.paintedAt ? Math.max(0, Math.round(performance.now() - S.paintedAt)) : undefined;
    S.pending = { question: S.q.index, answer: token, elapsed_ms: elapsed };
    store("trivium.answer", JSON.stringify({ room: room, question: S.q.index, answer: token }));
    send(pendingMessage(S.pending));
    markSending();
  }

  function lockInputs(chosen) {
    var body = $("q-body");
    var buttons = body.querySelectorAll("button, input");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = true;
      var l = buttons[i].getAttribute("data-letter");
      if (chosen && l && chosen.length === 1 && l === chosen) buttons[i].classList.add("chosen");
    }
    $("q-fifty").disabled = true;
    $("q-skip").disabled = true;
  }

  function markSending() {
    $("q-status").textContent = t("q.sent");
  }

  function markGiven() {
    var a = S.given ? S.given.answer : "";
    lockInputs(a);
    var input = $("q-input");
    if (input && a && input.value === "") input.value = a.charAt(0) === "=" ? a.slice(1) : a;
    var text = a === "skip" ? t("q.skipped") : t("q.received");
    if (S.given && typeof S.given.ms === "number" && a !== "skip")
      text += t("q.after") + (S.given.ms / 1000).toFixed(1) + t("q.seconds");
    $("q-status").textContent = "✓ " + text;
  }

  function tickTimer() {
    var tm = $("q-timer");
    if (S.phase !== "question" || !S.q) { tm.textContent = ""; return; }
    if (S.paused) { tm.textContent = t("q.paused"); tm.classList.remove("low"); return; }
    var left = Math.max(0, Math.ceil((S.deadline - Date.now()) / 1000));
    tm.textContent = left + t("q.left");
    tm.classList.toggle("low", left <= 5);
  }

  /* {======================================================== reveal and results */
  function ordinal(n) {
    if (S.lang === "nl") return n + "e";
    var s = ["th", "st", "nd", "rd"], v = n % 100;
    return n + (s[(v - 20) % 10] || s[v] || s[0]);
  }

  /* An answer-script token as words: letters become the options or items they name. */
  function tokenText(tok) {
    tok = String(tok || "");
    var q = S.q;
    if (tok.charAt(0) === "=") return tok.slice(1);
    if (tok === "skip") return t("r.skipped");
    if (q && q.kind === "numeric") return tok + (q.unit ? " " + String(q.unit) : "");
    if (!q || !/^[A-F]+$/.test(tok)) return tok;
    var list = q.kind === "order" ? q.items || [] : q.options || [];
    var words = [];
    for (var i = 0; i < tok.length; i++) {
      var k = tok.charCodeAt(i) - 65, w = list[k];
      if (q.kind === "truefalse" && !w) w = t(k ? "q.false" : "q.true");
      words.push(w === undefined ? tok.charAt(i) : (q.kind === "order" ? "" : tok.charAt(i) + ": ") + String(w));
    }
    return words.join(q.kind === "order" ? " → " : ", ");
  }

  function showReveal(msg, redraw) {
    show("reveal");
    S.pending = null;
    $("r-number").textContent = S.q ? t("q.number") + msg.index + t("q.of") + S.q.count : "";
    var verdict = String(msg.verdict || (msg.correct ? "correct" : "wrong"));
    var right = !!msg.correct, partial = !right && verdict === "wrong" && msg.points > 0;
    var word = right ? t("r.right") : verdict === "timeout" ? t("r.timeout") : verdict === "skip" || verdict === "skipped"
      ? t("r.skipped") : partial ? t("r.partial") : t("r.wrong");
    var v = $("r-verdict");
    v.className = "verdict " + (right ? "right" : "wrong");
    $("r-glyph").textContent = right ? "✓" : partial ? "≈" : "✗";
    $("r-word").textContent = word;
    var ans = msg.answer ? t("r.answer") + tokenText(msg.answer) : "";
    if (!right && msg.given && msg.given !== "timeout") ans += (ans ? " · " : "") + t("r.yours") + tokenText(msg.given);
    $("r-answer").textContent = ans;
    $("r-points").textContent = "+" + (msg.points || 0) + t("r.points");
    var bd = $("r-breakdown");
    while (bd.firstChild) bd.removeChild(bd.firstChild);
    if (typeof msg.bonus === "number" && msg.points > 0) {
      bd.appendChild(el("li", "", t("r.base") + (msg.points - msg.bonus)));
      bd.appendChild(el("li", "", t("r.bonus") + msg.bonus));
    }
    if (typeof msg.streak === "number" && msg.streak > 0) bd.appendChild(el("li", "", t("r.streak") + msg.streak));
    var timing = "";
    if (typeof msg.measured_ms === "number" && msg.measured_ms >= 0) {
      timing = t("r.measured") + (msg.measured_ms / 1000).toFixed(2) + t("q.seconds") + t("r.allowance") +
        (msg.allowance_ms || 0) + " ms)";
      if (typeof msg.time_ms === "number") timing += t("r.counted") + (msg.time_ms / 1000).toFixed(2) + t("q.seconds");
    }
    $("r-timing").textContent = timing;
    $("r-total").textContent = String(msg.total || 0);
    $("r-rank").textContent = ordinal(msg.rank || 0) + (msg.players ? t("r.of") + msg.players : "");
    $("r-ahead").textContent = msg.ahead ? t("r.ahead") + String(msg.ahead) + t("r.ahead.by") + (msg.ahead_by || 0) + t("r.points")
      : msg.rank === 1 ? t("r.first") : "";
    if (!redraw) announce(word + ", +" + (msg.points || 0) + t("r.points") + ". " + t("r.rank") + " " + ordinal(msg.rank || 0));
  }

  function showResults(msg, redraw) {
    show("results");
    S.q = null;
    $("res-place").textContent = t("res.place") + ordinal(msg.rank || 0) + (msg.players ? t("r.of") + msg.players : "");
    var tot = t("res.total") + (msg.total || 0);
    if (typeof msg.correct === "number" && typeof msg.asked === "number") tot += " · " + msg.correct + t("res.correct") + msg.asked;
    $("res-total").textContent = tot;
    var ol = $("res-top");
    while (ol.firstChild) ol.removeChild(ol.firstChild);
    var top = Array.isArray(msg.top) ? msg.top : [];
    for (var i = 0; i < top.length; i++) {
      var li = el("li", top[i].seat === S.seat ? "mine" : "", String(top[i].name) + " — " + top[i].total);
      ol.appendChild(li);
    }
    if (!redraw) announce(t("res.title") + ". " + $("res-place").textContent);
  }

  /* {======================================================== wiring */
  function init() {
    $("join-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var name = $("name").value.trim();
      var code = $("room").value.trim().toUpperCase();
      var seatcode = $("seatcode").value.trim().toUpperCase();
      if (!code) { $("join-error").textContent = t("join.need.room"); $("room").focus(); return; }
      if (seatcode) {
        room = code;
        store("trivium.room", room);
        S.moveAsked = seatcode;
        $("join-error").textContent = "";
        if (!send({ type: "move", room: room, code: seatcode })) connect();
        return;
      }
      if (!name) { $("join-error").textContent = t("join.need.name"); $("name").focus(); return; }
      room = code;
      store("trivium.room", room);
      store("trivium.name", name);
      S.joinAsked = name;
      $("join-error").textContent = "";
      if (!send({ type: "join", room: room, name: name })) connect();
    });
    $("name").value = load("trivium.name") || "";
    $("q-skip").addEventListener("click", function () { answer("skip"); });
    $("q-fifty").addEventListener("click", function () {
      if (S.q && !S.given && send({ type: "lifeline", question: S.q.index })) $("q-fifty").disabled = true;
    });
    $("lang").addEventListener("click", function () {
      S.lang = t("lang.other.code");
      store("trivium.lang", S.lang);
      applyLang();
    });
    $("compact").addEventListener("click", function () {
      store("trivium.compact", load("trivium.compact") === "1" ? "0" : "1");
      applyCompact();
    });
    $("gone-again").addEventListener("click", function () { showJoin(""); });
    document.addEventListener("visibilitychange", wake);
    window.addEventListener("pageshow", function (ev) { if (ev.persisted) connect(); });
    window.addEventListener("online", function () { connect(); });
    window.addEventListener("offline", function () { setConn("offline"); });
    applyLang();
    if (room && load(tokenKey())) show("lobby"); else showJoin("");
    setInterval(watch, 1000);
    connect();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
