/* ui.round: drives the real front end with injected SDL events through a whole round
 * (mouse for some questions, keyboard for others, every question type, the 50:50),
 * records it with --record's writer (runner/script_writer), replays the recording with `trivium headless`,
 * and checks that both paths score exactly the same.
 * usage: test_ui_round TRIVIUM SOURCE_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>
#include <cjson/cJSON.h>

#include "check.h"
#include "ui/game.h"
#include "ui/game_test.h" /* test-only: reads a snapshot of the state, see there */

#define V(g) tv_game_test_view(g) /* what the game shows now */
#include "runner/script_writer.h"

static const char *trivium, *source;
static char worker[4200]; /* trivium-pack-worker, beside trivium */
static int64_t clock_ms = 50000;

static void key(tv_Game *g, SDL_Keycode k)
{
    SDL_Event ev = {.type = SDL_KEYDOWN};
    ev.key.keysym.sym = k;
    tv_game_event(g, &ev);
    tv_game_draw(g);
}

static void text(tv_Game *g, const char *t)
{
    SDL_Event ev = {.type = SDL_TEXTINPUT};
    snprintf(ev.text.text, sizeof ev.text.text, "%s", t);
    tv_game_event(g, &ev);
    tv_game_draw(g);
}

static bool click(tv_Game *g, int id)
{
    tv_game_draw(g); /* hit regions come from the last frame drawn */
    for (int i = 0; i < V(g).n_hits; i++)
        if (V(g).hits[i].id == id) {
            SDL_Event ev = {.type = SDL_MOUSEBUTTONDOWN};
            ev.button.button = SDL_BUTTON_LEFT;
            ev.button.x = V(g).hits[i].rect.x + V(g).hits[i].rect.w / 2;
            ev.button.y = V(g).hits[i].rect.y + V(g).hits[i].rect.h / 2;
            tv_game_event(g, &ev);
            ev.type = SDL_MOUSEBUTTONUP;
            tv_game_event(g, &ev);
            tv_game_draw(g);
            return true;
        }
    return false;
}

static bool has_hit(const tv_Game *g, int id)
{
    for (int i = 0; i < V(g).n_hits; i++)
        if (V(g).hits[i].id == id)
            return true;
    return false;
}

static void wait_ms(tv_Game *g, int ms)
{
    clock_ms += ms;
    tv_game_tick(g, clock_ms);
    tv_game_draw(g);
}

/* Where the right option is on screen. */
static int right_option(const tv_Game *g)
{
    tv_Answer a;
    tv_session_correct_answer(V(g).session, V(g).round, &a);
    return a.option;
}

static void answer_round(tv_Game *g, int round)
{
    const tv_Round *r = tv_session_round(V(g).session, round);
    wait_ms(g, 1500 + 700 * round); /* a different answer time on every question */
    switch (r->q->type) {
    case TV_Q_CHOICE:
        if (r->q->n_options == 6) {
            key(g, SDLK_l); /* 50:50 by keyboard, then the letter key */
            wait_ms(g, 1250);
            key(g, SDLK_a + right_option(g));
        } else
            CHECK(click(g, HIT_OPTION0 + right_option(g))); /* by mouse */
        break;
    case TV_Q_TRUEFALSE: key(g, SDLK_1 + right_option(g)); break;
    case TV_Q_NUMERIC:
        text(g, "4");
        text(g, "2,3"); /* a comma is taken as the decimal point: 42.3, within 0.5 */
        key(g, SDLK_RETURN);
        break;
    case TV_Q_TEXT:
        text(g, "admir  sehovic"); /* typed without diacritics */
        CHECK(click(g, HIT_SUBMIT));
        break;
    case TV_Q_ORDER: {
        /* Keyboard: walk to each item's right slot with space to grab and arrows to move;
         * leave the last two swapped, for partial credit. */
        tv_Answer right;
        tv_session_correct_answer(V(g).session, round, &right);
        for (int pos = 0; pos < r->n_shown - 2; pos++) {
            int want = right.order[pos], at = 0;
            while (V(g).order[at] != want)
                at++;
            while (V(g).focus < at)
                key(g, SDLK_DOWN);
            while (V(g).focus > at)
                key(g, SDLK_UP);
            key(g, SDLK_SPACE);
            while (V(g).focus > pos)
                key(g, SDLK_UP);
            key(g, SDLK_SPACE);
        }
        int last = r->n_shown - 1;
        if (V(g).order[last] == right.order[last]) { /* make sure the tail is wrong */
            while (V(g).focus < last)
                key(g, SDLK_DOWN);
            key(g, SDLK_SPACE);
            key(g, SDLK_UP);
            key(g, SDLK_SPACE);
        }
        CHECK(click(g, HIT_SUBMIT));
        break;
    }
    }
    CHECK_INT(TV_SCENE_REVEAL, V(g).scene);
    wait_ms(g, 800);
    if (round == 0)
        key(g, SDLK_w); /* flag the first question as wrong */
    key(g, SDLK_RETURN);
}

static void pad_button(tv_Game *g, SDL_JoystickID pad, int button)
{
    SDL_Event ev = {.type = SDL_CONTROLLERBUTTONDOWN};
    ev.cbutton.which = pad;
    ev.cbutton.button = (Uint8)button;
    tv_game_event(g, &ev);
    tv_game_draw(g);
}

