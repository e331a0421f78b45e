/* scene_party_lobby.c - the party's lobby on the TV: the QR code of the join URL at a
 * whole number of pixels per module, the URL as text and the room code big enough to
 * read across a room, the names as they join (the newest twelve and a count), and the
 * network doctor line when no phone arrives. Also the screens' shared colours and the
 * option badge, and the dispatch to the phase's screen.
 * Depends on: scene_party.h (view model), gfx and shapes, qr, i18n. */
#include "ui/scene_party.h"

#include <stdio.h>
#include <string.h>

#include "ui/shapes.h"

tv_PartyColors tv_party_colors(void)
{
    /* The TV's navy; the option colours are its colour-blind (Okabe-Ito) set, which the
     * phones use too, so one letter, shape and colour mean the same on both screens. */
    return (tv_PartyColors){
        .bg_top = tv_rgb(0x232a5c),
        .bg_bottom = tv_rgb(0x0e1130),
        .panel = tv_rgb(0x2d3470),
        .text = tv_rgb(0xf5f6ff),
        .dim = tv_rgb(0xc9cdf0),
        .accent = tv_rgb(0xffc94d),
        .good = tv_rgb(0x56b4e9),
        .bad = tv_rgb(0xf0a35e),
        .option = {tv_rgb(0xd55e00), tv_rgb(0x0072b2), tv_rgb(0xb8860b), tv_rgb(0x009e73), tv_rgb(0xcc79a7),
                   tv_rgb(0x3a8fc4)},
    };
}

void tv_party_badge(tv_Gfx *g, int i, int cx, int cy, int side)
{
    tv_PartyColors c = tv_party_colors();
    tv_Color base = c.option[i % 6];
    tv_gfx_round_rect(g, (SDL_Rect){cx - side / 2, cy - side / 2, side, side}, side / 6, base);
    tv_gfx_shape(g, (tv_Shape)(i % 6), cx, cy, side * 2 / 5, tv_rgb(0xffffff));
    char letter[2] = {(char)('A' + i), 0};
    float units = (float)side / g->unit / g->text_scale * 0.4f;
    int lh;
    tv_gfx_text_size(g, letter, units, true, 0, NULL, &lh);
    tv_gfx_text(g, letter, units, true, base, cx, cy - lh / 2 + side / 20, 0, TV_ALIGN_CENTER);
}

