/* play.c - `trivium` / `trivium play` (the desktop game), `trivium screenshot` (a scene
 * rendered offscreen to PNG) and `trivium flags` (questions players flagged).
 * Depends on: ui (game), plugin host, SDL2; SDL2_image loaded at run time. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>

#include "cli.h"
#include "game.h"
#include "play_cmd.h"
#include "script_writer.h"

#ifndef TRIVIUM_SHARE_ASSETS
#define TRIVIUM_SHARE_ASSETS "/usr/local/share/trivium/assets"
#endif

typedef struct PlayArgs {
    const char *scene, *font, *record, *out, *bench;
    uint64_t seed;
    bool have_seed;
    bool gamepad; /* screenshot: as if a gamepad were connected (its on-screen keyboard) */
    int w, h;
} PlayArgs;

static const char *const usage_play =
    "usage: trivium [play] [--lang en|nl] [--font PATH] [--record FILE] [--plugins DIR ...]\n"
    "                      [--scene title|packs|question|reveal|results|settings --seed N]\n"
    "                      [--bench first-frame|frames=N]\n"
    "\n"
    "Starts the desktop game. --record FILE saves the session as a headless answer script\n"
    "(one file per player: FILE, FILE.p2, ...) that `trivium headless --answers FILE`\n"
    "replays to the same score. --scene opens straight on a scene; --bench first-frame\n"
    "exits after the first frame is shown, --bench frames=N draws N frames without vsync\n"
    "and prints ms/frame.\n";

static const char *const usage_screenshot =
    "usage: trivium screenshot --scene title|packs|question|reveal|results|settings --seed N\n"
    "                          --size WxH [--lang en|nl] [--font PATH] [--gamepad] --out FILE.png\n"
    "\n"
    "Renders one scene offscreen (software renderer, no window) and writes a PNG.\n"
    "--gamepad draws it as with a gamepad connected (numeric and text questions then show\n"
    "the on-screen keyboard).\n";

static const char *assets_dir(const tv_Cli *cli)
{
    const char *env = getenv("TRIVIUM_ASSETS_DIR");
    if (env && *env)
        return env;
#if defined(TRIVIUM_BUILD_DIR) && defined(TRIVIUM_SOURCE_ASSETS)
    size_t n = strlen(TRIVIUM_BUILD_DIR);
    if (strncmp(cli->self_exe, TRIVIUM_BUILD_DIR, n) == 0 && cli->self_exe[n] == '/')
        return TRIVIUM_SOURCE_ASSETS;
#endif
    static char share[4200];
    tv_cli_share_dir(cli, "assets", TRIVIUM_SHARE_ASSETS, share, sizeof share);
    return share;
}

static bool parse_scene(const char *name, tv_Scene *out)
{
    static const struct {
        const char *name;
        tv_Scene scene;
    } scenes[] = {{"title", TV_SCENE_TITLE},     {"packs", TV_SCENE_PACKS},     {"question", TV_SCENE_QUESTION},
                  {"reveal", TV_SCENE_REVEAL},   {"results", TV_SCENE_RESULTS}, {"settings", TV_SCENE_SETTINGS},
                  {"players", TV_SCENE_PLAYERS}};
    for (size_t i = 0; i < sizeof scenes / sizeof scenes[0]; i++)
        if (strcmp(name, scenes[i].name) == 0) {
            *out = scenes[i].scene;
            return true;
        }
    return false;
}