/* Runs headless on the recorded scripts (more than one: a multi-player session) and
 * returns the first player's total, or the JSON root when want_root. */
static cJSON *headless_json(const char *records)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cd '%s' && TRIVIUM_NO_BUILTIN_PACKS=1 '%s' headless --plugins tests/packs %s --format json",
             source, trivium, records);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    if (pclose(p) != 0) {
        fprintf(stderr, "  headless failed:\n%s\n", buf);
        return NULL;
    }
    return cJSON_Parse(buf);
}

static int headless_total(const char *record, cJSON **points)
{
    char records[640];
    snprintf(records, sizeof records, "--answers '%s'", record);
    cJSON *j = headless_json(records);
    if (!j)
        return -1;
    int total = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "total"));
    *points = cJSON_Duplicate(cJSON_GetObjectItem(j, "questions"), 1);
    cJSON_Delete(j);
    return total;
}

/* What every test needs: the fixture packs of tests/packs loaded in one language, a
 * software renderer drawing into a surface, the system font, default settings (a test
 * may change them before fixture_start), and, when recording, a fresh prefs folder
 * with a --record path in it. */
typedef struct Fixture {
    char prefs[64], record[600], assets[4096];
    tv_PackSet packs;
    SDL_Surface *surface;
    SDL_Renderer *r;
    tv_Settings settings;
    char font[1024], bold[1024];
    tv_Game *g;
    int scoring; /* index of the scoring pack */
    void *host;  /* the game's host callbacks, for tests that need them */
    uint64_t (*next_seed)(void *host);
    void (*reload_packs)(void *host, const char *lang);
    FILE *rec[TV_GAME_MAX_SEATS]; /* the recording, one script per player */
} Fixture;

/* The test's --record: the same writer, directives and file names as app/play.c's. */
static void rec_session(void *host, const tv_GameSession *s)
{
    Fixture *f = host;
    tv_ScriptDirectives d = {.have_seed = true, .seed = s->seed, .count = s->count, .lang = s->lang,
                             .timer_percent = s->timer_percent != 100 ? s->timer_percent : 0,
                             .no_time_points = !s->time_points, .no_streak = !s->streak_bonus,
                             .types = s->simultaneous ? "choice,truefalse" : NULL};
    for (int i = 0; i < s->n_packs && i < TV_SCRIPT_MAX_PACKS; i++)
        d.packs[d.n_packs++] = s->packs[i];
    for (int p = 0; p < s->n_players; p++) {
        char path[700];
        snprintf(path, sizeof path, p ? "%s.p%d" : "%s", f->record, p + 1);
        if (f->rec[p])
            fclose(f->rec[p]);
        f->rec[p] = fopen(path, "w");
        CHECK(f->rec[p] && tv_script_write_header(f->rec[p], "Recorded by ui.round", &d));
        fflush(f->rec[p]);
    }
}

static void rec_answer(void *host, int player, int round, const tv_Record *rec)
{
    Fixture *f = host;
    (void)round;
    CHECK(f->rec[player] && tv_script_write_answer(f->rec[player], rec));
    fflush(f->rec[player]);
}

static void fixture_load(Fixture *f, const char *lang, int w, int h, bool recording)
{
    memset(f, 0, sizeof *f);
    if (recording) {
        snprintf(f->prefs, sizeof f->prefs, "/tmp/trivium-ui-XXXXXX");
        CHECK(mkdtemp(f->prefs) != NULL);
        snprintf(f->record, sizeof f->record, "%s/round.txt", f->prefs);
    }
    snprintf(f->assets, sizeof f->assets, "%s/assets", source);
    char packdir[4096];
    snprintf(packdir, sizeof packdir, "%s/tests/packs", source);
    tv_packset_init(&f->packs, tv_alloc_default());
    tv_packset_scan(&f->packs, packdir, NULL);
    tv_LoadOptions opt = {.worker_exe = worker, .seed = 1, .lang = lang};
    tv_packset_load(&f->packs, &opt, NULL);
    f->scoring = tv_packset_find(&f->packs, "scoring");
    CHECK(f->scoring >= 0 && f->packs.packs[f->scoring].loaded);
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    f->r = SDL_CreateSoftwareRenderer(f->surface);
    tv_settings_default(&f->settings);
    tv_Error err = {0};
    CHECK(tv_font_find(NULL, f->font, sizeof f->font, f->bold, sizeof f->bold, &err));
}

static void fixture_start(Fixture *f)
{
    tv_GameConfig cfg = {.packs = &f->packs,
                         .assets_dir = f->assets,
                         .prefs_dir = f->prefs[0] ? f->prefs : NULL,
                         .font_path = f->font,
                         .bold_path = f->bold,
                         .settings = &f->settings,
                         .offscreen = true,
                         .host = f->host,
                         .next_seed = f->next_seed,
                         .reload_packs = f->reload_packs,
                         .on_session = f->record[0] ? rec_session : NULL,
                         .on_answer = f->record[0] ? rec_answer : NULL};
    if (f->record[0])
        cfg.host = f;
    tv_Error err = {0};
    f->g = tv_game_new(&cfg, f->r, NULL, &err);
    CHECK(f->g != NULL);
    tv_game_tick(f->g, clock_ms);
    tv_game_draw(f->g);
}

