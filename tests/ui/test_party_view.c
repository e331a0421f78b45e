/* ui.party.view: the TV's view of a real party core over a real session (no sockets: the
 * test is the transport), from lobby to results, and every screen drawn offscreen with
 * the real fonts and strings. */
#include <SDL.h>

#include "check.h"
#include "party/party.h"
#include "ui/scene_party.h"
#include "ui/scene_party_tv.h"

#define MS 1000000LL

static unsigned counter;
static void t_random(void *ud, void *buf, size_t n)
{
    (void)ud;
    unsigned char *b = buf;
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)(counter++ * 37 + 11);
}
static void t_send(void *ud, uint32_t conn, const char *text, size_t len, uint32_t tag)
{
    (void)ud, (void)conn, (void)text, (void)len, (void)tag;
}

/* An answer under four characters: the giveaway-aware draw would pass over the second
 * question, whose answer the first one shows among its options. */
static const char *const opts[] = {"yes", "w1", "w2", "w3"};
static tv_Question qs[2];
static tv_Session session;
static tv_Party party;

static void say(uint32_t conn, const char *json, int64_t now) { tv_party_on_text(&party, conn, json, strlen(json), now); }

static int shown_of(const tv_PartyView *v, const char *text)
{
    for (int i = 0; i < v->n_options; i++)
        if (strcmp(v->options[i], text) == 0)
            return i;
    return -1;
}

static tv_Gfx gfx;
static tv_I18n *strings;
static SDL_Surface *surface;

static void draw(const tv_PartyView *v)
{
    tv_QrMatrix qr;
    tv_Error err = {0};
    CHECK(tv_qr_encode(v->url, &qr, &err));
    int before = tv_gfx_text_renders(&gfx);
    tv_gfx_begin_frame(&gfx, 1.0f);
    tv_party_view_draw(&gfx, strings, v, &qr);
    CHECK(tv_gfx_text_renders(&gfx) > before);
    tv_qr_free(&qr);
}

