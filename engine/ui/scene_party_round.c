/* scene_party_round.c - the party's question, reveal and results on the TV. The
 * question shows the prompt, the options as the phones show them (badge and text) and,
 * big, how many have answered; the reveal one bar per option of how the room answered,
 * the answer, the explanation and source, and the top 5 with who moved up; the results a
 * podium, the top 10 and the number of players. Counts, not names, so 300 seats fit.
 * Depends on: scene_party.h (view model and colours), gfx and shapes, i18n. */
#include <stdio.h>
#include <string.h>

#include "ui/scene_party.h"
#include "ui/shapes.h"

static int draw_head(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v)
{
    tv_PartyColors c = tv_party_colors();
    int pad = tv_px(g, 28), y = tv_px(g, 18);
    char left[128];
    snprintf(left, sizeof left, "%s %d / %d", tv_i18n_get(t, "party.question"), v->index, v->count);
    tv_gfx_text(g, left, 24, true, c.text, pad, y, 0, TV_ALIGN_LEFT);
    if (v->category)
        tv_gfx_text(g, v->category, 22, false, c.dim, g->w - pad, y, 0, TV_ALIGN_RIGHT);
    return y + tv_px(g, 44);
}

static const char *option_text(const tv_I18n *t, const tv_PartyView *v, int i)
{
    if (v->kind == TV_Q_TRUEFALSE && (!v->options[i] || !*v->options[i]))
        return tv_i18n_get(t, i == 0 ? "round.true" : "round.false");
    return v->options[i] ? v->options[i] : "";
}

/* A row: the badge, the text, and (reveal) a bar of count out of total and the count. */
static void draw_option_row(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v, int i, SDL_Rect r, bool bars)
{
    tv_PartyColors c = tv_party_colors();
    bool right = bars && i == v->correct;
    tv_gfx_round_rect(g, r, tv_px(g, 12), right ? tv_mix(c.panel, c.good, 0.35f) : c.panel);
    int side = r.h - tv_px(g, 12);
    tv_party_badge(g, i, r.x + tv_px(g, 6) + side / 2, r.y + r.h / 2, side);
    int tx = r.x + side + tv_px(g, 20), tw = r.w - side - tv_px(g, 30);
    if (bars) {
        int total = 0;
        for (int k = 0; k < v->n_options; k++)
            total += v->counts[k];
        int bar_w = tw * 2 / 5, bx = r.x + r.w - bar_w - tv_px(g, 90);
        tw = bx - tx - tv_px(g, 12);
        SDL_Rect track = {bx, r.y + r.h / 3, bar_w, r.h / 3};
        tv_gfx_rect(g, track, tv_alpha(c.bg_bottom, 200));
        if (total > 0 && v->counts[i] > 0) {
            SDL_Rect bar = track;
            bar.w = (int)((int64_t)bar_w * v->counts[i] / total);
            tv_gfx_rect(g, bar, c.option[i % 6]);
        }
        char n[32];
        snprintf(n, sizeof n, "%d", v->counts[i]);
        tv_gfx_text(g, n, 26, true, c.text, r.x + r.w - tv_px(g, 50), r.y + r.h / 2 - tv_px(g, 16), 0,
                    TV_ALIGN_RIGHT);
        if (right)
            tv_gfx_mark(g, true, r.x + r.w - tv_px(g, 24), r.y + r.h / 2, tv_px(g, 26), c.text);
    }
    const char *text = option_text(t, v, i);
    float size = tv_gfx_fit_text(g, text, 28, 14, true, tw, r.h - tv_px(g, 8));
    int th;
    tv_gfx_text_size(g, text, size, true, tw, NULL, &th);
    tv_gfx_text(g, text, size, true, c.text, tx, r.y + (r.h - th) / 2, tw, TV_ALIGN_LEFT);
}

static int draw_options(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v, int x, int y, int w, int h, bool bars)
{
    if (v->n_options <= 0)
        return y;
    int gap = tv_px(g, 10);
    int row = (h - gap * (v->n_options - 1)) / v->n_options;
    if (row > tv_px(g, 84))
        row = tv_px(g, 84);
    for (int i = 0; i < v->n_options; i++)
        draw_option_row(g, t, v, i, (SDL_Rect){x, y + i * (row + gap), w, row}, bars);
    return y + v->n_options * (row + gap);
}

