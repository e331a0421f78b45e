/* session.c - draw, presentation, answering and tallies of a session.
 * Depends on: libc, utf8proc (text.h). Reads no clock, no file, no global state. */
#include "core/session.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/giveaway.h"
#include "core/text.h"

static bool oom(tv_Error *err) { return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory"); }

/* Index of name in list[0..*n), appending it when new (list holds one slot per round,
 * so it cannot overflow). */
static int intern(const char **list, int *n, const char *name)
{
    for (int i = 0; i < *n; i++)
        if (strcmp(list[i], name) == 0)
            return i;
    list[*n] = name;
    return (*n)++;
}

/* How far back in the draw the evening puts q: 0 when fresh, 1 when it asks a fact an
 * earlier round asked (a twin in another pack or another form), 2 when an earlier round
 * asked q itself (pack and id). */
static int played_tier(const tv_Question *q, const tv_SessionConfig *cfg)
{
    int tier = 0;
    for (int i = 0; i < cfg->n_played && tier < 2; i++) {
        const tv_Question *p = cfg->played[i];
        if (strcmp(p->id, q->id) == 0 && strcmp(p->pack, q->pack) == 0)
            tier = 2;
        else if (q->asks && *q->asks && p->asks && strcmp(p->asks, q->asks) == 0)
            tier = 1;
    }
    return tier;
}

/* Orders the shuffled draw fresh questions first, then twins of played ones, then the
 * played ones themselves, each part in shuffled order: a round repeats only what the
 * rest cannot fill. In place, stable. */
static void defer_played(int *order, int n, const tv_Question *const *pool, const tv_SessionConfig *cfg)
{
    if (cfg->n_played <= 0)
        return;
    int placed = 0;
    for (int tier = 0; tier < 2; tier++)
        for (int i = placed; i < n; i++)
            if (played_tier(pool[order[i]], cfg) == tier) {
                int v = order[i];
                memmove(order + placed + 1, order + placed, sizeof(int) * (size_t)(i - placed));
                order[placed++] = v;
            }
}

bool tv_session_init_evening(tv_Session *s, const tv_SessionConfig *cfg, int round, const tv_Question *const *pool,
                             int n_pool, tv_Alloc alloc, tv_Error *err)
{
    if (round < 0)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "a film night's round is 0 or more, got %d", round);
    /* Each earlier round's questions, accumulated: round k passes over rounds 0..k-1. */
    int per_round = cfg->count < n_pool ? cfg->count : n_pool;
    size_t cap = (size_t)round * (size_t)(per_round > 0 ? per_round : 1) + 1;
    const tv_Question **played = tv_alloc(alloc, sizeof *played * cap);
    if (!played)
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
    int n_played = 0;
    tv_SessionConfig k = *cfg;
    bool ok = true;
    for (int r = 0; ok && r <= round; r++) {
        k.seed = cfg->seed + (uint64_t)r;
        k.played = played, k.n_played = n_played;
        ok = tv_session_init(s, &k, pool, n_pool, alloc, err);
        if (ok && r < round) {
            for (int i = 0; i < s->n_rounds && (size_t)n_played < cap; i++)
                played[n_played++] = s->rounds[i].q;
            tv_session_free(s);
        }
    }
    tv_free(alloc, played, sizeof *played * cap);
    return ok;
}