static int parse_args(tv_Cli *cli, PlayArgs *a, int argc, char **argv, int first, const char *usage)
{
    for (int i = first; i < argc; i++) {
        const char *f = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(f, "--help") == 0 || strcmp(f, "-h") == 0) {
            fputs(usage, stdout);
            return TV_EXIT_OK;
        }
        if (strcmp(f, "--gamepad") == 0 && usage == usage_screenshot) {
            a->gamepad = true;
            continue;
        }
        bool takes = strcmp(f, "--scene") == 0 || strcmp(f, "--seed") == 0 || strcmp(f, "--font") == 0 ||
                     strcmp(f, "--record") == 0 || strcmp(f, "--out") == 0 || strcmp(f, "--size") == 0 ||
                     strcmp(f, "--lang") == 0 || strcmp(f, "--plugins") == 0 || strcmp(f, "--bench") == 0;
        if (!takes)
            return tv_cli_usage(cli->command, "unknown option %s", f);
        if (!v)
            return tv_cli_usage(cli->command, "%s needs a value", f);
        i++;
        if (strcmp(f, "--scene") == 0) {
            tv_Scene s;
            if (!parse_scene(v, &s))
                return tv_cli_usage(cli->command,
                                    "--scene %s: expected title, packs, players, question, reveal, results or settings",
                                    v);
            a->scene = v;
        } else if (strcmp(f, "--seed") == 0) {
            if (!tv_cli_parse_u64(v, &a->seed))
                return tv_cli_usage(cli->command, "--seed %s: expected a whole number", v);
            a->have_seed = true;
        } else if (strcmp(f, "--font") == 0)
            a->font = v;
        else if (strcmp(f, "--record") == 0)
            a->record = v;
        else if (strcmp(f, "--out") == 0)
            a->out = v;
        else if (strcmp(f, "--bench") == 0) {
            if (strcmp(v, "first-frame") != 0 && strncmp(v, "frames=", 7) != 0)
                return tv_cli_usage(cli->command, "--bench %s: expected first-frame or frames=N", v);
            a->bench = v;
        } else if (strcmp(f, "--size") == 0) {
            if (sscanf(v, "%dx%d", &a->w, &a->h) != 2 || a->w < 320 || a->h < 240 || a->w > 8192 || a->h > 8192)
                return tv_cli_usage(cli->command, "--size %s: expected WxH, from 320x240 to 8192x8192", v);
        } else if (strcmp(f, "--lang") == 0) {
            if (strcmp(v, "en") != 0 && strcmp(v, "nl") != 0)
                return tv_cli_usage(cli->command, "--lang %s: expected en or nl", v);
            cli->lang = v;
        } else if (strcmp(f, "--plugins") == 0) {
            if (cli->n_plugin_dirs < TV_MAX_PLUGIN_DIRS)
                cli->plugin_dirs[cli->n_plugin_dirs++] = v;
        }
    }
    return -1;
}

/* --scene NAME (already checked by parse_args) staged for seed. */
static bool enter_scene(tv_Game *g, const char *name, uint64_t seed, tv_Error *err)
{
    tv_Scene scene = TV_SCENE_TITLE;
    if (name)
        parse_scene(name, &scene);
    return tv_game_stage(g, scene, seed, err);
}

static char *prefs_folder(void)
{
    const char *env = getenv("TRIVIUM_PREFS_DIR");
    if (env && *env)
        return SDL_strdup(env);
    return SDL_GetPrefPath("trivium", "trivium");
}

/* What start-up does besides opening the window, on a thread of its own: starting one
 * pack worker per pack and reading their results, and matching the font through
 * fontconfig. Start-up then costs the longer of the window and these, not their sum,
 * and the window's thread is not held up spawning processes. */
typedef struct Preload {
    tv_PackSet *packs;
    tv_LoadOptions opt;
    char lang[8];
    char font[1024], bold[1024];
    bool font_ok;
    tv_Error font_err;
    char cache_dir[4096];
    SDL_Thread *thread;
    SDL_atomic_t done; /* the thread has finished: SDL_WaitThread will not block */
} Preload;

/* Where the game keeps pack results between runs: $TRIVIUM_CACHE_DIR, else the XDG
 * cache folder. False when there is no home to put it in. */
