/* ui.dev-swap: live reload (`trivium play --dev`, engine/app/dev_reload.c and
 * engine/ui/dev_overlay.c) in the middle of a round, on the real front end and real pack
 * workers: a pack file rewritten between two questions is reloaded through the same call
 * the play loop makes, and the round goes on with the new text; the points already won,
 * the answers already given and the points of the next answer are what they would have
 * been without the reload; a question whose shape changed keeps its old version for the
 * round; a broken save shows the overlay, keeps the last good version and clears when
 * fixed. Each saved version is written by the test itself.
 * usage: test_ui_dev_swap TRIVIUM SOURCE_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>

#include "app/dev_reload.h"
#include "check.h"
#include "ui/game.h"
#include "ui/game_test.h"

#define V(g) tv_game_test_view(g)

static const char *trivium, *source;
static char worker[4200];
static int64_t clock_ms = 50000;

/* The pack, version by version: tag goes into every prompt; wide gives "longest" a
 * fifth option (a new shape). */
static void write_pack(const char *dir, const char *tag, bool wide)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/pack.lua", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fprintf(f,
            "return {\n"
            "  id = \"rivers\", title = \"Rivers\", version = \"1\", languages = { \"en\" },\n"
            "  questions = {\n"
            "    quiz.choice{ id = \"longest\", prompt = \"Longest river %s?\", answer = \"Rhine\",\n"
            "      wrong = { \"Meuse\", \"Scheldt\", \"IJssel\"%s } },\n"
            "    quiz.choice{ id = \"sea\", prompt = \"Where does the longest one end %s?\", answer = \"North Sea\",\n"
            "      wrong = { \"Baltic\", \"Black Sea\", \"Lake Geneva\" } },\n"
            "    quiz.choice{ id = \"source\", prompt = \"Where does it start %s?\", answer = \"Alps\",\n"
            "      wrong = { \"Ardennes\", \"Vosges\", \"Eifel\" } },\n"
            "  },\n"
            "}\n",
            tag, wide ? ", \"Amstel\"" : "", tag, tag);
    fclose(f);
}

static void wait_ms(tv_Game *g, int ms)
{
    clock_ms += ms;
    tv_game_tick(g, clock_ms);
    tv_game_draw(g);
}

static void key(tv_Game *g, SDL_Keycode k)
{
    SDL_Event ev = {.type = SDL_KEYDOWN};
    ev.key.keysym.sym = k;
    tv_game_event(g, &ev);
    tv_game_draw(g);
}

/* Answers the current question right after ms, by its letter key. */
static void answer_right(tv_Game *g, int ms)
{
    wait_ms(g, ms);
    tv_Answer a;
    tv_session_correct_answer(V(g).session, V(g).round, &a);
    key(g, SDLK_a + a.option);
    CHECK_INT(TV_SCENE_REVEAL, V(g).scene);
}

static const tv_Question *current(const tv_Game *g) { return tv_session_round(V(g).session, V(g).round)->q; }

static const tv_Question *round_q(const tv_Game *g, const char *id)
{
    for (int i = 0; i < V(g).session->n_rounds; i++)
        if (strcmp(tv_session_round(V(g).session, i)->q->id, id) == 0)
            return tv_session_round(V(g).session, i)->q;
    return NULL;
}

/* The total of a session over the same pack and seed, answered right at the same times
 * without any reload: what the reloaded round must still score. */
static int plain_total(const char *dir, const tv_Settings *settings, const char *font, const char *bold,
                       const char *assets, const int *times, int n)
{
    tv_PackSet packs;
    tv_packset_init(&packs, tv_alloc_default());
    CHECK(tv_packset_add(&packs, dir, NULL));
    tv_LoadOptions opt = {.worker_exe = worker, .seed = 1, .lang = "en"};
    tv_packset_load(&packs, &opt, NULL);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    tv_GameConfig cfg = {.packs = &packs, .assets_dir = assets, .font_path = font, .bold_path = bold,
                         .settings = settings, .offscreen = true};
    tv_Error err = {0};
    tv_Game *g = tv_game_new(&cfg, r, NULL, &err);
    CHECK(g != NULL);
    int total = -1;
    if (g) {
        tv_game_tick(g, clock_ms);
        CHECK(tv_game_start(g, 7, &err));
        for (int i = 0; i < n; i++) {
            answer_right(g, times[i]);
            wait_ms(g, 500);
            key(g, SDLK_RETURN);
        }
        total = tv_session_result(V(g).session, 0).total;
        tv_game_free(g);
    }
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    tv_packset_free(&packs);
    return total;
}

