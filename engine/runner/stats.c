/* stats.c - question-bank statistics over many seeds (stats.h).
 * Trust boundary: questions come from packs, already checked by the plugin host; the
 * reports show their names as printable text.
 * Depends on: core (session, question, rng, alloc, error), cJSON. */
#include "runner/stats.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core/giveaway.h"
#include "core/rng.h"

void tv_stats_init(tv_Stats *st)
{
    memset(st, 0, sizeof *st);
    tv_arena_init(&st->arena, tv_alloc_default());
}

void tv_stats_free(tv_Stats *st)
{
    free(st->questions);
    free(st->categories);
    free(st->giveaways);
    tv_arena_free(&st->arena);
    memset(st, 0, sizeof *st);
}

/* Grows *items (of *cap, each size bytes) to hold one more; false when out of memory. */
static bool grow(void **items, int n, int *cap, size_t size)
{
    if (n < *cap)
        return true;
    int next = *cap ? *cap * 2 : 64;
    void *p = realloc(*items, size * (size_t)next);
    if (!p)
        return false;
    *items = p, *cap = next;
    return true;
}

static tv_StatsQuestion *question(tv_Stats *st, const tv_Question *q)
{
    for (int i = 0; i < st->n_questions; i++)
        if (strcmp(st->questions[i].id, q->id) == 0 && strcmp(st->questions[i].pack, q->pack) == 0)
            return &st->questions[i];
    if (!grow((void **)&st->questions, st->n_questions, &st->cap_questions, sizeof *st->questions))
        return NULL;
    tv_StatsQuestion e = {tv_arena_strdup(&st->arena, q->pack), tv_arena_strdup(&st->arena, q->id),
                          tv_arena_strdup(&st->arena, q->category), q->type, 0};
    if (!e.pack || !e.id || !e.category)
        return NULL;
    st->questions[st->n_questions] = e;
    return &st->questions[st->n_questions++];
}

static tv_StatsCategory *category(tv_Stats *st, const char *name)
{
    for (int i = 0; i < st->n_categories; i++)
        if (strcmp(st->categories[i].name, name) == 0)
            return &st->categories[i];
    if (!grow((void **)&st->categories, st->n_categories, &st->cap_categories, sizeof *st->categories))
        return NULL;
    const char *copy = tv_arena_strdup(&st->arena, name);
    if (!copy)
        return NULL;
    st->categories[st->n_categories] = (tv_StatsCategory){copy, 0};
    return &st->categories[st->n_categories++];
}

static tv_StatsPack *pack(tv_Stats *st, const char *id)
{
    for (int i = 0; i < st->n_packs; i++)
        if (strcmp(st->packs[i].id, id) == 0)
            return &st->packs[i];
    if (st->n_packs == TV_STATS_MAX_PACKS)
        return NULL;
    const char *copy = tv_arena_strdup(&st->arena, id);
    if (!copy)
        return NULL;
    st->packs[st->n_packs] = (tv_StatsPack){.id = copy};
    return &st->packs[st->n_packs++];
}