static void fixture_close(Fixture *f)
{
    tv_game_free(f->g);
    for (int p = 0; p < TV_GAME_MAX_SEATS; p++)
        if (f->rec[p])
            fclose(f->rec[p]);
    SDL_DestroyRenderer(f->r);
    SDL_FreeSurface(f->surface);
    tv_packset_free(&f->packs);
    if (f->prefs[0]) {
        char cleanup[200];
        snprintf(cleanup, sizeof cleanup, "rm -rf '%s'", f->prefs);
        CHECK(system(cleanup) == 0);
    }
}

TEST("a round played with mouse and keyboard scores the same as its headless replay")
{
    static Fixture f;
    fixture_load(&f, "en", 1280, 720, true);
    f.settings.count = 6;
    fixture_start(&f);
    tv_Game *g = f.g;

    /* Title -> packs (only the scoring pack) -> players -> start, by keyboard. */
    key(g, SDLK_RETURN);
    CHECK_INT(TV_SCENE_PACKS, V(g).scene);
    for (int i = 0; i < f.packs.n; i++)
        tv_game_test_select(g, i, i == f.scoring);
    CHECK(click(g, HIT_START));
    CHECK_INT(TV_SCENE_PLAYERS, V(g).scene);
    CHECK(click(g, HIT_START));
    CHECK_INT(TV_SCENE_QUESTION, V(g).scene);
    CHECK_INT(6, V(g).session->n_rounds);

    int seen_types = 0;
    for (int round = 0; round < V(g).session->n_rounds && V(g).scene == TV_SCENE_QUESTION; round++) {
        seen_types |= 1 << tv_session_round(V(g).session, round)->q->type;
        answer_round(g, round);
    }
    CHECK_INT(0x1f, seen_types); /* all five types were played */
    CHECK_INT(TV_SCENE_RESULTS, V(g).scene);
    tv_Result res = tv_session_result(V(g).session, 0);
    CHECK(res.correct == 5); /* the order question is left partly wrong on purpose */

    cJSON *points = NULL;
    int replay = headless_total(f.record, &points);
    CHECK_INT(res.total, replay);
    for (int i = 0; points && i < V(g).session->n_rounds; i++)
        CHECK_INT(tv_session_record(V(g).session, 0, i)->points,
                  (int)cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetArrayItem(points, i), "points")));
    cJSON_Delete(points);

    /* The results were saved as a high score for this pack combination. */
    char scores[600];
    snprintf(scores, sizeof scores, "%s/scores.txt", f.prefs);
    CHECK(access(scores, R_OK) == 0);

    /* The flag reached the prefs folder, and `trivium flags` lists it for the author. */
    char cmd[8192], out[4096] = "";
    snprintf(cmd, sizeof cmd, "TRIVIUM_PREFS_DIR='%s' '%s' flags", f.prefs, trivium);
    FILE *fl = popen(cmd, "r");
    size_t got = fl ? fread(out, 1, sizeof out - 1, fl) : 0;
    out[got] = '\0';
    if (fl)
        pclose(fl);
    char expect[256];
    snprintf(expect, sizeof expect, "%s", tv_session_round(V(g).session, 0)->q->id);
    CHECK(strstr(out, "scoring") && strstr(out, expect) && strstr(out, "wrong"));

    fixture_close(&f);
}

TEST("a static frame rasterises no text, and a new question does")
{
    static Fixture f;
    fixture_load(&f, "nl", 1280, 720, false);
    f.settings.timer = false; /* nothing moves */
    fixture_start(&f);
    tv_Game *g = f.g;
    tv_Error err = {0};
    for (int i = 0; i < f.packs.n; i++)
        tv_game_test_select(g, i, f.packs.packs[i].loaded);
    CHECK(tv_game_start(g, 5, &err));
    wait_ms(g, 1000);
    wait_ms(g, 1000);
    int before = tv_gfx_text_renders(V(g).gfx);
    CHECK(before > 0);
    for (int i = 0; i < 5; i++)
        wait_ms(g, 16);
    CHECK_INT(before, tv_gfx_text_renders(V(g).gfx));
    CHECK(!tv_game_animating(g)); /* so the loop would sleep in SDL_WaitEventTimeout */
    key(g, SDLK_s); /* skip: the reveal has new text */
    CHECK(tv_gfx_text_renders(V(g).gfx) > before);
    fixture_close(&f);
}

/* A copy of the frame last drawn into the fixture's surface. */
static void *frame_copy(const Fixture *f)
{
    size_t n = (size_t)f->surface->pitch * (size_t)f->surface->h;
    void *copy = malloc(n);
    CHECK(copy != NULL);
    memcpy(copy, f->surface->pixels, n);
    return copy;
}

static bool frame_equals(const Fixture *f, const void *copy)
{
    return memcmp(f->surface->pixels, copy, (size_t)f->surface->pitch * (size_t)f->surface->h) == 0;
}

