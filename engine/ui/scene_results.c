/* scene_results.c - the end of a round: podium for several players, totals, correct
 * count, longest streak, per-category breakdown, each question's outcome, and the
 * high-score table for this pack combination.
 * Depends on: game_types.h, widgets, input, flow, core (session), prefs (scores). */
#include <stdio.h>
#include <string.h>

#include "ui/flow.h"
#include "ui/input.h"
#include "ui/scenes.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

static void draw_podium(tv_Game *g, int y, int h)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int order[TV_GAME_MAX_SEATS];
    for (int i = 0; i < g->n_players; i++)
        order[i] = i;
    for (int i = 1; i < g->n_players; i++)
        for (int j = i; j > 0 && tv_session_result(&g->session, order[j]).total >
                                     tv_session_result(&g->session, order[j - 1]).total;
             j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    /* Classic podium: 2nd, 1st, 3rd, 4th from left to right. */
    static const int slot_of_rank[4] = {1, 0, 2, 3};
    static const float height_of_rank[4] = {1.0f, 0.75f, 0.55f, 0.4f};
    int cols = g->n_players < 3 ? g->n_players : g->n_players;
    int cw = tv_px(x, 200), gap = tv_px(x, 16);
    int total_w = cols * cw + (cols - 1) * gap;
    int left = (x->w - total_w) / 2;
    for (int rank = 0; rank < g->n_players; rank++) {
        int pl = order[rank];
        int slot = g->n_players == 2 ? rank : slot_of_rank[rank];
        if (slot >= cols)
            slot = cols - 1;
        int bh = (int)((h - tv_px(x, 70)) * height_of_rank[rank]);
        SDL_Rect col = {left + slot * (cw + gap), y + h - bh, cw, bh};
        tv_gfx_round_rect(x, col, tv_px(x, 10), rank == 0 ? p.accent : p.panel_hi);
        tv_Result res = tv_session_result(&g->session, pl);
        char pts[32], place[16];
        snprintf(pts, sizeof pts, "%d", res.total);
        snprintf(place, sizeof place, "%d", rank + 1);
        tv_gfx_text(x, g->names[pl], 22, true, p.text, col.x, col.y - tv_px(x, 62), cw, TV_ALIGN_CENTER);
        tv_gfx_text(x, pts, 20, false, p.dim, col.x, col.y - tv_px(x, 34), cw, TV_ALIGN_CENTER);
        tv_gfx_text(x, place, 40, true, rank == 0 ? p.bg_bottom : p.text, col.x, col.y + tv_px(x, 8), cw,
                    TV_ALIGN_CENTER);
    }
}

