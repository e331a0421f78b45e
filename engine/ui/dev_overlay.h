/* dev_overlay.h - inside engine/ui: drawing the live-reload error overlay (the public
 * half, the reload calls, is in game.h). Depends on: game_types.h. */
#ifndef TV_DEV_OVERLAY_H
#define TV_DEV_OVERLAY_H

#include "ui/game.h"

/* Draws the overlay over the frame when a reload error stands (tv_game_dev_error). */
void tv_dev_overlay_draw(tv_Game *g);

#endif
