/* entry.h - the answer entry of numeric and text questions (entry.c), with the
 * on-screen keyboard shown while a gamepad is connected. Internal to engine/ui.
 * Depends on: game.h (the handle), hits.h. */
#ifndef TV_ENTRY_H
#define TV_ENTRY_H

#include "ui/game.h"
#include "ui/hits.h"

/* Reset clears the entry and puts the keyboard's focus (g->focus) on its first key;
 * the question scene calls it when a question appears. */
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

#endif