TEST("while only the timer moves, frames come from the layer and match full redraws")
{
    static Fixture f;
    fixture_load(&f, "en", 1280, 720, false);
    fixture_start(&f);
    tv_Game *g = f.g;
    tv_Error err = {0};
    for (int i = 0; i < f.packs.n; i++)
        tv_game_test_select(g, i, i == f.scoring);
    CHECK(tv_game_start(g, 3, &err));
    wait_ms(g, 1000); /* past the entry animation */
    CHECK(V(g).layer_key == 0); /* a still part seen once is drawn directly */
    wait_ms(g, 16); /* and seen twice fills the layer */
    uint64_t layer = V(g).layer_key;
    CHECK(layer != 0);
    int renders = tv_gfx_text_renders(V(g).gfx);
    clock_ms += 1500;
    tv_game_tick(g, clock_ms);
    tv_game_draw(g); /* the timer moved: the still part is copied, not drawn */
    CHECK(V(g).layer_key == layer);
    CHECK_INT(renders + 1, tv_gfx_text_renders(V(g).gfx)); /* only the timer's new seconds */
    void *from_layer = frame_copy(&f);
    tv_game_test_no_layer(g, true);
    tv_game_draw(g); /* the hook counts as a change: everything is drawn again, directly */
    CHECK(V(g).layer_key == 0);
    CHECK(frame_equals(&f, from_layer));
    free(from_layer);

    tv_game_test_no_layer(g, false);
    tv_game_draw(g); /* a change again: seen once, then twice */
    tv_game_draw(g);
    CHECK(V(g).layer_key != 0);
    tv_game_draw(g);
    void *before = frame_copy(&f);
    SDL_Event ev = {.type = SDL_MOUSEMOTION}; /* hovering Skip changes the still part */
    for (int i = 0; i < V(g).n_hits; i++)
        if (V(g).hits[i].id == HIT_SKIP) {
            ev.motion.x = V(g).hits[i].rect.x + 2;
            ev.motion.y = V(g).hits[i].rect.y + 2;
        }
    tv_game_event(g, &ev);
    CHECK_INT(HIT_SKIP, V(g).hover);
    tv_game_draw(g);
    CHECK(V(g).layer_key == 0 && !frame_equals(&f, before));
    free(before);
    fixture_close(&f);
}

/* Leaves only pack `keep` of packs selected, by clicking the packs screen's rows. */
static void select_only(tv_Game *g, const tv_PackSet *packs, int keep)
{
    CHECK_INT(TV_SCENE_PACKS, V(g).scene);
    for (int i = 0; i < packs->n; i++)
        if (packs->packs[i].loaded && V(g).selected[i] != (i == keep))
            CHECK(click(g, i));
}

/* From the title to the players screen with only the scoring pack, by input alone. */
static void to_players(Fixture *f)
{
    tv_Game *g = f->g;
    key(g, SDLK_RETURN);
    select_only(g, &f->packs, f->scoring);
    CHECK(click(g, HIT_START));
    CHECK_INT(TV_SCENE_PLAYERS, V(g).scene);
}

TEST("the all-at-once mode is switched by M, a pad's X and a click once every seat has a pad")
{
    static Fixture f;
    fixture_load(&f, "en", 800, 600, false);
    fixture_start(&f);
    tv_Game *g = f.g;
    to_players(&f);
    key(g, SDLK_RIGHT); /* the focus starts on the player count: two players */
    CHECK_INT(2, V(g).n_players);
    key(g, SDLK_m); /* no pads yet: nothing to switch */
    CHECK(!V(g).simultaneous);
    tv_game_pad_added(g, 100);
    tv_game_pad_added(g, 101);
    key(g, SDLK_m);
    CHECK(V(g).simultaneous);
    tv_game_draw(g); /* drawing the screen keeps the choice */
    CHECK(V(g).simultaneous);
    pad_button(g, 100, SDL_CONTROLLER_BUTTON_X);
    CHECK(!V(g).simultaneous);
    CHECK(click(g, HIT_MODE));
    CHECK(V(g).simultaneous);
    CHECK(click(g, HIT_START));
    CHECK_INT(TV_SCENE_QUESTION, V(g).scene);
    fixture_close(&f);
}

TEST("two players answering at once on gamepads score what their headless replays score")
{
    static Fixture f;
    fixture_load(&f, "en", 800, 600, true);
    fixture_start(&f);
    tv_Game *g = f.g;
    tv_game_pad_added(g, 100);
    tv_game_pad_added(g, 101);
    to_players(&f);
    key(g, SDLK_RIGHT);
    key(g, SDLK_m);
    CHECK(click(g, HIT_START));
    CHECK_INT(3, V(g).session->n_rounds); /* only the choice and true/false questions */
    static const int button_of_option[6] = {SDL_CONTROLLER_BUTTON_A, SDL_CONTROLLER_BUTTON_B, SDL_CONTROLLER_BUTTON_X,
                                            SDL_CONTROLLER_BUTTON_Y, SDL_CONTROLLER_BUTTON_LEFTSHOULDER,
                                            SDL_CONTROLLER_BUTTON_RIGHTSHOULDER};
    for (int round = 0; round < 3; round++) {
        CHECK_INT(TV_SCENE_QUESTION, V(g).scene);
        tv_Answer right, wrong;
        tv_session_correct_answer(V(g).session, round, &right);
        tv_session_wrong_answer(V(g).session, 1, round, &wrong);
        wait_ms(g, 2000 + 500 * round);
        pad_button(g, 101, button_of_option[wrong.option]); /* seat 2 is quicker, and wrong */
        CHECK_INT(TV_SCENE_QUESTION, V(g).scene);            /* still waiting for seat 1 */
        if (round == 2) {
            wait_ms(g, 30000); /* seat 1 never answers the last one: a timeout */
        } else {
            wait_ms(g, 1500);
            pad_button(g, 100, button_of_option[right.option]);
        }
        CHECK_INT(TV_SCENE_REVEAL, V(g).scene);
        key(g, SDLK_RETURN);
    }
    CHECK_INT(TV_SCENE_RESULTS, V(g).scene);
    char records[1400];
    snprintf(records, sizeof records, "--answers '%s' --answers '%s.p2'", f.record, f.record);
    cJSON *j = headless_json(records);
    CHECK(j != NULL);
    for (int p = 0; j && p < 2; p++) {
        cJSON *pl = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "players"), p);
        CHECK_INT(tv_session_result(V(g).session, p).total, (int)cJSON_GetNumberValue(cJSON_GetObjectItem(pl, "total")));
    }
    CHECK_INT(2, tv_session_result(V(g).session, 0).correct);
    CHECK_INT(0, tv_session_result(V(g).session, 1).correct);
    cJSON_Delete(j);
    fixture_close(&f);
}

