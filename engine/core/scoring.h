/* scoring.h - the scoring rules of docs/scoring.md, as pure functions.
 *
 * Times are integer milliseconds and every formula is evaluated as an exact fraction, so
 * "rounded half up once, at the end of the question" never depends on floating point.
 * Depends on: libc only. */
#ifndef TV_SCORING_H
#define TV_SCORING_H

#include <stdbool.h>
#include <stdint.h>

#define TV_STREAK_BONUS_STEP 100
#define TV_STREAK_BONUS_CAP 5 /* bonus = 100 * min(n - 1, 5) */

typedef struct tv_Rules {
    bool time_points;  /* off: a correct answer scores its full base */
    bool streak_bonus; /* off: no streak bonus */
} tv_Rules;

/* Both switches on, as the game starts. */
tv_Rules tv_rules_default(void);

typedef enum tv_Verdict {
    TV_V_CORRECT, /* fully right */
    TV_V_PARTIAL, /* order with some items out of place (may still score 0) */
    TV_V_WRONG,
    TV_V_TIMEOUT, /* answered after the limit, or not at all */
    TV_V_SKIP,
} tv_Verdict;

const char *tv_verdict_name(tv_Verdict v); /* "correct", "partial", ... */

/* 1000, 1500 or 2000 for difficulty 1, 2 or 3. */
int tv_base_points(int difficulty);

typedef struct tv_ScoreIn {
    int difficulty;
    int64_t t_ms, limit_ms; /* answer time and the question's limit, limit > 0 */
    tv_Verdict verdict;     /* TV_V_CORRECT / PARTIAL / WRONG / TIMEOUT / SKIP */
    int k, items;           /* PARTIAL: items in the right position, item count */
    bool lifeline;          /* 50:50 used on this question */
    int streak_before;      /* consecutive fully correct answers before this one */
} tv_ScoreIn;

typedef struct tv_ScoreOut {
    tv_Verdict verdict; /* TIMEOUT when t_ms > limit_ms, else the input verdict */
    int points;         /* rounded half up */
    int bonus;          /* the streak bonus included in points */
    int streak;         /* the streak after this question */
} tv_ScoreOut;

tv_ScoreOut tv_score(const tv_Rules *rules, const tv_ScoreIn *in);

#endif