bool tv_session_init(tv_Session *s, const tv_SessionConfig *cfg, const tv_Question *const *pool, int n_pool,
                     tv_Alloc alloc, tv_Error *err)
{
    memset(s, 0, sizeof *s);
    s->alloc = alloc;
    tv_arena_init(&s->arena, alloc);
    s->cfg = *cfg;
    s->cfg.played = NULL, s->cfg.n_played = 0; /* borrowed for this call only */
    if (cfg->players < 1 || cfg->players > TV_SESSION_MAX_PLAYERS)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "a session has 1 to %d players, got %d",
                            TV_SESSION_MAX_PLAYERS, cfg->players);
    if (cfg->count < 1)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "a session asks at least 1 question, got %d", cfg->count);
    if (n_pool < 1)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "the selected packs hold no questions");

    /* The draw shuffles the indices of the questions the type filter lets through, in
     * pool order, so a filter changes nothing but what is left out. */
    int *order = tv_arena_alloc(&s->arena, sizeof(int) * (size_t)n_pool);
    if (!order)
        return oom(err);
    int n_allowed = 0;
    for (int i = 0; i < n_pool; i++)
        if (!cfg->types || (cfg->types & (1u << pool[i]->type)))
            order[n_allowed++] = i;
    if (n_allowed < 1)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "the selected packs hold no questions of the types asked");
    int percent = cfg->timer_percent ? cfg->timer_percent : 100;
    if (percent < 1)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "the timer percentage must be positive, got %d", percent);

    int n = cfg->count < n_allowed ? cfg->count : n_allowed;
    s->rounds = tv_arena_alloc(&s->arena, sizeof(tv_Round) * (size_t)n);
    s->categories = tv_arena_alloc(&s->arena, sizeof(char *) * (size_t)n);
    s->packs = tv_arena_alloc(&s->arena, sizeof(char *) * (size_t)n);
    s->players = tv_arena_alloc(&s->arena, sizeof(tv_PlayerState) * (size_t)cfg->players);
    if (!s->rounds || !s->categories || !s->packs || !s->players)
        return oom(err);

    tv_Rng draw, shown;
    tv_rng_derive(&draw, cfg->seed, "session/draw");
    tv_rng_derive(&shown, cfg->seed, "session/shown");
    tv_rng_shuffle_ints(&draw, order, (size_t)n_allowed);
    defer_played(order, n_allowed, pool, cfg);

    /* Rounds take the shuffled questions in turn, passing over any the round so far
     * gives away: a fact asked twice or already shown (declared, docs/pack-api.md), or an
     * answer its visible text already holds (core/giveaway.h, the detector lint and
     * stats report with). With no such pair that is exactly the first n. A pool too
     * entangled to fill the round gives a shorter round, never a leak. */
    tv_GiveawayScan *scan = tv_giveaway_scan_new(alloc, n);
    if (!scan)
        return oom(err);
    s->n_rounds = 0;
    for (int next = 0; s->n_rounds < n && next < n_allowed; next++) {
        const tv_Question *q = pool[order[next]];
        int leaks = tv_giveaway_scan_leaks(scan, q);
        if (leaks < 0 || (leaks == 0 && !tv_giveaway_scan_add(scan, q))) {
            tv_giveaway_scan_free(scan);
            return oom(err);
        }
        if (leaks)
            continue;
        tv_Round *r = &s->rounds[s->n_rounds++];
        memset(r, 0, sizeof *r);
        r->q = q;
        r->limit_ms = tv_time_limit_scaled(r->q->time_limit_ms, percent);
        r->n_shown = tv_question_shown_count(r->q);
        for (int j = 0; j < r->n_shown; j++)
            r->shown[j] = j;
        if (r->q->type == TV_Q_CHOICE || r->q->type == TV_Q_ORDER)
            tv_rng_shuffle_ints(&shown, r->shown, (size_t)r->n_shown);
        /* An order question shown already solved would be a free answer. */
        if (r->q->type == TV_Q_ORDER) {
            bool solved = true;
            for (int j = 0; j < r->n_shown; j++)
                solved = solved && r->shown[j] == j;
            if (solved) {
                int t = r->shown[0];
                memmove(r->shown, r->shown + 1, sizeof(int) * (size_t)(r->n_shown - 1));
                r->shown[r->n_shown - 1] = t;
            }
        }
        r->category = intern(s->categories, &s->n_categories, r->q->category);
        r->pack = intern(s->packs, &s->n_packs, r->q->pack);
    }
    tv_giveaway_scan_free(scan);
    n = s->n_rounds;

    memset(s->players, 0, sizeof(tv_PlayerState) * (size_t)cfg->players);
    for (int p = 0; p < cfg->players; p++) {
        tv_PlayerState *ps = &s->players[p];
        ps->records = tv_arena_alloc(&s->arena, sizeof(tv_Record) * (size_t)n);
        ps->categories = tv_arena_alloc(&s->arena, sizeof(tv_Tally) * (size_t)s->n_categories);
        ps->packs = tv_arena_alloc(&s->arena, sizeof(tv_Tally) * (size_t)s->n_packs);
        if (!ps->records || !ps->categories || !ps->packs)
            return oom(err);
        memset(ps->records, 0, sizeof(tv_Record) * (size_t)n);
        for (int c = 0; c < s->n_categories; c++)
            ps->categories[c] = (tv_Tally){.name = s->categories[c]};
        for (int c = 0; c < s->n_packs; c++)
            ps->packs[c] = (tv_Tally){.name = s->packs[c]};
    }
    return true;
}

