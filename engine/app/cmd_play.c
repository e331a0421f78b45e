/* cmd_play.c - `trivium` / `trivium play`, the desktop game: the window, the event
 * loop and the frames benchmark, what the game asks of its host (a seed, a pack reload
 * on a language change, --record's answer scripts, --dev's live reload), and sniffing
 * for a sound device.
 * Depends on: app/play_setup, app/dev_reload, ui (game), runner (script_writer), plugin
 * host, SDL2. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>

#include "app/dev_reload.h"
#include "app/play_cmd.h"
#include "app/play_setup.h"
#include "runner/script_writer.h"

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
    tv_Preload *p = host;
    tv_preload_end(p); /* a reload still running for the previous language */
    snprintf(p->lang, sizeof p->lang, "%s", lang);
    SDL_AtomicSet(&p->done, 0);
    p->thread = SDL_CreateThread(tv_preload_run, "trivium-reload", p);
    if (!p->thread)
        tv_preload_run(p);
}

static void reload_poll(tv_Preload *p, tv_Game *g, tv_DevReload *dev)
{
    if (tv_game_packs_loading(g) && SDL_AtomicGet(&p->done)) {
        tv_preload_end(p);
        tv_game_packs_reloaded(g);
        tv_dev_reload_pending(dev, g); /* saves made while the packs were busy */
    }
}

/* --dev-snapshot: the frame just drawn (before it is presented), written whole to a
 * temp file and renamed into place, so a reader never sees half a PNG. */
static void dev_snapshot(SDL_Renderer *r, const char *path)
{
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(r, &w, &h);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp.png", path);
    if (!s || SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0)
        fprintf(stderr, "trivium: --dev-snapshot: cannot read the frame: %s\n", SDL_GetError());
    else if (tv_play_save_png(s, tmp) == 0) {
        if (rename(tmp, path) != 0)
            fprintf(stderr, "trivium: --dev-snapshot %s: %s\n", path, strerror(errno));
        else
            fprintf(stderr, "trivium: dev: wrote %s\n", path);
    }
    SDL_FreeSurface(s);
}

/* --record FILE: one answer script per player (FILE, FILE.p2, ...), opened when a
 * session begins and written as each answer comes in, flushed so that a game that
 * crashes still leaves the round so far. */
typedef struct Recorder {
    const char *path; /* NULL: not recording */
    FILE *f[TV_GAME_MAX_SEATS];
} Recorder;

static void recorder_close(Recorder *r)
{
    for (int p = 0; p < TV_GAME_MAX_SEATS; p++)
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
                             .types = s->simultaneous ? "choice,truefalse" : NULL,
                             .evening_round = s->evening_round};
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
    if (player < 0 || player >= TV_GAME_MAX_SEATS || !r->f[player])
        return;
    tv_script_write_answer(r->f[player], rec);
    fflush(r->f[player]);
}

/* What the game calls back into: the preload thread (for reloads) and the recorder. */
typedef struct Host {
    tv_Preload *pre;
    Recorder rec;
    tv_DevReload *dev;
    tv_Game *g;        /* for F5, once made */
    bool snapshot_due; /* --dev-snapshot: a reload happened since the last frame */
} Host;

static void host_session(void *host, const tv_GameSession *s) { recorder_begin(&((Host *)host)->rec, s); }

static void host_answer(void *host, int player, int round, const tv_Record *rec)
{
    (void)round;
    recorder_answer(&((Host *)host)->rec, player, rec);
}

static void host_reload(void *host, const char *lang) { reload_packs(((Host *)host)->pre, lang); }

static void host_dev_reload(void *host)
{
    Host *h = host;
    tv_dev_reload_pack(h->dev, h->g, -1);
    h->snapshot_due = true;
}

/* An event for the game, or --dev's "a pack was saved". */
static void handle_event(Host *h, const SDL_Event *ev)
{
    int pack;
    if (tv_dev_reload_event(h->dev, ev, &pack)) {
        tv_dev_reload_pack(h->dev, h->g, pack);
        h->snapshot_due = true;
    } else
        tv_game_event(h->g, ev);
}

/* The game reads no clock; a session started from its menu takes its seed from here. */
static uint64_t clock_seed(void *host)
{
    (void)host;
    return SDL_GetTicks64() * 2654435761u ^ SDL_GetPerformanceCounter();
}

