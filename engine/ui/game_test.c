/* game_test.c - TEST-ONLY, for ui.round (game_test.h): a read-only snapshot of the
 * game's state, and hooks for set-ups that input would reach only through several
 * screens. Each hook marks the screen changed, as an event would, so the next frame
 * is drawn afresh.
 * Depends on: game_types.h. */
#include "ui/game_test.h"

#include "ui/game_types.h"

tv_GameView tv_game_test_view(const tv_Game *g)
{
    return (tv_GameView){.scene = g->scene,
                         .round = g->round,
                         .focus = g->focus,
                         .hover = g->hover,
                         .paused = g->paused,
                         .simultaneous = g->simultaneous,
                         .n_players = g->n_players,
                         .n_pads = g->n_pads,
                         .seed = g->seed,
                         .layer_key = g->layer_key,
                         .session = &g->session,
                         .gfx = &g->gfx,
                         .entry = g->entry,
                         .order = g->order,
                         .selected = g->selected,
                         .hits = g->hits,
                         .n_hits = g->n_hits,
                         .grid = &g->grid,
                         .warning = g->prefs_warning};
}

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