void tv_party_draw_round(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v)
{
    tv_PartyColors c = tv_party_colors();
    int pad = tv_px(g, 28);
    int y = draw_head(g, t, v);
    int side_w = g->w / 4, w = g->w - 3 * pad - side_w;
    float psize = tv_gfx_fit_text(g, v->prompt ? v->prompt : "", 40, 20, true, w, g->h / 3);
    y += tv_gfx_text(g, v->prompt ? v->prompt : "", psize, true, c.text, pad, y, w, TV_ALIGN_LEFT) + tv_px(g, 20);
    bool listed = v->kind == TV_Q_CHOICE || v->kind == TV_Q_TRUEFALSE || v->kind == TV_Q_ORDER;
    if (listed)
        draw_options(g, t, v, pad, y, w, g->h - y - pad, false);
    else
        tv_gfx_text(g, tv_i18n_get(t, v->kind == TV_Q_NUMERIC ? "party.type_number" : "party.type_text"), 28, false,
                    c.dim, pad, y, w, TV_ALIGN_LEFT);
    /* The side column: time left and, big, how many have answered. */
    int sx = g->w - pad - side_w, sy = tv_px(g, 80);
    char secs[32];
    if (v->paused)
        snprintf(secs, sizeof secs, "%s", tv_i18n_get(t, "party.paused"));
    else
        snprintf(secs, sizeof secs, "%d", (int)((v->time_left_ms + 999) / 1000));
    sy += tv_gfx_text(g, secs, v->paused ? 36 : 72, true, v->time_left_ms <= 5000 ? c.accent : c.text, sx + side_w / 2,
                      sy, 0, TV_ALIGN_CENTER) + tv_px(g, 30);
    char answered[64];
    snprintf(answered, sizeof answered, "%d / %d", v->n_answered, v->n_connected);
    float asize = tv_gfx_fit_text(g, answered, 64, 24, true, side_w, tv_px(g, 90));
    sy += tv_gfx_text(g, answered, asize, true, c.accent, sx + side_w / 2, sy, 0, TV_ALIGN_CENTER);
    tv_gfx_text(g, tv_i18n_get(t, "party.answered"), 24, false, c.dim, sx, sy, side_w, TV_ALIGN_CENTER);
}

static void draw_row(tv_Gfx *g, const tv_PartyViewRow *r, int place, int x, int y, int w, float size)
{
    tv_PartyColors c = tv_party_colors();
    char num[16], total[32];
    snprintf(num, sizeof num, "%d.", place);
    snprintf(total, sizeof total, "%d", r->total);
    int nw = tv_px(g, 44), tw;
    tv_gfx_text_size(g, total, size, true, 0, &tw, NULL);
    tv_gfx_text(g, num, size, true, c.dim, x + nw, y, 0, TV_ALIGN_RIGHT);
    int name_w = w - nw - tw - tv_px(g, 70);
    if (r->moved > 0) {
        char up[16];
        snprintf(up, sizeof up, "▲%d", r->moved);
        tv_gfx_text(g, up, size * 0.8f, true, c.good, x + w - tw - tv_px(g, 12), y + tv_px(g, 2), 0, TV_ALIGN_RIGHT);
    }
    tv_gfx_text(g, r->name ? r->name : "", size, true, c.text, x + nw + tv_px(g, 10), y, name_w > 0 ? name_w : 1,
                TV_ALIGN_LEFT);
    tv_gfx_text(g, total, size, true, c.accent, x + w, y, 0, TV_ALIGN_RIGHT);
}

