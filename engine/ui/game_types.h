/* game_types.h - the game's state, shared by the files of engine/ui and by nothing
 * outside it (app and tests go through game.h; ui.round also through game_test.h).
 * Types only: each module's functions are in its own header.
 * Depends on: game.h (scenes, config), hits.h, core (session), gfx, prefs, i18n,
 * audio. */
#ifndef TV_GAME_TYPES_H
#define TV_GAME_TYPES_H

#include "ui/game.h"
#include "ui/hits.h"

typedef struct tv_Game {
    tv_GameConfig cfg;
    SDL_Renderer *r;
    SDL_Window *win; /* NULL offscreen */
    tv_Gfx gfx;
    tv_I18n *i18n;
    tv_Audio *audio;
    tv_Settings settings;
    tv_Scores scores;
    tv_Prefs prefs; /* the files in cfg.prefs_dir */
    char prefs_warning[1400];
    char dev_error[4096]; /* play --dev: the reload error shown over the game; "" when none */

    tv_Scene scene, back_scene;
    int focus;        /* focused element of the scene */
    bool quit;
    int64_t now_ms;   /* the pushed clock */
    int64_t scene_ms; /* when the scene began, for animations */
    unsigned scene_serial, entered; /* scene changes made, and seen by the scene's enter */
    /* The question screen's still part is kept in gfx's layer (see tv_game_draw):
     * changes counts events, answers and scene changes, everything the still part
     * can change with; layer_key says which state the layer shows (0: none), still_seen
     * which one the last frame drew. */
    uint64_t changes, layer_key, still_seen;
    bool drawing_still; /* the scenes leave out what moves on its own */
    int timer_y;        /* where the question's timer goes, from the last full draw */

    /* pack selection and players */
    bool selected[TV_GAME_MAX_PACKS];
    int n_players;
    char names[TV_GAME_MAX_SEATS][32];
    int editing_name; /* -1 when not typing a name */
    bool packs_loading; /* the host is reloading cfg.packs: do not touch them */
    bool simultaneous;        /* everyone answers at once, one gamepad per seat */
    int n_pads;
    SDL_JoystickID pads[TV_GAME_MAX_SEATS]; /* seat i plays with pads[i] */
    signed char stick[TV_GAME_MAX_SEATS][2]; /* pads[i]'s left stick, x and y: -1, 0 or 1 */
    int pads_attached;        /* of pads[], how many are plugged in now */

    /* the session */
    bool in_session;
    uint64_t seed;          /* this round's */
    uint64_t evening_seed;  /* the film night's first round's */
    int evening_round;      /* rounds played before this one since the players screen */
    tv_Session session;
    int round, player;   /* current question and, in hot-seat, whose turn */
    int64_t asked_ms;    /* when the current player's question appeared */
    int64_t paused_ms;   /* pause time to subtract from the answer time */
    int64_t pause_began;
    bool paused;
    int pause_focus;

    /* answer widgets of the current question */
    char entry[256];            /* numeric / text entry */
    int order[TV_MAX_ITEMS];    /* shown indices, in the order the player arranged */
    bool grabbed;               /* keyboard: the focused order item moves with the arrows */
    int drag_item;              /* mouse drag: index in order[], -1 when none */
    int drag_y, drag_offset;
    bool flagged;
    char flag_note[64];
    int last_tick_second;

    tv_Hit hits[TV_GAME_MAX_HITS];
    int n_hits;
    tv_Grid grid; /* the options of the question or reveal drawn last */
    int hover;
} tv_Game;

#endif