TEST("a reload between two questions keeps the round and its scores, and shows the new text")
{
    char root[] = "/tmp/trivium-dev-swap-XXXXXX";
    CHECK(mkdtemp(root) != NULL);
    char dir[4200], assets[4200];
    snprintf(dir, sizeof dir, "%s/rivers", root);
    snprintf(assets, sizeof assets, "%s/assets", source);
    mkdir(dir, 0700);
    write_pack(dir, "v1", false);

    tv_PackSet packs;
    tv_packset_init(&packs, tv_alloc_default());
    CHECK(tv_packset_add(&packs, dir, NULL));
    tv_LoadOptions opt = {.worker_exe = worker, .seed = 1, .lang = "en"};
    tv_packset_load(&packs, &opt, NULL);
    CHECK(packs.packs[0].loaded);
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surface);
    tv_Settings settings;
    tv_settings_default(&settings);
    settings.count = 3;
    char font[1024], bold[1024];
    tv_Error err = {0};
    CHECK(tv_font_find(NULL, font, sizeof font, bold, sizeof bold, &err));
    tv_GameConfig cfg = {.packs = &packs, .assets_dir = assets, .font_path = font, .bold_path = bold,
                         .settings = &settings, .offscreen = true};
    tv_Game *g = tv_game_new(&cfg, r, NULL, &err);
    CHECK(g != NULL);
    if (!g)
        return;
    tv_game_tick(g, clock_ms);
    CHECK(tv_game_start(g, 7, &err));
    tv_DevReload dev;
    CHECK(tv_dev_reload_init(&dev, &packs, 1, &opt, &err));

    /* Round 1 answered right, then the reveal: the points are in. */
    const int times[3] = {2000, 3500, 5000};
    answer_right(g, times[0]);
    int after_one = tv_session_result(V(g).session, 0).total;
    CHECK(after_one > 0);
    const char *first_id = current(g)->id;

    /* Saved while the reveal is up: a new text for every question, and a fifth option
     * for "longest" (a new shape). */
    write_pack(dir, "v2", true);
    tv_dev_reload_pack(&dev, g, 0);
    CHECK(!tv_game_dev_error_shown(g));
    CHECK_INT(after_one, tv_session_result(V(g).session, 0).total);
    CHECK(tv_session_record(V(g).session, 0, 0)->answered);
    CHECK_INT(TV_V_CORRECT, tv_session_record(V(g).session, 0, 0)->verdict);
    const tv_Question *longest = round_q(g, "longest"), *sea = round_q(g, "sea");
    CHECK(longest && strstr(longest->prompt, "v1")); /* its shape changed: the old one stays */
    CHECK(longest && longest->n_options == 4);
    CHECK(sea && strstr(sea->prompt, "v2"));
    CHECK(strcmp(first_id, "longest") == 0 || strstr(current(g)->prompt, "v2"));

    /* The round goes on: the next question shows the new text and scores as usual. */
    wait_ms(g, 500);
    key(g, SDLK_RETURN);
    CHECK_INT(TV_SCENE_QUESTION, V(g).scene);
    CHECK_INT(1, V(g).round);
    if (strcmp(current(g)->id, "longest") != 0)
        CHECK(strstr(current(g)->prompt, "v2"));
    answer_right(g, times[1]);

    /* A broken save: the overlay, the last good version, and the round still going. */
    char lua[4300];
    snprintf(lua, sizeof lua, "%s/pack.lua", dir);
    FILE *f = fopen(lua, "a");
    CHECK(f != NULL);
    if (f) {
        fputs("this is not Lua\n", f);
        fclose(f);
    }
    const char *before = current(g)->prompt;
    tv_dev_reload_pack(&dev, g, 0);
    CHECK(tv_game_dev_error_shown(g));
    CHECK(current(g)->prompt == before);
    CHECK(packs.packs[0].loaded); /* the game's set still holds the last good version */
    wait_ms(g, 500);
    key(g, SDLK_RETURN);
    answer_right(g, times[2]);
    CHECK_INT(TV_SCENE_REVEAL, V(g).scene);

    /* Fixed: the overlay goes. */
    write_pack(dir, "v3", true);
    tv_dev_reload_pack(&dev, g, 0);
    CHECK(!tv_game_dev_error_shown(g));

    /* Three right answers at the same times score as a round without any reload. */
    int total = tv_session_result(V(g).session, 0).total;
    CHECK_INT(3, tv_session_result(V(g).session, 0).correct);
    write_pack(dir, "v1", false);
    CHECK_INT(plain_total(dir, &settings, font, bold, assets, times, 3), total);

    tv_game_free(g);
    tv_dev_reload_free(&dev); /* after the game: rounds may point into retired versions */
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    tv_packset_free(&packs);
    char cleanup[200];
    snprintf(cleanup, sizeof cleanup, "rm -rf '%s'", root);
    CHECK(system(cleanup) == 0);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_ui_dev_swap TRIVIUM SOURCE_DIR\n");
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
