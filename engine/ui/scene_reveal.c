/* scene_reveal.c - the reveal after a question: the verdict (one player's banner or
 * everyone's line), the options marked right and chosen or the right answer in words,
 * the explanation and source, Next, and flagging a question as wrong or unclear.
 * Depends on: game_types.h, widgets, input, flow, round_view, core (session),
 * prefs (flags). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui/flow.h"
#include "ui/input.h"
#include "ui/round_view.h"
#include "ui/scenes.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

/* The right answer as one line of text, for the reveal. */
static void answer_text(const tv_Game *g, char *out, size_t size)
{
    const tv_Question *q = tv_flow_round(g)->q;
    switch (q->type) {
    case TV_Q_CHOICE: snprintf(out, size, "%s", q->options[0]); break;
    case TV_Q_TRUEFALSE: snprintf(out, size, "%s", tv_game_text(g, q->truth ? "round.true" : "round.false")); break;
    case TV_Q_NUMERIC:
        if (q->tolerance > 0)
            snprintf(out, size, "%g %s (± %g)", q->number, q->unit, q->tolerance);
        else
            snprintf(out, size, "%g %s", q->number, q->unit);
        break;
    case TV_Q_TEXT: snprintf(out, size, "%s", q->accept[0]); break;
    case TV_Q_ORDER:
        out[0] = '\0';
        for (int i = 0; i < q->n_items; i++) {
            char part[400];
            snprintf(part, sizeof part, "%s%d. %s", i ? "   " : "", i + 1, q->items[i]);
            strncat(out, part, size - strlen(out) - 1);
        }
        break;
    }
}

static const char *verdict_key(tv_Verdict v)
{
    switch (v) {
    case TV_V_CORRECT: return "reveal.correct";
    case TV_V_PARTIAL: return "reveal.partial";
    case TV_V_TIMEOUT: return "reveal.timeout";
    case TV_V_SKIP: return "reveal.skipped";
    default: return "reveal.wrong";
    }
}

/* "Correct!", "Wrong", ... and for a partly right order "2 of 4 in the right place". */
static void verdict_text(const tv_Game *g, const tv_Record *rec, char *out, size_t size)
{
    if (rec->verdict == TV_V_PARTIAL)
        snprintf(out, size, tv_game_text(g, "reveal.partial"), rec->k, tv_flow_round(g)->q->n_items);
    else
        snprintf(out, size, "%s", tv_game_text(g, verdict_key(rec->verdict)));
}

