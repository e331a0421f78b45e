/* round_view.c - what the question and the reveal draw alike: the header (question
 * number, category, score or who has answered), the timer, the prompt, and the option
 * tiles, whose grid it records in g->grid so that the arrows and the reveal follow the
 * layout drawn instead of guessing it again.
 * Depends on: game_types.h, widgets, flow (the round and its clock), gfx. */
#include "ui/round_view.h"

#include <stdio.h>
#include <string.h>

#include "ui/flow.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

static const char *const difficulty_keys[3] = {"round.easy", "round.medium", "round.hard"};

int tv_view_header(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    const tv_Question *q = tv_flow_round(g)->q;
    int pad = tv_px(x, 28), y = tv_px(x, 18);
    char left[96], right[160];
    snprintf(left, sizeof left, tv_game_text(g, "round.question_of"), g->round + 1, g->session.n_rounds);
    tv_gfx_text(x, left, 22, true, p.text, pad, y, 0, TV_ALIGN_LEFT);
    char mid[200];
    snprintf(mid, sizeof mid, "%s  ·  %s", q->category, tv_game_text(g, difficulty_keys[q->difficulty - 1]));
    int lw, rw;
    tv_gfx_text_size(x, left, 22, true, 0, &lw, NULL);
    tv_Result res = tv_session_result(&g->session, g->player);
    char streak[64];
    snprintf(streak, sizeof streak, tv_game_text(g, "round.streak"), g->session.players[g->player].streak);
    if (g->simultaneous) {
        /* Who has answered so far, without giving away what. */
        right[0] = '\0';
        for (int pl = 0; pl < g->n_players; pl++) {
            char part[64];
            bool done = tv_session_record(&g->session, pl, g->round)->answered;
            snprintf(part, sizeof part, "%s%s %s", pl ? "   " : "", g->names[pl], done ? "✓" : "…");
            strncat(right, part, sizeof right - strlen(right) - 1);
        }
    } else if (g->n_players > 1)
        snprintf(right, sizeof right, "%s  ·  %d  ·  %s", g->names[g->player], res.total, streak);
    else
        snprintf(right, sizeof right, "%d  ·  %s", res.total, streak);
    tv_gfx_text_size(x, right, 22, true, 0, &rw, NULL);
    tv_gfx_text(x, right, 22, true, p.accent, x->w - pad, y, 0, TV_ALIGN_RIGHT);
    int mid_w = x->w - 2 * pad - lw - rw - tv_px(x, 40);
    if (mid_w > tv_px(x, 120))
        tv_gfx_text(x, mid, 20, false, p.dim, pad + lw + tv_px(x, 20), y + tv_px(x, 2), mid_w, TV_ALIGN_CENTER);
    return y + tv_px(x, 40);
}

/* The track belongs to the still part of the screen, the bar and the seconds left are
 * what moves (tv_scene_question_draw_moving). */
void tv_view_timer(tv_Game *g, int y, bool track_part, bool moving_part)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int pad = tv_px(x, 28), h = tv_px(x, 12);
    SDL_Rect track = {pad, y, x->w - 2 * pad, h};
    if (track_part)
        tv_gfx_round_rect(x, track, h / 2, tv_alpha(p.panel, 200));
    if (!g->settings.timer || !moving_part)
        return;
    int64_t limit = tv_flow_limit(g), left = limit - tv_flow_elapsed(g);
    if (left < 0)
        left = 0;
    bool low = left <= 5000;
    SDL_Rect bar = {pad, y, (int)((int64_t)track.w * left / limit), h};
    if (bar.w > 0)
        tv_gfx_round_rect(x, bar, h / 2, low ? p.timer_low : p.timer);
    char secs[16];
    snprintf(secs, sizeof secs, "%d", (int)((left + 999) / 1000));
    tv_gfx_text(x, secs, low ? 26 : 20, true, low ? p.timer_low : p.dim, x->w - pad, y + h + tv_px(x, 4), 0,
                TV_ALIGN_RIGHT);
}

int tv_view_prompt(tv_Game *g, int y, int max_h, float size)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int pad = tv_px(x, 48);
    const char *prompt = tv_flow_round(g)->q->prompt;
    float s = tv_gfx_fit_text(x, prompt, size, 16, true, x->w - 2 * pad, max_h);
    return tv_gfx_text(x, prompt, s, true, p.text, pad, y, x->w - 2 * pad, TV_ALIGN_CENTER);
}

