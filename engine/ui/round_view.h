/* round_view.h - what the question and the reveal draw alike: the header, the timer,
 * the prompt and the grid of option tiles, whose layout is recorded in g->grid for the
 * arrows and the reveal to follow. Internal to engine/ui.
 * Depends on: game_types.h, widgets, flow (the round and its clock), gfx. */
#ifndef TV_ROUND_VIEW_H
#define TV_ROUND_VIEW_H

#include "ui/game_types.h"

/* Question number, category and difficulty, and the score or who has answered;
 * returns the y below it. */
int tv_view_header(tv_Game *g);
/* The timer at y: the track is part of the still screen, the bar and seconds move. */
void tv_view_timer(tv_Game *g, int y, bool track_part, bool moving_part);
/* The prompt at y in at most max_h, starting from size; returns its height. */
int tv_view_prompt(tv_Game *g, int y, int max_h, float size);
/* The options in area, recorded in g->grid; on the reveal each shows whether it was
 * right or chosen, otherwise each is a hit region. */
void tv_view_options(tv_Game *g, SDL_Rect area, bool reveal);

#endif