static uint64_t fixed_seed(void *host) { return *(uint64_t *)host; }

TEST("a session started from the menu takes its seed from the host, not from a clock")
{
    static Fixture f;
    uint64_t seeds[2];
    for (int run = 0; run < 2; run++) {
        /* Without a seed source, the same pushed clock gives the same seed. */
        fixture_load(&f, "en", 800, 600, false);
        fixture_start(&f);
        to_players(&f);
        CHECK(click(f.g, HIT_START));
        seeds[run] = V(f.g).seed;
        fixture_close(&f);
    }
    CHECK(seeds[0] == seeds[1]);
    uint64_t want = 4242;
    fixture_load(&f, "en", 800, 600, false);
    f.host = &want;
    f.next_seed = fixed_seed;
    fixture_start(&f);
    to_players(&f);
    CHECK(click(f.g, HIT_START));
    CHECK(V(f.g).seed == want);
    fixture_close(&f);
}

TEST("play again starts the film night's next round: seed + 1, drawn as the core draws the evening")
{
    static Fixture f;
    uint64_t want = 4242;
    fixture_load(&f, "en", 800, 600, false);
    f.host = &want;
    f.next_seed = fixed_seed;
    fixture_start(&f);
    to_players(&f);
    CHECK(click(f.g, HIT_START));
    const tv_Pack *p = &f.packs.packs[f.scoring];
    const tv_Question *pool[64];
    int n = 0;
    for (int k = 0; k < p->n_questions && n < 64; k++)
        pool[n++] = &p->questions[k];
    for (int round = 0; round < 3; round++) {
        tv_Error err = {0};
        if (round > 0)
            CHECK(tv_game_next_round(f.g, &err));
        const tv_Session *s = V(f.g).session;
        CHECK(V(f.g).seed == want + (uint64_t)round);
        tv_Session core;
        tv_SessionConfig cfg = s->cfg;
        cfg.seed = want;
        CHECK(tv_session_init_evening(&core, &cfg, round, pool, n, tv_alloc_default(), &err));
        CHECK_INT(core.n_rounds, s->n_rounds);
        int same = 0;
        for (int i = 0; i < s->n_rounds && i < core.n_rounds; i++)
            same += core.rounds[i].q == s->rounds[i].q;
        CHECK_INT(s->n_rounds, same);
        tv_session_free(&core);
    }
    fixture_close(&f);
}

TEST("a game whose UI strings are missing starts in English, says why, and frees its fonts")
{
    static Fixture f;
    fixture_load(&f, "en", 800, 600, false);
    snprintf(f.assets, sizeof f.assets, "%s/no-such-assets", source);
    tv_GameConfig cfg = {.packs = &f.packs, .assets_dir = f.assets, .font_path = f.font, .bold_path = f.bold,
                         .settings = &f.settings, .offscreen = true};
    tv_Error err = {0};
    int before = SDL_GetNumAllocations(); /* SDL_ttf's fonts are SDL allocations */
    tv_Game *g = tv_game_new(&cfg, f.r, NULL, &err);
    CHECK(g != NULL); /* the built-in English strings */
    CHECK(strstr(V(g).warning, "en.po") && strstr(V(g).warning, "using the built-in English"));
    tv_game_free(g);
    CHECK_INT(before, SDL_GetNumAllocations()); /* the fonts opened were closed again */
    tv_game_free(NULL);
    fixture_close(&f);
}

/* A host that notes what the game asked for when the language changed, and what the
 * game still held at that moment. */
typedef struct ReloadHost {
    char lang[8];
    int calls, rounds_then;
    Fixture *f;
} ReloadHost;

static void note_reload(void *host, const char *lang)
{
    ReloadHost *h = host;
    h->calls++;
    snprintf(h->lang, sizeof h->lang, "%s", lang);
    h->rounds_then = V(h->f->g).session->n_rounds;
}

