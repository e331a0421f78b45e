/* game.h - the desktop game: screens, input and drawing over the rules core.
 *
 * The game never reads a clock or polls events itself: the caller pushes SDL events
 * (tv_game_event) and the current time in milliseconds (tv_game_tick), then asks for a
 * frame (tv_game_draw). The real loop (engine/app/cmd_play.c) feeds SDL_GetTicks64; tests
 * and `trivium screenshot` feed a fixed or scripted clock, so a played round is
 * reproducible and its score can be compared with the headless runner's.
 * Depends on: core, plugin host (data only), ui (gfx, i18n, prefs, audio), SDL2. */
#ifndef TV_GAME_H
#define TV_GAME_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <SDL.h>

#include "ui/audio.h"
#include "ui/gfx.h"
#include "i18n/i18n.h"
#include "plugin/packs.h"
#include "ui/prefs.h"
#include "core/session.h"

typedef enum tv_Scene {
    TV_SCENE_TITLE,
    TV_SCENE_PACKS,
    TV_SCENE_PLAYERS,
    TV_SCENE_SETTINGS,
    TV_SCENE_TURN,     /* hot-seat: "Player 2's turn" */
    TV_SCENE_QUESTION,
    TV_SCENE_REVEAL,
    TV_SCENE_RESULTS,
} tv_Scene;

#define TV_GAME_MAX_PACKS 64
/* Local seats: keyboard, mouse and one gamepad each (sessions seat many more). */
#define TV_GAME_MAX_SEATS 4

/* A session as it began, for a host that records it (`trivium play --record`): what a
 * replay needs to set up the same session. Borrowed for the call. */
typedef struct tv_GameSession {
    uint64_t seed;     /* this round's: the film night's first seed + round */
    int evening_round; /* 0 for a session from the players screen, +1 per "play again" */
    int n_players;
    const char *names[TV_GAME_MAX_SEATS];
    int n_packs;
    const char *packs[TV_GAME_MAX_PACKS]; /* ids of the packs played, in the set's order */
    int count;                            /* questions in the session */
    const char *lang;
    int timer_percent;
    bool time_points, streak_bonus;
    bool simultaneous; /* everyone at once: only choice and true/false questions */
} tv_GameSession;

typedef struct tv_GameConfig {
    tv_PackSet *packs;       /* discovered and loaded; borrowed (the host reloads it, below) */
    const char *assets_dir;  /* holds i18n/<lang>.po */
    const char *prefs_dir;   /* settings, scores, flags; NULL keeps nothing */
    const char *font_path, *bold_path;
    const tv_Settings *settings; /* starting settings (already loaded or defaulted) */
    bool offscreen;          /* screenshots and tests: no window, no audio */
    bool no_audio;           /* no sound device: play silently */
    /* What the game asks of its host; each may be NULL. host is passed back as is. */
    void *host;
    /* A fresh seed for a session started from the players screen: the game reads no
     * clock, so app draws one from its own (the seed is recorded, so a round can still
     * be replayed). Without it the seed follows the pushed clock. */
    uint64_t (*next_seed)(void *host);
    /* The language changed to lang: the packs must be loaded again in it. By then the
     * game has ended its session and leaves cfg.packs alone until the host calls
     * tv_game_packs_reloaded, so the host may reload them on a thread of its own, with
     * its cache. Without it the packs stay in the language they were loaded in. */
    void (*reload_packs)(void *host, const char *lang);
    /* A session began: its seed, packs and settings. */
    void (*on_session)(void *host, const tv_GameSession *session);
    /* player answered (or ran out of time on) round: the session's record of it. */
    void (*on_answer)(void *host, int player, int round, const tv_Record *rec);
    /* `trivium play --dev`: F5 asks the host to reload the packs being written now
     * (it also does on every save). NULL: F5 does nothing. */
    void (*dev_reload)(void *host);
} tv_GameConfig;

/* The game's state is private to engine/ui (game_types.h). */
typedef struct tv_Game tv_Game;