static bool cache_folder(char *out, size_t size)
{
    const char *env = getenv("TRIVIUM_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (env && *env)
        snprintf(out, size, "%s", env);
    else if (xdg && *xdg == '/')
        snprintf(out, size, "%s/trivium", xdg);
    else if (home && *home == '/')
        snprintf(out, size, "%s/.cache/trivium", home);
    else
        return false;
    return true;
}

static int preload_run(void *ud)
{
    Preload *p = ud;
    tv_PackLoad *load = tv_packset_load_begin(p->packs, &p->opt, NULL);
    if (!p->font_ok)
        p->font_ok = tv_font_find(NULL, p->font, sizeof p->font, p->bold, sizeof p->bold, &p->font_err);
    tv_packset_load_end(load);
    SDL_AtomicSet(&p->done, 1);
    return 0;
}

/* Waits for the preload: -1 when a font was found, else prints why not and returns
 * the exit code. */
static int preload_end(Preload *p)
{
    if (p->thread)
        SDL_WaitThread(p->thread, NULL);
    p->thread = NULL;
    return p->font_ok ? -1 : tv_cli_fail(&p->font_err);
}

/* Loads the settings and finds the packs, then starts the preload (in the background
 * when `background`, else done before returning). A --font file is checked at once,
 * so a wrong path fails before anything opens. */
static int setup(tv_Cli *cli, const PlayArgs *a, tv_PackSet *packs, tv_Settings *settings, char *prefs_warn,
                 size_t warn_size, Preload *pre, bool background)
{
    tv_Error err = {0};
    tv_settings_default(settings);
    char *prefs = prefs_folder();
    if (prefs && !a->out) {
        char path[4200];
        snprintf(path, sizeof path, "%s/settings.txt", prefs);
        tv_settings_load(path, settings, prefs_warn, warn_size);
    }
    SDL_free(prefs);
    if (cli->lang && (strcmp(cli->lang, "en") != 0 || a->out))
        snprintf(settings->lang, sizeof settings->lang, "%s", cli->lang);
    memset(pre, 0, sizeof *pre);
    if (a->font && !tv_font_find(a->font, pre->font, sizeof pre->font, pre->bold, sizeof pre->bold, &err))
        return tv_cli_fail(&err);
    pre->font_ok = a->font != NULL;
    tv_packset_init(packs, tv_alloc_default());
    if (!tv_cli_discover(cli, packs, &err))
        return tv_cli_fail(&err);
    snprintf(pre->lang, sizeof pre->lang, "%s", settings->lang);
    pre->packs = packs;
    pre->opt = (tv_LoadOptions){.worker_exe = cli->pack_worker, .seed = 1, .lang = pre->lang, .background = background};
    /* The game opens much sooner when it need not start a worker per unchanged pack;
     * screenshots (goldens, tests) always run the packs. */
    if (background && cache_folder(pre->cache_dir, sizeof pre->cache_dir))
        pre->opt.cache_dir = pre->cache_dir;
    pre->thread = background ? SDL_CreateThread(preload_run, "trivium-preload", pre) : NULL;
    if (pre->thread)
        return -1;
    preload_run(pre);
    int rc = preload_end(pre);
    if (rc >= 0)
        tv_packset_free(packs);
    return rc;
}

/* IMG_SavePNG from SDL2_image, loaded now rather than linked (see ui.cmake). */
static int save_png(SDL_Surface *surface, const char *path)
{
    static const char *const names[] = {"libSDL2_image-2.0.so.0", "libSDL2_image.so"};
    void *lib = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++)
        lib = SDL_LoadObject(names[i]);
    typedef int (*SavePNG)(SDL_Surface *, const char *);
    SavePNG save = lib ? (SavePNG)SDL_LoadFunction(lib, "IMG_SavePNG") : NULL;
    if (!save) {
        fprintf(stderr, "trivium screenshot: cannot load SDL2_image (%s) to write PNG files: %s\n", names[0],
                SDL_GetError());
        if (lib)
            SDL_UnloadObject(lib);
        return 1;
    }
    int rc = 0;
    if (save(surface, path) != 0) {
        fprintf(stderr, "trivium screenshot: --out %s: %s\n", path, SDL_GetError());
        rc = 1;
    }
    SDL_UnloadObject(lib);
    return rc;
}