TEST("a language change ends the session, then leaves the packs to the host until it has reloaded them")
{
    static Fixture f;
    static ReloadHost h;
    h = (ReloadHost){.f = &f};
    fixture_load(&f, "en", 1280, 720, false);
    f.host = &h;
    f.reload_packs = note_reload;
    fixture_start(&f);
    tv_Game *g = f.g;
    to_players(&f);
    CHECK(click(g, HIT_START));
    CHECK_INT(TV_SCENE_QUESTION, V(g).scene);
    key(g, SDLK_ESCAPE); /* pause, then quit the round */
    key(g, SDLK_UP);
    key(g, SDLK_RETURN);
    CHECK_INT(TV_SCENE_TITLE, V(g).scene);
    key(g, SDLK_DOWN); /* Settings; the language is its first row */
    key(g, SDLK_RETURN);
    CHECK_INT(TV_SCENE_SETTINGS, V(g).scene);
    key(g, SDLK_RIGHT);
    CHECK_INT(1, h.calls);
    CHECK_STR("nl", h.lang);
    CHECK_INT(0, h.rounds_then); /* no session pointing into the packs being freed */
    key(g, SDLK_ESCAPE);
    key(g, SDLK_RETURN); /* to the packs: nothing to pick while they load */
    CHECK_INT(TV_SCENE_PACKS, V(g).scene);
    tv_game_draw(g);
    CHECK(!has_hit(g, f.scoring) && !has_hit(g, HIT_START));
    tv_LoadOptions opt = {.worker_exe = worker, .seed = 1, .lang = "nl"};
    tv_packset_load(&f.packs, &opt, NULL); /* what the host does, then it says so */
    tv_game_packs_reloaded(g);
    tv_game_draw(g);
    CHECK(has_hit(g, f.scoring) && has_hit(g, HIT_START));
    fixture_close(&f);
}

/* Skips questions until one of type t with n options is up; false if none comes. */
static bool skip_to(tv_Game *g, tv_QType t, int n)
{
    for (int k = 0; k < V(g).session->n_rounds && V(g).scene == TV_SCENE_QUESTION; k++) {
        const tv_Round *r = tv_session_round(V(g).session, V(g).round);
        if (r->q->type == t && r->n_shown == n)
            return true;
        key(g, SDLK_s);
        key(g, SDLK_RETURN);
    }
    return false;
}

TEST("the arrows move one row in a one-column option grid and two cells in a two-column one")
{
    static const int sizes[2][3] = {{700, 1000, 1}, {1280, 720, 2}}; /* w, h, columns drawn */
    for (int s = 0; s < 2; s++) {
        static Fixture f;
        fixture_load(&f, "en", sizes[s][0], sizes[s][1], false);
        f.settings.count = 6;
        fixture_start(&f);
        tv_Game *g = f.g;
        tv_Error err = {0};
        for (int i = 0; i < f.packs.n; i++)
            tv_game_test_select(g, i, i == f.scoring);
        CHECK(tv_game_start(g, 11, &err));
        tv_game_draw(g);
        CHECK(skip_to(g, TV_Q_CHOICE, 4));
        CHECK_INT(sizes[s][2], V(g).grid->cols);
        CHECK_INT(0, V(g).focus);
        key(g, SDLK_DOWN);
        CHECK_INT(sizes[s][2], V(g).focus); /* the cell below the first */
        key(g, SDLK_RIGHT);
        CHECK_INT(sizes[s][2] + 1, V(g).focus);
        fixture_close(&f);
    }
}

/* ==================== the on-screen keyboard ==================== */

/* The key the focus is on: V(g).focus keeps the column it came from, which may be inside a
 * wide key (the space bar), so walk left to where that key begins. */
static int focused_key(const tv_Game *g)
{
    int k = V(g).focus;
    while (k % TV_KEYBOARD_COLS && !tv_entry_key(g, k))
        k--;
    return k;
}

/* The key that types c (a letter in either case), '\b' Delete or '\r' OK; -1 if none. */
static int key_of(const tv_Game *g, char c)
{
    char want = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; /* the keys are capitals */
    for (int k = 0; k < 10 * TV_KEYBOARD_COLS; k++) /* more rows than any keyboard has */
        if (tv_entry_key(g, k) == want)
            return k;
    return -1;
}

/* Walks the focus to key with the d-pad only, the way a player would, and presses A. */
static void pad_press_key(tv_Game *g, SDL_JoystickID pad, int key)
{
    CHECK(key >= 0);
    for (int n = 0; n < 8 && V(g).focus / TV_KEYBOARD_COLS != key / TV_KEYBOARD_COLS; n++)
        pad_button(g, pad,
                   V(g).focus / TV_KEYBOARD_COLS < key / TV_KEYBOARD_COLS ? SDL_CONTROLLER_BUTTON_DPAD_DOWN
                                                                        : SDL_CONTROLLER_BUTTON_DPAD_UP);
    for (int n = 0; n < 12 && focused_key(g) != key; n++)
        pad_button(g, pad,
                   focused_key(g) < key ? SDL_CONTROLLER_BUTTON_DPAD_RIGHT : SDL_CONTROLLER_BUTTON_DPAD_LEFT);
    CHECK_INT(key, focused_key(g));
    pad_button(g, pad, SDL_CONTROLLER_BUTTON_A);
}

static void pad_type(tv_Game *g, SDL_JoystickID pad, const char *s)
{
    for (; *s; s++)
        pad_press_key(g, pad, key_of(g, *s));
}

