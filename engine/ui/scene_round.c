/* scene_round.c - a question round: hot-seat turns, the question with its answer
 * widget (choice, true/false, numeric, order, text), the timer, 50:50, pause, and the
 * reveal with explanation, source, points and flagging.
 * Depends on: game internals, core (session), gfx, prefs (flags). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game_internal.h"

static const tv_Round *cur(const tv_Game *g) { return tv_session_round(&g->session, g->round); }

int64_t tv_round_limit(const tv_Game *g) { return cur(g)->limit_ms; }

int64_t tv_round_elapsed(const tv_Game *g)
{
    int64_t paused = g->paused_ms + (g->paused ? g->now_ms - g->pause_began : 0);
    int64_t t = g->now_ms - g->asked_ms - paused;
    return t < 0 ? 0 : t;
}

static void show_question(tv_Game *g)
{
    const tv_Round *r = cur(g);
    g->asked_ms = g->now_ms;
    g->paused_ms = 0;
    g->paused = false;
    g->grabbed = false;
    g->drag_item = -1;
    g->last_tick_second = -1;
    for (int i = 0; i < r->n_shown; i++)
        g->order[i] = i;
    tv_game_set_scene(g, TV_SCENE_QUESTION);
    tv_entry_reset(g);
}

void tv_round_begin(tv_Game *g)
{
    g->player = 0;
    g->flagged = false;
    g->flag_note[0] = '\0';
    if (g->n_players > 1 && !g->simultaneous)
        tv_game_set_scene(g, TV_SCENE_TURN);
    else
        show_question(g);
}

static bool everyone_answered(const tv_Game *g)
{
    for (int p = 0; p < g->n_players; p++)
        if (!tv_session_record(&g->session, p, g->round)->answered)
            return false;
    return true;
}

void tv_round_after_answer(tv_Game *g)
{
    if (g->simultaneous) {
        /* The question stays up until every seat has answered or the time runs out. */
        if (everyone_answered(g)) {
            tv_play_sound(g, TV_SOUND_CORRECT);
            tv_game_set_scene(g, TV_SCENE_REVEAL);
        }
        return;
    }
    SDL_StopTextInput();
    if (g->player + 1 < g->n_players) {
        g->player++;
        tv_game_set_scene(g, TV_SCENE_TURN);
    } else
        tv_game_set_scene(g, TV_SCENE_REVEAL);
}

/* Simultaneous play: which seat a pad sits in, or -1. */
static int seat_of_pad(const tv_Game *g, SDL_JoystickID id)
{
    for (int i = 0; i < g->n_pads && i < g->n_players; i++)
        if (g->pads[i] == id)
            return i;
    return -1;
}

static void save_scores(tv_Game *g)
{
    char key[256];
    tv_game_combo_key(g, key, sizeof key);
    for (int p = 0; p < g->n_players; p++) {
        tv_Result res = tv_session_result(&g->session, p);
        tv_ScoreEntry e = {.score = res.total, .correct = res.correct, .asked = res.asked};
        snprintf(e.name, sizeof e.name, "%s", g->names[p]);
        tv_scores_add(&g->scores, key, &e);
    }
    if (g->cfg.prefs_dir) {
        char path[4200];
        tv_Error err = {0};
        snprintf(path, sizeof path, "%s/scores.txt", g->cfg.prefs_dir);
        if (!tv_scores_save(path, &g->scores, &err))
            snprintf(g->prefs_warning, sizeof g->prefs_warning, "%.300s: %.900s", path, err.msg);
    }
}

static void next_round(tv_Game *g)
{
    tv_play_sound(g, TV_SOUND_CLICK);
    if (g->round + 1 >= g->session.n_rounds) {
        save_scores(g);
        tv_play_sound(g, TV_SOUND_FANFARE);
        tv_game_set_scene(g, TV_SCENE_RESULTS);
        return;
    }
    g->round++;
    tv_round_begin(g);
}

