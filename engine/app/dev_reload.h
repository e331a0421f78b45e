/* dev_reload.h - `trivium play --dev`: reloading the packs being written while the game
 * runs. Internal to the front end module.
 *
 * A thread waits on inotify (io/dirwatch.h) for saves in the --dev pack folders and
 * pushes an SDL event per changed pack; the loop (cmd_play.c) then calls
 * tv_dev_reload_pack on its own thread, where the game reads the packs. A reload loads
 * that one pack again into a set of its own, through the worker and the cache, with the
 * start-up's seed and language. When it loads, it takes the old version's place in the
 * game's set and the game moves the session onto it (tv_game_dev_pack_replaced); the
 * old version is kept until the end, since rounds may still point into it. When it does
 * not, the game shows the error (file:line: message, then the pack's other findings)
 * and the last good version keeps playing; the next reload that works clears it.
 * Depends on: app/play_setup (the preload's options), io/dirwatch, ui (game), plugin
 * host, SDL2 (thread, events). */
#ifndef TV_DEV_RELOAD_H
#define TV_DEV_RELOAD_H

#include <SDL.h>

#include "io/dirwatch.h"
#include "ui/game.h"

typedef struct tv_DevReload {
    tv_PackSet *packs; /* the game's (borrowed); its packs [0, n) are the --dev ones */
    int n;
    tv_LoadOptions opt; /* as the preload loaded them (borrowed strings must outlive this) */
    tv_DirWatch watch;
    int stop[2];        /* a pipe: writing to it ends the thread */
    SDL_Thread *thread;
    Uint32 event;       /* the SDL event type the thread pushes; user.code is the pack */
    bool pending[TV_DIRWATCH_MAX]; /* changed while the packs were busy (a language reload) */
    bool broken[TV_DIRWATCH_MAX];  /* the last reload of that pack failed */
    char errors[TV_DIRWATCH_MAX][2048];
    tv_PackSet *retired; /* replaced versions, kept alive until tv_dev_reload_free */
    int n_retired;
} tv_DevReload;

/* Watches packs [0, n) of packs and starts the thread. n == 0 does nothing (play without
 * --dev): then every call below is a no-op. False with err set when inotify or the
 * thread cannot be had. */
bool tv_dev_reload_init(tv_DevReload *d, tv_PackSet *packs, int n, const tv_LoadOptions *opt, tv_Error *err);
/* True when ev is the thread's "pack i changed" event; *pack is then i. */
bool tv_dev_reload_event(const tv_DevReload *d, const SDL_Event *ev, int *pack);
/* Reloads pack i (-1: every --dev pack, for F5) and tells the game. While the game's
 * packs are being reloaded for a language change it only remembers it; call
 * tv_dev_reload_pending once they are in. Prints what happened to stderr ("dev: ..."). */
void tv_dev_reload_pack(tv_DevReload *d, tv_Game *g, int pack);
/* Runs the reloads remembered while the packs were busy. */
void tv_dev_reload_pending(tv_DevReload *d, tv_Game *g);
/* Stops the thread and frees the retired versions; call after tv_game_free. Safe on a
 * zeroed tv_DevReload. */
void tv_dev_reload_free(tv_DevReload *d);

#endif
