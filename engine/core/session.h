/* session.h - one quiz session: the draw, the shown order, answers, scores, results.
 *
 * The caller owns the tv_Session and pushes everything in: the question pool (borrowed
 * for the session's life), the seed, each player's answers and their times. The core
 * reads no clock and no file; the game passes real elapsed milliseconds, the headless
 * runner the script's @SECONDS, and both get the same scores.
 * Depends on: libc, utf8proc (through text.h). */
#ifndef TV_SESSION_H
#define TV_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/error.h"
#include "core/question.h"
#include "core/rng.h"
#include "core/scoring.h"

/* A session seats 1..TV_SESSION_MAX_PLAYERS players (party play and batch tests need
 * hundreds), each with their own time, score, streak and lifeline. */
#define TV_SESSION_MAX_PLAYERS 10000
#define TV_DEFAULT_COUNT 10

typedef struct tv_SessionConfig {
    uint64_t seed;
    int count;   /* questions to ask; more than the pool holds means all of it */
    int players; /* 1..TV_SESSION_MAX_PLAYERS */
    tv_Rules rules;
    /* The timer setting: each round's limit is tv_time_limit_scaled(limit, timer_percent);
     * 0 means 100 (the limits as the packs wrote them). */
    int timer_percent;
    /* Bit (1u << tv_QType) per type that may be asked; 0 asks every type. The game asks
     * only choice and true/false when everyone answers at once on gamepads. */
    unsigned types;
    /* A film night's earlier rounds: this draw takes a question they asked (compared by
     * pack and id, so they may come from another load of the packs) or one asking a fact
     * they asked (tv_Question.asks) only when nothing else can fill the round. Borrowed
     * for tv_session_init only; NULL/0 for none. */
    int n_played;
    const tv_Question *const *played;
} tv_SessionConfig;

/* One asked question and how it is shown. shown[i] is the index (into options for choice,
 * items for order) of the i-th entry on screen; truefalse shows {true, false} unshuffled. */
typedef struct tv_Round {
    const tv_Question *q;
    int n_shown;
    int shown[TV_MAX_OPTIONS];
    int limit_ms; /* the question's time limit under cfg.timer_percent */
    int category; /* index into the session's categories */
    int pack;     /* index into the session's packs */
} tv_Round;

typedef enum tv_AnswerKind {
    TV_ANS_TIMEOUT, /* no answer before the limit */
    TV_ANS_SKIP,
    TV_ANS_OPTION, /* choice / truefalse: a shown index (truefalse: 0 = true, 1 = false) */
    TV_ANS_ORDER,  /* order: shown indices in the order the player puts them */
    TV_ANS_NUMBER, /* numeric */
    TV_ANS_TEXT,   /* text: typed text; choice: an option by its text; numeric: a number */
} tv_AnswerKind;

typedef struct tv_Answer {
    tv_AnswerKind kind;
    int option;
    int n_order;
    int order[TV_MAX_ITEMS];
    double number;
    const char *text; /* borrowed for the call; the session keeps a copy */
} tv_Answer;

typedef struct tv_Record {
    bool answered;
    tv_Answer answer; /* as resolved: a choice given by text becomes TV_ANS_OPTION */
    tv_Verdict verdict;
    int points, bonus, streak, k;
    int64_t t_ms;
    bool lifeline;
    unsigned removed; /* bit i set: shown entry i was removed by 50:50 */
} tv_Record;

typedef struct tv_Tally {
    const char *name;
    int points, correct, asked;
} tv_Tally;

typedef struct tv_Result {
    int total, correct, asked, longest_streak;
    int n_categories;
    const tv_Tally *categories; /* borrowed from the session, in first-asked order */
    int n_packs;
    const tv_Tally *packs;
} tv_Result;

typedef struct tv_PlayerState {
    tv_Record *records; /* one per round */
    int answered, streak, longest, total, correct;
    bool lifeline_used;
    tv_Tally *categories, *packs;
} tv_PlayerState;

typedef struct tv_Session {
    tv_Alloc alloc;
    tv_Arena arena; /* rounds, names, copies of typed text */
    tv_SessionConfig cfg;
    int n_rounds;
    tv_Round *rounds;
    int n_categories, n_packs;
    const char **categories, **packs;
    tv_PlayerState *players; /* cfg.players of them, in the arena */
} tv_Session;

/* Draws cfg->count questions from those of pool[0..n_pool) whose type cfg->types allows
 * (the pool in the caller's canonical order: packs in the order selected, questions in
 * pack order), shuffled by the seed, and shuffles what each round shows. The game and
 * the headless runner both pass the packs' questions as they are; the timer setting and
 * the type filter are applied here, once, so a recorded round replays to the same
 * score. Returns false with err set on bad config or out of memory; the session is then
 * safe to free. */
bool tv_session_init(tv_Session *s, const tv_SessionConfig *cfg, const tv_Question *const *pool, int n_pool,
                     tv_Alloc alloc, tv_Error *err);
/* Round `round` (0-based) of a film night whose first round had seed cfg->seed: the
 * session for seed cfg->seed + round, drawn with every question of the evening's earlier
 * rounds (each drawn this same way) as cfg.played, so an evening of rounds repeats no
 * question while the pool holds enough others. cfg->played is ignored. Deterministic for
 * (cfg->seed, round, pool): the game draws "play again" so, and a recorded round replays
 * from those two numbers (docs/scoring.md). */
bool tv_session_init_evening(tv_Session *s, const tv_SessionConfig *cfg, int round, const tv_Question *const *pool,
                             int n_pool, tv_Alloc alloc, tv_Error *err);

/* Safe on a zeroed or already freed session. */
void tv_session_free(tv_Session *s);

const tv_Round *tv_session_round(const tv_Session *s, int round);

/* True when shown entry i of r is a right answer (choice: the answer; true/false: entry
 * 0 is "true", entry 1 "false"); false for other question types. */
bool tv_round_option_correct(const tv_Round *r, int i);

/* True when player may use 50:50 on round now: not yet used in this session, a choice
 * question with at least three options, not yet answered. tv_session_lifeline fails
 * exactly when this is false. */
bool tv_session_lifeline_available(const tv_Session *s, int player, int round);

/* Uses player's 50:50 on round: removes half of the wrong options, rounded up. Fails
 * (TV_ERR_SCRIPT) when the lifeline is spent, the question is not a choice with at least
 * three options, or the round is already answered. */
bool tv_session_lifeline(tv_Session *s, int player, int round, tv_Error *err);
/* Bitmask of the shown entries removed for player on round. */
unsigned tv_session_removed(const tv_Session *s, int player, int round);

/* The answer a perfect player gives / the first shown wrong one still on screen (for
 * numeric: a number outside the tolerance; text: an empty string). */
void tv_session_correct_answer(const tv_Session *s, int round, tv_Answer *out);
void tv_session_wrong_answer(const tv_Session *s, int player, int round, tv_Answer *out);

/* Records player's answer to round at t_ms after the question appeared. Rounds are
 * answered in order. Fails (TV_ERR_SCRIPT) when the answer does not fit the question (an
 * option letter past the last option, a removed option, an order that is not a
 * permutation, text that names no option); the session is unchanged then. */
const tv_Record *tv_session_answer(tv_Session *s, int player, int round, const tv_Answer *answer, int64_t t_ms,
                                   tv_Error *err);

const tv_Record *tv_session_record(const tv_Session *s, int player, int round);
tv_Result tv_session_result(const tv_Session *s, int player);

#endif