void tv_party_draw_reveal(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v)
{
    tv_PartyColors c = tv_party_colors();
    int pad = tv_px(g, 28);
    int y = draw_head(g, t, v);
    int side_w = g->w * 3 / 10, w = g->w - 3 * pad - side_w;
    float psize = tv_gfx_fit_text(g, v->prompt ? v->prompt : "", 28, 16, true, w, g->h / 5);
    y += tv_gfx_text(g, v->prompt ? v->prompt : "", psize, true, c.dim, pad, y, w, TV_ALIGN_LEFT) + tv_px(g, 12);
    char ans[400];
    snprintf(ans, sizeof ans, "%s: %s", tv_i18n_get(t, "party.answer"), v->answer ? v->answer : "");
    y += tv_gfx_text(g, ans, 32, true, c.good, pad, y, w, TV_ALIGN_LEFT) + tv_px(g, 14);
    /* How the room answered: choice and true/false only (an order or a number has no bars). */
    if (v->correct >= 0) {
        int h = (g->h - y) * 11 / 20;
        y = draw_options(g, t, v, pad, y, w, h, true) + tv_px(g, 6);
    }
    if (v->explain && *v->explain) {
        float esize = tv_gfx_fit_text(g, v->explain, 24, 16, false, w, g->h - y - tv_px(g, 70));
        y += tv_gfx_text(g, v->explain, esize, false, c.text, pad, y, w, TV_ALIGN_LEFT) + tv_px(g, 8);
    }
    if (v->source && *v->source)
        tv_gfx_text(g, v->source, 20, false, c.dim, pad, y, w, TV_ALIGN_LEFT);
    /* The top 5 and who moved up. */
    int sx = g->w - pad - side_w, sy = tv_px(g, 80);
    sy += tv_gfx_text(g, tv_i18n_get(t, "party.standings"), 30, true, c.text, sx, sy, side_w, TV_ALIGN_LEFT) +
          tv_px(g, 12);
    for (int i = 0; i < v->n_top && i < 5; i++) {
        draw_row(g, &v->top[i], v->top[i].place ? v->top[i].place : i + 1, sx, sy, side_w, 26);
        sy += tv_px(g, 46);
    }
    char count[64];
    snprintf(count, sizeof count, "%s: %d / %d", tv_i18n_get(t, "party.answered"), v->n_answered, v->n_seats);
    tv_gfx_text(g, count, 22, false, c.dim, sx, sy + tv_px(g, 10), side_w, TV_ALIGN_LEFT);
}

void tv_party_draw_results(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v)
{
    tv_PartyColors c = tv_party_colors();
    int pad = tv_px(g, 28);
    int y = tv_px(g, 24);
    y += tv_gfx_text(g, tv_i18n_get(t, "party.results"), 48, true, c.text, pad, y, g->w - 2 * pad, TV_ALIGN_CENTER);
    char players[64];
    snprintf(players, sizeof players, "%s: %d", tv_i18n_get(t, "party.players"), v->n_seats);
    y += tv_gfx_text(g, players, 24, false, c.dim, pad, y, g->w - 2 * pad, TV_ALIGN_CENTER) + tv_px(g, 16);
    /* The podium: 2nd, 1st, 3rd from left to right, each block as tall as its place. */
    int pw = (g->w / 2 - 2 * pad) / 3, base = g->h - pad, top_h = (base - y) * 3 / 5;
    static const int order[3] = {1, 0, 2};
    for (int k = 0; k < 3; k++) {
        int i = order[k];
        if (i >= v->n_top)
            continue;
        int h = top_h * (3 - i) / 3 - tv_px(g, 60);
        int bx = pad + k * (pw + tv_px(g, 8));
        SDL_Rect block = {bx, base - h, pw, h};
        tv_gfx_round_rect(g, block, tv_px(g, 10), i == 0 ? c.accent : c.panel);
        char place[16];
        snprintf(place, sizeof place, "%d", v->top[i].place ? v->top[i].place : i + 1);
        tv_gfx_text(g, place, 48, true, i == 0 ? c.bg_bottom : c.text, bx + pw / 2, block.y + tv_px(g, 8), 0,
                    TV_ALIGN_CENTER);
        float ns = tv_gfx_fit_text(g, v->top[i].name ? v->top[i].name : "", 26, 14, true, pw, tv_px(g, 34));
        int nh = tv_gfx_text(g, v->top[i].name ? v->top[i].name : "", ns, true, c.text, bx, block.y - tv_px(g, 72), pw,
                             TV_ALIGN_CENTER);
        char total[32];
        snprintf(total, sizeof total, "%d", v->top[i].total);
        tv_gfx_text(g, total, 22, true, c.accent, bx + pw / 2, block.y - tv_px(g, 72) + nh + tv_px(g, 2), 0,
                    TV_ALIGN_CENTER);
    }
    /* The top 10 beside it. */
    int lx = g->w / 2 + pad, lw = g->w / 2 - 2 * pad, ly = y;
    int row = (base - ly) / TV_PARTY_VIEW_TOP;
    float size = row > tv_px(g, 44) ? 26 : 20;
    for (int i = 0; i < v->n_top; i++)
        draw_row(g, &v->top[i], v->top[i].place ? v->top[i].place : i + 1, lx, ly + i * row, lw, size);
}