TEST("the view follows a party from lobby to results: names, answered, bars, top and moves")
{
    for (int i = 0; i < 2; i++) {
        qs[i] = (tv_Question){.pack = "p", .id = i ? "b" : "a", .type = TV_Q_CHOICE, .difficulty = 1,
                              .time_limit_ms = 10000, .category = "C", .prompt = "Q?", .explain = "Because.",
                              .source = "", .where = "", .unit = "", .n_options = 4};
        for (int k = 0; k < 4; k++)
            qs[i].options[k] = opts[k];
    }
    const tv_Question *pool[2] = {&qs[0], &qs[1]};
    tv_SessionConfig sc = {.seed = 5, .count = 2, .players = 3, .rules = tv_rules_default()};
    tv_Error err = {0};
    CHECK(tv_session_init(&session, &sc, pool, 2, tv_alloc_default(), &err));
    static const tv_Labels words = {"true", "false"};
    tv_PartyConfig cfg = {.max_players = 3, .reveal_ms = 60000, .labels = words, .accept = &words, .n_accept = 1,
                          .random = t_random, .send = t_send};
    CHECK(tv_party_init(&party, &cfg, &session, &err));
    const char *url = "http://10.0.0.2:40000/?room=ABCD";
    static const char *const names[3] = {"Ana", "<b>Bram</b>", "Chidi"};
    for (uint32_t c = 1; c <= 3; c++) {
        char buf[200];
        tv_party_on_open(&party, c, "127.0.0.1", 0);
        snprintf(buf, sizeof buf, "{\"type\":\"join\",\"room\":\"%s\",\"name\":\"%s\"}", tv_party_room(&party),
                 names[c - 1]);
        say(c, buf, 0);
    }
    tv_PartyView v;
    tv_party_view_fill(&v, &party, url, "True", "False", 0, NULL);
    CHECK_INT(TV_PARTY_VIEW_LOBBY, v.phase);
    CHECK_INT(3, v.n_seats);
    CHECK_INT(3, v.n_names);
    CHECK_STR("<b>Bram</b>", v.names[1]);
    CHECK_STR(tv_party_room(&party), v.room);
    draw(&v);

    CHECK(tv_party_start(&party, 1 * MS));
    for (uint32_t c = 1; c <= 3; c++)
        tv_party_on_sent(&party, c, TV_PARTY_TAG_OPEN, 1 * MS);
    tv_party_view_fill(&v, &party, url, "True", "False", 2000 * MS, NULL);
    CHECK_INT(TV_PARTY_VIEW_QUESTION, v.phase);
    CHECK_INT(1, v.index);
    CHECK_INT(2, v.count);
    CHECK_INT(4, v.n_options);
    CHECK_INT(0, v.n_answered);
    CHECK(v.time_left_ms > 0 && v.time_left_ms <= 10000);
    int right = shown_of(&v, "yes"), wrong = shown_of(&v, "w1");
    CHECK(right >= 0 && wrong >= 0);
    CHECK_INT(right, v.correct);
    draw(&v);
    /* Chidi right and fast, Ana right and slow, Bram wrong. */
    char a[120];
    snprintf(a, sizeof a, "{\"type\":\"answer\",\"question\":1,\"answer\":\"%c\"}", 'A' + right);
    say(3, a, 1500 * MS);
    say(1, a, 8000 * MS);
    tv_party_view_fill(&v, &party, url, "True", "False", 8000 * MS, NULL);
    CHECK_INT(2, v.n_answered);
    snprintf(a, sizeof a, "{\"type\":\"answer\",\"question\":1,\"answer\":\"%c\"}", 'A' + wrong);
    say(2, a, 9000 * MS);
    tv_party_tick(&party, 9000 * MS); /* everyone answered: the reveal */
    tv_party_view_fill(&v, &party, url, "True", "False", 9000 * MS, NULL);
    CHECK_INT(TV_PARTY_VIEW_REVEAL, v.phase);
    CHECK_INT(2, v.counts[right]);
    CHECK_INT(1, v.counts[wrong]);
    CHECK_STR("yes", v.answer);
    CHECK_STR("Because.", v.explain);
    CHECK_INT(3, v.n_top);
    CHECK_STR("Chidi", v.top[0].name);
    CHECK_STR("Ana", v.top[1].name);
    CHECK_INT(1, v.top[0].place);
    draw(&v);
    int places[3];
    tv_party_view_places(&party, places);
    CHECK_INT(1, places[2]);
    /* Question 2: Bram (3rd) answers right at once, the others not at all: he moves up. */
    tv_party_next(&party, 10000 * MS);
    for (uint32_t c = 1; c <= 3; c++)
        tv_party_on_sent(&party, c, TV_PARTY_TAG_OPEN + 1, 10000 * MS);
    tv_party_view_fill(&v, &party, url, "True", "False", 10000 * MS, places);
    right = shown_of(&v, "yes");
    snprintf(a, sizeof a, "{\"type\":\"answer\",\"question\":2,\"answer\":\"%c\"}", 'A' + right);
    say(2, a, 10100 * MS);
    tv_party_end_question(&party, 11000 * MS);
    tv_party_view_fill(&v, &party, url, "True", "False", 11000 * MS, places);
    CHECK_INT(TV_PARTY_VIEW_REVEAL, v.phase);
    int bram = -1;
    for (int i = 0; i < v.n_top; i++)
        if (strcmp(v.top[i].name, "<b>Bram</b>") == 0)
            bram = i;
    CHECK(bram >= 0 && bram < 2);
    if (bram >= 0)
        CHECK(v.top[bram].moved > 0);
    tv_party_next(&party, 12000 * MS);
    tv_party_view_fill(&v, &party, url, "True", "False", 12000 * MS, places);
    CHECK_INT(TV_PARTY_VIEW_RESULTS, v.phase);
    CHECK_INT(3, v.n_top);
    draw(&v);
    tv_party_free(&party);
    tv_session_free(&session);
}

static char font[4096], bold[4096];
static SDL_Renderer *renderer;

static SDL_Event key(SDL_Keycode k)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    return e;
}