void tv_scene_reveal_draw(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    const tv_Question *q = tv_flow_round(g)->q;
    int pad = tv_px(x, 48), w = x->w - 2 * pad;
    int y = tv_view_header(g) + tv_px(x, 8);
    int footer = tv_px(x, 84);
    y += tv_view_prompt(g, y, (x->h - y) / 5, 28) + tv_px(x, 14);

    /* The verdict for a single player, or everyone's line on a shared screen. */
    float anim = g->settings.reduced_motion ? 1.0f : (float)(g->now_ms - g->scene_ms) / 500.0f;
    if (anim > 1)
        anim = 1;
    if (g->n_players == 1) {
        const tv_Record *rec = tv_session_record(&g->session, 0, g->round);
        bool right = rec->verdict == TV_V_CORRECT;
        char banner[200], verdict[120];
        verdict_text(g, rec, verdict, sizeof verdict);
        snprintf(banner, sizeof banner, "%s   +%d", verdict, (int)lroundf(rec->points * anim));
        int bh = tv_px(x, 58);
        SDL_Rect b = {pad, y, w, bh};
        tv_gfx_round_rect(x, b, tv_px(x, 12), right ? p.good : rec->verdict == TV_V_PARTIAL ? p.panel_hi : p.bad);
        tv_gfx_mark(x, right, b.x + tv_px(x, 36), b.y + bh / 2, tv_px(x, 34), p.text);
        int th;
        tv_gfx_text_size(x, banner, 30, true, 0, NULL, &th);
        tv_gfx_text(x, banner, 30, true, p.text, b.x + b.w / 2, b.y + (bh - th) / 2, 0, TV_ALIGN_CENTER);
        y += bh + tv_px(x, 12);
    } else {
        for (int pl = 0; pl < g->n_players; pl++) {
            const tv_Record *rec = tv_session_record(&g->session, pl, g->round);
            tv_Result res = tv_session_result(&g->session, pl);
            char line[260], verdict[120];
            verdict_text(g, rec, verdict, sizeof verdict);
            snprintf(line, sizeof line, "%s: %s   +%d   (%d)", g->names[pl], verdict, rec->points, res.total);
            int lh = tv_px(x, 36);
            SDL_Rect b = {pad, y, w, lh};
            bool right = rec->verdict == TV_V_CORRECT;
            tv_gfx_round_rect(x, b, tv_px(x, 8), tv_alpha(right ? p.good : p.bad, 200));
            tv_gfx_mark(x, right, b.x + tv_px(x, 22), b.y + lh / 2, tv_px(x, 22), p.text);
            tv_gfx_text(x, line, 20, true, p.text, b.x + tv_px(x, 44), b.y + tv_px(x, 6), b.w - tv_px(x, 56),
                        TV_ALIGN_LEFT);
            y += lh + tv_px(x, 6);
        }
        y += tv_px(x, 6);
    }

    int rest = x->h - y - footer;
    if (q->type == TV_Q_CHOICE || q->type == TV_Q_TRUEFALSE) {
        tv_view_options(g, (SDL_Rect){pad, y, w, rest / 2}, true);
        const SDL_Rect *last = &g->grid.cells[g->grid.n - 1]; /* the bottom row, as drawn */
        y = last->y + last->h + tv_px(x, 14);
    } else {
        char ans[1400], line[1500];
        answer_text(g, ans, sizeof ans);
        snprintf(line, sizeof line, tv_game_text(g, "reveal.answer"), ans);
        float s = tv_gfx_fit_text(x, line, 26, 14, true, w, rest / 3);
        y += tv_gfx_text(x, line, s, true, p.accent, pad, y, w, TV_ALIGN_CENTER) + tv_px(x, 8);
        if (g->n_players == 1) {
            /* What the player gave, so a near miss is visible. */
            const tv_Record *rec = tv_session_record(&g->session, 0, g->round);
            char given[1400] = "";
            if (rec->answer.kind == TV_ANS_ORDER)
                for (int i = 0; i < rec->answer.n_order; i++) {
                    char part[400];
                    snprintf(part, sizeof part, "%s%d. %s", i ? "   " : "", i + 1,
                             q->items[tv_flow_round(g)->shown[rec->answer.order[i]]]);
                    strncat(given, part, sizeof given - strlen(given) - 1);
                }
            else if (rec->answer.kind == TV_ANS_TEXT)
                snprintf(given, sizeof given, "%s", rec->answer.text);
            else if (rec->answer.kind == TV_ANS_NUMBER)
                snprintf(given, sizeof given, "%g", rec->answer.number);
            if (given[0]) {
                snprintf(line, sizeof line, tv_game_text(g, "reveal.your_answer"), given);
                float ys = tv_gfx_fit_text(x, line, 22, 13, false, w, rest / 4);
                y += tv_gfx_text(x, line, ys, false, p.text, pad, y, w, TV_ALIGN_CENTER) + tv_px(x, 12);
            }
        }
    }
    rest = x->h - y - footer;
    if (q->explain[0]) {
        float s = tv_gfx_fit_text(x, q->explain, 22, 13, false, w, rest * 2 / 3);
        y += tv_gfx_text(x, q->explain, s, false, p.text, pad, y, w, TV_ALIGN_CENTER) + tv_px(x, 8);
    }
    if (q->n_sources > 0) {
        /* Every source the question names, "; " between them: an order question that
         * joins several facts credits each. */
        char s[1600] = "", line[1700];
        for (int i = 0; i < q->n_sources; i++) {
            const tv_Source *src = q->srcs[i];
            size_t at = strlen(s);
            if (src)
                snprintf(s + at, sizeof s - at, "%s%s%s%s%s%s", i ? "; " : "", src->publisher,
                         src->title[0] ? ", " : "", src->title, src->date[0] ? ", " : "", src->date);
            else
                snprintf(s + at, sizeof s - at, "%s%s", i ? "; " : "", q->sources[i]);
        }
        snprintf(line, sizeof line, tv_game_text(g, "reveal.source"), s);
        float size = tv_gfx_fit_text(x, line, 16, 11, false, w, x->h - y - footer);
        tv_gfx_text(x, line, size, false, p.dim, pad, y, w, TV_ALIGN_CENTER);
    }

    int bh = tv_px(x, 52), by = x->h - bh - tv_px(x, 18), nw = tv_px(x, 240), gap = tv_px(x, 12);
    /* Both flag buttons as wide as the longer label needs, so neither shrinks its text
     * while the other does not, within what the Next button leaves. */
    int w_wrong, w_unclear;
    tv_gfx_text_size(x, tv_game_text(g, "reveal.flag_wrong"), 26, true, 0, &w_wrong, NULL);
    tv_gfx_text_size(x, tv_game_text(g, "reveal.flag_unclear"), 26, true, 0, &w_unclear, NULL);
    int fw = (w_wrong > w_unclear ? w_wrong : w_unclear) + tv_px(x, 28);
    if (fw < tv_px(x, 290))
        fw = tv_px(x, 290);
    if (fw > (x->w - 2 * pad - nw - 2 * gap) / 2)
        fw = (x->w - 2 * pad - nw - 2 * gap) / 2;
    if (g->flagged)
        tv_gfx_text(x, g->flag_note, 18, false, p.accent, pad, by + tv_px(x, 14), 0, TV_ALIGN_LEFT);
    else {
        tv_draw_button(g, (SDL_Rect){pad, by, fw, bh}, tv_game_text(g, "reveal.flag_wrong"),
                       g->hover == HIT_FLAG_WRONG, true, HIT_FLAG_WRONG);
        tv_draw_button(g, (SDL_Rect){pad + fw + gap, by, fw, bh}, tv_game_text(g, "reveal.flag_unclear"),
                       g->hover == HIT_FLAG_UNCLEAR, true, HIT_FLAG_UNCLEAR);
    }
    tv_draw_button(g, (SDL_Rect){x->w - pad - nw, by, nw, bh}, tv_game_text(g, "reveal.next"), true, true, HIT_NEXT);
}