int tv_cmd_screenshot(tv_Cli *cli, int argc, char **argv)
{
    PlayArgs a = {.w = 1280, .h = 720};
    cli->lang = "en";
    int rc = parse_args(cli, &a, argc, argv, 2, usage_screenshot);
    if (rc >= 0)
        return rc;
    if (!a.out || !a.scene || !a.have_seed)
        return tv_cli_usage("screenshot", "--scene, --seed and --out are required");
    tv_PackSet packs;
    tv_Settings settings;
    char warn[512] = "";
    Preload pre;
    rc = setup(cli, &a, &packs, &settings, warn, sizeof warn, &pre, false);
    if (rc >= 0)
        return rc;
    /* No window and no video driver: a software renderer drawing into a surface. */
    SDL_SetMainReady();
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "trivium screenshot: SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, a.w, a.h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!r) {
        fprintf(stderr, "trivium screenshot: cannot create a software renderer: %s\n", SDL_GetError());
        return 1;
    }
    tv_GameConfig cfg = {.packs = &packs,
                         .assets_dir = assets_dir(cli),
                         .prefs_dir = NULL,
                         .font_path = pre.font,
                         .bold_path = pre.bold,
                         .settings = &settings,
                         .offscreen = true};
    tv_Error err = {0};
    tv_Game *g = tv_game_new(&cfg, r, NULL, &err);
    rc = 0;
    if (!g)
        rc = tv_cli_fail(&err);
    else {
        tv_game_tick(g, 100000);
        if (a.gamepad)
            tv_game_pad_added(g, 0);
        if (!enter_scene(g, a.scene, a.seed, &err))
            rc = tv_cli_fail(&err);
        else {
            tv_game_draw(g);
            SDL_RenderPresent(r);
            rc = save_png(surface, a.out);
        }
        tv_game_free(g);
    }
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    tv_packset_free(&packs);
    SDL_Quit();
    return rc;
}

/* With no sound card and no sound server there is nothing to play to: the game then
 * opens no audio at all (silent play) instead of letting ALSA print a screenful of
 * errors, or running SDL's dummy device thread for nothing. */
static bool audio_present(void)
{
    if (getenv("SDL_AUDIODRIVER"))
        return true;
    char sock[4200];
    const char *run = getenv("XDG_RUNTIME_DIR");
    bool server = getenv("PULSE_SERVER") != NULL;
    if (run) {
        snprintf(sock, sizeof sock, "%s/pulse/native", run);
        server = server || access(sock, F_OK) == 0;
        snprintf(sock, sizeof sock, "%s/pipewire-0", run);
        server = server || access(sock, F_OK) == 0;
    }
    return server || access("/dev/snd", F_OK) == 0;
}

/* A language change: the packs are loaded again in the new language the way start-up
 * loads them, on the preload thread with the cache, while the game keeps drawing; the
 * loop tells the game when they are in (reload_poll). */
static void reload_packs(void *host, const char *lang)
{
    Preload *p = host;
    preload_end(p); /* a reload still running for the previous language */
    snprintf(p->lang, sizeof p->lang, "%s", lang);
    SDL_AtomicSet(&p->done, 0);
    p->thread = SDL_CreateThread(preload_run, "trivium-reload", p);
    if (!p->thread)
        preload_run(p);
}

static void reload_poll(Preload *p, tv_Game *g)
{
    if (tv_game_packs_loading(g) && SDL_AtomicGet(&p->done)) {
        preload_end(p);
        tv_game_packs_reloaded(g);
    }
}

/* --record FILE: one answer script per player (FILE, FILE.p2, ...), opened when a
 * session begins and written as each answer comes in, flushed so that a game that
 * crashes still leaves the round so far. */
typedef struct Recorder {
    const char *path; /* NULL: not recording */
    FILE *f[TV_MAX_PLAYERS];
} Recorder;

static void recorder_close(Recorder *r)
{
    for (int p = 0; p < TV_MAX_PLAYERS; p++)
        if (r->f[p]) {
            fclose(r->f[p]);
            r->f[p] = NULL;
        }
}

static void recorder_begin(Recorder *r, const tv_GameSession *s)
{
    recorder_close(r);
    if (!r->path)
        return;
    tv_ScriptDirectives d = {.have_seed = true,
                             .seed = (unsigned long long)s->seed,
                             .count = s->count,
                             .lang = s->lang,
                             .timer_percent = s->timer_percent != 100 ? s->timer_percent : 0,
                             .no_time_points = !s->time_points,
                             .no_streak = !s->streak_bonus,
                             .types = s->simultaneous ? "choice,truefalse" : NULL};
    for (int i = 0; i < s->n_packs && d.n_packs < TV_SCRIPT_MAX_PACKS; i++)
        d.packs[d.n_packs++] = s->packs[i];
    for (int p = 0; p < s->n_players; p++) {
        char path[4200], comment[4600];
        if (p == 0)
            snprintf(path, sizeof path, "%s", r->path);
        else
            snprintf(path, sizeof path, "%s.p%d", r->path, p + 1);
        r->f[p] = fopen(path, "w");
        if (!r->f[p]) {
            fprintf(stderr, "trivium: --record %s: cannot write: %s\n", path, strerror(errno));
            continue;
        }
        snprintf(comment, sizeof comment, "Recorded by trivium play: player %d (%s) of %d.\nReplay with: trivium headless --answers %s",
                 p + 1, s->names[p], s->n_players, path);
        tv_script_write_header(r->f[p], comment, &d);
        fflush(r->f[p]);
    }
}