/* Length in code points: what a player sees as longer. */
static size_t shown_length(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The answer (options[0]) is longer than every wrong option. */
static bool answer_only_longest(const tv_Question *q)
{
    size_t answer = shown_length(q->options[0]);
    for (int i = 1; i < q->n_options; i++)
        if (shown_length(q->options[i]) >= answer)
            return false;
    return q->n_options > 1;
}

bool tv_stats_add_pool(tv_Stats *st, const tv_Question *const *pool, int n)
{
    for (int i = 0; i < n; i++) {
        const tv_Question *q = pool[i];
        tv_StatsPack *p = pack(st, q->pack);
        if (!question(st, q) || !p)
            return false;
        if (q->type == TV_Q_CHOICE)
            p->choice++, p->longest_only += answer_only_longest(q);
        else if (q->type == TV_Q_TRUEFALSE)
            p->truefalse++, p->true_answers += q->truth;
    }
    return true;
}

/* Player 2's guess on round r: a shown option, a shuffled order, or a wrong value for
 * questions no guess can hit. */
static void guess(tv_Session *s, int r, tv_Rng *rng, tv_Answer *a)
{
    const tv_Round *rd = tv_session_round(s, r);
    memset(a, 0, sizeof *a);
    if (rd->q->type == TV_Q_CHOICE || rd->q->type == TV_Q_TRUEFALSE) {
        a->kind = TV_ANS_OPTION;
        a->option = (int)tv_rng_below(rng, (uint64_t)rd->n_shown);
    } else if (rd->q->type == TV_Q_ORDER) {
        a->kind = TV_ANS_ORDER;
        a->n_order = rd->n_shown;
        for (int k = 0; k < rd->n_shown; k++)
            a->order[k] = k;
        tv_rng_shuffle_ints(rng, a->order, (size_t)rd->n_shown);
    } else
        tv_session_wrong_answer(s, 1, r, a);
}

static const char *pack_id(tv_Stats *st, const tv_Question *q)
{
    char buf[600];
    snprintf(buf, sizeof buf, "%s/%s", q->pack, q->id);
    return tv_arena_strdup(&st->arena, buf);
}

typedef struct GiveawayCtx {
    tv_Stats *st;
    int found;
    bool oom;
} GiveawayCtx;

static bool count_giveaway(void *ctx, const tv_Question *earlier, const tv_Question *later, const tv_Giveaway *g)
{
    GiveawayCtx *c = ctx;
    tv_Stats *st = c->st;
    c->found++;
    const char *kind = tv_giveaway_kind_name(g->kind);
    for (int i = 0; i < st->n_giveaways; i++) {
        tv_StatsGiveaway *e = &st->giveaways[i];
        size_t pl = strlen(earlier->pack), ll = strlen(later->pack);
        if (e->kind == kind && strncmp(e->earlier, earlier->pack, pl) == 0 && e->earlier[pl] == '/' &&
            strcmp(e->earlier + pl + 1, earlier->id) == 0 && strncmp(e->later, later->pack, ll) == 0 &&
            e->later[ll] == '/' && strcmp(e->later + ll + 1, later->id) == 0) {
            e->sessions++;
            return true;
        }
    }
    if (!grow((void **)&st->giveaways, st->n_giveaways, &st->cap_giveaways, sizeof *st->giveaways))
        return !(c->oom = true);
    tv_StatsGiveaway e = {pack_id(st, earlier), pack_id(st, later), tv_arena_strdup(&st->arena, earlier->where),
                          tv_arena_strdup(&st->arena, later->where), kind, g->field,
                          tv_arena_strdup(&st->arena, g->what), 1};
    if (!e.earlier || !e.later || !e.earlier_where || !e.later_where || !e.what)
        return !(c->oom = true);
    st->giveaways[st->n_giveaways++] = e;
    return true;
}

/* The session's rounds through the one giveaway detector. */
static bool add_giveaways(tv_Stats *st, const tv_Session *s)
{
    const tv_Question **round = malloc(sizeof *round * (size_t)(s->n_rounds ? s->n_rounds : 1));
    if (!round)
        return false;
    for (int r = 0; r < s->n_rounds; r++)
        round[r] = s->rounds[r].q;
    GiveawayCtx c = {st, 0, false};
    bool ok = tv_giveaways_find(round, s->n_rounds, tv_alloc_default(), count_giveaway, &c) && !c.oom;
    st->giveaway_sessions += c.found > 0;
    free(round);
    return ok;
}

bool tv_stats_add_session(tv_Stats *st, tv_Session *s, tv_Error *err)
{
    if (s->cfg.players != 2)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "statistics need a session of two players");
    tv_Rng rng;
    tv_rng_derive(&rng, s->cfg.seed, "stats/guess");
    for (int r = 0; r < s->n_rounds; r++) {
        const tv_Round *rd = tv_session_round(s, r);
        tv_Answer a;
        tv_session_correct_answer(s, r, &a);
        if (!tv_session_answer(s, 0, r, &a, 0, err))
            return false;
        guess(s, r, &rng, &a);
        if (!tv_session_answer(s, 1, r, &a, 0, err))
            return false;
        tv_StatsQuestion *q = question(st, rd->q);
        tv_StatsCategory *c = category(st, rd->q->category);
        if (!q || !c)
            return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
        q->drawn++, c->drawn++, st->rounds++;
        for (int k = 0; rd->q->type == TV_Q_CHOICE && k < rd->n_shown; k++)
            st->position[k] += tv_round_option_correct(rd, k);
        if (rd->q->type == TV_Q_TRUEFALSE)
            st->tf_rounds++, st->tf_true += rd->q->truth;
    }
    if (!add_giveaways(st, s))
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
    st->sum_correct += tv_session_result(s, 0).total;
    st->sum_guess += tv_session_result(s, 1).total;
    st->sessions++;
    return true;
}