void tv_session_free(tv_Session *s)
{
    tv_arena_free(&s->arena);
    memset(s, 0, sizeof *s);
}

const tv_Round *tv_session_round(const tv_Session *s, int round)
{
    assert(round >= 0 && round < s->n_rounds);
    return &s->rounds[round];
}

static tv_PlayerState *player_state(tv_Session *s, int player)
{
    assert(player >= 0 && player < s->cfg.players);
    return &s->players[player];
}

bool tv_round_option_correct(const tv_Round *r, int i)
{
    if (i < 0 || i >= r->n_shown)
        return false;
    if (r->q->type == TV_Q_TRUEFALSE)
        return (i == 0) == r->q->truth;
    return r->q->type == TV_Q_CHOICE && r->shown[i] == 0;
}

bool tv_session_lifeline_available(const tv_Session *s, int player, int round)
{
    assert(player >= 0 && player < s->cfg.players && round >= 0 && round < s->n_rounds);
    const tv_Question *q = s->rounds[round].q;
    return !s->players[player].lifeline_used && q->type == TV_Q_CHOICE && q->n_options >= 3 &&
           !s->players[player].records[round].answered;
}

bool tv_session_lifeline(tv_Session *s, int player, int round, tv_Error *err)
{
    tv_PlayerState *ps = player_state(s, player);
    const tv_Round *r = tv_session_round(s, round);
    tv_Record *rec = &ps->records[round];
    if (!tv_session_lifeline_available(s, player, round)) {
        /* Which of the conditions failed, for the message. */
        if (ps->lifeline_used)
            return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "the 50:50 lifeline was already used in this session");
        if (rec->answered)
            return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "question %d is already answered", round + 1);
        return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0,
                            "50:50 needs a choice question with at least 3 options, question %d is %s with %d",
                            round + 1, tv_qtype_name(r->q->type), tv_question_shown_count(r->q));
    }

    int wrong[TV_MAX_OPTIONS], n_wrong = 0;
    for (int i = 0; i < r->n_shown; i++)
        if (r->shown[i] != 0)
            wrong[n_wrong++] = i;
    char label[64];
    snprintf(label, sizeof label, "session/5050/%d/%d", player, round);
    tv_Rng rng;
    tv_rng_derive(&rng, s->cfg.seed, label);
    tv_rng_shuffle_ints(&rng, wrong, (size_t)n_wrong);
    int remove = (n_wrong + 1) / 2;
    for (int i = 0; i < remove; i++)
        rec->removed |= 1u << wrong[i];
    rec->lifeline = true;
    ps->lifeline_used = true;
    return true;
}

unsigned tv_session_removed(const tv_Session *s, int player, int round)
{
    assert(player >= 0 && player < s->cfg.players && round >= 0 && round < s->n_rounds);
    return s->players[player].records[round].removed;
}

void tv_session_correct_answer(const tv_Session *s, int round, tv_Answer *out)
{
    const tv_Round *r = tv_session_round(s, round);
    const tv_Question *q = r->q;
    memset(out, 0, sizeof *out);
    switch (q->type) {
    case TV_Q_CHOICE:
        out->kind = TV_ANS_OPTION;
        for (int i = 0; i < r->n_shown; i++)
            if (r->shown[i] == 0)
                out->option = i;
        break;
    case TV_Q_TRUEFALSE:
        out->kind = TV_ANS_OPTION;
        out->option = q->truth ? 0 : 1;
        break;
    case TV_Q_NUMERIC:
        out->kind = TV_ANS_NUMBER;
        out->number = q->number;
        break;
    case TV_Q_ORDER:
        out->kind = TV_ANS_ORDER;
        out->n_order = r->n_shown;
        for (int i = 0; i < r->n_shown; i++)
            out->order[r->shown[i]] = i;
        break;
    case TV_Q_TEXT:
        out->kind = TV_ANS_TEXT;
        out->text = q->accept[0];
        break;
    }
}