void tv_scene_round_tick(tv_Game *g)
{
    if (g->paused || !g->settings.timer)
        return;
    int64_t left = tv_round_limit(g) - tv_round_elapsed(g);
    if (left < 0) {
        tv_Answer a = {.kind = TV_ANS_TIMEOUT};
        if (g->simultaneous) {
            for (int p = 0; p < g->n_players && g->scene == TV_SCENE_QUESTION; p++)
                if (!tv_session_record(&g->session, p, g->round)->answered) {
                    g->player = p;
                    tv_game_submit(g, &a);
                }
            return;
        }
        tv_game_submit(g, &a);
        return;
    }
    int second = (int)(left / 1000);
    if (left <= 5000 && second != g->last_tick_second) {
        g->last_tick_second = second;
        tv_play_sound(g, TV_SOUND_TICK);
    }
}

/* ==================== drawing helpers ==================== */

static const char *const difficulty_keys[3] = {"round.easy", "round.medium", "round.hard"};

static int draw_header(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    const tv_Question *q = cur(g)->q;
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

/* The timer: its track belongs to the still part of the screen, the bar and the seconds
 * left are what moves (tv_scene_round_draw_moving). */
static void draw_timer(tv_Game *g, int y, bool track_part, bool moving_part)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int pad = tv_px(x, 28), h = tv_px(x, 12);
    SDL_Rect track = {pad, y, x->w - 2 * pad, h};
    if (track_part)
        tv_gfx_round_rect(x, track, h / 2, tv_alpha(p.panel, 200));
    if (!g->settings.timer || !moving_part)
        return;
    int64_t limit = tv_round_limit(g), left = limit - tv_round_elapsed(g);
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
    const tv_Round *r = cur(g);
    if (r->q->type == TV_Q_TRUEFALSE)
        return tv_game_text(g, shown == 0 ? "round.true" : "round.false");
    return r->q->options[r->shown[shown]];
}

/* Grid of options in area, recorded in g->grid for the arrows and the reveal; on the
 * reveal each option shows whether it was right or chosen. */
static void draw_options(tv_Game *g, SDL_Rect area, bool reveal)
{
    const tv_Round *r = cur(g);
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

static void draw_order(tv_Game *g, SDL_Rect area)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    const tv_Round *r = cur(g);
    int n = r->n_shown;
    int bh = tv_px(x, 56), gap = tv_px(x, 8);
    int row_h = (area.h - bh - tv_px(x, 40) - (n - 1) * gap) / n;
    if (row_h > tv_px(x, 64))
        row_h = tv_px(x, 64);
    int w = area.w < tv_px(x, 820) ? area.w : tv_px(x, 820);
    int left = area.x + (area.w - w) / 2;
    for (int pos = 0; pos < n; pos++) {
        int item = g->order[pos];
        SDL_Rect row = {left, area.y + pos * (row_h + gap), w, row_h};
        bool dragging = g->drag_item == pos;
        if (dragging)
            row.y = g->drag_y - g->drag_offset;
        bool focus = g->focus == pos;
        tv_Color bg = p.option[item % 6];
        tv_gfx_round_rect(x, row, tv_px(x, 10), dragging ? tv_mix(bg, p.text, 0.2f) : bg);
        if (focus)
            tv_gfx_round_frame(x, row, tv_px(x, 10), tv_px(x, g->grabbed ? 6 : 4), g->grabbed ? p.accent : p.text);
        char num[16];
        snprintf(num, sizeof num, "%d", pos + 1);
        int th;
        tv_gfx_text_size(x, num, 24, true, 0, NULL, &th);
        tv_gfx_text(x, num, 24, true, p.text, row.x + tv_px(x, 26), row.y + (row.h - th) / 2, 0, TV_ALIGN_CENTER);
        tv_gfx_shape(x, (tv_Shape)(item % 6), row.x + tv_px(x, 64), row.y + row.h / 2, tv_px(x, 13),
                     tv_alpha(p.text, 220));
        const char *text = r->q->items[r->shown[item]];
        int tx = row.x + tv_px(x, 90), tw = row.w - tv_px(x, 150);
        float size = tv_gfx_fit_text(x, text, 22, 13, true, tw, row.h - tv_px(x, 8));
        tv_gfx_text_size(x, text, size, true, tw, NULL, &th);
        tv_gfx_text(x, text, size, true, p.text, tx, row.y + (row.h - th) / 2, tw, TV_ALIGN_LEFT);
        /* a grip: three bars at the right edge say "drag me" */
        for (int b = -1; b <= 1; b++)
            tv_gfx_rect(x, (SDL_Rect){row.x + row.w - tv_px(x, 44), row.y + row.h / 2 + b * tv_px(x, 8) - tv_px(x, 2),
                                      tv_px(x, 26), tv_px(x, 4)},
                        tv_alpha(p.text, 200));
        tv_hit_add(g, row, HIT_OPTION0 + pos);
    }
    int y = area.y + n * (row_h + gap) + tv_px(x, 4);
    tv_gfx_text(x, tv_game_text(g, "round.order_hint"), 17, false, p.dim, area.x, y, area.w, TV_ALIGN_CENTER);
    int bw = tv_px(x, 240);
    SDL_Rect submit = {area.x + (area.w - bw) / 2, y + tv_px(x, 30), bw, bh};
    tv_draw_button(g, submit, tv_game_text(g, "round.submit"), g->focus == n || g->hover == HIT_SUBMIT, true,
                   HIT_SUBMIT);
}

