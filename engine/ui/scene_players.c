/* scene_players.c - player set-up: how many, their names (typed in place), and
 * whether they take turns or, with a gamepad each, answer all at once.
 * Depends on: game_types.h, widgets, input, flow (tv_game_start). */
#include <stdio.h>
#include <string.h>

#include "ui/flow.h"
#include "core/text.h"
#include "ui/scenes.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

/* Everyone at once needs a pad in every seat. The choice is kept while it cannot apply
 * (a pad unplugged for a moment) and only takes effect when the session starts. */
static bool can_simultaneous(const tv_Game *g) { return g->n_players > 1 && g->n_pads >= g->n_players; }

void tv_scene_players_draw(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int y = tv_draw_title(g, tv_game_text(g, "players.title"));
    int cx = x->w / 2;
    char count[64];
    snprintf(count, sizeof count, tv_game_text(g, "players.count"), g->n_players);
    int bw = tv_px(x, 64);
    SDL_Rect minus = {cx - tv_px(x, 220), y, bw, bw}, plus = {cx + tv_px(x, 156), y, bw, bw};
    tv_draw_button(g, minus, "−", g->focus == 0 && g->hover == HIT_NONE, g->n_players > 1, HIT_PLAYERS_MINUS);
    tv_draw_button(g, plus, "+", g->focus == 0 && g->hover == HIT_NONE, g->n_players < TV_GAME_MAX_SEATS,
                   HIT_PLAYERS_PLUS);
    int th;
    tv_gfx_text_size(x, count, 30, true, 0, NULL, &th);
    tv_gfx_text(x, count, 30, true, g->focus == 0 ? p.accent : p.text, cx, y + (bw - th) / 2, 0, TV_ALIGN_CENTER);
    y += bw + tv_px(x, 30);
    int rw = tv_px(x, 520), rh = tv_px(x, 58), gap = tv_px(x, 12);
    for (int i = 0; i < g->n_players; i++) {
        SDL_Rect r = {cx - rw / 2, y + i * (rh + gap), rw, rh};
        bool focus = g->focus == i + 1;
        tv_gfx_round_rect(x, r, tv_px(x, 12), focus ? p.panel_hi : p.panel);
        if (g->editing_name == i)
            tv_gfx_round_frame(x, r, tv_px(x, 12), tv_px(x, 3), p.accent);
        tv_gfx_shape(x, (tv_Shape)i, r.x + tv_px(x, 34), r.y + rh / 2, tv_px(x, 16), p.option[i]);
        char label[64];
        snprintf(label, sizeof label, "%s%s", g->names[i], g->editing_name == i ? "▏" : "");
        tv_gfx_text(x, label, 26, true, p.text, r.x + tv_px(x, 64), r.y + (rh - tv_px(x, 32)) / 2,
                    r.w - tv_px(x, 80), TV_ALIGN_LEFT);
        tv_hit_add(g, r, HIT_NAME0 + i);
    }
    y += g->n_players * (rh + gap) + tv_px(x, 16);
    /* The mode: take turns, or all at once when every seat has a pad. */
    char mode[200];
    bool can_simul = can_simultaneous(g), simul = g->simultaneous && can_simul;
    if (g->n_players > 1 && can_simul)
        snprintf(mode, sizeof mode, "‹  %s  ›", tv_game_text(g, simul ? "players.simultaneous" : "players.hotseat"));
    else if (g->n_players > 1)
        snprintf(mode, sizeof mode, tv_game_text(g, "players.gamepads"), g->n_pads, g->n_players);
    else
        snprintf(mode, sizeof mode, "%s", tv_game_text(g, "players.hint"));
    SDL_Rect mode_r = {cx - rw / 2, y - tv_px(x, 6), rw, tv_px(x, 40)};
    if (can_simul) {
        tv_gfx_round_rect(x, mode_r, tv_px(x, 10), g->hover == HIT_MODE ? p.panel_hi : p.panel);
        tv_hit_add(g, mode_r, HIT_MODE);
    }
    tv_gfx_text(x, mode, 19, can_simul, can_simul ? p.accent : p.dim, mode_r.x, mode_r.y + tv_px(x, 8), mode_r.w,
                TV_ALIGN_CENTER);
    const char *hint = g->n_players < 2 ? "" : simul ? "players.simultaneous_hint" : can_simul ? "players.hotseat_hint" : "players.need_gamepads";
    if (*hint)
        tv_gfx_text(x, tv_game_text(g, hint), 16, false, p.dim, tv_px(x, 60), mode_r.y + mode_r.h + tv_px(x, 6),
                    x->w - tv_px(x, 120), TV_ALIGN_CENTER);
    int bwide = tv_px(x, 300), bh = tv_px(x, 60);
    SDL_Rect back = {x->w / 2 - bwide - tv_px(x, 12), x->h - tv_px(x, 90), bwide, bh};
    SDL_Rect start = {x->w / 2 + tv_px(x, 12), x->h - tv_px(x, 90), bwide, bh};
    tv_draw_button(g, back, tv_game_text(g, "common.back"), g->focus == g->n_players + 2, true, HIT_BACK);
    tv_draw_button(g, start, tv_game_text(g, "players.start"), g->focus == g->n_players + 1, true, HIT_START);
}

