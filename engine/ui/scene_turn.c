/* scene_turn.c - hot-seat play: "Player 2's turn", so the next player takes the seat
 * before their question (and its clock) appears.
 * Depends on: game_types.h, widgets, input, flow, round_view. */
#include <stdio.h>

#include "ui/flow.h"
#include "ui/input.h"
#include "ui/round_view.h"
#include "ui/scenes.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

void tv_scene_turn_draw(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    tv_view_header(g);
    char line[96];
    snprintf(line, sizeof line, tv_game_text(g, "scoreboard.turn"), g->names[g->player]);
    int y = x->h / 3;
    tv_gfx_shape(x, (tv_Shape)g->player, x->w / 2, y, tv_px(x, 40), p.option[g->player]);
    y += tv_px(x, 60);
    y += tv_gfx_text(x, line, 48, true, p.text, tv_px(x, 40), y, x->w - tv_px(x, 80), TV_ALIGN_CENTER);
    tv_gfx_text(x, tv_game_text(g, "scoreboard.ready"), 22, false, p.dim, tv_px(x, 40), y + tv_px(x, 16),
                x->w - tv_px(x, 80), TV_ALIGN_CENTER);
    int bw = tv_px(x, 300);
    tv_draw_button(g, (SDL_Rect){(x->w - bw) / 2, x->h - tv_px(x, 150), bw, tv_px(x, 64)},
                   tv_game_text(g, "scoreboard.continue"), true, true, HIT_NEXT);
}

bool tv_scene_turn_event(tv_Game *g, const SDL_Event *ev)
{
    bool click = ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT &&
                 tv_hit_at(g, ev->button.x, ev->button.y) == HIT_NEXT;
    bool space = ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_SPACE;
    if (click || space || tv_action_of(ev) == TV_ACT_OK)
        tv_flow_show_question(g);
    return true;
}
