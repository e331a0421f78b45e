/* game_test.c - TEST-ONLY hooks for ui.round (game_test.h): set-ups that input would
 * reach only through several screens. Each marks the screen changed, as an event
 * would, so the next frame is drawn afresh.
 * Depends on: game_types.h. */
#include "game_test.h"

void tv_game_test_select(tv_Game *g, int i, bool on)
{
    if (i >= 0 && i < g->cfg.packs->n && i < TV_GAME_MAX_PACKS)
        g->selected[i] = on && g->cfg.packs->packs[i].loaded;
    g->changes++;
}

void tv_game_test_no_layer(tv_Game *g, bool on)
{
    g->gfx.no_layer = on;
    g->changes++;
}

void tv_game_test_text_size(tv_Game *g, int size)
{
    g->settings.text_size = size;
    g->changes++;
}
