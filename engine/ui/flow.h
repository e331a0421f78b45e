/* flow.h - the round flow over the session: starting it, changing scenes after an
 * answer, the next question, timeouts and auto-advance, saving scores. No drawing.
 * Internal to engine/ui (tv_game_start, tv_game_stage and tv_game_packs_reloaded are
 * in game.h).
 * Depends on: game_types.h, core (session), prefs (scores). */
#ifndef TV_FLOW_H
#define TV_FLOW_H

#include "ui/game_types.h"

/* Changes the scene (focus and hover reset; text input on for typed answers). */
void tv_flow_set_scene(tv_Game *g, tv_Scene scene);
/* Answers for the current player at the current clock; an answer the session refuses
 * (out of range, already answered) is ignored. What follows (the next player, the
 * reveal) is the flow's. */
void tv_flow_submit(tv_Game *g, const tv_Answer *answer);
/* The current round of the session. */
const tv_Round *tv_flow_round(const tv_Game *g);
/* Time the current player has used on this question, pauses excluded. */
int64_t tv_flow_elapsed(const tv_Game *g);
int64_t tv_flow_limit(const tv_Game *g);
/* The question appears for the current player, its clock starting now. */
void tv_flow_show_question(tv_Game *g);
/* After the reveal: the next question, or the results (scores saved) after the last. */
void tv_flow_next_round(tv_Game *g);
/* Leaves the session for the title screen. */
void tv_flow_quit_round(tv_Game *g);
/* The clock moved: time-outs on the question, auto-advance on the reveal. */
void tv_flow_tick(tv_Game *g);
/* The pack-combination key for high scores. */
void tv_flow_combo_key(const tv_Game *g, char *out, size_t size);
/* Ends the session and asks the host to reload the packs in the current language. */
void tv_flow_reload_packs(tv_Game *g);

#endif
