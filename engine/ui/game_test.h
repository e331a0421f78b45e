/* game_test.h - TEST-ONLY: what ui.round (tests/ui/test_game_round.c) needs beyond
 * game.h. The game's state stays private (game_types.h is not included): the test
 * reads a snapshot of it (tv_game_test_view) to check what the player would see, and
 * changes it only through game.h's functions, injected events and the three hooks
 * below, for set-ups that no input reaches quickly. Nothing but tests includes this.
 * Depends on: game.h, hits.h (region ids, the grid), entry.h (the keyboard's keys). */
#ifndef TV_GAME_TEST_H
#define TV_GAME_TEST_H

#include "ui/entry.h"
#include "ui/game.h"
#include "ui/hits.h"

/* What the last event, tick or frame left; the pointers are borrowed from the game and
 * valid until its next call. */
typedef struct tv_GameView {
    tv_Scene scene;
    int round, focus, hover;
    bool paused, simultaneous;
    int n_players, n_pads;
    uint64_t seed;
    uint64_t layer_key;          /* which still part the layer holds (0: none) */
    const tv_Session *session;
    const tv_Gfx *gfx;
    const char *entry;           /* the typed answer */
    const int *order;            /* the order question's items as arranged */
    const bool *selected;        /* per pack of cfg.packs */
    const tv_Hit *hits;          /* the last frame's hit regions */
    int n_hits;
    const tv_Grid *grid;         /* the option grid drawn last */
    const char *warning;         /* what the title screen shows about files that failed */
} tv_GameView;

tv_GameView tv_game_test_view(const tv_Game *g);

/* Selects or deselects pack i, as a click on its row would (a broken pack stays
 * unselected), without going to the packs screen. */
void tv_game_test_select(tv_Game *g, int i, bool on);
/* Draws every frame directly, never from the layer, to compare the two. */
void tv_game_test_no_layer(tv_Game *g, bool on);
/* The text-size setting (0..3), as the settings screen would change it. */
void tv_game_test_text_size(tv_Game *g, int size);

#endif
