/* scene_packs.c - choosing the packs to play: each pack with its size, languages and
 * description, or the error that kept it from loading; nothing while the host reloads
 * them after a language change.
 * Depends on: game_types.h, widgets, flow (scene changes), plugin host (data only). */
#include <stdio.h>
#include <string.h>

#include "ui/flow.h"
#include "ui/scenes.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

/* While the host reloads the packs there are none to show or pick. */
static int n_packs(const tv_Game *g)
{
    if (g->packs_loading)
        return 0;
    return g->cfg.packs->n < TV_GAME_MAX_PACKS ? g->cfg.packs->n : TV_GAME_MAX_PACKS;
}

static int n_selected(const tv_Game *g)
{
    int n = 0;
    for (int i = 0; i < n_packs(g); i++)
        n += g->selected[i] && g->cfg.packs->packs[i].loaded;
    return n;
}

void tv_scene_packs_draw(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int y = tv_draw_title(g, tv_game_text(g, "packs.title"));
    int n = n_packs(g);
    int margin = tv_px(x, 60);
    int bottom = x->h - tv_px(x, 110);
    int row_h = n ? (bottom - y) / n : 0;
    if (row_h > tv_px(x, 110))
        row_h = tv_px(x, 110);
    int gap = tv_px(x, 10);
    if (g->packs_loading)
        tv_gfx_text(x, tv_game_text(g, "packs.loading"), 24, false, p.dim, margin, y, x->w - 2 * margin,
                    TV_ALIGN_CENTER);
    for (int i = 0; i < n; i++) {
        const tv_Pack *pk = &g->cfg.packs->packs[i];
        SDL_Rect r = {margin, y + i * row_h, x->w - 2 * margin, row_h - gap};
        bool focus = g->focus == i || g->hover == i;
        tv_gfx_round_rect(x, r, tv_px(x, 12), pk->loaded ? (focus ? p.panel_hi : p.panel) : tv_alpha(p.panel, 110));
        if (focus)
            tv_gfx_round_frame(x, r, tv_px(x, 12), tv_px(x, 3), p.accent);
        int box = tv_px(x, 30);
        SDL_Rect cb = {r.x + tv_px(x, 18), r.y + (r.h - box) / 2, box, box};
        tv_gfx_round_frame(x, cb, tv_px(x, 6), tv_px(x, 3), pk->loaded ? p.text : p.dim);
        if (g->selected[i] && pk->loaded)
            tv_gfx_mark(x, true, cb.x + box / 2, cb.y + box / 2, box, p.accent);
        int tx = cb.x + box + tv_px(x, 18), tw = r.x + r.w - tx - tv_px(x, 16);
        char head[400];
        if (pk->loaded) {
            /* Title on the left, size and languages on the right, description below. */
            char count[64], meta[160];
            snprintf(count, sizeof count, tv_game_text(g, "packs.questions"), pk->n_questions);
            snprintf(meta, sizeof meta, "%s", count);
            for (int l = 0; l < pk->n_languages; l++) {
                strncat(meta, l ? " · " : "   ", sizeof meta - strlen(meta) - 1);
                strncat(meta, pk->languages[l], sizeof meta - strlen(meta) - 1);
            }
            int mw, mh;
            tv_gfx_text_size(x, meta, 18, false, 0, &mw, &mh);
            tv_gfx_text(x, meta, 18, false, p.dim, r.x + r.w - tv_px(x, 16), r.y + tv_px(x, 14), 0, TV_ALIGN_RIGHT);
            int title_w = tw - mw - tv_px(x, 20);
            float ts = tv_gfx_fit_text(x, pk->title, 24, 14, true, title_w, tv_px(x, 34));
            int hh = tv_gfx_text(x, pk->title, ts, true, p.text, tx, r.y + tv_px(x, 10), title_w, TV_ALIGN_LEFT);
            float size = tv_gfx_fit_text(x, pk->description, 18, 11, false, tw, r.h - hh - tv_px(x, 16));
            tv_gfx_text(x, pk->description, size, false, p.dim, tx, r.y + tv_px(x, 12) + hh, tw, TV_ALIGN_LEFT);
            tv_hit_add(g, r, i);
        } else {
            snprintf(head, sizeof head, "%s", pk->folder);
            int hh = tv_gfx_text(x, head, 24, true, p.dim, tx, r.y + tv_px(x, 10), tw, TV_ALIGN_LEFT);
            char line[1400], err[1200];
            tv_error_format(&pk->error, err, sizeof err);
            snprintf(line, sizeof line, tv_game_text(g, "packs.error"), err);
            float size = tv_gfx_fit_text(x, line, 18, 11, false, tw, r.h - hh - tv_px(x, 16));
            tv_gfx_text(x, line, size, false, p.bad, tx, r.y + tv_px(x, 12) + hh, tw, TV_ALIGN_LEFT);
        }
    }
    int bw = tv_px(x, 300), bh = tv_px(x, 60);
    SDL_Rect back = {x->w / 2 - bw - tv_px(x, 12), x->h - tv_px(x, 90), bw, bh};
    SDL_Rect next = {x->w / 2 + tv_px(x, 12), x->h - tv_px(x, 90), bw, bh};
    tv_draw_button(g, back, tv_game_text(g, "common.back"), g->focus == n + 1 || g->hover == HIT_BACK, true, HIT_BACK);
    tv_draw_button(g, next, tv_game_text(g, "packs.start"), g->focus == n || g->hover == HIT_START, n_selected(g) > 0,
                   HIT_START);
}

static void packs_toggle(tv_Game *g, int i)
{
    if (i >= 0 && i < n_packs(g) && g->cfg.packs->packs[i].loaded) {
        g->selected[i] = !g->selected[i];
        tv_play_sound(g, TV_SOUND_CLICK);
    }
}

bool tv_scene_packs_event(tv_Game *g, const SDL_Event *ev)
{
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_SPACE) {
        packs_toggle(g, g->focus);
        return true;
    }
    int n = n_packs(g);
    tv_Action a;
    int id = tv_menu_input(g, ev, n + 2, g->focus < n ? g->focus : g->focus == n ? HIT_START : HIT_BACK, &a);
    if (id >= 0 && id < n)
        packs_toggle(g, id);
    else if (id == HIT_START && n_selected(g) > 0) {
        tv_play_sound(g, TV_SOUND_CLICK);
        tv_flow_set_scene(g, TV_SCENE_PLAYERS);
    } else if (id == HIT_BACK || a == TV_ACT_BACK)
        tv_flow_set_scene(g, TV_SCENE_TITLE);
    return true;
}