bool tv_stats_add_evening(tv_Stats *st, const tv_Session *const *rounds, int n)
{
    st->evenings++;
    for (int r = 1; r < n; r++)
        for (int i = 0; i < rounds[r]->n_rounds; i++) {
            const tv_Question *q = rounds[r]->rounds[i].q;
            bool repeat = false;
            for (int e = 0; e < r && !repeat; e++)
                for (int k = 0; k < rounds[e]->n_rounds && !repeat; k++) {
                    const tv_Question *p = rounds[e]->rounds[k].q;
                    repeat = strcmp(p->id, q->id) == 0 && strcmp(p->pack, q->pack) == 0;
                }
            if (!repeat)
                continue;
            st->evening_repeats++;
            if (!st->first_repeat) {
                char buf[700];
                snprintf(buf, sizeof buf, "%s/%s (seed %llu)", q->pack, q->id, (unsigned long long)rounds[r]->cfg.seed);
                if (!(st->first_repeat = tv_arena_strdup(&st->arena, buf)))
                    return false;
            }
        }
    return true;
}

bool tv_stats_pack_longest_flag(const tv_StatsPack *p)
{
    return p->choice > 0 && p->longest_only * 100 > p->choice * 40;
}

bool tv_stats_pack_truefalse_flag(const tv_StatsPack *p)
{
    return p->truefalse > 0 && (p->true_answers * 100 < p->truefalse * 40 || p->true_answers * 100 > p->truefalse * 60);
}

static double pct(long part, long whole) { return whole ? 100.0 * (double)part / (double)whole : 0.0; }

static long choice_rounds(const tv_Stats *st)
{
    long n = 0;
    for (int k = 0; k < TV_MAX_OPTIONS; k++)
        n += st->position[k];
    return n;
}

void tv_stats_text(FILE *out, const tv_Stats *st)
{
    double sessions = st->sessions ? (double)st->sessions : 1.0;
    fprintf(out, "%ld sessions, %ld questions drawn\n", st->sessions, st->rounds);
    fprintf(out, "expected total: %.1f answering correct at 0 s, %.1f guessing at random\n",
            st->sum_correct / sessions, st->sum_guess / sessions);
    long cr = choice_rounds(st);
    fprintf(out, "\ncorrect option shown at (%ld choice rounds):", cr);
    for (int k = 0; k < TV_MAX_OPTIONS; k++)
        fprintf(out, " %c %.1f%%", 'A' + k, pct(st->position[k], cr));
    fprintf(out, "\ntrue/false rounds answered true: %.1f%% of %ld\n", pct(st->tf_true, st->tf_rounds), st->tf_rounds);
    fprintf(out, "\n%-24s %8s %14s %11s %9s\n", "pack", "choice", "only longest", "truefalse", "true");
    for (int i = 0; i < st->n_packs; i++) {
        const tv_StatsPack *p = &st->packs[i];
        fprintf(out, "%-24.24s %8ld %13.1f%% %11ld %8.1f%%\n", p->id, p->choice, pct(p->longest_only, p->choice),
                p->truefalse, pct(p->true_answers, p->truefalse));
    }
    for (int i = 0; i < st->n_packs; i++) {
        const tv_StatsPack *p = &st->packs[i];
        if (tv_stats_pack_longest_flag(p))
            fprintf(out, "flag: %s: the correct option is the only longest one in %.1f%% of choice questions "
                         "(more than 40%%)\n", p->id, pct(p->longest_only, p->choice));
        if (tv_stats_pack_truefalse_flag(p))
            fprintf(out, "flag: %s: %.1f%% of true/false answers are true (outside 40%% to 60%%)\n", p->id,
                    pct(p->true_answers, p->truefalse));
    }
    fprintf(out, "\n%-32s %8s %7s\n", "category", "drawn", "share");
    for (int i = 0; i < st->n_categories; i++)
        fprintf(out, "%-32.32s %8ld %6.1f%%\n", st->categories[i].name, st->categories[i].drawn,
                pct(st->categories[i].drawn, st->rounds));
    fprintf(out, "\nin-round giveaways: %ld of %ld sessions\n", st->giveaway_sessions, st->sessions);
    if (st->evenings)
        fprintf(out, "film nights: %ld, questions asked again: %ld%s%s\n", st->evenings, st->evening_repeats,
                st->first_repeat ? ", the first " : "", st->first_repeat ? st->first_repeat : "");
    for (int i = 0; i < st->n_giveaways; i++) {
        const tv_StatsGiveaway *g = &st->giveaways[i];
        fprintf(out, "giveaway (%s, %ld session%s): %s (%s) %s %s '%s', asked later by %s (%s)\n", g->kind,
                g->sessions, g->sessions == 1 ? "" : "s", g->earlier, *g->earlier_where ? g->earlier_where : "?",
                strcmp(g->kind, "declared") == 0 ? "declares it" : "shows in its", g->field, g->what, g->later,
                *g->later_where ? g->later_where : "?");
    }
    fprintf(out, "\n%-40s %-9s %8s %7s\n", "question", "type", "drawn", "share");
    for (int i = 0; i < st->n_questions; i++) {
        const tv_StatsQuestion *q = &st->questions[i];
        char name[128];
        snprintf(name, sizeof name, "%s/%s", q->pack, q->id);
        fprintf(out, "%-40.40s %-9s %8ld %6.1f%%\n", name, tv_qtype_name(q->type), q->drawn, pct(q->drawn, st->sessions));
    }
}