static bool lifeline_available(const tv_Game *g)
{
    return tv_session_lifeline_available(&g->session, g->player, g->round);
}

static void draw_footer(tv_Game *g)
{
    tv_Gfx *x = &g->gfx;
    int bw = tv_px(x, 200), bh = tv_px(x, 50), y = x->h - bh - tv_px(x, 16);
    if (cur(g)->q->type == TV_Q_CHOICE)
        tv_draw_button(g, (SDL_Rect){tv_px(x, 28), y, bw, bh}, tv_game_text(g, "round.fifty_fifty"),
                       g->hover == HIT_LIFELINE, lifeline_available(g), HIT_LIFELINE);
    tv_draw_button(g, (SDL_Rect){x->w - bw - tv_px(x, 28), y, bw, bh}, tv_game_text(g, "round.skip"),
                   g->hover == HIT_SKIP, true, HIT_SKIP);
}

/* ==================== scenes ==================== */

static void draw_turn(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    draw_header(g);
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

static int draw_prompt(tv_Game *g, int y, int max_h, float size)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int pad = tv_px(x, 48);
    const char *prompt = cur(g)->q->prompt;
    float s = tv_gfx_fit_text(x, prompt, size, 16, true, x->w - 2 * pad, max_h);
    return tv_gfx_text(x, prompt, s, true, p.text, pad, y, x->w - 2 * pad, TV_ALIGN_CENTER);
}

static void draw_pause(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    g->n_hits = 0; /* only the pause menu reacts */
    tv_gfx_rect(x, (SDL_Rect){0, 0, x->w, x->h}, tv_alpha(p.bg_bottom, 225));
    int y = x->h / 3;
    y += tv_gfx_text(x, tv_game_text(g, "pause.title"), 48, true, p.text, 0, y, x->w, TV_ALIGN_CENTER);
    int bw = tv_px(x, 340), bh = tv_px(x, 60), gap = tv_px(x, 16);
    static const char *const keys[3] = {"pause.resume", "round.skip", "pause.quit"};
    static const int ids[3] = {HIT_RESUME, HIT_SKIP, HIT_QUIT_ROUND};
    for (int i = 0; i < 3; i++)
        tv_draw_button(g, (SDL_Rect){(x->w - bw) / 2, y + tv_px(x, 30) + i * (bh + gap), bw, bh},
                       tv_game_text(g, keys[i]), g->pause_focus == i || g->hover == ids[i], true, ids[i]);
}