/* One answer option: a coloured tile with its shape and letter, then its text. */
static void draw_option(tv_Game *g, SDL_Rect r, int i, const char *text, bool focused, bool removed, int state)
{
    /* state: 0 normal, 1 correct, 2 chosen and wrong, 3 dimmed on the reveal */
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int rad = tv_px(x, 14);
    tv_Color base = p.option[i % 6];
    if (removed || state == 3)
        base = tv_mix(base, p.bg_bottom, 0.7f);
    if (state == 1)
        base = p.good;
    if (state == 2)
        base = p.bad;
    tv_gfx_round_rect(x, r, rad, base);
    if (focused && !removed)
        tv_gfx_round_frame(x, r, rad, tv_px(x, 5), p.text);
    int icon = r.h < tv_px(x, 90) ? r.h / 2 : tv_px(x, 44);
    int cx = r.x + tv_px(x, 14) + icon / 2, cy = r.y + r.h / 2;
    tv_gfx_shape(x, (tv_Shape)(i % 6), cx, cy, icon / 2, tv_alpha(p.text, removed ? 90 : 235));
    char letter[2] = {(char)('A' + i), 0};
    int lh;
    tv_gfx_text_size(x, letter, 18, true, 0, NULL, &lh);
    tv_gfx_text(x, letter, 18, true, base, cx, cy - lh / 2 + tv_px(x, 2), 0, TV_ALIGN_CENTER);
    int tx = r.x + tv_px(x, 24) + icon, tw = r.x + r.w - tx - tv_px(x, 14);
    if (state == 1 || state == 2) {
        tv_gfx_mark(x, state == 1, r.x + r.w - tv_px(x, 30), cy, tv_px(x, 30), p.text);
        tw -= tv_px(x, 40);
    }
    if (removed)
        return;
    float size = tv_gfx_fit_text(x, text, 26, 14, true, tw, r.h - tv_px(x, 12));
    int th;
    tv_gfx_text_size(x, text, size, true, tw, NULL, &th);
    tv_gfx_text(x, text, size, true, p.text, tx, r.y + (r.h - th) / 2, tw, TV_ALIGN_LEFT);
}

static const char *option_text(const tv_Game *g, int shown)
{
    const tv_Round *r = tv_flow_round(g);
    if (r->q->type == TV_Q_TRUEFALSE)
        return tv_game_text(g, shown == 0 ? "round.true" : "round.false");
    return r->q->options[r->shown[shown]];
}

/* Grid of options in area, recorded in g->grid for the arrows and the reveal; on the
 * reveal each option shows whether it was right or chosen. */
void tv_view_options(tv_Game *g, SDL_Rect area, bool reveal)
{
    const tv_Round *r = tv_flow_round(g);
    int n = r->n_shown;
    int cols = n <= 2 || area.w > area.h * 2 ? 2 : 1;
    if (n > 4 && area.w > tv_px(&g->gfx, 900))
        cols = 2;
    int rows = (n + cols - 1) / cols;
    int gap = tv_px(&g->gfx, 14);
    int cw = (area.w - (cols - 1) * gap) / cols, ch = (area.h - (rows - 1) * gap) / rows;
    if (ch > tv_px(&g->gfx, 130))
        ch = tv_px(&g->gfx, 130);
    if (!reveal) /* centred in the space left under the prompt */
        area.y += (area.h - rows * ch - (rows - 1) * gap) / 3;
    unsigned removed = tv_session_removed(&g->session, g->player, g->round);
    g->grid = (tv_Grid){.cols = cols, .rows = rows, .n = n};
    for (int i = 0; i < n; i++) {
        SDL_Rect cell = {area.x + (i % cols) * (cw + gap), area.y + (i / cols) * (ch + gap), cw, ch};
        g->grid.cells[i] = cell;
        int state = 0;
        bool is_removed = !reveal && (removed & (1u << i));
        if (reveal) {
            bool right = tv_round_option_correct(r, i);
            const tv_Record *rec = tv_session_record(&g->session, g->n_players > 1 ? 0 : g->player, g->round);
            bool chosen = rec->answer.kind == TV_ANS_OPTION && rec->answer.option == i;
            state = right ? 1 : chosen ? 2 : 3;
        }
        draw_option(g, cell, i, option_text(g, i), !reveal && (g->focus == i || g->hover == HIT_OPTION0 + i),
                    is_removed, state);
        if (!reveal && !is_removed)
            tv_hit_add(g, cell, HIT_OPTION0 + i);
    }
}
