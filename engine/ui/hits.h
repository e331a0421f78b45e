/* hits.h - what a frame leaves behind for input to use: the hit regions' ids (what a
 * click or the focus activates) and the option grid as drawn. Types only; internal to
 * engine/ui, and read by ui.round through game_test.h.
 * Depends on: SDL2 (SDL_Rect), core (TV_MAX_OPTIONS). */
#ifndef TV_HITS_H
#define TV_HITS_H

#include <SDL.h>

#include "core/question.h"

/* Hit region ids: what a click or the focus activates. */
enum {
    HIT_NONE = -1,
    /* ids below 100 are scene-specific list entries */
    HIT_BACK = 100,
    HIT_START,
    HIT_SUBMIT,
    HIT_SKIP,
    HIT_LIFELINE,
    HIT_NEXT,
    HIT_FLAG_WRONG,
    HIT_FLAG_UNCLEAR,
    HIT_PLAYERS_MINUS,
    HIT_PLAYERS_PLUS,
    HIT_AGAIN,
    HIT_MENU,
    HIT_RESUME,
    HIT_QUIT_ROUND,
    HIT_MODE,
    HIT_NAME0 = 200, /* +player */
    HIT_SETTING0 = 300, /* +row, with HIT_SETTING_DEC/INC offsets */
    HIT_OPTION0 = 400,  /* +shown option / order slot */
    HIT_KEY0 = 500,     /* +row * TV_KEYBOARD_COLS + column of an on-screen keyboard key */
};

#define TV_KEYBOARD_COLS 10 /* the on-screen keyboard's grid (entry.c) */

#define TV_GAME_MAX_HITS 96

typedef struct tv_Hit {
    SDL_Rect rect;
    int id;
} tv_Hit;

/* The option grid as the last frame drew it, so that the arrows and the reveal follow
 * the layout on screen instead of guessing it again (microui's way). */
typedef struct tv_Grid {
    int cols, rows, n;
    SDL_Rect cells[TV_MAX_OPTIONS];
} tv_Grid;

#endif