static void start_game(tv_Game *g)
{
    tv_Error err = {0};
    /* A new seed per round from the host (the game reads no clock); the seed is
     * recorded, so a round can still be replayed. */
    uint64_t seed = g->cfg.next_seed ? g->cfg.next_seed(g->cfg.host) : (uint64_t)g->now_ms * 2654435761u;
    if (!tv_game_start(g, seed, &err))
        snprintf(g->prefs_warning, sizeof g->prefs_warning, "%s", err.msg);
}

static bool name_edit_event(tv_Game *g, const SDL_Event *ev)
{
    char *name = g->names[g->editing_name];
    if (ev->type == SDL_TEXTINPUT) {
        if (strlen(name) + strlen(ev->text.text) < sizeof g->names[0] - 1)
            strcat(name, ev->text.text);
        return true;
    }
    if (ev->type == SDL_KEYDOWN) {
        SDL_Keycode k = ev->key.keysym.sym;
        if (k == SDLK_BACKSPACE) {
            tv_utf8_drop_last(name);
            return true;
        }
        if (k == SDLK_RETURN || k == SDLK_ESCAPE || k == SDLK_TAB) {
            if (!name[0])
                snprintf(name, sizeof g->names[0], tv_game_text(g, "players.name"), g->editing_name + 1);
            g->editing_name = -1;
            SDL_StopTextInput();
            return true;
        }
        return true; /* typing keys never move the focus */
    }
    if (ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_CONTROLLERBUTTONDOWN) {
        g->editing_name = -1;
        SDL_StopTextInput();
    }
    return false;
}

static void activate(tv_Game *g, int id)
{
    if (id == HIT_PLAYERS_MINUS && g->n_players > 1)
        g->n_players--;
    else if (id == HIT_PLAYERS_PLUS && g->n_players < TV_GAME_MAX_SEATS)
        g->n_players++;
    else if (id >= HIT_NAME0 && id < HIT_NAME0 + g->n_players) {
        g->editing_name = id - HIT_NAME0;
        g->names[g->editing_name][0] = '\0';
        SDL_StartTextInput();
    } else if (id == HIT_MODE && can_simultaneous(g)) {
        g->simultaneous = !g->simultaneous;
        tv_play_sound(g, TV_SOUND_CLICK);
    } else if (id == HIT_START) {
        g->simultaneous = g->simultaneous && can_simultaneous(g);
        start_game(g);
    } else if (id == HIT_BACK)
        tv_flow_set_scene(g, TV_SCENE_PACKS);
}

/* The focus runs over the player count (0), the names, Start and Back. */
static int focus_id(const tv_Game *g)
{
    if (g->focus == 0)
        return HIT_NONE;
    if (g->focus <= g->n_players)
        return HIT_NAME0 + g->focus - 1;
    return g->focus == g->n_players + 1 ? HIT_START : HIT_BACK;
}

bool tv_scene_players_event(tv_Game *g, const SDL_Event *ev)
{
    if (g->editing_name >= 0 && name_edit_event(g, ev))
        return true;
    if (can_simultaneous(g) &&
        ((ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_m) || tv_action_of(ev) == TV_ACT_ALT)) {
        activate(g, HIT_MODE);
        return true;
    }
    tv_Action a;
    int id = tv_menu_input(g, ev, g->n_players + 3, focus_id(g), &a);
    if ((a == TV_ACT_LEFT || a == TV_ACT_RIGHT) && g->focus == 0)
        id = a == TV_ACT_RIGHT ? HIT_PLAYERS_PLUS : HIT_PLAYERS_MINUS;
    if (id != HIT_NONE)
        activate(g, id);
    else if (a == TV_ACT_BACK)
        tv_flow_set_scene(g, TV_SCENE_PACKS);
    return true;
}
