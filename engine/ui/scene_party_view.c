/* scene_party_view.c - the TV's view of a running party: reads party/party.h's read API
 * and the party's session into the plain tv_PartyView the screens draw. Aggregates only:
 * counts, the top ten and the twelve newest names, whatever the number of seats.
 * Depends on: party (read API), core (session, question), scene_party.h. */
#include <stdio.h>
#include <string.h>

#include "party/party.h"
#include "ui/scene_party.h"

static tv_PartyViewPhase phase_of(tv_PartyPhase ph)
{
    switch (ph) {
    case TV_PARTY_QUESTION:
        return TV_PARTY_VIEW_QUESTION;
    case TV_PARTY_REVEAL:
        return TV_PARTY_VIEW_REVEAL;
    case TV_PARTY_RESULTS:
        return TV_PARTY_VIEW_RESULTS;
    case TV_PARTY_LOBBY:
    default:
        return TV_PARTY_VIEW_LOBBY;
    }
}

/* The right answer as words: the option, "true"/"false", the number and unit, the items
 * in order, or the first accepted text. */
static void answer_text(const tv_Question *q, const char *yes, const char *no, char *buf, size_t size)
{
    buf[0] = '\0';
    switch (q->type) {
    case TV_Q_CHOICE:
        snprintf(buf, size, "%s", q->options[0]);
        break;
    case TV_Q_TRUEFALSE:
        snprintf(buf, size, "%s", q->truth ? yes : no);
        break;
    case TV_Q_NUMERIC:
        snprintf(buf, size, "%g%s%s", q->number, q->unit[0] ? " " : "", q->unit);
        break;
    case TV_Q_ORDER:
        for (int i = 0; i < q->n_items; i++) {
            size_t n = strlen(buf);
            snprintf(buf + n, size - n, "%s%s", i ? " → " : "", q->items[i]);
        }
        break;
    case TV_Q_TEXT:
        snprintf(buf, size, "%s", q->n_accept > 0 ? q->accept[0] : "");
        break;
    }
}

void tv_party_view_places(const tv_Party *p, int *places)
{
    for (int s = 0; s < tv_party_seat_count(p); s++)
        places[s] = tv_party_rank(p, s);
}

void tv_party_view_fill(tv_PartyView *v, const tv_Party *p, const char *url, const char *true_word,
                        const char *false_word, int64_t now_ns, const int *prev_place)
{
    memset(v, 0, sizeof *v);
    v->phase = phase_of(tv_party_phase(p));
    v->url = url;
    v->room = tv_party_room(p);
    v->n_seats = tv_party_seat_count(p);
    v->n_connected = tv_party_connected_count(p);
    v->n_answered = tv_party_answered_count(p);
    int first = v->n_seats > TV_PARTY_VIEW_NAMES ? v->n_seats - TV_PARTY_VIEW_NAMES : 0;
    for (int s = first; s < v->n_seats; s++)
        v->names[v->n_names++] = tv_party_seat(p, s)->name;
    v->correct = -1;
    const tv_Session *ses = p->session;
    if (v->phase != TV_PARTY_VIEW_LOBBY && ses->n_rounds > 0) {
        int round = p->round < ses->n_rounds ? p->round : ses->n_rounds - 1;
        const tv_Round *r = tv_session_round(ses, round);
        const tv_Question *q = r->q;
        v->index = round + 1;
        v->count = ses->n_rounds;
        v->kind = q->type;
        v->prompt = q->prompt;
        v->category = q->category;
        v->explain = q->explain;
        v->n_options = q->type == TV_Q_CHOICE || q->type == TV_Q_TRUEFALSE || q->type == TV_Q_ORDER ? r->n_shown : 0;
        for (int i = 0; i < v->n_options; i++) {
            int k = r->shown[i];
            v->options[i] = q->type == TV_Q_CHOICE ? q->options[k] : q->type == TV_Q_ORDER ? q->items[k]
                            : k == 0                ? true_word
                                                    : false_word;
            if (q->type == TV_Q_CHOICE && k == 0)
                v->correct = i;
            if (q->type == TV_Q_TRUEFALSE && (k == 0) == q->truth)
                v->correct = i;
        }
        int n_counts = 0;
        const int *counts = tv_party_option_counts(p, &n_counts);
        for (int i = 0; counts && i < n_counts && i < TV_MAX_OPTIONS; i++)
            v->counts[i] = counts[i];
        v->time_left_ms = tv_party_time_left_ms(p, now_ns);
        v->paused = p->paused;
        answer_text(q, true_word, false_word, v->answer_buf, sizeof v->answer_buf);
        v->answer = v->answer_buf;
        if (q->src)
            snprintf(v->source_buf, sizeof v->source_buf, "%s%s%s%s%s", q->src->publisher,
                     q->src->title[0] && q->src->publisher[0] ? ", " : "", q->src->title, q->src->date[0] ? ", " : "",
                     q->src->date);
        v->source = v->source_buf;
    }
    int order[TV_PARTY_VIEW_TOP];
    int n = tv_party_top(p, order, v->phase == TV_PARTY_VIEW_RESULTS ? TV_PARTY_VIEW_TOP : 5);
    for (int i = 0; i < n; i++) {
        int s = order[i];
        int place = tv_party_rank(p, s);
        v->top[i] = (tv_PartyViewRow){.name = tv_party_seat(p, s)->name, .total = tv_party_seat_total(p, s),
                                      .place = place, .moved = prev_place && prev_place[s] ? prev_place[s] - place : 0};
    }
    v->n_top = n;
}
