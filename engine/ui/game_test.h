/* game_test.h - TEST-ONLY: what ui.round (tests/ui/test_game_round.c) needs beyond
 * game.h. It includes game_types.h so the test can read the game's state and check
 * it (the scene, the focus, the hit regions, the entry); it changes that state only
 * through game.h's functions and injected events, and through the three hooks below
 * for set-ups no input reaches quickly. Nothing outside tests includes this header.
 * Depends on: game_types.h, entry.h (the on-screen keyboard's keys). */
#ifndef TV_GAME_TEST_H
#define TV_GAME_TEST_H

#include "entry.h"
#include "game_types.h"

/* Selects or deselects pack i, as a click on its row would (a broken pack stays
 * unselected), without going to the packs screen. */
void tv_game_test_select(tv_Game *g, int i, bool on);
/* Draws every frame directly, never from the layer, to compare the two. */
void tv_game_test_no_layer(tv_Game *g, bool on);
/* The text-size setting (0..3), as the settings screen would change it. */
void tv_game_test_text_size(tv_Game *g, int size);

#endif