/* A game for cfg; packs, settings, the renderer and the window are borrowed and must
 * outlive it. Caller frees with tv_game_free. On failure (a font, the assets folder,
 * memory) returns NULL with err set, having freed what it took. */
tv_Game *tv_game_new(const tv_GameConfig *cfg, SDL_Renderer *r, SDL_Window *win, tv_Error *err);
/* Safe on NULL. */
void tv_game_free(tv_Game *g);

void tv_game_event(tv_Game *g, const SDL_Event *ev);
void tv_game_tick(tv_Game *g, int64_t now_ms);
void tv_game_draw(tv_Game *g);
/* True while something moves (timer, animation): the loop then draws at display rate;
 * otherwise it waits for events. */
bool tv_game_animating(const tv_Game *g);

/* Starts a session for seed over the packs selected on the packs screen, with the
 * players and mode set on the players screen, and reports it to on_session. Fails
 * with err when no question fits or while the packs are being reloaded. */
bool tv_game_start(tv_Game *g, uint64_t seed, tv_Error *err);
/* "Play again": the film night's next round (seed + 1, drawn past every question the
 * evening has asked, core/session.h tv_session_init_evening). Fails as tv_game_start. */
bool tv_game_next_round(tv_Game *g, tv_Error *err);
/* Records a connected gamepad (hot-plug); seats follow the order pads arrive in. A pad
 * unplugged mid-round keeps its seat (and score) until a pad is plugged in again. */
void tv_game_pad_added(tv_Game *g, SDL_JoystickID id);
/* An unplugged gamepad: its seat stays; the on-screen keyboard goes once none is left. */
void tv_game_pad_removed(tv_Game *g, SDL_JoystickID id);
/* The host has finished reloading cfg.packs (see tv_GameConfig.reload_packs). */
void tv_game_packs_reloaded(tv_Game *g);
/* True from a language change until tv_game_packs_reloaded. */
bool tv_game_packs_loading(const tv_Game *g);

/* Puts the game straight into scene, deterministically for seed and the clock last
 * pushed (tv_game_tick): a question six seconds in, the reveal of a right answer, the
 * results of a varied round; other scenes as they open. Entry animations are over.
 * For --scene, screenshots, benchmarks and tests. Fails as tv_game_start does. */
bool tv_game_stage(tv_Game *g, tv_Scene scene, uint64_t seed, tv_Error *err);
/* Puts the game on q alone (borrowed: it must outlive the session), asked as the only
 * question of a session for seed (which shuffles its options): the question six seconds
 * in, or with reveal its reveal after the right answer. For `trivium screenshot
 * --question`, a pack author's preview. Fails as tv_game_start does. */
bool tv_game_preview(tv_Game *g, const tv_Question *q, uint64_t seed, bool reveal, tv_Error *err);
/* ---- live reload (`trivium play --dev`; dev_overlay.c) ----
 * The host replaced a pack of cfg.packs in place: old is the version that was there,
 * now the one in its place. old must stay allocated while the game lives (rounds
 * already drawn may keep pointing at its questions). Each round of the session that
 * asks one of old's questions moves to now's question of the same id when it has the
 * same type and number of options or items, so what the round shows and any answer
 * given stay valid; the others keep old's. Answers and scores are untouched; the
 * screen is drawn again with the new text. */
void tv_game_dev_pack_replaced(tv_Game *g, const tv_Pack *old, const tv_Pack *now);
/* A reload that failed: text (copied; file:line: message, then any further lines) is
 * shown over every scene until called again with NULL, after a reload that worked. */
void tv_game_dev_error(tv_Game *g, const char *text);
bool tv_game_dev_error_shown(const tv_Game *g);

/* Shows msg (copied) on the title screen: a problem with the prefs files. */
void tv_game_warn(tv_Game *g, const char *msg);
/* The player asked to quit (the window closed, Quit, Escape on the title). */
bool tv_game_quitting(const tv_Game *g);
/* The settings as the player has them now (borrowed from g), to save at the end. */
const tv_Settings *tv_game_settings(const tv_Game *g);

#endif
