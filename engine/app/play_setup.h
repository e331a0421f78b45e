/* play_setup.h - what `trivium play` and `trivium screenshot` share: their flags, the
 * folders they read (assets, prefs, cache), the start-up preload of packs and fonts
 * (on a thread for play), and staging a --scene by name. Internal to engine/app.
 * Depends on: app/cli, ui (game, prefs, gfx), plugin host, SDL2. */
#ifndef TV_PLAY_SETUP_H
#define TV_PLAY_SETUP_H

#include <SDL.h>

#include "app/cli.h"
#include "ui/game.h"

typedef struct tv_PlayArgs {
    const char *scene, *font, *record, *out, *bench;
    uint64_t seed;
    bool have_seed;
    bool gamepad; /* screenshot: as if a gamepad were connected (its on-screen keyboard) */
    int w, h;
    /* screenshot --pack ID --question QID [--reveal]: that question alone (a preview) */
    const char *pack, *question;
    bool reveal;
    int text_size; /* --text-size 0..3; -1: the settings' */
    /* play --dev PACKDIR ...: live reload of changed packs (dev_reload.h) */
    bool dev;
    int n_dev_dirs;
    const char *dev_dirs[32];
    const char *dev_snapshot; /* --dev-snapshot FILE.png: the frame after each reload */
} tv_PlayArgs;

extern const char *const tv_usage_play, *const tv_usage_screenshot;

/* $TRIVIUM_ASSETS_DIR, the source tree's for a build-tree binary, else the installed
 * one. Borrowed (a static buffer). */
const char *tv_play_assets_dir(const tv_Cli *cli);
/* $TRIVIUM_PREFS_DIR or SDL's pref path; caller frees with SDL_free; NULL when none. */
char *tv_play_prefs_folder(void);
/* --scene NAME (already checked by tv_play_parse_args) staged for seed. */
bool tv_play_enter_scene(tv_Game *g, const char *name, uint64_t seed, tv_Error *err);

/* What start-up does besides opening the window, on a thread of its own: starting one
 * pack worker per pack and reading their results, and matching the font through
 * fontconfig. Start-up then costs the longer of the window and these, not their sum,
 * and the window's thread is not held up spawning processes. */
typedef struct tv_Preload {
    tv_PackSet *packs;
    tv_LoadOptions opt;
    char lang[8];
    char font[1024], bold[1024];
    bool font_ok;
    tv_Error font_err;
    char cache_dir[4096];
    char assets_dir[4096];   /* for the default category of lang (round.category_default) */
    char category[64];
    SDL_Thread *thread;
    SDL_atomic_t done; /* the thread has finished: SDL_WaitThread will not block */
    int n_dev_packs;   /* packs [0, n) of the set came from play --dev's folders */
} tv_Preload;

/* Writes surface to path as a PNG (SDL2_image, loaded at run time; cmd_screenshot.c).
 * Returns 0, or 1 after printing why not. */
int tv_play_save_png(SDL_Surface *surface, const char *path);

/* The preload's work (also an SDL thread function): loads the packs, finds the font. */
int tv_preload_run(void *ud);
/* Waits for the preload: -1 when a font was found, else prints why not and returns
 * the exit code. */
int tv_preload_end(tv_Preload *p);
/* What play and screenshot (usage says which) do before SDL starts: parse the flags
 * from argv[first..], load the settings, find the packs and start the preload (on a
 * thread for play, so the window opens meanwhile; before returning for screenshot).
 * Returns -1 to go on, or the exit code (after --help or a usage, pack or font error). */
int tv_play_start(tv_Cli *cli, tv_PlayArgs *a, int argc, char **argv, int first, const char *usage,
                  tv_PackSet *packs, tv_Settings *settings, char *prefs_warn, size_t warn_size, tv_Preload *pre);

#endif
