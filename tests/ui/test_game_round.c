/* ui.round: drives the real front end with injected SDL events through a whole round
 * (mouse for some questions, keyboard for others, every question type, the 50:50),
 * records it with --record's writer, replays the recording with `trivium headless`,
 * and checks that both paths score exactly the same.
 * usage: test_ui_round TRIVIUM SOURCE_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>
#include <cjson/cJSON.h>

#include "check.h"
#include "game.h"
#include "game_internal.h"

static const char *trivium, *source;
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
    for (int i = 0; i < g->n_hits; i++)
        if (g->hits[i].id == id) {
            SDL_Event ev = {.type = SDL_MOUSEBUTTONDOWN};
            ev.button.button = SDL_BUTTON_LEFT;
            ev.button.x = g->hits[i].rect.x + g->hits[i].rect.w / 2;
            ev.button.y = g->hits[i].rect.y + g->hits[i].rect.h / 2;
            tv_game_event(g, &ev);
            ev.type = SDL_MOUSEBUTTONUP;
            tv_game_event(g, &ev);
            tv_game_draw(g);
            return true;
        }
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
    tv_session_correct_answer(&g->session, g->round, &a);
    return a.option;
}

static void answer_round(tv_Game *g, int round)
{
    const tv_Round *r = tv_session_round(&g->session, round);
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
        tv_session_correct_answer(&g->session, round, &right);
        for (int pos = 0; pos < r->n_shown - 2; pos++) {
            int want = right.order[pos], at = 0;
            while (g->order[at] != want)
                at++;
            while (g->focus < at)
                key(g, SDLK_DOWN);
            while (g->focus > at)
                key(g, SDLK_UP);
            key(g, SDLK_SPACE);
            while (g->focus > pos)
                key(g, SDLK_UP);
            key(g, SDLK_SPACE);
        }
        int last = r->n_shown - 1;
        if (g->order[last] == right.order[last]) { /* make sure the tail is wrong */
            while (g->focus < last)
                key(g, SDLK_DOWN);
            key(g, SDLK_SPACE);
            key(g, SDLK_UP);
            key(g, SDLK_SPACE);
        }
        CHECK(click(g, HIT_SUBMIT));
        break;
    }
    }
    CHECK_INT(TV_SCENE_REVEAL, g->scene);
    wait_ms(g, 800);
    key(g, SDLK_RETURN);
}

static int headless_total(const char *record, cJSON **points)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cd '%s' && TRIVIUM_NO_BUILTIN_PACKS=1 '%s' headless --plugins tests/packs --answers '%s' --format json",
             source, trivium, record);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    int rc = pclose(p);
    if (rc != 0) {
        fprintf(stderr, "  headless exited with %d:\n%s\n", rc, buf);
        return -1;
    }
    cJSON *j = cJSON_Parse(buf);
    int total = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "total"));
    *points = cJSON_Duplicate(cJSON_GetObjectItem(j, "questions"), 1);
    cJSON_Delete(j);
    return total;
}

TEST("a round played with mouse and keyboard scores the same as its headless replay")
{
    char prefs[] = "/tmp/trivium-ui-XXXXXX";
    CHECK(mkdtemp(prefs) != NULL);
    char record[512], assets[4096], packdir[4096];
    snprintf(record, sizeof record, "%s/round.txt", prefs);
    snprintf(assets, sizeof assets, "%s/assets", source);
    snprintf(packdir, sizeof packdir, "%s/tests/packs", source);

    tv_PackSet packs;
    tv_packset_init(&packs, tv_alloc_default());
    tv_packset_scan(&packs, packdir, NULL);
    tv_LoadOptions opt = {.worker_exe = trivium, .seed = 1, .lang = "en"};
    tv_packset_load(&packs, &opt, NULL);
    int scoring = tv_packset_find(&packs, "scoring");
    CHECK(scoring >= 0 && packs.packs[scoring].loaded);

    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surface);
    tv_Settings settings;
    tv_settings_default(&settings);
    settings.count = 6;
    char font[1024], bold[1024];
    tv_Error err = {0};
    CHECK(tv_font_find(NULL, font, sizeof font, bold, sizeof bold, &err));
    tv_GameConfig cfg = {.worker_exe = trivium, .packs = &packs, .assets_dir = assets, .prefs_dir = prefs,
                         .font_path = font, .bold_path = bold, .record_path = record, .settings = &settings,
                         .offscreen = true};
    tv_Game g;
    CHECK(tv_game_init(&g, &cfg, r, NULL, &err));
    tv_game_tick(&g, clock_ms);
    tv_game_draw(&g);

    /* Title -> packs (only the scoring pack) -> players -> start, by keyboard. */
    key(&g, SDLK_RETURN);
    CHECK_INT(TV_SCENE_PACKS, g.scene);
    for (int i = 0; i < packs.n; i++)
        g.selected[i] = i == scoring;
    CHECK(click(&g, HIT_START));
    CHECK_INT(TV_SCENE_PLAYERS, g.scene);
    CHECK(click(&g, HIT_START));
    CHECK_INT(TV_SCENE_QUESTION, g.scene);
    CHECK_INT(6, g.session.n_rounds);

    int seen_types = 0;
    for (int round = 0; round < g.session.n_rounds && g.scene == TV_SCENE_QUESTION; round++) {
        seen_types |= 1 << tv_session_round(&g.session, round)->q->type;
        answer_round(&g, round);
    }
    CHECK_INT(0x1f, seen_types); /* all five types were played */
    CHECK_INT(TV_SCENE_RESULTS, g.scene);
    tv_Result res = tv_session_result(&g.session, 0);
    CHECK(res.correct == 5); /* the order question is left partly wrong on purpose */

    cJSON *points = NULL;
    int replay = headless_total(record, &points);
    CHECK_INT(res.total, replay);
    for (int i = 0; points && i < g.session.n_rounds; i++)
        CHECK_INT(tv_session_record(&g.session, 0, i)->points,
                  (int)cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetArrayItem(points, i), "points")));
    cJSON_Delete(points);

    /* The results were saved as a high score for this pack combination. */
    char scores[600];
    snprintf(scores, sizeof scores, "%s/scores.txt", prefs);
    CHECK(access(scores, R_OK) == 0);

    tv_game_free(&g);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    tv_packset_free(&packs);
    char cleanup[700];
    snprintf(cleanup, sizeof cleanup, "rm -rf '%s'", prefs);
    CHECK(system(cleanup) == 0);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_ui_round TRIVIUM SOURCE_DIR\n");
        return 2;
    }
    trivium = argv[1];
    source = argv[2];
    SDL_SetMainReady();
    SDL_Init(0);
    for (int i = 0; i < check_n; i++) {
        check_failed_here = 0;
        check_cases[i].fn();
        printf("%s: %s\n", check_failed_here ? "FAIL" : "ok", check_cases[i].name);
        check_failures += check_failed_here;
    }
    printf("%d passed, %d failed\n", check_n - check_failures, check_failures);
    SDL_Quit();
    return check_failures ? 1 : 0;
}
