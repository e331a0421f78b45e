/* entry.c - the answer entry of numeric and text questions: the rules for what may be
 * typed, the entry field, and an on-screen keyboard that lets a gamepad alone answer.
 * The keyboard is shown while a pad is connected; the mouse can click its keys, and a
 * real keyboard keeps working beside it. Without a pad the screen is what it always was.
 * Depends on: game_types.h, widgets, input, flow (submitting), core (session), gfx. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ui/entry.h"
#include "ui/flow.h"
#include "ui/input.h"
#include "core/text.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

/* ==================== the typing rules ==================== */

#define ENTRY_MAX_NUMBER 24 /* characters of a number */
#define ENTRY_MAX_TEXT 200  /* bytes of a text answer */

static const tv_Question *question(const tv_Game *g) { return tv_session_round(&g->session, g->round)->q; }

/* Typed text goes through here whether it came from the keyboard or from the on-screen
 * keys, so both obey the same rules. */
static void entry_append(tv_Game *g, const char *t)
{
    if (question(g)->type != TV_Q_NUMERIC) {
        if (strlen(g->entry) + strlen(t) < ENTRY_MAX_TEXT)
            strcat(g->entry, t);
        return;
    }
    /* digits, one decimal point (a comma counts as one), a leading minus */
    for (; *t; t++) {
        size_t n = strlen(g->entry);
        char c = *t == ',' ? '.' : *t;
        bool ok = (c >= '0' && c <= '9') || (c == '.' && !strchr(g->entry, '.')) || (c == '-' && n == 0);
        if (ok && n < ENTRY_MAX_NUMBER)
            g->entry[n] = c, g->entry[n + 1] = '\0';
    }
}

/* Removes the last character, all of its UTF-8 bytes. */
static void entry_delete(tv_Game *g)
{
    tv_utf8_drop_last(g->entry);
}

static void entry_submit(tv_Game *g)
{
    if (!g->entry[0])
        return;
    tv_Answer a = {.kind = TV_ANS_TEXT, .text = g->entry};
    if (question(g)->type == TV_Q_NUMERIC) {
        double v;
        if (!tv_text_parse_number(g->entry, strlen(g->entry), TV_NUMBER_FRACTION, &v))
            return; /* the entry only takes digits, so this is "-" or "." alone */
        a = (tv_Answer){.kind = TV_ANS_NUMBER, .number = v};
    }
    tv_flow_submit(g, &a);
}

/* ==================== the on-screen keyboard ==================== */

#define KB_COLS TV_KEYBOARD_COLS
#define KB_DELETE '\b'
#define KB_OK '\r'

/* A grid of KB_COLS columns in which a key spans as many columns as its character
 * repeats in the row, so each table below reads like the keyboard on screen. Both
 * keyboards share the grid, so the digits are in the same place on both. */
typedef struct Keyboard {
    const char (*rows)[KB_COLS + 1];
    int n_rows;
    int start; /* the key focused first, as row * KB_COLS + column */
} Keyboard;

static const char text_rows[][KB_COLS + 1] = {"1234567890", "QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-\b\b",
                                              "      \r\r\r\r"};
static const char number_rows[][KB_COLS + 1] = {"1234567890", "-.\b\b\b\b\r\r\r\r"};
#define ROWS(a) (int)(sizeof(a) / sizeof(a)[0])
static const Keyboard text_keyboard = {text_rows, ROWS(text_rows), KB_COLS}; /* on Q: answers start with a letter */
static const Keyboard number_keyboard = {number_rows, ROWS(number_rows), 0};

static const Keyboard *keyboard_for(const tv_Question *q)
{
    return q->type == TV_Q_TEXT ? &text_keyboard : q->type == TV_Q_NUMERIC ? &number_keyboard : NULL;
}

/* The keyboard the current question shows, or NULL: only a pad needs one. */
static const Keyboard *shown_keyboard(const tv_Game *g) { return g->pads_attached > 0 ? keyboard_for(question(g)) : NULL; }

static int key_first(const Keyboard *kb, int row, int col)
{
    while (col > 0 && kb->rows[row][col - 1] == kb->rows[row][col])
        col--;
    return col;
}

static int key_span(const Keyboard *kb, int row, int first)
{
    int n = 1;
    while (first + n < KB_COLS && kb->rows[row][first + n] == kb->rows[row][first])
        n++;
    return n;
}

/* g->focus holds the focused row and column. The column is kept as it was while moving
 * up and down, so going down onto the wide space bar and back up returns to the same
 * letter. */
static void focus_of(const tv_Game *g, const Keyboard *kb, int *row, int *col)
{
    int f = g->focus >= 0 && g->focus < kb->n_rows * KB_COLS ? g->focus : kb->start;
    *row = f / KB_COLS;
    *col = f % KB_COLS;
}

