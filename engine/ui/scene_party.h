/* scene_party.h - the TV's screens of party play (docs/party.md, "The TV"): the lobby
 * (QR code of the join URL, the URL and the room code, names as they join, the network
 * doctor), the running question (how many have answered), the reveal (the answer, the
 * explanation and source, one bar per option, the top 5 and who moved up) and the
 * results (podium, top 10, the number of players).
 *
 * They draw a tv_PartyView: a small plain struct of what the screen shows, filled from
 * the party's read API (party/party.h) by the host loop, or by hand in tests. Each screen
 * shows aggregates and at most ten names, so 300 seats cost what 3 do.
 * Depends on: gfx (drawing), qr, i18n (strings), core (question types). */
#ifndef TV_SCENE_PARTY_H
#define TV_SCENE_PARTY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/question.h"
#include "i18n/i18n.h"
#include "ui/gfx.h"
#include "ui/qr.h"

#define TV_PARTY_VIEW_NAMES 12 /* names the lobby shows, the newest last */
#define TV_PARTY_VIEW_TOP 10

typedef enum tv_PartyViewPhase {
    TV_PARTY_VIEW_LOBBY,
    TV_PARTY_VIEW_QUESTION,
    TV_PARTY_VIEW_REVEAL,
    TV_PARTY_VIEW_RESULTS,
} tv_PartyViewPhase;

typedef struct tv_PartyViewRow {
    const char *name;
    int total;
    int place; /* 1-based, equal totals share one (0: the row's position) */
    int moved; /* places gained since the last reveal (0: none, negative: lost) */
} tv_PartyViewRow;

typedef struct tv_PartyView {
    tv_PartyViewPhase phase;
    const char *url;  /* http://HOST:PORT/?room=CODE, the QR code's text */
    const char *room; /* CODE */
    int n_seats, n_connected, n_answered;
    const char *names[TV_PARTY_VIEW_NAMES]; /* the newest joiners, newest last */
    int n_names;
    bool doctor; /* nobody has joined for a while: show the network doctor line */
    /* The question. */
    int index, count; /* 1-based, of */
    tv_QType kind;
    const char *prompt, *category;
    const char *options[TV_MAX_OPTIONS]; /* choice/true-false options or order items, as shown */
    int n_options;
    int64_t time_left_ms;
    bool paused;
    /* The reveal. */
    int correct;            /* the right shown option, -1 when not a choice or true/false */
    const char *answer;     /* the right answer as text */
    const char *explain, *source;
    int counts[TV_MAX_OPTIONS]; /* answers per shown option */
    tv_PartyViewRow top[TV_PARTY_VIEW_TOP]; /* reveal: the top 5; results: the top 10 */
    int n_top;
    char answer_buf[512], source_buf[512]; /* what tv_party_view_fill writes answer and source into */
} tv_PartyView;

/* Fills v from a running party (party/party.h's read API and its session) at now_ns;
 * labels are the true/false words in the party's language. prev_place (the party's
 * max_players entries, or NULL) holds each seat's place at the previous reveal, for "moved
 * up"; the caller keeps it and, after a reveal is shown, refreshes it with
 * tv_party_view_places. The strings in v are borrowed from p (and v's own buffers); the
 * caller sets v->doctor (it owns the clock). In library tv_ui_party (scene_party_view.c),
 * so the game's front end links the party core only where a party runs. */
struct tv_Party;
void tv_party_view_fill(tv_PartyView *v, const struct tv_Party *p, const char *url, const char *true_word,
                        const char *false_word, int64_t now_ns, const int *prev_place);
/* Writes each seat's current place into places (n_seats entries). */
void tv_party_view_places(const struct tv_Party *p, int *places);

/* Draws v over the whole output, strings from t (the party's language). qr is the code
 * of v->url (tv_qr_encode, made once for the party), or NULL to leave it out. */
void tv_party_view_draw(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v, const tv_QrMatrix *qr);

/* For the screens' files: the Okabe-Ito option colours the phones use too (party.css),
 * the background and text colours of the TV, and the option tile's mark. */
typedef struct tv_PartyColors {
    tv_Color bg_top, bg_bottom, panel, text, dim, accent, good, bad;
    tv_Color option[6];
} tv_PartyColors;
tv_PartyColors tv_party_colors(void);
/* An option's badge: its colour, the white shape and the letter, centred at cx, cy. */
void tv_party_badge(tv_Gfx *g, int i, int cx, int cy, int side);
void tv_party_draw_round(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v);
void tv_party_draw_reveal(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v);
void tv_party_draw_results(tv_Gfx *g, const tv_I18n *t, const tv_PartyView *v);

#endif
