/* core.scoring: every rule of docs/scoring.md, with its rounding edges. */
#include "check.h"
#include "core/scoring.h"

static tv_ScoreOut score(tv_Rules rules, int diff, long t, long limit, tv_Verdict v, int streak, int lifeline)
{
    tv_ScoreIn in = {.difficulty = diff,
                     .t_ms = t,
                     .limit_ms = limit,
                     .verdict = v,
                     .lifeline = lifeline,
                     .streak_before = streak};
    return tv_score(&rules, &in);
}

static tv_ScoreOut order(tv_Rules rules, int diff, long t, long limit, int k, int items)
{
    tv_ScoreIn in = {.difficulty = diff, .t_ms = t, .limit_ms = limit, .verdict = TV_V_PARTIAL, .k = k, .items = items};
    return tv_score(&rules, &in);
}

static const tv_Rules ON = {true, true};

TEST("base points are 1000, 1500 and 2000 by difficulty")
{
    CHECK_INT(1000, tv_base_points(1));
    CHECK_INT(1500, tv_base_points(2));
    CHECK_INT(2000, tv_base_points(3));
}

TEST("an instant correct answer scores the full base")
{
    CHECK_INT(1000, score(ON, 1, 0, 20000, TV_V_CORRECT, 0, 0).points);
    CHECK_INT(2000, score(ON, 3, 0, 20000, TV_V_CORRECT, 0, 0).points);
}

TEST("a correct answer on the last millisecond scores half the base")
{
    CHECK_INT(500, score(ON, 1, 20000, 20000, TV_V_CORRECT, 0, 0).points);
    CHECK_INT(750, score(ON, 2, 20000, 20000, TV_V_CORRECT, 0, 0).points);
}

TEST("a correct answer just over the limit is a timeout worth nothing")
{
    tv_ScoreOut o = score(ON, 1, 20001, 20000, TV_V_CORRECT, 4, 0);
    CHECK_INT(TV_V_TIMEOUT, o.verdict);
    CHECK_INT(0, o.points);
    CHECK_INT(0, o.streak);
}

TEST("time points round half up once: 1000 at 4.5 s of 20 s is 887.5, scored 888")
{
    CHECK_INT(888, score(ON, 1, 4500, 20000, TV_V_CORRECT, 0, 0).points);
    /* 1500 * (1 - 1/60) = 1475 exactly; 1500 * (1 - 0.001/40) = 1499.9625 -> 1500 */
    CHECK_INT(1475, score(ON, 2, 1000, 30000, TV_V_CORRECT, 0, 0).points);
    CHECK_INT(1500, score(ON, 2, 1, 20000, TV_V_CORRECT, 0, 0).points);
    /* 1000 * (1 - 7/40) = 825 exactly */
    CHECK_INT(825, score(ON, 1, 7000, 20000, TV_V_CORRECT, 0, 0).points);
    /* 1000 * (1 - 0.03/40) = 999.25 -> 999 */
    CHECK_INT(999, score(ON, 1, 30, 20000, TV_V_CORRECT, 0, 0).points);
}

TEST("the streak bonus is 100 per answer in a row after the first")
{
    CHECK_INT(0, score(ON, 1, 0, 20000, TV_V_CORRECT, 0, 0).bonus);
    CHECK_INT(100, score(ON, 1, 0, 20000, TV_V_CORRECT, 1, 0).bonus);
    CHECK_INT(1100, score(ON, 1, 0, 20000, TV_V_CORRECT, 1, 0).points);
    CHECK_INT(2, score(ON, 1, 0, 20000, TV_V_CORRECT, 1, 0).streak);
}