static void draw_question(tv_Game *g)
{
    tv_Gfx *x = &g->gfx;
    const tv_Question *q = cur(g)->q;
    int y = draw_header(g);
    g->timer_y = y;
    draw_timer(g, y, true, !g->drawing_still);
    y += tv_px(x, 44);
    int footer = tv_px(x, 80);
    int avail = x->h - y - footer;
    int prompt_max = avail * 2 / 5, below = tv_entry_min_height(g, x->w - tv_px(x, 96));
    if (below && avail - tv_px(x, 32) - below < prompt_max) /* the on-screen keyboard needs the room */
        prompt_max = avail - tv_px(x, 32) - below;
    int prompt_h = draw_prompt(g, y, prompt_max, 38);
    y += prompt_h + tv_px(x, 24);
    SDL_Rect area = {tv_px(x, 48), y, x->w - tv_px(x, 96), x->h - y - footer - tv_px(x, 8)};
    switch (q->type) {
    case TV_Q_CHOICE:
    case TV_Q_TRUEFALSE: draw_options(g, area, false); break;
    case TV_Q_NUMERIC:
    case TV_Q_TEXT: tv_entry_draw(g, area); break;
    case TV_Q_ORDER: draw_order(g, area); break;
    }
    draw_footer(g);
    if (g->paused)
        draw_pause(g);
}

static const tv_Source *find_source(const tv_Game *g, const tv_Question *q)
{
    for (int i = 0; i < g->cfg.packs->n; i++) {
        const tv_Pack *pk = &g->cfg.packs->packs[i];
        if (!pk->loaded || strcmp(pk->id, q->pack) != 0)
            continue;
        for (int k = 0; k < pk->n_sources; k++)
            if (strcmp(pk->sources[k].key, q->source) == 0)
                return &pk->sources[k];
    }
    return NULL;
}

/* The right answer as one line of text, for the reveal. */
static void answer_text(const tv_Game *g, char *out, size_t size)
{
    const tv_Question *q = cur(g)->q;
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
        snprintf(out, size, tv_game_text(g, "reveal.partial"), rec->k, cur(g)->q->n_items);
    else
        snprintf(out, size, "%s", tv_game_text(g, verdict_key(rec->verdict)));
}