static void draw_lobby(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v, const tv_QrMatrix *qr)
{
    tv_PartyColors c = tv_party_colors();
    int pad = tv_px(g, 32);
    bool wide = g->w * 3 >= g->h * 4; /* 4:3 and wider: the code left, the words right */
    int qr_side = 0, qr_scale = 1;
    if (qr) {
        int room_for = wide ? (g->w * 9 / 20 < g->h - 2 * pad - tv_px(g, 40) ? g->w * 9 / 20 : g->h - 2 * pad - tv_px(g, 40))
                            : g->w - 2 * pad;
        qr_scale = tv_qr_scale(qr, room_for);
        qr_side = (qr->width + 2 * TV_QR_QUIET) * qr_scale;
        tv_qr_draw(g, qr, pad, pad, qr_scale);
    }
    int x = wide ? pad * 2 + qr_side : pad, y = wide ? pad : pad * 2 + qr_side;
    int w = g->w - x - pad;
    y += tv_gfx_text(g, tv_i18n_get(t, "party.join_title"), 40, true, c.text, x, y, w, TV_ALIGN_LEFT);
    y += tv_px(g, 10);
    y += tv_gfx_text(g, tv_i18n_get(t, "party.join_how"), 22, false, c.dim, x, y, w, TV_ALIGN_LEFT);
    /* The address as printed, without the query (the QR code carries the room too). */
    char base[512];
    snprintf(base, sizeof base, "%s", v->url ? v->url : "");
    char *q = strchr(base, '?');
    if (q)
        *q = '\0';
    float url_size = tv_gfx_fit_text(g, base, 34, 18, true, w, tv_px(g, 50));
    y += tv_gfx_text(g, base, url_size, true, c.text, x, y, w, TV_ALIGN_LEFT) + tv_px(g, 16);
    y += tv_gfx_text(g, tv_i18n_get(t, "party.room_code"), 22, false, c.dim, x, y, w, TV_ALIGN_LEFT);
    /* Spaced out, so "Q0" and "8B" stay apart from across the room. */
    char spaced[32] = "";
    const char *room = v->room ? v->room : "";
    for (int i = 0; room[i] && i < 8; i++) {
        size_t n = strlen(spaced);
        snprintf(spaced + n, sizeof spaced - n, i ? " %c" : "%c", room[i]);
    }
    float code_size = tv_gfx_fit_text(g, spaced, 96, 40, true, w, tv_px(g, 130));
    y += tv_gfx_text(g, spaced, code_size, true, c.accent, x, y, w, TV_ALIGN_LEFT) + tv_px(g, 12);
    /* Who is in: a count, then the newest names (never all of 300). */
    char count[64];
    snprintf(count, sizeof count, "%s: %d", tv_i18n_get(t, "party.players"), v->n_seats);
    y += tv_gfx_text(g, count, 28, true, c.text, x, y, w, TV_ALIGN_LEFT) + tv_px(g, 8);
    int nx = x, row_h = 0, bottom = g->h - pad - tv_px(g, 70);
    for (int i = v->n_names - 1; i >= 0; i--) {
        int tw, th;
        tv_gfx_text_size(g, v->names[i], 22, true, 0, &tw, &th);
        int cw = tw + tv_px(g, 24), ch = th + tv_px(g, 10);
        if (cw > w)
            cw = w;
        if (nx + cw > x + w) {
            nx = x;
            y += row_h + tv_px(g, 8);
        }
        if (y + ch > bottom)
            break;
        tv_gfx_round_rect(g, (SDL_Rect){nx, y, cw, ch}, ch / 2, c.panel);
        tv_gfx_text(g, v->names[i], 22, true, c.text, nx + tv_px(g, 12), y + tv_px(g, 5), cw - tv_px(g, 24),
                    TV_ALIGN_LEFT);
        nx += cw + tv_px(g, 8);
        row_h = ch;
    }
    /* The bottom lines: how to start, and the doctor when no phone has come. */
    int by = g->h - pad;
    int hh;
    tv_gfx_text_size(g, tv_i18n_get(t, "party.start_hint"), 20, false, g->w - 2 * pad, NULL, &hh);
    by -= hh;
    tv_gfx_text(g, tv_i18n_get(t, "party.start_hint"), 20, false, c.dim, pad, by, g->w - 2 * pad, TV_ALIGN_CENTER);
    if (v->doctor) {
        const char *doc = tv_i18n_get(t, "party.doctor");
        tv_gfx_text_size(g, doc, 20, false, g->w - 2 * pad, NULL, &hh);
        by -= hh + tv_px(g, 8);
        tv_gfx_text(g, doc, 20, false, c.accent, pad, by, g->w - 2 * pad, TV_ALIGN_CENTER);
    }
}

void tv_party_view_draw(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v, const tv_QrMatrix *qr)
{
    tv_PartyColors c = tv_party_colors();
    tv_gfx_clear(g, c.bg_top, c.bg_bottom);
    switch (v->phase) {
    case TV_PARTY_VIEW_LOBBY:
        draw_lobby(g, t, v, qr);
        break;
    case TV_PARTY_VIEW_QUESTION:
        tv_party_draw_round(g, t, v);
        break;
    case TV_PARTY_VIEW_REVEAL:
        tv_party_draw_reveal(g, t, v);
        break;
    case TV_PARTY_VIEW_RESULTS:
        tv_party_draw_results(g, t, v);
        break;
    }
}