void tv_session_wrong_answer(const tv_Session *s, int player, int round, tv_Answer *out)
{
    const tv_Round *r = tv_session_round(s, round);
    const tv_Question *q = r->q;
    unsigned removed = tv_session_removed(s, player, round);
    tv_session_correct_answer(s, round, out);
    switch (q->type) {
    case TV_Q_CHOICE:
        for (int i = 0; i < r->n_shown; i++)
            if (r->shown[i] != 0 && !(removed & (1u << i))) {
                out->option = i;
                break;
            }
        break;
    case TV_Q_TRUEFALSE: out->option = 1 - out->option; break;
    case TV_Q_NUMERIC: out->number = q->number + 2 * q->tolerance + 1 + fabs(q->number); break;
    case TV_Q_ORDER: {
        /* Rotating the right order by one puts every item out of place: no credit. */
        int first = out->order[0];
        memmove(out->order, out->order + 1, sizeof(int) * (size_t)(out->n_order - 1));
        out->order[out->n_order - 1] = first;
        break;
    }
    case TV_Q_TEXT: out->text = ""; break;
    }
}

/* A typed number: the one decimal parser of the project (text.h), with the blanks a
 * player may leave around it ignored. */
static bool parse_number(const char *text, double *out)
{
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ')
        n--;
    while (n && *text == ' ')
        text++, n--;
    return tv_text_parse_number(text, n, TV_NUMBER_PLUS | TV_NUMBER_FRACTION, out);
}

/* Turns a text answer into the form the question takes; checks shape. */
static bool resolve(const tv_Round *r, unsigned removed, const tv_Answer *in, tv_Answer *out, tv_Error *err)
{
    const tv_Question *q = r->q;
    *out = *in;
    switch (in->kind) {
    case TV_ANS_TIMEOUT:
    case TV_ANS_SKIP: return true;
    case TV_ANS_TEXT:
        if (q->type == TV_Q_TEXT)
            return true;
        if (q->type == TV_Q_NUMERIC) {
            if (!parse_number(in->text, &out->number))
                return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "'%s' is not a number", in->text);
            out->kind = TV_ANS_NUMBER;
            return true;
        }
        if (q->type == TV_Q_CHOICE) {
            for (int i = 0; i < r->n_shown; i++)
                if (tv_text_match(in->text, q->options[r->shown[i]])) {
                    out->kind = TV_ANS_OPTION;
                    out->option = i;
                    return resolve(r, removed, out, out, err);
                }
            return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "no option of question %s reads '%s'", q->id,
                                in->text);
        }
        return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "a %s question takes %s, not typed text",
                            tv_qtype_name(q->type), q->type == TV_Q_ORDER ? "a letter sequence" : "a letter");
    case TV_ANS_OPTION:
        if (q->type != TV_Q_CHOICE && q->type != TV_Q_TRUEFALSE)
            break;
        if (in->option < 0 || in->option >= r->n_shown)
            return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "option %c does not exist: question %s shows %c to %c",
                                'A' + in->option, q->id, 'A', 'A' + r->n_shown - 1);
        if (removed & (1u << in->option))
            return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "option %c was removed by 50:50", 'A' + in->option);
        return true;
    case TV_ANS_ORDER: {
        if (q->type != TV_Q_ORDER)
            break;
        if (in->n_order != r->n_shown)
            return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "question %s has %d items to order, got %d", q->id,
                                r->n_shown, in->n_order);
        unsigned seen = 0;
        for (int i = 0; i < in->n_order; i++) {
            int o = in->order[i];
            if (o < 0 || o >= r->n_shown || (seen & (1u << o)))
                return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0,
                                    "an order must use each of the letters A to %c once", 'A' + r->n_shown - 1);
            seen |= 1u << o;
        }
        return true;
    }
    case TV_ANS_NUMBER:
        if (q->type != TV_Q_NUMERIC)
            break;
        return true;
    }
    static const char *const wants[] = {"a letter", "A (true) or B (false)", "a number", "a letter sequence",
                                        "typed text (=TEXT)"};
    return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "question %s is a %s question: it takes %s", q->id,
                        tv_qtype_name(q->type), wants[q->type]);
}