static void flag(tv_Game *g, const char *reason)
{
    if (g->flagged)
        return;
    const tv_Question *q = tv_flow_round(g)->q;
    const char *version = q->pack_version ? q->pack_version : "";
    g->flagged = true;
    snprintf(g->flag_note, sizeof g->flag_note, "%s", tv_game_text(g, "reveal.flagged"));
    tv_Error err = {0};
    if (!tv_prefs_append_flag(&g->prefs, q->pack, q->id, version, g->settings.lang, reason, &err))
        snprintf(g->flag_note, sizeof g->flag_note, "%.63s", err.msg);
    tv_play_sound(g, TV_SOUND_CLICK);
}

bool tv_scene_reveal_event(tv_Game *g, const SDL_Event *ev)
{
    tv_Action a = tv_action_of(ev);
    int id = HIT_NONE;
    if (ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT)
        id = tv_hit_at(g, ev->button.x, ev->button.y);
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_SPACE)
        a = TV_ACT_OK;
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_w)
        id = HIT_FLAG_WRONG;
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_u)
        id = HIT_FLAG_UNCLEAR;
    if (a == TV_ACT_ALT)
        id = HIT_FLAG_WRONG;
    if (a == TV_ACT_ALT2)
        id = HIT_FLAG_UNCLEAR;
    if (a == TV_ACT_OK)
        id = HIT_NEXT;
    if (id == HIT_FLAG_WRONG)
        flag(g, "wrong");
    else if (id == HIT_FLAG_UNCLEAR)
        flag(g, "unclear");
    else if (id == HIT_NEXT)
        tv_flow_next_round(g);
    else if (a == TV_ACT_BACK)
        tv_flow_quit_round(g);
    return true;
}
