/* scoring.c - exact-fraction scoring. Depends on: libc. */
#include "core/scoring.h"

#include <assert.h>

tv_Rules tv_rules_default(void) { return (tv_Rules){.time_points = true, .streak_bonus = true}; }

const char *tv_verdict_name(tv_Verdict v)
{
    static const char *const names[] = {"correct", "partial", "wrong", "timeout", "skip"};
    return names[v];
}

int tv_base_points(int difficulty)
{
    assert(difficulty >= 1 && difficulty <= 3);
    return 1000 + 500 * (difficulty - 1);
}

/* num / den rounded half up, for num >= 0 and den > 0. */
static int round_half_up(int64_t num, int64_t den) { return (int)((2 * num + den) / (2 * den)); }

tv_ScoreOut tv_score(const tv_Rules *rules, const tv_ScoreIn *in)
{
    tv_ScoreOut out = {.verdict = in->verdict, .points = 0, .bonus = 0, .streak = 0};
    assert(in->limit_ms > 0 && in->t_ms >= 0);
    if ((in->verdict == TV_V_CORRECT || in->verdict == TV_V_PARTIAL || in->verdict == TV_V_WRONG) &&
        in->t_ms > in->limit_ms)
        out.verdict = TV_V_TIMEOUT;

    int64_t base = tv_base_points(in->difficulty);
    /* points = base * timefactor [* k/items] [/ 2] + bonus, kept as num/den:
     * timefactor = (2T - t) / 2T when time points are on, else 1. */
    int64_t num = base, den = 1;
    if (rules->time_points) {
        num *= 2 * in->limit_ms - in->t_ms;
        den *= 2 * in->limit_ms;
    }
    switch (out.verdict) {
    case TV_V_CORRECT: {
        if (in->lifeline)
            den *= 2;
        int n = in->streak_before + 1;
        if (rules->streak_bonus) {
            int steps = n - 1 < TV_STREAK_BONUS_CAP ? n - 1 : TV_STREAK_BONUS_CAP;
            out.bonus = TV_STREAK_BONUS_STEP * steps;
        }
        out.points = round_half_up(num + (int64_t)out.bonus * den, den);
        out.streak = n;
        break;
    }
    case TV_V_PARTIAL:
        assert(in->items > 0 && in->k >= 0 && in->k < in->items);
        num *= in->k;
        den *= in->items;
        out.points = round_half_up(num, den);
        break;
    default: break;
    }
    return out;
}
