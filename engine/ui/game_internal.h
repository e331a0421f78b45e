/* game_internal.h - what the scene files share inside the front end: the palette,
 * hit regions, sound and text helpers. Not part of the game's public header. */
#ifndef TV_GAME_INTERNAL_H
#define TV_GAME_INTERNAL_H

#include "game.h"

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

typedef struct tv_Palette {
    tv_Color bg_top, bg_bottom, panel, panel_hi, text, dim, accent, good, bad, timer, timer_low;
    tv_Color option[6];
} tv_Palette;

tv_Palette tv_palette(const tv_Game *g);
void tv_hit_add(tv_Game *g, SDL_Rect r, int id);
int tv_hit_at(const tv_Game *g, int x, int y);
void tv_play_sound(tv_Game *g, tv_Sound s);

/* A menu button: rounded panel with centred text; highlighted when focused. */
void tv_draw_button(tv_Game *g, SDL_Rect r, const char *label, bool focused, bool enabled, int hit_id);
/* Standard screen title at the top; returns the y below it. */
int tv_draw_title(tv_Game *g, const char *title);

/* Scenes: drawing and input, one file each. */
void tv_scene_menu_draw(tv_Game *g);
bool tv_scene_menu_event(tv_Game *g, const SDL_Event *ev);
void tv_scene_round_draw(tv_Game *g);
bool tv_scene_round_event(tv_Game *g, const SDL_Event *ev);
void tv_scene_round_tick(tv_Game *g);
/* What moves on its own on the question screen (the timer bar and its seconds), drawn
 * over the still part. */
void tv_scene_round_draw_moving(tv_Game *g);
void tv_scene_results_draw(tv_Game *g);
bool tv_scene_results_event(tv_Game *g, const SDL_Event *ev);

/* Input actions shared by keyboard and gamepad. */
typedef enum tv_Action {
    TV_ACT_NONE,
    TV_ACT_UP,
    TV_ACT_DOWN,
    TV_ACT_LEFT,
    TV_ACT_RIGHT,
    TV_ACT_OK,
    TV_ACT_BACK,
    TV_ACT_ALT,   /* gamepad X: 50:50 in a question, flag on the reveal */
    TV_ACT_ALT2,  /* gamepad Y: skip in a question, flag unclear on the reveal */
} tv_Action;
tv_Action tv_action_of(const SDL_Event *ev);

/* The answer entry of numeric and text questions (entry.c), with the on-screen
 * keyboard shown while a gamepad is connected. Reset clears the entry and puts the
 * keyboard's focus (g->focus) on its first key; call it when the question appears. */
void tv_entry_reset(tv_Game *g);
void tv_entry_draw(tv_Game *g, SDL_Rect area);
/* Typing, Backspace, Enter, the keyboard's keys and pad buttons; false for what the
 * question itself handles (Skip, pause). */
bool tv_entry_event(tv_Game *g, const SDL_Event *ev);
/* The height the entry needs under the prompt at width w, for the prompt to leave it:
 * the field, the hint and the keyboard at its smallest; 0 when no keyboard is shown. */
int tv_entry_min_height(tv_Game *g, int w);
/* What the keyboard's key at row * TV_KEYBOARD_COLS + column (as g->focus and HIT_KEY0
 * count) types: a character, '\b' for Delete or '\r' for OK; 0 when no keyboard is
 * shown or no key begins there. */
char tv_entry_key(const tv_Game *g, int key);

/* Time the current player has used on this question, pauses excluded. */
int64_t tv_round_elapsed(const tv_Game *g);
int64_t tv_round_limit(const tv_Game *g);
/* The pack-combination key for high scores. */
void tv_game_combo_key(const tv_Game *g, char *out, size_t size);
/* Round flow (scene_round.c). */
void tv_round_begin(tv_Game *g);
void tv_round_after_answer(tv_Game *g);
void tv_round_auto_advance(tv_Game *g);
/* UI strings of lang from the assets folder. */
tv_I18n *tv_game_load_strings(const tv_Game *g, const char *lang, tv_Error *err);
/* Ends the session and asks the host to reload the packs in the current language. */
void tv_game_reload_packs(tv_Game *g);

#endif