static void draw_reveal(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    const tv_Question *q = cur(g)->q;
    int pad = tv_px(x, 48), w = x->w - 2 * pad;
    int y = draw_header(g) + tv_px(x, 8);
    int footer = tv_px(x, 84);
    y += draw_prompt(g, y, (x->h - y) / 5, 28) + tv_px(x, 14);

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
        draw_options(g, (SDL_Rect){pad, y, w, rest / 2}, true);
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
                             q->items[cur(g)->shown[rec->answer.order[i]]]);
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
    const tv_Source *src = find_source(g, q);
    if (src || q->source[0]) {
        char s[900], line[1000];
        if (src)
            snprintf(s, sizeof s, "%s%s%s%s%s", src->publisher, src->title[0] ? ", " : "", src->title,
                     src->date[0] ? ", " : "", src->date);
        else
            snprintf(s, sizeof s, "%s", q->source);
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

void tv_scene_round_draw_moving(tv_Game *g) { draw_timer(g, g->timer_y, false, true); }

void tv_scene_round_draw(tv_Game *g)
{
    switch (g->scene) {
    case TV_SCENE_TURN: draw_turn(g); break;
    case TV_SCENE_QUESTION: draw_question(g); break;
    case TV_SCENE_REVEAL: draw_reveal(g); break;
    default: break;
    }
}

/* ==================== input ==================== */

static void flag(tv_Game *g, const char *reason)
{
    if (g->flagged)
        return;
    const tv_Question *q = cur(g)->q;
    const char *version = "";
    for (int i = 0; i < g->cfg.packs->n; i++)
        if (g->cfg.packs->packs[i].loaded && strcmp(g->cfg.packs->packs[i].id, q->pack) == 0)
            version = g->cfg.packs->packs[i].version;
    g->flagged = true;
    snprintf(g->flag_note, sizeof g->flag_note, "%s", tv_game_text(g, "reveal.flagged"));
    if (g->cfg.prefs_dir) {
        char path[4200];
        tv_Error err = {0};
        snprintf(path, sizeof path, "%s/flags.tsv", g->cfg.prefs_dir);
        if (!tv_flags_append(path, q->pack, q->id, version, g->settings.lang, reason, &err))
            snprintf(g->flag_note, sizeof g->flag_note, "%.63s", err.msg);
    }
    tv_play_sound(g, TV_SOUND_CLICK);
}

static void submit_option(tv_Game *g, int i)
{
    const tv_Round *r = cur(g);
    if (i < 0 || i >= r->n_shown || (tv_session_removed(&g->session, g->player, g->round) & (1u << i)))
        return;
    tv_Answer a = {.kind = TV_ANS_OPTION, .option = i};
    tv_game_submit(g, &a);
}

static void submit_order(tv_Game *g)
{
    tv_Answer a = {.kind = TV_ANS_ORDER, .n_order = cur(g)->n_shown};
    memcpy(a.order, g->order, sizeof(int) * (size_t)a.n_order);
    tv_game_submit(g, &a);
}

static void use_lifeline(tv_Game *g)
{
    if (lifeline_available(g) && tv_session_lifeline(&g->session, g->player, g->round, NULL)) {
        tv_play_sound(g, TV_SOUND_CLICK);
        unsigned removed = tv_session_removed(&g->session, g->player, g->round);
        while (removed & (1u << g->focus))
            g->focus = (g->focus + 1) % cur(g)->n_shown;
    }
}

static void skip(tv_Game *g)
{
    tv_Answer a = {.kind = TV_ANS_SKIP};
    g->paused = false;
    tv_game_submit(g, &a);
}

static void set_paused(tv_Game *g, bool on)
{
    if (on == g->paused)
        return;
    g->paused = on;
    if (on) {
        g->pause_began = g->now_ms;
        g->pause_focus = 0;
    } else
        g->paused_ms += g->now_ms - g->pause_began;
}

static void move_order(tv_Game *g, int from, int to)
{
    int n = cur(g)->n_shown;
    if (from < 0 || to < 0 || from >= n || to >= n || from == to)
        return;
    int item = g->order[from];
    if (from < to)
        memmove(&g->order[from], &g->order[from + 1], sizeof(int) * (size_t)(to - from));
    else
        memmove(&g->order[to + 1], &g->order[to], sizeof(int) * (size_t)(from - to));
    g->order[to] = item;
}

static bool pause_event(tv_Game *g, const SDL_Event *ev)
{
    static const int ids[3] = {HIT_RESUME, HIT_SKIP, HIT_QUIT_ROUND};
    int id = HIT_NONE;
    if (ev->type == SDL_MOUSEBUTTONDOWN)
        id = tv_hit_at(g, ev->button.x, ev->button.y);
    tv_Action a = tv_action_of(ev);
    if (a == TV_ACT_UP || a == TV_ACT_DOWN)
        g->pause_focus = (g->pause_focus + (a == TV_ACT_UP ? 2 : 1)) % 3;
    if (a == TV_ACT_OK)
        id = ids[g->pause_focus];
    if (a == TV_ACT_BACK)
        id = HIT_RESUME;
    if (id == HIT_RESUME)
        set_paused(g, false);
    else if (id == HIT_SKIP)
        skip(g);
    else if (id == HIT_QUIT_ROUND) {
        g->paused = false;
        g->in_session = false;
        tv_game_set_scene(g, TV_SCENE_TITLE);
    }
    return true;
}

/* Everyone at once: each pad answers for its own seat with its face and shoulder
 * buttons (A, B, X, Y, LB, RB = options A to F), each with its own time. */
static bool simultaneous_event(tv_Game *g, const SDL_Event *ev)
{
    if (ev->type != SDL_CONTROLLERBUTTONDOWN)
        return ev->type == SDL_KEYDOWN && ev->key.keysym.sym != SDLK_ESCAPE;
    static const int option_of_button[SDL_CONTROLLER_BUTTON_MAX] = {
        [SDL_CONTROLLER_BUTTON_A] = 1, [SDL_CONTROLLER_BUTTON_B] = 2,    [SDL_CONTROLLER_BUTTON_X] = 3,
        [SDL_CONTROLLER_BUTTON_Y] = 4, [SDL_CONTROLLER_BUTTON_LEFTSHOULDER] = 5,
        [SDL_CONTROLLER_BUTTON_RIGHTSHOULDER] = 6};
    int seat = seat_of_pad(g, ev->cbutton.which);
    int b = ev->cbutton.button;
    if (b == SDL_CONTROLLER_BUTTON_START || b == SDL_CONTROLLER_BUTTON_BACK)
        return false; /* pause, handled as usual */
    if (seat < 0 || b < 0 || b >= SDL_CONTROLLER_BUTTON_MAX || !option_of_button[b] ||
        tv_session_record(&g->session, seat, g->round)->answered)
        return true;
    int option = option_of_button[b] - 1;
    if (option >= cur(g)->n_shown)
        return true;
    g->player = seat;
    tv_Answer a = {.kind = TV_ANS_OPTION, .option = option};
    tv_game_submit(g, &a);
    tv_play_sound(g, TV_SOUND_CLICK);
    return true;
}

static bool question_event(tv_Game *g, const SDL_Event *ev)
{
    const tv_Round *r = cur(g);
    const tv_Question *q = r->q;
    if (g->paused)
        return pause_event(g, ev);
    if (g->simultaneous && simultaneous_event(g, ev))
        return true;
    bool typing = q->type == TV_Q_TEXT || q->type == TV_Q_NUMERIC;
    if (typing && tv_entry_event(g, ev))
        return true;

    if (ev->type == SDL_KEYDOWN) {
        SDL_Keycode k = ev->key.keysym.sym;
        if (q->type == TV_Q_CHOICE || q->type == TV_Q_TRUEFALSE) {
            if (k >= SDLK_1 && k <= SDLK_6) {
                submit_option(g, k - SDLK_1);
                return true;
            }
            if (k >= SDLK_KP_1 && k <= SDLK_KP_6) {
                submit_option(g, k - SDLK_KP_1);
                return true;
            }
            if (k >= SDLK_a && k <= SDLK_f) {
                submit_option(g, k - SDLK_a);
                return true;
            }
            if (k == SDLK_l && q->type == TV_Q_CHOICE) {
                use_lifeline(g);
                return true;
            }
        }
        if (!typing && k == SDLK_s) {
            skip(g);
            return true;
        }
        if (q->type == TV_Q_ORDER && k == SDLK_SPACE) {
            if (g->focus < r->n_shown)
                g->grabbed = !g->grabbed;
            return true;
        }
    }
    if (ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT) {
        int id = tv_hit_at(g, ev->button.x, ev->button.y);
        if (id == HIT_LIFELINE)
            use_lifeline(g);
        else if (id == HIT_SKIP)
            skip(g);
        else if (id == HIT_SUBMIT)
            submit_order(g);
        else if (id >= HIT_OPTION0 && id < HIT_OPTION0 + TV_MAX_OPTIONS) {
            if (q->type == TV_Q_ORDER) {
                g->drag_item = id - HIT_OPTION0;
                g->focus = g->drag_item;
                for (int i = 0; i < g->n_hits; i++)
                    if (g->hits[i].id == id)
                        g->drag_offset = ev->button.y - g->hits[i].rect.y;
                g->drag_y = ev->button.y;
            } else
                submit_option(g, id - HIT_OPTION0);
        }
        return true;
    }
    if (ev->type == SDL_MOUSEMOTION && g->drag_item >= 0) {
        g->drag_y = ev->motion.y;
        /* Move the dragged item to the slot under the pointer as it passes. */
        for (int i = 0; i < g->n_hits; i++) {
            int id = g->hits[i].id - HIT_OPTION0;
            SDL_Rect rc = g->hits[i].rect;
            if (id >= 0 && id < r->n_shown && id != g->drag_item && ev->motion.y >= rc.y && ev->motion.y < rc.y + rc.h) {
                move_order(g, g->drag_item, id);
                g->drag_item = id;
                g->focus = id;
                break;
            }
        }
        return true;
    }
    if (ev->type == SDL_MOUSEBUTTONUP && g->drag_item >= 0) {
        g->drag_item = -1;
        return true;
    }

    tv_Action a = tv_action_of(ev);
    switch (a) {
    case TV_ACT_BACK: set_paused(g, true); return true;
    case TV_ACT_ALT: use_lifeline(g); return true;
    case TV_ACT_ALT2: skip(g); return true;
    case TV_ACT_UP:
    case TV_ACT_DOWN:
    case TV_ACT_LEFT:
    case TV_ACT_RIGHT: {
        if (q->type == TV_Q_ORDER) {
            int n = r->n_shown, dir = (a == TV_ACT_UP || a == TV_ACT_LEFT) ? -1 : 1;
            if (g->grabbed && g->focus < n) {
                int to = g->focus + dir;
                if (to >= 0 && to < n) {
                    move_order(g, g->focus, to);
                    g->focus = to;
                }
            } else
                g->focus = (g->focus + dir + n + 1) % (n + 1); /* n is the submit button */
            return true;
        }
        if (q->type == TV_Q_CHOICE || q->type == TV_Q_TRUEFALSE) {
            int n = r->n_shown;
            int cols = g->grid.cols > 0 ? g->grid.cols : 1; /* as last drawn */
            int step = (a == TV_ACT_UP || a == TV_ACT_DOWN) ? cols : 1;
            int dir = (a == TV_ACT_UP || a == TV_ACT_LEFT) ? -1 : 1;
            unsigned removed = tv_session_removed(&g->session, g->player, g->round);
            int f = g->focus;
            for (int tries = 0; tries < n; tries++) {
                f = ((f + dir * step) % n + n) % n;
                if (!(removed & (1u << f)))
                    break;
            }
            g->focus = f;
            g->hover = HIT_NONE;
        }
        return true;
    }
    case TV_ACT_OK:
        if (q->type == TV_Q_CHOICE || q->type == TV_Q_TRUEFALSE)
            submit_option(g, g->focus);
        else if (q->type == TV_Q_ORDER) {
            if (g->focus >= r->n_shown)
                submit_order(g);
            else
                g->grabbed = !g->grabbed; /* a pad's A grabs and drops */
        }
        return true;
    default: return false;
    }
}

bool tv_scene_round_event(tv_Game *g, const SDL_Event *ev)
{
    if (g->scene == TV_SCENE_QUESTION)
        return question_event(g, ev);
    tv_Action a = tv_action_of(ev);
    int id = HIT_NONE;
    if (ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT)
        id = tv_hit_at(g, ev->button.x, ev->button.y);
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_SPACE)
        a = TV_ACT_OK;
    if (g->scene == TV_SCENE_TURN) {
        if (a == TV_ACT_OK || id == HIT_NEXT)
            show_question(g);
        return true;
    }
    /* the reveal */
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
        next_round(g);
    else if (a == TV_ACT_BACK) {
        g->in_session = false;
        tv_game_set_scene(g, TV_SCENE_TITLE);
    }
    return true;
}

/* Auto-advance goes by the reveal's age; called from tv_game_tick. */
void tv_round_auto_advance(tv_Game *g)
{
    if (g->scene == TV_SCENE_REVEAL && g->settings.auto_advance && g->now_ms - g->scene_ms > 7000)
        next_round(g);
}