/* The arrows wrap around, so the far side of a row or column is one press away. */
static void move_focus(tv_Game *g, const Keyboard *kb, tv_Action a)
{
    int row, col;
    focus_of(g, kb, &row, &col);
    int first = key_first(kb, row, col);
    if (a == TV_ACT_UP)
        row = (row + kb->n_rows - 1) % kb->n_rows;
    else if (a == TV_ACT_DOWN)
        row = (row + 1) % kb->n_rows;
    else if (a == TV_ACT_LEFT)
        col = key_first(kb, row, (first + KB_COLS - 1) % KB_COLS);
    else
        col = (first + key_span(kb, row, first)) % KB_COLS;
    g->focus = row * KB_COLS + col;
    g->hover = HIT_NONE; /* one highlighted key, the one the pad moves */
}

/* Letters start a word in capitals and go on in lower case, so a typed name reads like a
 * name on the field and on the reveal (the core ignores case when judging). */
static char typed_char(const tv_Game *g, char key)
{
    size_t n = strlen(g->entry);
    bool word_start = n == 0 || g->entry[n - 1] == ' ' || g->entry[n - 1] == '-';
    return key >= 'A' && key <= 'Z' && !word_start ? (char)(key - 'A' + 'a') : key;
}

static void press_key(tv_Game *g, char key)
{
    if (key == KB_DELETE)
        entry_delete(g);
    else if (key == KB_OK)
        entry_submit(g);
    else
        entry_append(g, (char[2]){typed_char(g, key), '\0'});
}

static void press_focused(tv_Game *g, const Keyboard *kb)
{
    int row, col;
    focus_of(g, kb, &row, &col);
    press_key(g, kb->rows[row][col]);
}

/* ==================== drawing ==================== */

#define KB_GAP 8       /* layout units between keys */
#define KB_KEY_MAX 60  /* key height, when there is room */
#define KB_KEY_MIN 36  /* key height the prompt makes room for */
#define KB_WIDTH 800   /* the widest the keyboard gets */
#define FIELD_H 76     /* the entry field's height */

static const char *key_label(const tv_Game *g, char key, char buf[2])
{
    switch (key) {
    case KB_DELETE: return tv_game_text(g, "round.key_delete");
    case KB_OK: return tv_game_text(g, "round.key_ok");
    case ' ': return tv_game_text(g, "round.key_space");
    case '-': return question(g)->type == TV_Q_NUMERIC ? "−" : "-"; /* a hyphen is too short to read as minus */
    default: buf[0] = key, buf[1] = '\0'; return buf;
    }
}

static void draw_keyboard(tv_Game *g, const Keyboard *kb, SDL_Rect area)
{
    tv_Gfx *x = &g->gfx;
    int gap = tv_px(x, KB_GAP), lift = gap * 3 / 8;
    int w = area.w < tv_px(x, KB_WIDTH) ? area.w : tv_px(x, KB_WIDTH);
    int key_w = (w - (KB_COLS - 1) * gap) / KB_COLS;
    int key_h = (area.h - (kb->n_rows - 1) * gap) / kb->n_rows;
    if (key_h > tv_px(x, KB_KEY_MAX))
        key_h = tv_px(x, KB_KEY_MAX);
    int left = area.x + (area.w - KB_COLS * key_w - (KB_COLS - 1) * gap) / 2;
    int row_f, col_f;
    focus_of(g, kb, &row_f, &col_f);
    int focused = HIT_KEY0 + row_f * KB_COLS + key_first(kb, row_f, col_f);
    for (int row = 0; row < kb->n_rows; row++)
        for (int col = 0, span; col < KB_COLS; col += span) {
            span = key_span(kb, row, col);
            SDL_Rect r = {left + col * (key_w + gap), area.y + row * (key_h + gap), span * key_w + (span - 1) * gap,
                          key_h};
            int id = HIT_KEY0 + row * KB_COLS + col;
            char buf[2];
            if (id == focused) /* stands out of the grid, so the eye finds it among forty keys */
                r = (SDL_Rect){r.x - lift, r.y - lift, r.w + 2 * lift, r.h + 2 * lift};
            tv_draw_button(g, r, key_label(g, kb->rows[row][col], buf), id == focused || id == g->hover, true, id);
        }
}

/* The white field with what has been typed, a blinking caret and the unit. */
static SDL_Rect draw_field(tv_Game *g, SDL_Rect area, const char *unit)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int w = area.w < tv_px(x, 640) ? area.w : tv_px(x, 640), h = tv_px(x, FIELD_H);
    SDL_Rect box = {area.x + (area.w - w) / 2, area.y + tv_px(x, 10), w, h};
    tv_gfx_round_rect(x, box, tv_px(x, 12), tv_rgb(0xf5f6ff));
    tv_gfx_round_frame(x, box, tv_px(x, 12), tv_px(x, 4), p.accent);
    char shown[300];
    bool blink = g->settings.reduced_motion || (g->now_ms / 500) % 2 == 0;
    snprintf(shown, sizeof shown, "%s%s", g->entry, blink ? "▏" : " ");
    int uw = 0;
    if (unit && *unit)
        tv_gfx_text_size(x, unit, 26, false, 0, &uw, NULL);
    int th;
    tv_gfx_text_size(x, shown, 32, true, 0, NULL, &th);
    tv_gfx_text(x, shown, 32, true, tv_rgb(0x161a3a), box.x + tv_px(x, 20), box.y + (h - th) / 2,
                box.w - tv_px(x, 40) - uw, TV_ALIGN_LEFT);
    if (uw)
        tv_gfx_text(x, unit, 26, false, tv_rgb(0x4a5080), box.x + box.w - tv_px(x, 20), box.y + (h - th) / 2, 0,
                    TV_ALIGN_RIGHT);
    return box;
}