static tv_Verdict judge(const tv_Round *r, const tv_Answer *a, int *k)
{
    const tv_Question *q = r->q;
    *k = 0;
    switch (a->kind) {
    case TV_ANS_TIMEOUT: return TV_V_TIMEOUT;
    case TV_ANS_SKIP: return TV_V_SKIP;
    case TV_ANS_OPTION:
        return tv_round_option_correct(r, a->option) ? TV_V_CORRECT : TV_V_WRONG;
    case TV_ANS_NUMBER: {
        double slack = 1e-9 * (fabs(q->number) > 1 ? fabs(q->number) : 1);
        return fabs(a->number - q->number) <= q->tolerance + slack ? TV_V_CORRECT : TV_V_WRONG;
    }
    case TV_ANS_ORDER:
        for (int i = 0; i < a->n_order; i++)
            *k += r->shown[a->order[i]] == i;
        return *k == a->n_order ? TV_V_CORRECT : TV_V_PARTIAL;
    case TV_ANS_TEXT:
        for (int i = 0; i < q->n_accept; i++)
            if (tv_text_match(a->text, q->accept[i]))
                return TV_V_CORRECT;
        return TV_V_WRONG;
    }
    return TV_V_WRONG;
}

const tv_Record *tv_session_answer(tv_Session *s, int player, int round, const tv_Answer *answer, int64_t t_ms,
                                   tv_Error *err)
{
    tv_PlayerState *ps = player_state(s, player);
    const tv_Round *r = tv_session_round(s, round);
    tv_Record *rec = &ps->records[round];
    if (round != ps->answered) {
        tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "question %d answered out of turn (next is %d)", round + 1,
                     ps->answered + 1);
        return NULL;
    }
    if (t_ms < 0) {
        tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "answer time must not be negative");
        return NULL;
    }
    tv_Answer a;
    if (!resolve(r, rec->removed, answer, &a, err))
        return NULL;
    if (a.kind == TV_ANS_TEXT) {
        a.text = tv_arena_strdup(&s->arena, a.text);
        if (!a.text) {
            oom(err);
            return NULL;
        }
    }
    int k;
    tv_Verdict v = judge(r, &a, &k);
    if (a.kind == TV_ANS_TIMEOUT)
        t_ms = r->limit_ms;
    tv_ScoreIn in = {.difficulty = r->q->difficulty,
                     .t_ms = t_ms,
                     .limit_ms = r->limit_ms,
                     .verdict = v,
                     .k = k,
                     .items = r->q->n_items,
                     .lifeline = rec->lifeline,
                     .streak_before = ps->streak};
    tv_ScoreOut out = tv_score(&s->cfg.rules, &in);

    rec->answered = true;
    rec->answer = a;
    rec->verdict = out.verdict;
    rec->points = out.points;
    rec->bonus = out.bonus;
    rec->streak = out.streak;
    rec->k = out.verdict == TV_V_PARTIAL ? k : (out.verdict == TV_V_CORRECT ? r->q->n_items : 0);
    rec->t_ms = t_ms;

    ps->answered++;
    ps->streak = out.streak;
    if (out.streak > ps->longest)
        ps->longest = out.streak;
    ps->total += out.points;
    bool correct = out.verdict == TV_V_CORRECT;
    ps->correct += correct;
    tv_Tally *tallies[2] = {&ps->categories[r->category], &ps->packs[r->pack]};
    for (int i = 0; i < 2; i++) {
        tallies[i]->points += out.points;
        tallies[i]->correct += correct;
        tallies[i]->asked++;
    }
    return rec;
}

const tv_Record *tv_session_record(const tv_Session *s, int player, int round)
{
    assert(player >= 0 && player < s->cfg.players && round >= 0 && round < s->n_rounds);
    return &s->players[player].records[round];
}

tv_Result tv_session_result(const tv_Session *s, int player)
{
    assert(player >= 0 && player < s->cfg.players);
    const tv_PlayerState *ps = &s->players[player];
    return (tv_Result){.total = ps->total,
                       .correct = ps->correct,
                       .asked = ps->answered,
                       .longest_streak = ps->longest,
                       .n_categories = s->n_categories,
                       .categories = ps->categories,
                       .n_packs = s->n_packs,
                       .packs = ps->packs};
}