static void recorder_answer(Recorder *r, int player, const tv_Record *rec)
{
    if (player < 0 || player >= TV_MAX_PLAYERS || !r->f[player])
        return;
    tv_script_write_answer(r->f[player], rec);
    fflush(r->f[player]);
}

/* What the game calls back into: the preload thread (for reloads) and the recorder. */
typedef struct Host {
    Preload *pre;
    Recorder rec;
} Host;

static void host_session(void *host, const tv_GameSession *s) { recorder_begin(&((Host *)host)->rec, s); }

static void host_answer(void *host, int player, int round, const tv_Record *rec)
{
    (void)round;
    recorder_answer(&((Host *)host)->rec, player, rec);
}

static void host_reload(void *host, const char *lang) { reload_packs(((Host *)host)->pre, lang); }

/* The game reads no clock; a session started from its menu takes its seed from here. */
static uint64_t clock_seed(void *host)
{
    (void)host;
    return SDL_GetTicks64() * 2654435761u ^ SDL_GetPerformanceCounter();
}

int tv_cmd_play(tv_Cli *cli, int argc, char **argv, int first)
{
    PlayArgs a = {0};
    cli->lang = NULL;
    int rc = parse_args(cli, &a, argc, argv, first, usage_play);
    if (rc >= 0)
        return rc;
    tv_PackSet packs;
    tv_Settings settings;
    char warn[512] = "";
    Preload pre;
    rc = setup(cli, &a, &packs, &settings, warn, sizeof warn, &pre, true);
    if (rc >= 0)
        return rc;
    SDL_SetHint(SDL_HINT_VIDEO_HIGHDPI_DISABLED, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "trivium: cannot start SDL video: %s\n", SDL_GetError());
        preload_end(&pre);
        tv_packset_free(&packs);
        return 1;
    }
    bool frames_bench = a.bench && strncmp(a.bench, "frames=", 7) == 0;
    Uint32 wflags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (settings.fullscreen && !a.bench)
        wflags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window *win = SDL_CreateWindow("Trivium", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 720, wflags);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, frames_bench ? 0 : SDL_RENDERER_PRESENTVSYNC) : NULL;
    int font_rc = preload_end(&pre); /* the workers ran while the window opened */
    if (!r || font_rc >= 0) {
        if (!r)
            fprintf(stderr, "trivium: cannot open a window: %s\n", SDL_GetError());
        if (r)
            SDL_DestroyRenderer(r);
        if (win)
            SDL_DestroyWindow(win);
        SDL_Quit();
        tv_packset_free(&packs);
        return font_rc >= 0 ? font_rc : 1;
    }
    char *prefs = prefs_folder();
    Host host = {.pre = &pre, .rec = {.path = a.record}};
    tv_GameConfig cfg = {.packs = &packs,
                         .assets_dir = assets_dir(cli),
                         .prefs_dir = prefs,
                         .font_path = pre.font,
                         .bold_path = pre.bold,
                         .settings = &settings,
                         .no_audio = !audio_present(),
                         .host = &host,
                         .next_seed = clock_seed,
                         .reload_packs = host_reload,
                         .on_session = host_session,
                         .on_answer = host_answer};
    tv_Error err = {0};
    tv_Game *g = tv_game_new(&cfg, r, win, &err);
    if (!g) {
        rc = tv_cli_fail(&err);
        goto done;
    }
    rc = TV_EXIT_OK;
    if (warn[0]) {
        fprintf(stderr, "trivium: %s\n", warn);
        tv_game_warn(g, warn);
    }
    int64_t staged = (int64_t)SDL_GetTicks64();
    tv_game_tick(g, staged);
    if (a.scene && !enter_scene(g, a.scene, a.have_seed ? a.seed : 1, &err)) {
        rc = tv_cli_fail(&err);
        tv_game_free(g);
        goto done;
    }
    long frames_left = frames_bench ? atol(a.bench + 7) : -1;
    Uint64 bench_start = SDL_GetPerformanceCounter();
    long frames_done = 0;
    bool dirty = true;
    /* Gamepads are started after the first frame is on screen: scanning the input
     * devices is slow on some machines, and pads already plugged in arrive as
     * SDL_CONTROLLERDEVICEADDED events all the same. */
    while (!tv_game_quitting(g)) {
        SDL_Event ev;
        reload_poll(&pre, g);
        /* While packs reload, look in often enough to show them soon after. */
        bool animating = tv_game_animating(g) || frames_bench || tv_game_packs_loading(g);
        /* The benchmark's clock runs the staged question's timer from 0 to 10 s over and
         * over, so the bar moves every frame and the question never times out. */
        int64_t now = frames_bench ? staged - 6000 + (frames_done % 1000) * 10 : (int64_t)SDL_GetTicks64();
        /* Event-driven: with nothing moving, sleep until input arrives. */
        if (!animating && !dirty && SDL_WaitEventTimeout(&ev, 1000)) {
            tv_game_tick(g, frames_bench ? now : (int64_t)SDL_GetTicks64());
            tv_game_event(g, &ev);
            dirty = true;
        }
        while (SDL_PollEvent(&ev)) {
            tv_game_tick(g, frames_bench ? now : (int64_t)SDL_GetTicks64());
            tv_game_event(g, &ev);
            dirty = true;
        }
        tv_game_tick(g, frames_bench ? now : (int64_t)SDL_GetTicks64());
        if (animating || dirty) {
            tv_game_draw(g);
            SDL_RenderPresent(r);
            dirty = false;
            if (a.bench && strcmp(a.bench, "first-frame") == 0)
                break;
            if (frames_done++ == 0 && SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0)
                fprintf(stderr, "trivium: gamepads are unavailable: %s\n", SDL_GetError());
            if (frames_bench && --frames_left <= 0) {
                double ms = (double)(SDL_GetPerformanceCounter() - bench_start) * 1000.0 /
                            (double)SDL_GetPerformanceFrequency() / (double)frames_done;
                printf("ms/frame: %.4f\n", ms);
                break;
            }
        }
    }
    /* What changed outside the settings screen (F11, --lang) is saved at the end, and
     * only then (a corrupt file, already kept as .bad, is replaced by good settings). */
    const tv_Settings *now_settings = tv_game_settings(g);
    if (prefs && (!tv_settings_equal(now_settings, &settings) || cli->lang || warn[0])) {
        char path[4200];
        snprintf(path, sizeof path, "%s/settings.txt", prefs);
        tv_settings_save(path, now_settings, &err);
    }
    tv_game_free(g);