static void stick(tv_Game *g, SDL_JoystickID pad, SDL_GameControllerAxis axis, Sint16 value)
{
    SDL_Event ev = {.type = SDL_CONTROLLERAXISMOTION};
    ev.caxis.which = pad;
    ev.caxis.axis = (Uint8)axis;
    ev.caxis.value = value;
    tv_game_event(g, &ev);
    tv_game_draw(g);
}

/* A one-player session over the scoring pack (its six questions, one of each type, in
 * the order seed 11 gives) with pad 100 connected; returns the game. */
static tv_Game *start_with_pad(Fixture *f, const char *lang, int w, int h)
{
    fixture_load(f, lang, w, h, false);
    f->settings.count = 6;
    fixture_start(f);
    tv_Error err = {0};
    tv_game_pad_added(f->g, 100);
    for (int i = 0; i < f->packs.n; i++)
        tv_game_test_select(f->g, i, i == f->scoring);
    CHECK(tv_game_start(f->g, 11, &err));
    tv_game_draw(f->g);
    return f->g;
}

TEST("a gamepad alone answers a text and a numeric question on the on-screen keyboard")
{
    static Fixture f;
    tv_Game *g = start_with_pad(&f, "en", 1280, 720);
    int text_round = -1, number_round = -1;
    for (int n = 0; n < V(g).session->n_rounds && V(g).scene == TV_SCENE_QUESTION; n++) {
        tv_QType t = tv_session_round(V(g).session, V(g).round)->q->type;
        wait_ms(g, 2000);
        if (t == TV_Q_TEXT) {
            text_round = V(g).round;
            CHECK_INT('Q', tv_entry_key(g, focused_key(g))); /* a text answer starts on the letters */
            CHECK(has_hit(g, HIT_KEY0 + key_of(g, '\r')) && !has_hit(g, HIT_SUBMIT));
            /* Left from the row's first key wraps to its last; up from the top row to the
             * bottom one. The left stick steers too, one press per push. */
            pad_button(g, 100, SDL_CONTROLLER_BUTTON_DPAD_LEFT);
            CHECK_INT('P', tv_entry_key(g, focused_key(g)));
            stick(g, 100, SDL_CONTROLLER_AXIS_LEFTX, 30000);
            stick(g, 100, SDL_CONTROLLER_AXIS_LEFTX, 32000);
            CHECK_INT('Q', tv_entry_key(g, focused_key(g)));
            stick(g, 100, SDL_CONTROLLER_AXIS_LEFTX, 0);
            stick(g, 100, SDL_CONTROLLER_AXIS_LEFTY, -30000);
            stick(g, 100, SDL_CONTROLLER_AXIS_LEFTY, 0);
            CHECK_INT('1', tv_entry_key(g, focused_key(g)));
            pad_button(g, 100, SDL_CONTROLLER_BUTTON_DPAD_UP);
            CHECK_INT(' ', tv_entry_key(g, focused_key(g)));
            /* A typo, taken back with X; B pauses and resumes as before. */
            pad_type(g, 100, "admir sehovix");
            CHECK_STR("Admir Sehovix", V(g).entry);
            pad_button(g, 100, SDL_CONTROLLER_BUTTON_X);
            CHECK_STR("Admir Sehovi", V(g).entry);
            pad_button(g, 100, SDL_CONTROLLER_BUTTON_B);
            CHECK(V(g).paused);
            pad_button(g, 100, SDL_CONTROLLER_BUTTON_B);
            CHECK(!V(g).paused);
            pad_type(g, 100, "c");
            CHECK_STR("Admir Sehovic", V(g).entry);
            pad_press_key(g, 100, key_of(g, '\r'));
        } else if (t == TV_Q_NUMERIC) {
            number_round = V(g).round;
            CHECK_INT('1', tv_entry_key(g, focused_key(g)));
            /* The typing rules hold for the keys too: a minus only first, one point. */
            pad_type(g, 100, "4-2..");
            CHECK_STR("42.", V(g).entry);
            pad_press_key(g, 100, key_of(g, '\b'));
            CHECK_STR("42", V(g).entry);
            pad_press_key(g, 100, key_of(g, '\r'));
        } else
            pad_button(g, 100, SDL_CONTROLLER_BUTTON_Y); /* Y still skips */
        CHECK_INT(TV_SCENE_REVEAL, V(g).scene);
        pad_button(g, 100, SDL_CONTROLLER_BUTTON_A);
    }
    CHECK_INT(TV_SCENE_RESULTS, V(g).scene);
    CHECK(text_round >= 0 && number_round >= 0);
    if (text_round >= 0 && number_round >= 0) {
        const tv_Record *text_rec = tv_session_record(V(g).session, 0, text_round);
        const tv_Record *number_rec = tv_session_record(V(g).session, 0, number_round);
        CHECK_INT(TV_V_CORRECT, text_rec->verdict);
        CHECK_STR("Admir Sehovic", text_rec->answer.text);
        CHECK_INT(TV_V_CORRECT, number_rec->verdict);
        CHECK(number_rec->answer.kind == TV_ANS_NUMBER && number_rec->answer.number == 42);
        tv_Result res = tv_session_result(V(g).session, 0);
        CHECK_INT(2, res.correct);
        CHECK_INT(text_rec->points + number_rec->points, res.total);
        CHECK(res.total > 0);
    }
    fixture_close(&f);
}

/* Clicks, types and presses through a numeric question: clicks and Backspace edit the
 * same entry, under the same rules. */