void tv_scene_results_draw(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int y = tv_draw_title(g, tv_game_text(g, "results.title"));
    int pad = tv_px(x, 48);
    int footer = tv_px(x, 90);
    if (g->n_players > 1) {
        int h = (x->h - y - footer) * 2 / 5;
        draw_podium(g, y, h);
        y += h + tv_px(x, 16);
    }
    /* Left column: the player's numbers and categories. Right: questions and scores. */
    int col_w = (x->w - 3 * pad) / 2;
    int lx = pad, rx = 2 * pad + col_w;
    tv_Result res = tv_session_result(&g->session, 0);
    char line[200];
    int ly = y;
    snprintf(line, sizeof line, tv_game_text(g, "results.total"), res.total);
    ly += tv_gfx_text(x, line, g->n_players > 1 ? 26 : 40, true, p.accent, lx, ly, col_w, TV_ALIGN_LEFT);
    snprintf(line, sizeof line, tv_game_text(g, "results.correct"), res.correct, res.asked);
    ly += tv_gfx_text(x, line, 24, false, p.text, lx, ly, col_w, TV_ALIGN_LEFT);
    snprintf(line, sizeof line, tv_game_text(g, "results.longest_streak"), res.longest_streak);
    ly += tv_gfx_text(x, line, 24, false, p.text, lx, ly, col_w, TV_ALIGN_LEFT) + tv_px(x, 16);
    if (g->n_players > 1) {
        snprintf(line, sizeof line, "(%s)", g->names[0]);
        ly += tv_gfx_text(x, line, 16, false, p.dim, lx, ly, col_w, TV_ALIGN_LEFT);
    }
    ly += tv_gfx_text(x, tv_game_text(g, "results.by_category"), 20, true, p.dim, lx, ly, col_w, TV_ALIGN_LEFT) +
          tv_px(x, 6);
    /* One row per category: name, a bar for the share answered right, the points. */
    int room = x->h - footer - ly;
    int row = res.n_categories ? room / res.n_categories : 0;
    if (row > tv_px(x, 40))
        row = tv_px(x, 40);
    int name_w = col_w * 9 / 20, bar_w = col_w * 6 / 20;
    for (int c = 0; c < res.n_categories && row >= tv_px(x, 16); c++) {
        const tv_Tally *t = &res.categories[c];
        int cy = ly + c * row;
        float fs = tv_gfx_fit_text(x, t->name, 19, 11, false, name_w, row - tv_px(x, 4));
        tv_gfx_text(x, t->name, fs, false, p.text, lx, cy, name_w, TV_ALIGN_LEFT);
        SDL_Rect track = {lx + name_w + tv_px(x, 8), cy + row / 4, bar_w, row / 3};
        tv_gfx_round_rect(x, track, track.h / 2, tv_alpha(p.panel, 220));
        if (t->asked && t->correct) {
            SDL_Rect fill = track;
            fill.w = track.w * t->correct / t->asked;
            tv_gfx_round_rect(x, fill, track.h / 2, p.good);
        }
        snprintf(line, sizeof line, "%d/%d · %d", t->correct, t->asked, t->points);
        tv_gfx_text(x, line, 17, false, p.dim, lx + col_w, cy, 0, TV_ALIGN_RIGHT);
    }

    /* each question's outcome as a row of marks */
    int ry = y;
    ry += tv_gfx_text(x, tv_game_text(g, "results.questions"), 20, true, p.dim, rx, ry, col_w, TV_ALIGN_LEFT);
    int n = g->session.n_rounds;
    int cell = n ? col_w / (n < 10 ? 10 : n) : 0;
    if (cell > tv_px(x, 48))
        cell = tv_px(x, 48);
    for (int i = 0; i < n; i++) {
        const tv_Record *rec = tv_session_record(&g->session, 0, i);
        bool right = rec->verdict == TV_V_CORRECT;
        SDL_Rect box = {rx + i * cell, ry + tv_px(x, 4), cell - tv_px(x, 4), cell - tv_px(x, 4)};
        tv_gfx_round_rect(x, box, tv_px(x, 6), right ? p.good : rec->verdict == TV_V_PARTIAL ? p.panel_hi : p.bad);
        tv_gfx_mark(x, right, box.x + box.w / 2, box.y + box.h / 2, box.w * 2 / 3, p.text);
    }
    ry += cell + tv_px(x, 18);

    char key[256];
    tv_flow_combo_key(g, key, sizeof key);
    const tv_ScoreTable *t = tv_scores_find(&g->scores, key);
    ry += tv_gfx_text(x, tv_game_text(g, "results.high_scores"), 20, true, p.dim, rx, ry, col_w, TV_ALIGN_LEFT);
    int rows = t ? t->n : 0;
    int rh = tv_px(x, 30);
    for (int i = 0; i < rows && ry + rh < x->h - footer; i++) {
        bool mine = false;
        for (int pl = 0; pl < g->n_players; pl++)
            mine = mine || (t->entries[i].score == tv_session_result(&g->session, pl).total &&
                            strcmp(t->entries[i].name, g->names[pl]) == 0);
        snprintf(line, sizeof line, "%d.  %s  —  %d  (%d/%d)", i + 1, t->entries[i].name, t->entries[i].score,
                 t->entries[i].correct, t->entries[i].asked);
        tv_gfx_text(x, line, 19, mine, mine ? p.accent : p.text, rx + tv_px(x, 8), ry, col_w, TV_ALIGN_LEFT);
        ry += rh;
    }

    int bw = tv_px(x, 300), bh = tv_px(x, 60);
    SDL_Rect again = {x->w / 2 - bw - tv_px(x, 12), x->h - tv_px(x, 80), bw, bh};
    SDL_Rect menu = {x->w / 2 + tv_px(x, 12), x->h - tv_px(x, 80), bw, bh};
    tv_draw_button(g, again, tv_game_text(g, "results.play_again"), g->focus == 0 || g->hover == HIT_AGAIN, true, HIT_AGAIN);
    tv_draw_button(g, menu, tv_game_text(g, "results.menu"), g->focus == 1 || g->hover == HIT_MENU, true, HIT_MENU);
}

bool tv_scene_results_event(tv_Game *g, const SDL_Event *ev)
{
    int id = HIT_NONE;
    if (ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT)
        id = tv_hit_at(g, ev->button.x, ev->button.y);
    tv_Action a = tv_action_of(ev);
    if (a == TV_ACT_LEFT || a == TV_ACT_RIGHT || a == TV_ACT_UP || a == TV_ACT_DOWN)
        g->focus = 1 - g->focus;
    if (a == TV_ACT_OK)
        id = g->focus == 0 ? HIT_AGAIN : HIT_MENU;
    if (a == TV_ACT_BACK)
        id = HIT_MENU;
    if (id == HIT_AGAIN) {
        tv_Error err = {0};
        tv_game_next_round(g, &err);
    } else if (id == HIT_MENU)
        tv_flow_quit_round(g);
    return true;
}