int tv_cmd_play(tv_Cli *cli, int argc, char **argv, int first)
{
    tv_PlayArgs a = {.text_size = -1};
    cli->lang = NULL;
    tv_PackSet packs;
    tv_Settings settings;
    char warn[512] = "";
    tv_Preload pre;
    int rc = tv_play_start(cli, &a, argc, argv, first, tv_usage_play, &packs, &settings, warn, sizeof warn, &pre);
    if (rc >= 0)
        return rc;
    SDL_SetHint(SDL_HINT_VIDEO_HIGHDPI_DISABLED, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "trivium: cannot start SDL video: %s\n", SDL_GetError());
        tv_preload_end(&pre);
        tv_packset_free(&packs);
        return 1;
    }
    bool frames_bench = a.bench && strncmp(a.bench, "frames=", 7) == 0;
    Uint32 wflags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (settings.fullscreen && !a.bench)
        wflags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window *win = SDL_CreateWindow("Trivium", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 720, wflags);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, frames_bench ? 0 : SDL_RENDERER_PRESENTVSYNC) : NULL;
    int font_rc = tv_preload_end(&pre); /* the workers ran while the window opened */
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
    char *prefs = tv_play_prefs_folder();
    tv_DevReload dev = {0};
    Host host = {.pre = &pre, .rec = {.path = a.record}, .dev = &dev};
    tv_GameConfig cfg = {.packs = &packs,
                         .assets_dir = tv_play_assets_dir(cli),
                         .prefs_dir = prefs,
                         .font_path = pre.font,
                         .bold_path = pre.bold,
                         .settings = &settings,
                         .no_audio = !audio_present(),
                         .host = &host,
                         .next_seed = clock_seed,
                         .reload_packs = host_reload,
                         .on_session = host_session,
                         .on_answer = host_answer,
                         .dev_reload = a.dev ? host_dev_reload : NULL};
    tv_Error err = {0};
    tv_Game *g = tv_game_new(&cfg, r, win, &err);
    if (!g) {
        rc = tv_cli_fail(&err);
        goto done;
    }
    host.g = g;
    if (!tv_dev_reload_init(&dev, &packs, a.dev ? pre.n_dev_packs : 0, &pre.opt, &err)) {
        rc = tv_cli_fail(&err);
        tv_game_free(g);
        goto done;
    }
    if (a.dev)
        fprintf(stderr, "trivium: dev: watching %d pack%s; a save (or F5) reloads\n", pre.n_dev_packs,
                pre.n_dev_packs == 1 ? "" : "s");
    rc = TV_EXIT_OK;
    if (warn[0]) {
        fprintf(stderr, "trivium: %s\n", warn);
        tv_game_warn(g, warn);
    }
    int64_t staged = (int64_t)SDL_GetTicks64();
    tv_game_tick(g, staged);
    if (a.scene && !tv_play_enter_scene(g, a.scene, a.have_seed ? a.seed : 1, &err)) {
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
        reload_poll(&pre, g, &dev);
        /* While packs reload, look in often enough to show them soon after. */
        bool animating = tv_game_animating(g) || frames_bench || tv_game_packs_loading(g);
        /* The benchmark's clock runs the staged question's timer from 0 to 10 s over and
         * over, so the bar moves every frame and the question never times out. */
        int64_t now = frames_bench ? staged - 6000 + (frames_done % 1000) * 10 : (int64_t)SDL_GetTicks64();
        /* Event-driven: with nothing moving, sleep until input arrives. */
        if (!animating && !dirty && SDL_WaitEventTimeout(&ev, 1000)) {
            tv_game_tick(g, frames_bench ? now : (int64_t)SDL_GetTicks64());
            handle_event(&host, &ev);
            dirty = true;
        }
        while (SDL_PollEvent(&ev)) {
            tv_game_tick(g, frames_bench ? now : (int64_t)SDL_GetTicks64());
            handle_event(&host, &ev);
            dirty = true;
        }
        tv_game_tick(g, frames_bench ? now : (int64_t)SDL_GetTicks64());
        if (animating || dirty) {
            tv_game_draw(g);
            if (host.snapshot_due && a.dev_snapshot)
                dev_snapshot(r, a.dev_snapshot);
            host.snapshot_due = false;
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
        tv_Prefs files;
        tv_prefs_init(&files, prefs);
        if (!tv_prefs_save_settings(&files, now_settings, &err))
            fprintf(stderr, "trivium: %s: %s\n", err.file, err.msg);
    }
    tv_game_free(g);
done:
    tv_dev_reload_free(&dev); /* after the game: its rounds may point into retired packs */
    recorder_close(&host.rec);
    tv_preload_end(&pre); /* a language change's reload may still be running */
    SDL_free(prefs);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    SDL_Quit();
    tv_packset_free(&packs);
    return rc;
}
