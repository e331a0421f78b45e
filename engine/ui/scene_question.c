/* scene_question.c - the question on screen and its answer widgets: options to pick
 * (choice, true/false), items to put in order by drag or keys, the typed entry (entry.c),
 * the 50:50, Skip, the pause menu, and everyone answering at once on gamepads.
 * Depends on: game_types.h, widgets, input, flow, round_view, entry, core (session). */
#include <stdio.h>
#include <string.h>

#include "ui/entry.h"
#include "ui/flow.h"
#include "ui/input.h"
#include "ui/round_view.h"
#include "ui/scenes.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

static void draw_order(tv_Game *g, SDL_Rect area)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    const tv_Round *r = tv_flow_round(g);
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
    if (tv_flow_round(g)->q->type == TV_Q_CHOICE)
        tv_draw_button(g, (SDL_Rect){tv_px(x, 28), y, bw, bh}, tv_game_text(g, "round.fifty_fifty"),
                       g->hover == HIT_LIFELINE, lifeline_available(g), HIT_LIFELINE);
    tv_draw_button(g, (SDL_Rect){x->w - bw - tv_px(x, 28), y, bw, bh}, tv_game_text(g, "round.skip"),
                   g->hover == HIT_SKIP, true, HIT_SKIP);
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

void tv_scene_question_draw(tv_Game *g)
{
    tv_Gfx *x = &g->gfx;
    const tv_Question *q = tv_flow_round(g)->q;
    int y = tv_view_header(g);
    g->timer_y = y;
    tv_view_timer(g, y, true, !g->drawing_still);
    y += tv_px(x, 44);
    int footer = tv_px(x, 80);
    int avail = x->h - y - footer;
    int prompt_max = avail * 2 / 5, below = tv_entry_min_height(g, x->w - tv_px(x, 96));
    if (below && avail - tv_px(x, 32) - below < prompt_max) /* the on-screen keyboard needs the room */
        prompt_max = avail - tv_px(x, 32) - below;
    int prompt_h = tv_view_prompt(g, y, prompt_max, 38);
    y += prompt_h + tv_px(x, 24);
    SDL_Rect area = {tv_px(x, 48), y, x->w - tv_px(x, 96), x->h - y - footer - tv_px(x, 8)};
    switch (q->type) {
    case TV_Q_CHOICE:
    case TV_Q_TRUEFALSE: tv_view_options(g, area, false); break;
    case TV_Q_NUMERIC:
    case TV_Q_TEXT: tv_entry_draw(g, area); break;
    case TV_Q_ORDER: draw_order(g, area); break;
    }
    draw_footer(g);
    if (g->paused)
        draw_pause(g);
}

void tv_scene_question_draw_moving(tv_Game *g) { tv_view_timer(g, g->timer_y, false, true); }

/* A new question: the entry starts empty, the on-screen keyboard on its first key. */
void tv_scene_question_enter(tv_Game *g) { tv_entry_reset(g); }

/* ==================== input ==================== */

static void submit_option(tv_Game *g, int i)
{
    const tv_Round *r = tv_flow_round(g);
    if (i < 0 || i >= r->n_shown || (tv_session_removed(&g->session, g->player, g->round) & (1u << i)))
        return;
    tv_Answer a = {.kind = TV_ANS_OPTION, .option = i};
    tv_flow_submit(g, &a);
}

static void submit_order(tv_Game *g)
{
    tv_Answer a = {.kind = TV_ANS_ORDER, .n_order = tv_flow_round(g)->n_shown};
    memcpy(a.order, g->order, sizeof(int) * (size_t)a.n_order);
    tv_flow_submit(g, &a);
}

static void use_lifeline(tv_Game *g)
{
    if (lifeline_available(g) && tv_session_lifeline(&g->session, g->player, g->round, NULL)) {
        tv_play_sound(g, TV_SOUND_CLICK);
        unsigned removed = tv_session_removed(&g->session, g->player, g->round);
        while (removed & (1u << g->focus))
            g->focus = (g->focus + 1) % tv_flow_round(g)->n_shown;
    }
}

static void skip(tv_Game *g)
{
    tv_Answer a = {.kind = TV_ANS_SKIP};
    g->paused = false;
    tv_flow_submit(g, &a);
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
    int n = tv_flow_round(g)->n_shown;
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
    else if (id == HIT_QUIT_ROUND)
        tv_flow_quit_round(g);
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
    int seat = tv_input_seat(g, ev->cbutton.which);
    int b = ev->cbutton.button;
    if (b == SDL_CONTROLLER_BUTTON_START || b == SDL_CONTROLLER_BUTTON_BACK)
        return false; /* pause, handled as usual */
    if (seat < 0 || b < 0 || b >= SDL_CONTROLLER_BUTTON_MAX || !option_of_button[b] ||
        tv_session_record(&g->session, seat, g->round)->answered)
        return true;
    int option = option_of_button[b] - 1;
    if (option >= tv_flow_round(g)->n_shown)
        return true;
    g->player = seat;
    tv_Answer a = {.kind = TV_ANS_OPTION, .option = option};
    tv_flow_submit(g, &a);
    tv_play_sound(g, TV_SOUND_CLICK);
    return true;
}

bool tv_scene_question_event(tv_Game *g, const SDL_Event *ev)
{
    const tv_Round *r = tv_flow_round(g);
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