static void click_numeric(tv_Game *g)
{
    CHECK(click(g, HIT_KEY0 + key_of(g, '7')));
    CHECK(click(g, HIT_KEY0 + key_of(g, '.')));
    CHECK_INT('.', tv_entry_key(g, focused_key(g))); /* the pad goes on from the key clicked */
    text(g, "5,"); /* a comma is a second point here, so it is refused */
    CHECK_STR("7.5", V(g).entry);
    CHECK(click(g, HIT_KEY0 + key_of(g, '\b')));
    key(g, SDLK_BACKSPACE);
    CHECK_STR("7", V(g).entry);
    pad_button(g, 100, SDL_CONTROLLER_BUTTON_START); /* Start submits, as on a console */
}

static void click_text(tv_Game *g)
{
    CHECK(click(g, HIT_KEY0 + key_of(g, 'S')));
    text(g, "eho");
    CHECK(click(g, HIT_KEY0 + key_of(g, 'V')));
    CHECK(click(g, HIT_KEY0 + key_of(g, ' ')));
    CHECK_STR("Sehov ", V(g).entry);
    SDL_Event gone = {.type = SDL_CONTROLLERDEVICEREMOVED};
    gone.cdevice.which = 100;
    tv_game_event(g, &gone); /* the pad is unplugged: the same question, without keys */
    tv_game_draw(g);
    CHECK(key_of(g, 'S') < 0 && !has_hit(g, HIT_KEY0 + TV_KEYBOARD_COLS));
    CHECK(has_hit(g, HIT_SUBMIT));
    CHECK_INT(1, V(g).n_pads); /* the seat stays */
    CHECK(click(g, HIT_SUBMIT));
    tv_game_pad_added(g, 102); /* plugged back in: SDL gives it a new instance id */
}

TEST("clicking a key types it, the keyboard types alongside, and without a pad there are no keys")
{
    static Fixture f;
    tv_Game *g = start_with_pad(&f, "nl", 800, 600);
    int typed = 0;
    for (int n = 0; n < V(g).session->n_rounds && V(g).scene == TV_SCENE_QUESTION; n++) {
        tv_QType t = tv_session_round(V(g).session, V(g).round)->q->type;
        if (t == TV_Q_NUMERIC || t == TV_Q_TEXT) {
            t == TV_Q_NUMERIC ? click_numeric(g) : click_text(g);
            typed++;
        } else
            pad_button(g, 100, SDL_CONTROLLER_BUTTON_Y);
        CHECK_INT(TV_SCENE_REVEAL, V(g).scene);
        pad_button(g, 100, SDL_CONTROLLER_BUTTON_A);
    }
    CHECK_INT(2, typed);
    fixture_close(&f);
}

/* Every hit region of the frame inside the window and clear of every other one (the
 * keys, Skip), at each text size; returns how many keys there are. */
static int check_keys_fit(tv_Game *g)
{
    int keys = -1;
    for (int ts = 0; ts < 4; ts++) {
        tv_game_test_text_size(g, ts);
        tv_game_draw(g);
        keys = 0;
        for (int i = 0; i < V(g).n_hits; i++) {
            SDL_Rect a = V(g).hits[i].rect;
            keys += V(g).hits[i].id >= HIT_KEY0;
            CHECK(a.x >= 0 && a.y >= 0 && a.x + a.w <= V(g).gfx->w && a.y + a.h <= V(g).gfx->h);
            for (int j = 0; j < i; j++)
                if (SDL_HasIntersection(&a, &V(g).hits[j].rect)) {
                    fprintf(stderr, "  %dx%d, text size %d: hits %d and %d overlap\n", V(g).gfx->w, V(g).gfx->h, ts,
                            V(g).hits[i].id, V(g).hits[j].id);
                    CHECK(false);
                }
        }
    }
    return keys;
}

TEST("the on-screen keyboard fits under the question at every size and text size")
{
    static const int sizes[3][2] = {{800, 600}, {1280, 720}, {1920, 1080}};
    for (int s = 0; s < 3; s++)
        for (int lang = 0; lang < 2; lang++) {
            static Fixture f;
            tv_Game *g = start_with_pad(&f, lang ? "nl" : "en", sizes[s][0], sizes[s][1]);
            for (int n = 0; n < V(g).session->n_rounds && V(g).scene == TV_SCENE_QUESTION; n++) {
                tv_QType t = tv_session_round(V(g).session, V(g).round)->q->type;
                if (t == TV_Q_NUMERIC || t == TV_Q_TEXT)
                    CHECK_INT(t == TV_Q_TEXT ? 41 : 14, check_keys_fit(g));
                pad_button(g, 100, SDL_CONTROLLER_BUTTON_Y);
                pad_button(g, 100, SDL_CONTROLLER_BUTTON_A);
            }
            fixture_close(&f);
        }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_ui_round TRIVIUM SOURCE_DIR\n");
        return 2;
    }
    trivium = argv[1];
    source = argv[2];
    const char *slash = strrchr(trivium, '/');
    snprintf(worker, sizeof worker, "%.*strivium-pack-worker", slash ? (int)(slash - trivium + 1) : 0, trivium);
    SDL_SetMainReady();
    SDL_Init(0);
    int rc = check_run();
    SDL_Quit();
    return rc;
}