done:
    recorder_close(&host.rec);
    preload_end(&pre); /* a language change's reload may still be running */
    SDL_free(prefs);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    SDL_Quit();
    tv_packset_free(&packs);
    return rc;
}

static void print_flag(void *ud, const char *const fields[5])
{
    int *n = ud;
    if ((*n)++ == 0)
        printf("%-20s %-28s %-8s %-4s %s\n", "PACK", "QUESTION", "VERSION", "LANG", "REASON");
    printf("%-20s %-28s %-8s %-4s %s\n", fields[0], fields[1], fields[2], fields[3], fields[4]);
}

int tv_cmd_flags(tv_Cli *cli, int argc, char **argv)
{
    (void)cli;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            puts("usage: trivium flags\n\nLists the questions players flagged as wrong or unclear (kept in\n"
                 "flags.tsv in the prefs folder), so pack authors hear about mistakes.");
            return TV_EXIT_OK;
        }
        return tv_cli_usage("flags", "unknown option %s", argv[i]);
    }
    char *prefs = prefs_folder();
    if (!prefs) {
        fprintf(stderr, "trivium flags: no prefs folder (%s)\n", SDL_GetError());
        return 1;
    }
    char path[4200];
    snprintf(path, sizeof path, "%s/flags.tsv", prefs);
    SDL_free(prefs);
    int n = 0;
    tv_Error err = {0};
    if (tv_flags_list(path, print_flag, &n, &err) < 0 && err.code != 0 && errno != ENOENT)
        return tv_cli_fail(&err);
    if (n == 0)
        printf("no flagged questions (%s)\n", path);
    return TV_EXIT_OK;
}
