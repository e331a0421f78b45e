/* giveaway.h - the one detector of in-round giveaways: a question whose answer an
 * earlier question of the same round has already put on screen. Two kinds:
 *   declared  - the later question asks a fact (tv_Question.asks) an earlier one asks
 *               too or declares it shows (tv_Question.shows);
 *   text      - the later question's answer text, folded (tv_text_fold), appears as
 *               whole words in an earlier question's visible text: its prompt, options,
 *               order items, explanation or the title of its source(s). Answer texts are
 *               a choice's answer and a text question's accepted answers of at least 4
 *               characters, and a numeric answer written with its unit ("58 million")
 *               or, without a unit, of at least 4 characters ("2022").
 * `trivium lint`, `trivium stats` and the content tests all report through this file.
 * Depends on: core (question, text, alloc). */
#ifndef TV_GIVEAWAY_H
#define TV_GIVEAWAY_H

#include <stdbool.h>

#include "core/alloc.h"
#include "core/question.h"

typedef enum tv_GiveawayKind {
    TV_GIVEAWAY_DECLARED,
    TV_GIVEAWAY_TEXT,
} tv_GiveawayKind;

typedef struct tv_Giveaway {
    tv_GiveawayKind kind;
    int earlier, later; /* indices into the round given */
    /* declared: the fact; text: the later question's answer as the pack wrote it (for a
     * numeric answer, the number and unit as matched). Valid during the callback only. */
    const char *what;
    /* Where the earlier question shows it: "asks", "shows" (declared), or "prompt",
     * "option", "item", "explanation", "source title" (text). A static string. */
    const char *field;
} tv_Giveaway;

/* Called once per (earlier, later) pair and kind, in round order; return false to stop. */
typedef bool (*tv_GiveawayFn)(void *ctx, const tv_Question *earlier, const tv_Question *later,
                              const tv_Giveaway *g);

/* Checks round[0..n) (the questions in the order asked) and calls fn for each giveaway.
 * Returns false when out of memory (fn may have been called for some pairs); stopping
 * from fn is not a failure. */
bool tv_giveaways_find(const tv_Question *const *round, int n, tv_Alloc alloc, tv_GiveawayFn fn, void *ctx);

/* The draw's incremental form: a round being built, question by question. The session
 * passes over a candidate that would be given away (declared or text) by what the round
 * already shows, so no shipped or outside pack can leak an answer in a round. */
typedef struct tv_GiveawayScan tv_GiveawayScan;
/* NULL when out of memory; room for max questions. */
tv_GiveawayScan *tv_giveaway_scan_new(tv_Alloc alloc, int max);
void tv_giveaway_scan_free(tv_GiveawayScan *scan);
/* 1 when the round so far gives q away (or asks q's fact), 0 when not, -1 when out of
 * memory. */
int tv_giveaway_scan_leaks(const tv_GiveawayScan *scan, const tv_Question *q);
/* Puts q into the round; false when out of memory or full. */
bool tv_giveaway_scan_add(tv_GiveawayScan *scan, const tv_Question *q);

/* Every ordered pair of pool[0..n) (one pack's questions, say) where one question's
 * visible text gives away the other's answer and no declaration covers it (the later
 * question asks a fact the earlier one asks or shows): what `trivium lint` asks authors
 * to declare or reword. fn gets the pair with TV_GIVEAWAY_TEXT and indices into pool.
 * Each text is folded once. False when out of memory. */
bool tv_giveaways_undeclared(const tv_Question *const *pool, int n, tv_Alloc alloc, tv_GiveawayFn fn, void *ctx);

/* The number of giveaways in round[0..n); -1 when out of memory. */
int tv_giveaways_count(const tv_Question *const *round, int n, tv_Alloc alloc);

/* "declared" or "text". */
const char *tv_giveaway_kind_name(tv_GiveawayKind kind);

#endif