bool tv_stats_json(FILE *out, const tv_Stats *st)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return false;
    double sessions = st->sessions ? (double)st->sessions : 1.0;
    cJSON_AddNumberToObject(root, "sessions", (double)st->sessions);
    cJSON_AddNumberToObject(root, "rounds", (double)st->rounds);
    cJSON *ex = cJSON_AddObjectToObject(root, "expected_total");
    cJSON_AddNumberToObject(ex, "correct", st->sum_correct / sessions);
    cJSON_AddNumberToObject(ex, "random", st->sum_guess / sessions);
    cJSON *pos = cJSON_AddArrayToObject(root, "choice_correct_position");
    for (int k = 0; k < TV_MAX_OPTIONS; k++)
        cJSON_AddItemToArray(pos, cJSON_CreateNumber((double)st->position[k]));
    cJSON *tf = cJSON_AddObjectToObject(root, "truefalse");
    cJSON_AddNumberToObject(tf, "rounds", (double)st->tf_rounds);
    cJSON_AddNumberToObject(tf, "true", (double)st->tf_true);
    cJSON *packs = cJSON_AddArrayToObject(root, "packs");
    for (int i = 0; i < st->n_packs; i++) {
        const tv_StatsPack *p = &st->packs[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", p->id);
        cJSON_AddNumberToObject(o, "choice", (double)p->choice);
        cJSON_AddNumberToObject(o, "only_longest", (double)p->longest_only);
        cJSON_AddNumberToObject(o, "truefalse", (double)p->truefalse);
        cJSON_AddNumberToObject(o, "true", (double)p->true_answers);
        cJSON *flags = cJSON_AddArrayToObject(o, "flags");
        if (tv_stats_pack_longest_flag(p))
            cJSON_AddItemToArray(flags, cJSON_CreateString("only_longest"));
        if (tv_stats_pack_truefalse_flag(p))
            cJSON_AddItemToArray(flags, cJSON_CreateString("truefalse_balance"));
        cJSON_AddItemToArray(packs, o);
    }
    cJSON *cats = cJSON_AddObjectToObject(root, "categories");
    for (int i = 0; i < st->n_categories; i++)
        cJSON_AddNumberToObject(cats, st->categories[i].name, (double)st->categories[i].drawn);
    cJSON *qs = cJSON_AddArrayToObject(root, "questions");
    for (int i = 0; i < st->n_questions; i++) {
        const tv_StatsQuestion *q = &st->questions[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "pack", q->pack);
        cJSON_AddStringToObject(o, "id", q->id);
        cJSON_AddStringToObject(o, "type", tv_qtype_name(q->type));
        cJSON_AddStringToObject(o, "category", q->category);
        cJSON_AddNumberToObject(o, "drawn", (double)q->drawn);
        cJSON_AddItemToArray(qs, o);
    }
    if (st->evenings) {
        cJSON *ev = cJSON_AddObjectToObject(root, "film_nights");
        cJSON_AddNumberToObject(ev, "evenings", (double)st->evenings);
        cJSON_AddNumberToObject(ev, "repeats", (double)st->evening_repeats);
        if (st->first_repeat)
            cJSON_AddStringToObject(ev, "first_repeat", st->first_repeat);
    }
    cJSON *gv = cJSON_AddObjectToObject(root, "giveaways");
    cJSON_AddNumberToObject(gv, "sessions", (double)st->giveaway_sessions);
    cJSON *pairs = cJSON_AddArrayToObject(gv, "pairs");
    for (int i = 0; i < st->n_giveaways; i++) {
        const tv_StatsGiveaway *g = &st->giveaways[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", g->kind);
        cJSON_AddStringToObject(o, "earlier", g->earlier);
        cJSON_AddStringToObject(o, "earlier_where", g->earlier_where);
        cJSON_AddStringToObject(o, "field", g->field);
        cJSON_AddStringToObject(o, "answer", g->what);
        cJSON_AddStringToObject(o, "later", g->later);
        cJSON_AddStringToObject(o, "later_where", g->later_where);
        cJSON_AddNumberToObject(o, "sessions", (double)g->sessions);
        cJSON_AddItemToArray(pairs, o);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return false;
    fprintf(out, "%s\n", text);
    free(text);
    return true;
}
