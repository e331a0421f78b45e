/* widgets.h - what every screen draws with: the palette, UI strings, hit regions,
 * sounds, buttons and titles. Internal to engine/ui.
 * Depends on: game_types.h, input (actions), gfx, i18n, audio. */
#ifndef TV_WIDGETS_H
#define TV_WIDGETS_H

#include "ui/game_types.h"
#include "ui/input.h"

typedef struct tv_Palette {
    tv_Color bg_top, bg_bottom, panel, panel_hi, text, dim, accent, good, bad, timer, timer_low;
    tv_Color option[6];
} tv_Palette;

/* The colours for the current settings (the colour-blind palette when chosen). */
tv_Palette tv_palette(const tv_Game *g);
/* Adds a clickable region for this frame; regions drawn later win (tv_hit_at). */
void tv_hit_add(tv_Game *g, SDL_Rect r, int id);
/* The id of the topmost region at x, y, or HIT_NONE. */
int tv_hit_at(const tv_Game *g, int x, int y);
void tv_play_sound(tv_Game *g, tv_Sound s);

/* The UI string for key in the current language (borrowed from g's strings). */
const char *tv_game_text(const tv_Game *g, const char *key);
/* UI strings of lang from the assets folder; caller frees with tv_i18n_free. */
tv_I18n *tv_game_load_strings(const tv_Game *g, const char *lang, tv_Error *err);

/* A menu button: rounded panel with centred text; highlighted when focused. */
void tv_draw_button(tv_Game *g, SDL_Rect r, const char *label, bool focused, bool enabled, int hit_id);
/* Standard screen title at the top; returns the y below it. */
int tv_draw_title(tv_Game *g, const char *title);

/* The menu screens' shared input: a click activates the region under the pointer, Up
 * and Down move the focus over count items, OK activates focus_id. Returns the id to
 * activate or HIT_NONE, and the action in *act. */
int tv_menu_input(tv_Game *g, const SDL_Event *ev, int count, int focus_id, tv_Action *act);

#endif