static const char *hint_key(const tv_Game *g, bool keyboard)
{
    if (question(g)->type == TV_Q_NUMERIC)
        return keyboard ? "round.numeric_hint_pad" : "round.numeric_hint";
    return keyboard ? "round.text_hint_pad" : "round.text_hint";
}

void tv_entry_draw(tv_Game *g, SDL_Rect area)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    const tv_Question *q = question(g);
    const Keyboard *kb = shown_keyboard(g);
    SDL_Rect box = draw_field(g, area, q->type == TV_Q_NUMERIC ? q->unit : NULL);
    int y = box.y + box.h + tv_px(x, 14);
    y += tv_gfx_text(x, tv_game_text(g, hint_key(g, kb != NULL)), 18, false, p.dim, area.x, y, area.w,
                     TV_ALIGN_CENTER);
    if (kb) {
        /* OK on the keyboard submits, so there is no separate Submit button. */
        y += tv_px(x, 14);
        draw_keyboard(g, kb, (SDL_Rect){area.x, y, area.w, area.y + area.h - y});
        return;
    }
    int bw = tv_px(x, 240), bh = tv_px(x, 56);
    SDL_Rect submit = {area.x + (area.w - bw) / 2, box.y + box.h + tv_px(x, 50), bw, bh};
    tv_draw_button(g, submit, tv_game_text(g, "round.submit"), g->hover == HIT_SUBMIT, g->entry[0] != '\0',
                   HIT_SUBMIT);
}

int tv_entry_min_height(tv_Game *g, int w)
{
    const Keyboard *kb = shown_keyboard(g);
    if (!kb)
        return 0;
    tv_Gfx *x = &g->gfx;
    int hint_h;
    tv_gfx_text_size(x, tv_game_text(g, hint_key(g, true)), 18, false, w, NULL, &hint_h);
    return tv_px(x, 10 + FIELD_H + 14 + 14) + hint_h + kb->n_rows * tv_px(x, KB_KEY_MIN) +
           (kb->n_rows - 1) * tv_px(x, KB_GAP);
}

/* ==================== input ==================== */

void tv_entry_reset(tv_Game *g)
{
    g->entry[0] = '\0';
    const Keyboard *kb = keyboard_for(question(g));
    if (kb)
        g->focus = kb->start;
}

char tv_entry_key(const tv_Game *g, int key)
{
    const Keyboard *kb = shown_keyboard(g);
    if (!kb || key < 0 || key >= kb->n_rows * KB_COLS)
        return 0;
    int row = key / KB_COLS, col = key % KB_COLS;
    return key_first(kb, row, col) == col ? kb->rows[row][col] : 0;
}

static bool entry_click(tv_Game *g, int id)
{
    if (id == HIT_SUBMIT) {
        entry_submit(g);
        return true;
    }
    char key = tv_entry_key(g, id - HIT_KEY0);
    if (!key)
        return false; /* Skip and the rest belong to the question */
    g->focus = id - HIT_KEY0; /* the pad carries on from the key clicked last */
    press_key(g, key);
    return true;
}

bool tv_entry_event(tv_Game *g, const SDL_Event *ev)
{
    const Keyboard *kb = shown_keyboard(g);
    switch (ev->type) {
    case SDL_TEXTINPUT: entry_append(g, ev->text.text); return true;
    case SDL_KEYDOWN:
        if (ev->key.keysym.sym == SDLK_BACKSPACE) {
            entry_delete(g);
            return true;
        }
        if (ev->key.keysym.sym == SDLK_RETURN || ev->key.keysym.sym == SDLK_KP_ENTER) {
            entry_submit(g);
            return true;
        }
        break;
    case SDL_MOUSEBUTTONDOWN:
        return ev->button.button == SDL_BUTTON_LEFT && entry_click(g, tv_hit_at(g, ev->button.x, ev->button.y));
    case SDL_CONTROLLERBUTTONDOWN:
        if (ev->cbutton.button == SDL_CONTROLLER_BUTTON_START) { /* a console keyboard's "done" */
            entry_submit(g);
            return true;
        }
        break;
    default: break;
    }
    tv_Action a = tv_action_of(ev);
    switch (a) {
    case TV_ACT_OK:
        kb ? press_focused(g, kb) : entry_submit(g);
        return true;
    case TV_ACT_ALT: /* X: the 50:50 never applies to a typed answer */
        entry_delete(g);
        return true;
    case TV_ACT_UP:
    case TV_ACT_DOWN:
    case TV_ACT_LEFT:
    case TV_ACT_RIGHT:
        if (kb)
            move_focus(g, kb, a);
        return true;
    default: return false;
    }
}
