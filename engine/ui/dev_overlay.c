/* dev_overlay.c - the game's part of live reload (`trivium play --dev`): moving the
 * session onto a reloaded pack's questions without touching answers or scores, and the
 * overlay that shows a reload that failed over whatever scene is up.
 * Depends on: game_types.h, widgets (palette, strings), gfx, core (session). */
#include "ui/dev_overlay.h"

#include <stdio.h>
#include <string.h>

#include "ui/game_types.h"
#include "ui/shapes.h"
#include "ui/widgets.h"

/* The reloaded question can stand in for the old one in a round already drawn: what
 * the round shows (shown[] indexes options or items) and any answer recorded for it
 * stay meaningful. */
static bool same_shape(const tv_Question *a, const tv_Question *b)
{
    return a->type == b->type && a->n_options == b->n_options && a->n_items == b->n_items;
}

void tv_game_dev_pack_replaced(tv_Game *g, const tv_Pack *old, const tv_Pack *now)
{
    g->changes++; /* the still layer and every cached line are redrawn from the new text */
    if (!g->in_session || !old->loaded || !now->loaded)
        return;
    for (int i = 0; i < g->session.n_rounds; i++) {
        tv_Round *r = &g->session.rounds[i];
        if (r->q < old->questions || r->q >= old->questions + old->n_questions)
            continue;
        for (int k = 0; k < now->n_questions; k++)
            if (strcmp(now->questions[k].id, r->q->id) == 0 && same_shape(&now->questions[k], r->q)) {
                r->q = &now->questions[k];
                break;
            }
    }
}

void tv_game_dev_error(tv_Game *g, const char *text)
{
    g->changes++;
    snprintf(g->dev_error, sizeof g->dev_error, "%s", text ? text : "");
}

bool tv_game_dev_error_shown(const tv_Game *g) { return g->dev_error[0] != '\0'; }

/* A panel over the lower part of the screen: that the change did not load, the
 * host's text (file:line: message, then the pack's other findings), and what to do.
 * Drawn last, over any scene, on every frame while the error stands. */
void tv_dev_overlay_draw(tv_Game *g)
{
    if (!g->dev_error[0])
        return;
    tv_Gfx *x = &g->gfx;
    tv_Palette p = tv_palette(g);
    int margin = tv_px(x, 24), pad = tv_px(x, 18);
    int w = x->w - 2 * margin, tw = w - 2 * pad;
    const char *title = tv_game_text(g, "dev.broken"), *fix = tv_game_text(g, "dev.fix");
    int th, bh, fh, dummy;
    tv_gfx_text_size(x, title, 22, true, tw, &dummy, &th);
    tv_gfx_text_size(x, g->dev_error, 17, false, tw, &dummy, &bh);
    tv_gfx_text_size(x, fix, 15, false, tw, &dummy, &fh);
    int gap = tv_px(x, 10);
    int h = pad + th + gap + bh + gap + fh + pad;
    if (h > x->h - 2 * margin)
        h = x->h - 2 * margin; /* a long traceback is cut at the screen's edge */
    SDL_Rect box = {margin, x->h - margin - h, w, h};
    tv_gfx_round_rect(x, box, tv_px(x, 14), tv_alpha(tv_rgb(0x1a0b14), 240));
    tv_gfx_round_frame(x, box, tv_px(x, 14), tv_px(x, 3), p.bad);
    int y = box.y + pad;
    y += tv_gfx_text(x, title, 22, true, p.bad, box.x + pad, y, tw, TV_ALIGN_LEFT) + gap;
    y += tv_gfx_text(x, g->dev_error, 17, false, p.text, box.x + pad, y, tw, TV_ALIGN_LEFT) + gap;
    tv_gfx_text(x, fix, 15, false, p.dim, box.x + pad, y, tw, TV_ALIGN_LEFT);
}