TEST("the TV window's keys drive the party: Enter starts, P pauses, E ends early, Enter ends a reveal, Esc quits")
{
    for (int i = 0; i < 2; i++) {
        qs[i] = (tv_Question){.pack = "p", .id = i ? "b" : "a", .type = TV_Q_CHOICE, .difficulty = 1,
                              .time_limit_ms = 10000, .category = "C", .prompt = "Q?", .explain = "",
                              .source = "", .where = "", .unit = "", .n_options = 4};
        for (int k = 0; k < 4; k++)
            qs[i].options[k] = opts[k];
    }
    const tv_Question *pool[2] = {&qs[0], &qs[1]};
    tv_SessionConfig sc = {.seed = 9, .count = 2, .players = 2, .rules = tv_rules_default()};
    tv_Error err = {0};
    CHECK(tv_session_init(&session, &sc, pool, 2, tv_alloc_default(), &err));
    static const tv_Labels words = {"true", "false"};
    tv_PartyConfig cfg = {.max_players = 2, .reveal_ms = 60000, .labels = words, .accept = &words, .n_accept = 1,
                          .random = t_random, .send = t_send};
    CHECK(tv_party_init(&party, &cfg, &session, &err));
    tv_PartyTv tv;
    CHECK(tv_party_tv_init(&tv, renderer, TV_ASSETS, font, bold, "en", "http://10.0.0.2:40000/?room=ABCD", 2, &err));
    tv_party_tv_draw(&tv, &party, 0);
    CHECK(!tv.view.doctor);
    tv_party_tv_draw(&tv, &party, TV_PARTY_DOCTOR_NS);
    CHECK(tv.view.doctor); /* nobody came: the network doctor */
    tv_party_on_open(&party, 1, "127.0.0.1", 0);
    char buf[200];
    snprintf(buf, sizeof buf, "{\"type\":\"join\",\"room\":\"%s\",\"name\":\"Ana\"}", tv_party_room(&party));
    say(1, buf, TV_PARTY_DOCTOR_NS);
    tv_party_tv_draw(&tv, &party, TV_PARTY_DOCTOR_NS + MS);
    CHECK(!tv.view.doctor);
    SDL_Event e = key(SDLK_RETURN);
    CHECK(tv_party_tv_event(&tv, &party, &e, 30000 * MS));
    CHECK_INT(TV_PARTY_QUESTION, tv_party_phase(&party));
    e = key(SDLK_p);
    tv_party_tv_event(&tv, &party, &e, 31000 * MS);
    CHECK(party.paused);
    tv_party_tv_draw(&tv, &party, 32000 * MS);
    CHECK(tv.view.paused);
    tv_party_tv_event(&tv, &party, &e, 33000 * MS);
    CHECK(!party.paused);
    e = key(SDLK_e);
    tv_party_tv_event(&tv, &party, &e, 34000 * MS);
    CHECK_INT(TV_PARTY_REVEAL, tv_party_phase(&party));
    tv_party_tv_draw(&tv, &party, 34000 * MS);
    CHECK_INT(TV_PARTY_VIEW_REVEAL, tv.view.phase);
    e = key(SDLK_RETURN);
    tv_party_tv_event(&tv, &party, &e, 35000 * MS);
    CHECK_INT(TV_PARTY_QUESTION, tv_party_phase(&party));
    CHECK_INT(1, party.round);
    e = key(SDLK_l);
    tv_party_tv_event(&tv, &party, &e, 35000 * MS);
    CHECK(party.locked);
    e = key(SDLK_ESCAPE);
    CHECK(!tv_party_tv_event(&tv, &party, &e, 36000 * MS));
    tv_party_tv_free(&tv);
    tv_party_free(&party);
    tv_session_free(&session);
}

int run(void);
int main(void)
{
    /* The real fonts and strings on SDL's software renderer, as `trivium screenshot` draws. */
    tv_Error err = {0};
    if (!tv_font_find(NULL, font, sizeof font, bold, sizeof bold, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    strings = tv_i18n_load(TV_ASSETS "/i18n", "nl", &err);
    SDL_SetMainReady();
    SDL_Init(0);
    surface = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = renderer = SDL_CreateSoftwareRenderer(surface);
    if (!strings || !r || !tv_gfx_init(&gfx, r, font, bold, &err)) {
        fprintf(stderr, "set-up failed: %s %s\n", err.msg, SDL_GetError());
        return 1;
    }
    int rc = run();
    tv_gfx_free(&gfx);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    tv_i18n_free(strings);
    SDL_Quit();
    return rc;
}

#define main run
TEST_MAIN()
