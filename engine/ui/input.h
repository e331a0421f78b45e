/* input.h - input mapping: keyboard and gamepad buttons to actions, gamepad seats and
 * the left stick. Internal to engine/ui (tv_game_pad_added/removed are in game.h).
 * Depends on: game_types.h, SDL2. */
#ifndef TV_INPUT_H
#define TV_INPUT_H

#include "ui/game_types.h"

/* Input actions shared by keyboard and gamepad. */
typedef enum tv_Action {
    TV_ACT_NONE,
    TV_ACT_UP,
    TV_ACT_DOWN,
    TV_ACT_LEFT,
    TV_ACT_RIGHT,
    TV_ACT_OK,
    TV_ACT_BACK,
    TV_ACT_ALT,   /* gamepad X: 50:50 in a question, flag on the reveal */
    TV_ACT_ALT2,  /* gamepad Y: skip in a question, flag unclear on the reveal */
} tv_Action;
tv_Action tv_action_of(const SDL_Event *ev);

/* The left stick steers like the d-pad: fills press with the d-pad press a stick
 * motion amounts to and returns true, or returns false when it is none. */
bool tv_input_stick(tv_Game *g, const SDL_ControllerAxisEvent *ev, SDL_Event *press);
/* Which seat of the session pad id sits in, or -1. */
int tv_input_seat(const tv_Game *g, SDL_JoystickID id);

#endif
