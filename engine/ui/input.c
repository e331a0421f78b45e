/* input.c - input mapping: keyboard keys and gamepad buttons to actions, the seats
 * gamepads take as they are plugged in, and the left stick as a d-pad.
 * Depends on: game_types.h, SDL2. */
#include "ui/input.h"

#include <stdlib.h>
#include <string.h>

tv_Action tv_action_of(const SDL_Event *ev)
{
    if (ev->type == SDL_KEYDOWN) {
        switch (ev->key.keysym.sym) {
        case SDLK_UP: return TV_ACT_UP;
        case SDLK_DOWN: return TV_ACT_DOWN;
        case SDLK_LEFT: return TV_ACT_LEFT;
        case SDLK_RIGHT: return TV_ACT_RIGHT;
        case SDLK_RETURN:
        case SDLK_KP_ENTER: return TV_ACT_OK;
        case SDLK_ESCAPE: return TV_ACT_BACK;
        default: return TV_ACT_NONE;
        }
    }
    if (ev->type == SDL_CONTROLLERBUTTONDOWN) {
        switch (ev->cbutton.button) {
        case SDL_CONTROLLER_BUTTON_DPAD_UP: return TV_ACT_UP;
        case SDL_CONTROLLER_BUTTON_DPAD_DOWN: return TV_ACT_DOWN;
        case SDL_CONTROLLER_BUTTON_DPAD_LEFT: return TV_ACT_LEFT;
        case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: return TV_ACT_RIGHT;
        case SDL_CONTROLLER_BUTTON_A:
        case SDL_CONTROLLER_BUTTON_START: return TV_ACT_OK;
        case SDL_CONTROLLER_BUTTON_B:
        case SDL_CONTROLLER_BUTTON_BACK: return TV_ACT_BACK;
        case SDL_CONTROLLER_BUTTON_X: return TV_ACT_ALT;
        case SDL_CONTROLLER_BUTTON_Y: return TV_ACT_ALT2;
        default: return TV_ACT_NONE;
        }
    }
    return TV_ACT_NONE;
}

/* Tipping the stick past the threshold is one press, and it presses again only after
 * coming back towards the centre (the gap between the two thresholds keeps a stick
 * resting near one from pressing over and over). */
bool tv_input_stick(tv_Game *g, const SDL_ControllerAxisEvent *ev, SDL_Event *press)
{
    static const Uint8 buttons[2][2] = {{SDL_CONTROLLER_BUTTON_DPAD_LEFT, SDL_CONTROLLER_BUTTON_DPAD_RIGHT},
                                        {SDL_CONTROLLER_BUTTON_DPAD_UP, SDL_CONTROLLER_BUTTON_DPAD_DOWN}};
    int axis = ev->axis == SDL_CONTROLLER_AXIS_LEFTX ? 0 : ev->axis == SDL_CONTROLLER_AXIS_LEFTY ? 1 : -1;
    int seat = 0;
    while (seat < g->n_pads && g->pads[seat] != ev->which)
        seat++;
    if (axis < 0 || seat == g->n_pads)
        return false;
    signed char *zone = &g->stick[seat][axis];
    int v = ev->value, was = *zone;
    *zone = (signed char)(v > 20000 ? 1 : v < -20000 ? -1 : abs(v) < 10000 ? 0 : was);
    if (*zone == was || *zone == 0)
        return false;
    *press = (SDL_Event){.type = SDL_CONTROLLERBUTTONDOWN};
    press->cbutton.timestamp = ev->timestamp;
    press->cbutton.which = ev->which;
    press->cbutton.button = buttons[axis][*zone > 0];
    press->cbutton.state = SDL_PRESSED;
    return true;
}

/* Simultaneous play: only the session's seats count. */
int tv_input_seat(const tv_Game *g, SDL_JoystickID id)
{
    for (int i = 0; i < g->n_pads && i < g->n_players; i++)
        if (g->pads[i] == id)
            return i;
    return -1;
}

void tv_game_pad_added(tv_Game *g, SDL_JoystickID id)
{
    for (int i = 0; i < g->n_pads; i++)
        if (g->pads[i] == id)
            return;
    if (g->n_pads < TV_GAME_MAX_SEATS) {
        g->pads[g->n_pads++] = id;
        g->pads_attached++;
        return;
    }
    /* All seats taken: a pad that comes back takes over the seat of one that has gone. */
    for (int i = 0; i < g->n_pads; i++)
        if (!SDL_GameControllerFromInstanceID(g->pads[i])) {
            g->pads[i] = id;
            memset(g->stick[i], 0, sizeof g->stick[i]);
            g->pads_attached++;
            return;
        }
}

void tv_game_pad_removed(tv_Game *g, SDL_JoystickID id)
{
    SDL_GameController *pad = SDL_GameControllerFromInstanceID(id);
    if (pad)
        SDL_GameControllerClose(pad); /* so its seat can be taken over (tv_game_pad_added) */
    for (int i = 0; i < g->n_pads; i++)
        if (g->pads[i] == id && g->pads_attached > 0)
            g->pads_attached--;
}