TEST("streak bonus stops growing after the sixth correct answer in a row")
{
    CHECK_INT(500, score(ON, 1, 0, 20000, TV_V_CORRECT, 5, 0).bonus);
    CHECK_INT(500, score(ON, 1, 0, 20000, TV_V_CORRECT, 6, 0).bonus);
    CHECK_INT(500, score(ON, 1, 0, 20000, TV_V_CORRECT, 40, 0).bonus);
    CHECK_INT(41, score(ON, 1, 0, 20000, TV_V_CORRECT, 40, 0).streak);
}

TEST("the bonus is added before rounding: 887.5 + 300 scores 1188")
{
    CHECK_INT(1188, score(ON, 1, 4500, 20000, TV_V_CORRECT, 3, 0).points);
}

TEST("wrong, timeout and skip score nothing and reset the streak")
{
    tv_Verdict vs[3] = {TV_V_WRONG, TV_V_TIMEOUT, TV_V_SKIP};
    for (int i = 0; i < 3; i++) {
        tv_ScoreOut o = score(ON, 3, 100, 20000, vs[i], 7, 0);
        CHECK_INT(0, o.points);
        CHECK_INT(0, o.streak);
        CHECK_INT(vs[i], o.verdict);
    }
}

TEST("order partial credit is base * k/items * time factor, no bonus, streak reset")
{
    /* 1500 * 2/4 * (1 - 5/40) = 656.25 -> 656 */
    tv_ScoreOut o = order(ON, 2, 5000, 20000, 2, 4);
    CHECK_INT(656, o.points);
    CHECK_INT(0, o.streak);
    CHECK_INT(0, o.bonus);
    /* 1000 * 1/3 at t = 0 = 333.33 -> 333; 2000 * 2/3 = 1333.33 -> 1333 */
    CHECK_INT(333, order(ON, 1, 0, 20000, 1, 3).points);
    CHECK_INT(1333, order(ON, 3, 0, 20000, 2, 3).points);
    /* 1000 * 1/6 * (1 - 10/40) = 125 */
    CHECK_INT(125, order(ON, 1, 10000, 20000, 1, 6).points);
    CHECK_INT(0, order(ON, 1, 0, 20000, 0, 4).points);
}

TEST("order partial credit just over the limit is a timeout")
{
    CHECK_INT(TV_V_TIMEOUT, order(ON, 1, 20001, 20000, 2, 4).verdict);
    CHECK_INT(0, order(ON, 1, 20001, 20000, 2, 4).points);
}

TEST("50:50 halves the time points but not the streak bonus")
{
    /* (1000 * (1 - 4.5/40)) / 2 = 443.75, + 200 bonus = 643.75 -> 644 */
    CHECK_INT(644, score(ON, 1, 4500, 20000, TV_V_CORRECT, 2, 1).points);
    CHECK_INT(500, score(ON, 1, 0, 20000, TV_V_CORRECT, 0, 1).points);
    /* 2000 at t = T halved: 500 */
    CHECK_INT(500, score(ON, 3, 20000, 20000, TV_V_CORRECT, 0, 1).points);
}

TEST("with time points off a correct answer scores its full base at any time")
{
    tv_Rules r = {false, true};
    CHECK_INT(1500, score(r, 2, 19999, 20000, TV_V_CORRECT, 0, 0).points);
    CHECK_INT(1500, score(r, 2, 20000, 20000, TV_V_CORRECT, 0, 0).points);
    CHECK_INT(0, score(r, 2, 20001, 20000, TV_V_CORRECT, 0, 0).points);
    CHECK_INT(750, order(r, 2, 19000, 20000, 2, 4).points);
    CHECK_INT(500, score(r, 1, 3000, 20000, TV_V_CORRECT, 0, 1).points);
}

TEST("with the streak bonus off a streak still counts but adds nothing")
{
    tv_Rules r = {true, false};
    tv_ScoreOut o = score(r, 1, 0, 20000, TV_V_CORRECT, 9, 0);
    CHECK_INT(1000, o.points);
    CHECK_INT(0, o.bonus);
    CHECK_INT(10, o.streak);
}

TEST_MAIN()
