/* scenes.h - one drawing and one input function per scene, one file each
 * (scene_*.c); game.c dispatches to them. Internal to engine/ui.
 * Depends on: game_types.h. */
#ifndef TV_SCENES_H
#define TV_SCENES_H

#include "ui/game_types.h"

void tv_scene_title_draw(tv_Game *g);
bool tv_scene_title_event(tv_Game *g, const SDL_Event *ev);
void tv_scene_packs_draw(tv_Game *g);
bool tv_scene_packs_event(tv_Game *g, const SDL_Event *ev);
void tv_scene_players_draw(tv_Game *g);
bool tv_scene_players_event(tv_Game *g, const SDL_Event *ev);
void tv_scene_settings_draw(tv_Game *g);
bool tv_scene_settings_event(tv_Game *g, const SDL_Event *ev);
void tv_scene_turn_draw(tv_Game *g);
bool tv_scene_turn_event(tv_Game *g, const SDL_Event *ev);
/* The question appeared (called once per appearance, before its first frame). */
void tv_scene_question_enter(tv_Game *g);
void tv_scene_question_draw(tv_Game *g);
bool tv_scene_question_event(tv_Game *g, const SDL_Event *ev);
/* What moves on its own on the question screen (the timer bar and its seconds), drawn
 * over the still part. */
void tv_scene_question_draw_moving(tv_Game *g);
void tv_scene_reveal_draw(tv_Game *g);
bool tv_scene_reveal_event(tv_Game *g, const SDL_Event *ev);
void tv_scene_results_draw(tv_Game *g);
bool tv_scene_results_event(tv_Game *g, const SDL_Event *ev);

#endif
