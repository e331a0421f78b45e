/* stats.h - what `trivium stats` reports about a question bank over many seeds: how
 * often each question is drawn, where the correct option is shown, the skews authors
 * look for (the correct option the only longest one; true/false answers mostly one way),
 * the expected totals of `correct` at 0 s and of random guessing, the category mix, and
 * the in-round giveaways (core/giveaway.h, the detector `trivium lint` uses too).
 * The caller plays nothing: it hands in each seed's question pool and session, and the
 * session's two players are answered here (player 1 correct at 0 s, player 2 guessing
 * with the session seed's "stats/guess" stream), so the figures are reproducible.
 * Depends on: core (session, question, rng, alloc), cJSON. */
#ifndef TV_STATS_H
#define TV_STATS_H

#include <stdbool.h>
#include <stdio.h>

#include "core/alloc.h"
#include "core/session.h"

#define TV_STATS_MAX_PACKS 64

typedef struct tv_StatsQuestion {
    const char *pack, *id, *category; /* copies, in the stats' arena */
    tv_QType type;
    long drawn;
} tv_StatsQuestion;

typedef struct tv_StatsPack {
    const char *id;
    long choice, longest_only; /* choice questions in the pools, and those whose answer is
                                  the only longest option */
    long truefalse, true_answers;
} tv_StatsPack;

typedef struct tv_StatsCategory {
    const char *name;
    long drawn;
} tv_StatsCategory;

/* One in-round giveaway pair (core/giveaway.h) and the sessions it happened in. */
typedef struct tv_StatsGiveaway {
    const char *earlier, *later;             /* "pack/id", copies in the stats' arena */
    const char *earlier_where, *later_where; /* "plugins/x/pack.lua:42", "" when unknown */
    const char *kind, *field, *what;         /* kind and field static; what a copy */
    long sessions;
} tv_StatsGiveaway;

typedef struct tv_Stats {
    tv_Arena arena;
    long sessions, rounds;
    double sum_correct, sum_guess; /* the two players' totals over all sessions */
    long position[TV_MAX_OPTIONS]; /* drawn choice rounds by the correct option's place */
    long tf_true, tf_rounds;       /* drawn true/false rounds, and those whose answer is true */
    int n_questions, cap_questions;
    tv_StatsQuestion *questions; /* malloc'd, in first-seen order */
    int n_categories, cap_categories;
    tv_StatsCategory *categories; /* malloc'd */
    int n_packs;
    tv_StatsPack packs[TV_STATS_MAX_PACKS];
    long giveaway_sessions; /* sessions with at least one giveaway */
    long evenings, evening_repeats; /* film nights counted, and questions they asked again */
    const char *first_repeat;       /* "pack/id (seed N)" of the first repeat, NULL when none */
    int n_giveaways, cap_giveaways;
    tv_StatsGiveaway *giveaways; /* malloc'd, in first-seen order */
} tv_Stats;

void tv_stats_init(tv_Stats *st);
/* Safe on a zeroed tv_Stats and safe to call twice. */
void tv_stats_free(tv_Stats *st);

/* Counts one seed's pool (every question the packs gave for it, drawn or not): the
 * per-pack skews, and a 0 for questions never drawn. False when out of memory. */
bool tv_stats_add_pool(tv_Stats *st, const tv_Question *const *pool, int n);
/* Answers the session's two players (see above) and counts what it drew and the
 * giveaways among its rounds. False with
 * err set when out of memory or when the session does not seat two players. */
bool tv_stats_add_session(tv_Stats *st, tv_Session *s, tv_Error *err);

/* Counts one film night: its rounds' sessions in order (core/session.h
 * tv_session_init_evening), each question asked in an earlier round a repeat. False when
 * out of memory. */
bool tv_stats_add_evening(tv_Stats *st, const tv_Session *const *rounds, int n);

/* A pack is flagged when its answer is the only longest option in more than 40% of its
 * choice questions, or fewer than 40% or more than 60% of its true/false answers are
 * true. */
bool tv_stats_pack_longest_flag(const tv_StatsPack *p);
bool tv_stats_pack_truefalse_flag(const tv_StatsPack *p);

void tv_stats_text(FILE *out, const tv_Stats *st);
/* False when out of memory. */
bool tv_stats_json(FILE *out, const tv_Stats *st);

#endif
