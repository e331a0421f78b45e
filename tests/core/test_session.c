/* core.session: draw, shown order, answers, lifeline, multiplayer and tallies. */
#include "check.h"
#include "failing_alloc.h"
#include "core/session.h"

static tv_Question mk(const char *id, tv_QType type, int diff, const char *cat)
{
    tv_Question q = {.pack = "p", .id = id, .type = type, .difficulty = diff, .time_limit_ms = 20000,
                     .category = cat, .prompt = id, .explain = "", .source = "", .where = "", .unit = ""};
    return q;
}

static tv_Question choice(const char *id, int n)
{
    static const char *const opts[] = {"ok", "w1", "w2", "w3", "w4", "w5"};
    tv_Question q = mk(id, TV_Q_CHOICE, 1, "C");
    q.n_options = n;
    for (int i = 0; i < n; i++)
        q.options[i] = opts[i];
    return q;
}

static tv_SessionConfig cfg(unsigned long long seed, int count, int players)
{
    return (tv_SessionConfig){.seed = seed, .count = count, .players = players, .rules = tv_rules_default()};
}

static int popcount(unsigned x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

TEST("the same seed draws the same questions in the same shown order")
{
    tv_Question qs[20];
    const tv_Question *pool[20];
    char ids[20][8];
    for (int i = 0; i < 20; i++) {
        snprintf(ids[i], sizeof ids[i], "q%d", i);
        qs[i] = choice(ids[i], 4);
        pool[i] = &qs[i];
    }
    tv_Session a, b, c;
    tv_SessionConfig k1 = cfg(5, 10, 1), k2 = cfg(6, 10, 1);
    CHECK(tv_session_init(&a, &k1, pool, 20, tv_alloc_default(), NULL));
    CHECK(tv_session_init(&b, &k1, pool, 20, tv_alloc_default(), NULL));
    CHECK(tv_session_init(&c, &k2, pool, 20, tv_alloc_default(), NULL));
    CHECK_INT(10, a.n_rounds);
    int same = 1, differs = 0;
    for (int i = 0; i < 10; i++) {
        same &= a.rounds[i].q == b.rounds[i].q && memcmp(a.rounds[i].shown, b.rounds[i].shown, sizeof a.rounds[i].shown) == 0;
        differs |= a.rounds[i].q != c.rounds[i].q;
    }
    CHECK(same);
    CHECK(differs);
    tv_session_free(&a);
    tv_session_free(&b);
    tv_session_free(&c);
}

TEST("asking for more questions than the pool holds asks the whole pool")
{
    tv_Question q = choice("only", 2);
    const tv_Question *pool[1] = {&q};
    tv_Session s;
    tv_SessionConfig k = cfg(1, 10, 1);
    CHECK(tv_session_init(&s, &k, pool, 1, tv_alloc_default(), NULL));
    CHECK_INT(1, s.n_rounds);
    tv_session_free(&s);
}

TEST("bad configurations are refused with a message")
{
    tv_Question q = choice("only", 2);
    const tv_Question *pool[1] = {&q};
    tv_Session s;
    tv_Error err = {0};
    tv_SessionConfig k = cfg(1, 10, 10001);
    CHECK(!tv_session_init(&s, &k, pool, 1, tv_alloc_default(), &err));
    CHECK_STR("a session has 1 to 10000 players, got 10001", err.msg);
    tv_session_free(&s);
    k = cfg(1, 10, 0);
    CHECK(!tv_session_init(&s, &k, pool, 1, tv_alloc_default(), &err));
    CHECK_STR("a session has 1 to 10000 players, got 0", err.msg);
    tv_session_free(&s);
    k = cfg(1, 0, 1);
    CHECK(!tv_session_init(&s, &k, pool, 1, tv_alloc_default(), &err));
    CHECK_STR("a session asks at least 1 question, got 0", err.msg);
    tv_session_free(&s);
    k = cfg(1, 3, 1);
    CHECK(!tv_session_init(&s, &k, pool, 0, tv_alloc_default(), &err));
    CHECK_STR("the selected packs hold no questions", err.msg);
    tv_session_free(&s);
}

static void lifeline_removes(int options, int expected_removed)
{
    tv_Question q = choice("c", options);
    const tv_Question *pool[1] = {&q};
    for (unsigned long long seed = 1; seed < 30; seed++) {
        tv_Session s;
        tv_SessionConfig k = cfg(seed, 1, 1);
        CHECK(tv_session_init(&s, &k, pool, 1, tv_alloc_default(), NULL));
        CHECK(tv_session_lifeline(&s, 0, 0, NULL));
        unsigned removed = tv_session_removed(&s, 0, 0);
        CHECK_INT(expected_removed, popcount(removed));
        tv_Answer right;
        tv_session_correct_answer(&s, 0, &right);
        CHECK(!(removed & (1u << right.option)));
        const tv_Record *rec = tv_session_answer(&s, 0, 0, &right, 0, NULL);
        CHECK(rec && rec->points == 500);
        tv_session_free(&s);
    }
}

TEST("50:50 removes 1 of 2 wrong options on a 3-option question")
{
    lifeline_removes(3, 1);
}
TEST("50:50 removes 2 of 3 wrong options on a 4-option question")
{
    lifeline_removes(4, 2);
}
TEST("50:50 removes 3 of 5 wrong options on a 6-option question")
{
    lifeline_removes(6, 3);
}

TEST("50:50 is refused on a 2-option question, on true/false and the second time")
{
    tv_Question q2 = choice("two", 2), tf = mk("tf", TV_Q_TRUEFALSE, 1, "C"), q4 = choice("four", 4),
                q4b = choice("four-b", 4);
    const tv_Question *pool[4] = {&q2, &tf, &q4, &q4b};
    tv_Session s;
    tv_SessionConfig k = cfg(3, 4, 1);
    CHECK(tv_session_init(&s, &k, pool, 4, tv_alloc_default(), NULL));
    tv_Error err = {0};
    int used = 0;
    for (int r = 0; r < 4; r++) {
        const tv_Question *q = tv_session_round(&s, r)->q;
        bool ok = tv_session_lifeline(&s, 0, r, &err);
        if (q == &q2 || q == &tf)
            CHECK(!ok);
        else if (used)
            CHECK(!ok && strcmp(err.msg, "the 50:50 lifeline was already used in this session") == 0);
        else
        {
            CHECK(ok);
            used = 1;
        }
        tv_Answer a;
        tv_session_correct_answer(&s, r, &a);
        CHECK(tv_session_answer(&s, 0, r, &a, 0, NULL) != NULL);
    }
    tv_session_free(&s);
}

TEST("each question type is judged right and wrong as a player would expect")
{
    tv_Question tf = mk("tf", TV_Q_TRUEFALSE, 1, "A");
    tf.truth = false;
    tv_Question num = mk("num", TV_Q_NUMERIC, 2, "B");
    num.number = 6;
    num.tolerance = 0.5;
    tv_Question txt = mk("txt", TV_Q_TEXT, 3, "A");
    txt.n_accept = 2;
    txt.accept[0] = "Šehović";
    txt.accept[1] = "Admir Šehović";
    tv_Question ord = mk("ord", TV_Q_ORDER, 1, "B");
    ord.n_items = 4;
    ord.items[0] = "one", ord.items[1] = "two", ord.items[2] = "three", ord.items[3] = "four";
    const tv_Question *pool[4] = {&tf, &num, &txt, &ord};
    tv_Session s;
    tv_SessionConfig k = cfg(11, 4, 2);
    CHECK(tv_session_init(&s, &k, pool, 4, tv_alloc_default(), NULL));
    for (int r = 0; r < 4; r++) {
        const tv_Round *rd = tv_session_round(&s, r);
        tv_Answer good, bad;
        tv_session_correct_answer(&s, r, &good);
        tv_session_wrong_answer(&s, 1, r, &bad);
        if (rd->q == &txt) {
            good.text = "  admir   sehovic ";
        }
        if (rd->q == &num) {
            good.number = 6.5;
        }
        const tv_Record *a = tv_session_answer(&s, 0, r, &good, 1000, NULL);
        const tv_Record *b = tv_session_answer(&s, 1, r, &bad, 1000, NULL);
        CHECK(a && a->verdict == TV_V_CORRECT);
        CHECK(b && b->points == 0);
        if (rd->q == &ord)
            CHECK(b && b->verdict == TV_V_PARTIAL && b->k == 0);
        else
            CHECK(b && b->verdict == TV_V_WRONG);
    }
    tv_Result r0 = tv_session_result(&s, 0), r1 = tv_session_result(&s, 1);
    CHECK_INT(4, r0.correct);
    CHECK_INT(4, r0.longest_streak);
    CHECK_INT(0, r1.correct);
    CHECK_INT(0, r1.total);
    CHECK_INT(2, r0.n_categories);
    CHECK_INT(r0.total, r0.categories[0].points + r0.categories[1].points);
    CHECK_INT(1, r0.n_packs);
    CHECK_INT(r0.total, r0.packs[0].points);
    tv_session_free(&s);
}

TEST("answers that do not fit the question are refused and change nothing")
{
    tv_Question q = choice("c", 3);
    tv_Question ord = mk("o", TV_Q_ORDER, 1, "C");
    ord.n_items = 3;
    ord.items[0] = "a", ord.items[1] = "b", ord.items[2] = "c";
    const tv_Question *pool[1] = {&q};
    tv_Session s;
    tv_SessionConfig k = cfg(1, 1, 1);
    CHECK(tv_session_init(&s, &k, pool, 1, tv_alloc_default(), NULL));
    tv_Error err = {0};
    tv_Answer a = {.kind = TV_ANS_OPTION, .option = 3};
    CHECK(!tv_session_answer(&s, 0, 0, &a, 0, &err));
    CHECK_STR("option D does not exist: question c shows A to C", err.msg);
    a = (tv_Answer){.kind = TV_ANS_NUMBER, .number = 3};
    CHECK(!tv_session_answer(&s, 0, 0, &a, 0, &err));
    CHECK_STR("question c is a choice question: it takes a letter", err.msg);
    a = (tv_Answer){.kind = TV_ANS_TEXT, .text = "nothing like it"};
    CHECK(!tv_session_answer(&s, 0, 0, &a, 0, &err));
    a = (tv_Answer){.kind = TV_ANS_TEXT, .text = "OK"};
    const tv_Record *rec = tv_session_answer(&s, 0, 0, &a, 0, &err);
    CHECK(rec && rec->verdict == TV_V_CORRECT && rec->answer.kind == TV_ANS_OPTION);
    tv_session_free(&s);

    pool[0] = &ord;
    CHECK(tv_session_init(&s, &k, pool, 1, tv_alloc_default(), NULL));
    a = (tv_Answer){.kind = TV_ANS_ORDER, .n_order = 3, .order = {0, 0, 1}};
    CHECK(!tv_session_answer(&s, 0, 0, &a, 0, &err));
    CHECK_STR("an order must use each of the letters A to C once", err.msg);
    a = (tv_Answer){.kind = TV_ANS_ORDER, .n_order = 2, .order = {0, 1}};
    CHECK(!tv_session_answer(&s, 0, 0, &a, 0, &err));
    tv_session_free(&s);
}

TEST("an order question is never shown already in the right order")
{
    tv_Question ord = mk("o", TV_Q_ORDER, 1, "C");
    ord.n_items = 2;
    ord.items[0] = "a", ord.items[1] = "b";
    const tv_Question *pool[1] = {&ord};
    for (unsigned long long seed = 0; seed < 50; seed++) {
        tv_Session s;
        tv_SessionConfig k = cfg(seed, 1, 1);
        CHECK(tv_session_init(&s, &k, pool, 1, tv_alloc_default(), NULL));
        CHECK(!(s.rounds[0].shown[0] == 0 && s.rounds[0].shown[1] == 1));
        tv_session_free(&s);
    }
}

TEST("a timeout records the full limit and breaks the streak")
{
    tv_Question a = choice("a", 2), b = choice("b", 2), c = choice("c", 2);
    const tv_Question *pool[3] = {&a, &b, &c};
    tv_Session s;
    tv_SessionConfig k = cfg(2, 3, 1);
    CHECK(tv_session_init(&s, &k, pool, 3, tv_alloc_default(), NULL));
    tv_Answer good;
    tv_session_correct_answer(&s, 0, &good);
    CHECK_INT(1000, tv_session_answer(&s, 0, 0, &good, 0, NULL)->points);
    tv_Answer none = {.kind = TV_ANS_TIMEOUT};
    const tv_Record *r = tv_session_answer(&s, 0, 1, &none, 0, NULL);
    CHECK_INT(TV_V_TIMEOUT, r->verdict);
    CHECK_INT(20000, r->t_ms);
    tv_session_correct_answer(&s, 2, &good);
    CHECK_INT(0, tv_session_answer(&s, 0, 2, &good, 0, NULL)->bonus);
    CHECK_INT(1, tv_session_result(&s, 0).longest_streak);
    tv_session_free(&s);
}

TEST("session setup fails cleanly and frees everything when any allocation fails")
{
    tv_Question qs[30];
    const tv_Question *pool[30];
    for (int i = 0; i < 30; i++) {
        qs[i] = choice("x", 4);
        pool[i] = &qs[i];
    }
    tv_SessionConfig k = cfg(1, 20, 4);
    for (int n = 1; n < 20; n++) {
        Counter c = {.fail_at = n};
        tv_Session s;
        tv_Error err = {0};
        bool ok = tv_session_init(&s, &k, pool, 30, (tv_Alloc){counting, &c}, &err);
        if (!ok)
            CHECK_INT(TV_ERR_NOMEM, err.code);
        tv_session_free(&s);
        tv_session_free(&s); /* twice is safe */
        CHECK_INT(0, c.live);
    }
}

TEST("a thousand players each keep their own score, streak and lifeline")
{
    tv_Question qs[5];
    const tv_Question *pool[5];
    char ids[5][8];
    for (int i = 0; i < 5; i++) {
        snprintf(ids[i], sizeof ids[i], "q%d", i);
        qs[i] = choice(ids[i], 4);
        pool[i] = &qs[i];
    }
    enum { N = 1000 };
    tv_Session s;
    tv_SessionConfig k = cfg(11, 5, N);
    CHECK(tv_session_init(&s, &k, pool, 5, tv_alloc_default(), NULL));
    /* Player p answers the first p % 6 questions right, the rest wrong, all at 0 s; the
     * players with p % 7 == 0 use 50:50 on question 1 first. */
    for (int r = 0; r < 5; r++)
        for (int p = 0; p < N; p++) {
            if (r == 0 && p % 7 == 0)
                CHECK(tv_session_lifeline(&s, p, 0, NULL));
            tv_Answer a;
            if (r < p % 6)
                tv_session_correct_answer(&s, r, &a);
            else
                tv_session_wrong_answer(&s, p, r, &a);
            CHECK(tv_session_answer(&s, p, r, &a, 0, NULL) != NULL);
        }
    int bad = 0;
    for (int p = 0; p < N; p++) {
        tv_Result res = tv_session_result(&s, p);
        int right = p % 6 < 5 ? p % 6 : 5;
        /* 1000 per right answer at 0 s (500 with 50:50 on the first), plus 100 * (n - 1)
         * of streak bonus on the n-th right answer in a row. */
        int want = 0;
        for (int r = 0; r < right; r++)
            want += (r == 0 && p % 7 == 0 ? 500 : 1000) + 100 * r;
        bad += res.correct != right || res.total != want || res.longest_streak != right ||
               tv_session_lifeline_available(&s, p, 4);
    }
    CHECK_INT(0, bad);
    tv_session_free(&s);
}

/* True when no round of s asks a fact that an earlier round showed or asked. */
static bool no_leak(const tv_Session *s)
{
    for (int i = 0; i < s->n_rounds; i++)
        for (int j = 0; j < i; j++) {
            const tv_Question *later = s->rounds[i].q, *earlier = s->rounds[j].q;
            if (!*later->asks)
                continue;
            if (strcmp(later->asks, earlier->asks) == 0)
                return false;
            for (int k = 0; k < earlier->n_shows; k++)
                if (strcmp(later->asks, earlier->shows[k]) == 0)
                    return false;
        }
    return true;
}

TEST("the draw never asks a fact twice in a round nor after a question that showed it")
{
    /* A leak graph: "ransom" is asked by two questions (twins); "amount" is shown by
     * the ransom questions and asked by one; a cycle: c1 shows "x" and asks "y", c2
     * shows "y" and asks "x"; "store" is shown by a question's source title. */
    static const char *const shows_ransom[] = {"amount"}, *const shows_c1[] = {"x"}, *const shows_c2[] = {"y"},
                             *const shows_src[] = {"store"};
    tv_Question qs[12];
    const tv_Question *pool[12];
    char ids[12][8];
    for (int i = 0; i < 12; i++) {
        snprintf(ids[i], sizeof ids[i], "q%d", i);
        qs[i] = choice(ids[i], 4);
        qs[i].asks = "";
        pool[i] = &qs[i];
    }
    qs[0].asks = "ransom", qs[0].shows = shows_ransom, qs[0].n_shows = 1;
    qs[1].asks = "ransom", qs[1].shows = shows_ransom, qs[1].n_shows = 1;
    qs[2].asks = "amount";
    qs[3].asks = "y", qs[3].shows = shows_c1, qs[3].n_shows = 1;
    qs[4].asks = "x", qs[4].shows = shows_c2, qs[4].n_shows = 1;
    qs[5].shows = shows_src, qs[5].n_shows = 1; /* asks nothing declared */
    qs[6].asks = "store";
    int both_ransom = 0, cycle_both = 0, leaks = 0, full = 0;
    for (unsigned long long seed = 1; seed <= 300; seed++) {
        tv_Session s;
        tv_SessionConfig k = cfg(seed, 12, 1);
        CHECK(tv_session_init(&s, &k, pool, 12, tv_alloc_default(), NULL));
        bool has[12] = {0};
        for (int i = 0; i < s.n_rounds; i++)
            has[s.rounds[i].q - qs] = true;
        both_ransom += has[0] && has[1];
        cycle_both += has[3] && has[4];
        leaks += !no_leak(&s);
        /* Only the twins and the cycle can never share a round: every other question
         * is always drawn when the round asks for the whole pool. */
        full += s.n_rounds == 10 && has[2] + has[0] + has[1] >= 1;
        tv_session_free(&s);
    }
    CHECK_INT(0, both_ransom);
    CHECK_INT(0, cycle_both);
    CHECK_INT(0, leaks);
    CHECK(full > 0);
}

TEST("with no facts declared the draw is the plain shuffle")
{
    tv_Question qs[20];
    const tv_Question *pool[20];
    char ids[20][8];
    for (int i = 0; i < 20; i++) {
        snprintf(ids[i], sizeof ids[i], "q%d", i);
        qs[i] = choice(ids[i], 4);
        pool[i] = &qs[i];
    }
    /* Pinned: seed 5 draws these ten, as it did before facts existed (the draw of
     * commit 48d356e, run separately). */
    tv_Session s;
    tv_SessionConfig k = cfg(5, 10, 1);
    CHECK(tv_session_init(&s, &k, pool, 20, tv_alloc_default(), NULL));
    char got[128] = "";
    for (int i = 0; i < s.n_rounds; i++) {
        strcat(got, s.rounds[i].q->id);
        strcat(got, " ");
    }
    CHECK_STR("q10 q7 q4 q5 q9 q14 q11 q1 q8 q18 ", got);
    tv_session_free(&s);
}

TEST("the timer percentage scales each round's limit and the score uses the scaled limit")
{
    tv_Question q = choice("only", 4);
    const tv_Question *pool[1] = {&q};
    tv_Session s;
    tv_SessionConfig k = cfg(1, 1, 1);
    k.timer_percent = 50;
    CHECK(tv_session_init(&s, &k, pool, 1, tv_alloc_default(), NULL));
    CHECK_INT(10000, s.rounds[0].limit_ms);
    CHECK_INT(20000, q.time_limit_ms); /* the pack's question is not touched */
    tv_Answer a;
    tv_session_correct_answer(&s, 0, &a);
    /* 10 s into a 10 s limit: the last moment, so the time points are all gone. */
    const tv_Record *rec = tv_session_answer(&s, 0, 0, &a, 10000, NULL);
    CHECK(rec != NULL);
    CHECK_INT(TV_V_CORRECT, rec->verdict);
    CHECK_INT(500, rec->points);
    tv_session_free(&s);

    k.timer_percent = 0; /* as written */
    CHECK(tv_session_init(&s, &k, pool, 1, tv_alloc_default(), NULL));
    CHECK_INT(20000, s.rounds[0].limit_ms);
    tv_session_free(&s);
    k.timer_percent = 1000; /* kept within the limits every question obeys */
    CHECK(tv_session_init(&s, &k, pool, 1, tv_alloc_default(), NULL));
    CHECK_INT(TV_TIME_MAX_MS, s.rounds[0].limit_ms);
    tv_session_free(&s);
}

TEST("the type filter asks only the allowed types and draws the rest as without it")
{
    tv_Question qs[12];
    const tv_Question *pool[12], *choices[6];
    char ids[12][8];
    int nc = 0;
    for (int i = 0; i < 12; i++) {
        snprintf(ids[i], sizeof ids[i], "q%d", i);
        qs[i] = i % 2 ? choice(ids[i], 4) : mk(ids[i], TV_Q_NUMERIC, 1, "C");
        pool[i] = &qs[i];
        if (i % 2)
            choices[nc++] = &qs[i];
    }
    tv_Session a, b;
    tv_SessionConfig k = cfg(3, 4, 1);
    k.types = 1u << TV_Q_CHOICE;
    CHECK(tv_session_init(&a, &k, pool, 12, tv_alloc_default(), NULL));
    k.types = 0;
    CHECK(tv_session_init(&b, &k, choices, nc, tv_alloc_default(), NULL));
    CHECK_INT(4, a.n_rounds);
    for (int i = 0; i < 4; i++) {
        CHECK_INT(TV_Q_CHOICE, a.rounds[i].q->type);
        CHECK(a.rounds[i].q == b.rounds[i].q); /* filtering first or by the caller: one draw */
    }
    tv_session_free(&a);
    tv_session_free(&b);

    tv_Error err = {0};
    k.types = 1u << TV_Q_ORDER;
    CHECK(!tv_session_init(&a, &k, pool, 12, tv_alloc_default(), &err));
    CHECK_STR("the selected packs hold no questions of the types asked", err.msg);
    tv_session_free(&a);
}

TEST("option_correct names the right shown entry of choice and true/false rounds")
{
    tv_Question q = choice("c", 4), tf = mk("tf", TV_Q_TRUEFALSE, 1, "C"), num = mk("n", TV_Q_NUMERIC, 1, "C");
    tf.truth = false;
    const tv_Question *pool[3] = {&q, &tf, &num};
    tv_Session s;
    tv_SessionConfig k = cfg(9, 3, 1);
    CHECK(tv_session_init(&s, &k, pool, 3, tv_alloc_default(), NULL));
    for (int r = 0; r < 3; r++) {
        const tv_Round *rd = tv_session_round(&s, r);
        int right = 0;
        for (int i = 0; i < 6; i++)
            right += tv_round_option_correct(rd, i);
        if (rd->q == &q) {
            CHECK_INT(1, right);
            for (int i = 0; i < rd->n_shown; i++)
                CHECK(tv_round_option_correct(rd, i) == (rd->shown[i] == 0));
        } else if (rd->q == &tf) {
            CHECK(!tv_round_option_correct(rd, 0));
            CHECK(tv_round_option_correct(rd, 1));
        } else
            CHECK_INT(0, right);
    }
    tv_session_free(&s);
}

TEST("50:50 is available exactly when tv_session_lifeline would succeed")
{
    tv_Question q3 = choice("three", 3), q2 = choice("two", 2), q4 = choice("four", 4);
    const tv_Question *pool[3] = {&q3, &q2, &q4};
    tv_Session s;
    tv_SessionConfig k = cfg(2, 3, 2);
    CHECK(tv_session_init(&s, &k, pool, 3, tv_alloc_default(), NULL));
    for (int p = 0; p < 2; p++)
        for (int r = 0; r < 3; r++) {
            bool avail = tv_session_lifeline_available(&s, p, r);
            CHECK(avail == (s.rounds[r].q->n_options >= 3));
        }
    /* Player 1 answers round 1, then neither the answered round nor (once spent) any
     * other round offers it; player 2 is unaffected. */
    tv_Answer a;
    tv_session_correct_answer(&s, 0, &a);
    CHECK(tv_session_answer(&s, 0, 0, &a, 1000, NULL) != NULL);
    CHECK(!tv_session_lifeline_available(&s, 0, 0));
    CHECK(!tv_session_lifeline(&s, 0, 0, NULL));
    int other = s.rounds[1].q->n_options >= 3 ? 1 : 2;
    CHECK(tv_session_lifeline_available(&s, 0, other));
    CHECK(tv_session_lifeline(&s, 0, other, NULL));
    for (int r = 0; r < 3; r++)
        CHECK(!tv_session_lifeline_available(&s, 0, r));
    CHECK(tv_session_lifeline_available(&s, 1, 0) == (s.rounds[0].q->n_options >= 3));
    tv_session_free(&s);
}

/* The ids of s's rounds, space-separated. */
static void ids_of(const tv_Session *s, char *out, size_t size)
{
    out[0] = '\0';
    for (int i = 0; i < s->n_rounds; i++) {
        strncat(out, s->rounds[i].q->id, size - strlen(out) - 1);
        strncat(out, " ", size - strlen(out) - 1);
    }
}

TEST("a film night's four rounds repeat no question while the pool holds enough, and replay from seed and round")
{
    tv_Question qs[45];
    const tv_Question *pool[45];
    char ids[45][8];
    for (int i = 0; i < 45; i++) {
        snprintf(ids[i], sizeof ids[i], "q%d", i);
        qs[i] = choice(ids[i], 4);
        pool[i] = &qs[i];
    }
    for (unsigned long long first = 1; first <= 50; first++) {
        int seen[45] = {0}, repeats = 0;
        for (int r = 0; r < 4; r++) {
            tv_Session s, again;
            tv_SessionConfig k = cfg(first, 10, 1);
            CHECK(tv_session_init_evening(&s, &k, r, pool, 45, tv_alloc_default(), NULL));
            CHECK_INT(10, s.n_rounds);
            CHECK(s.cfg.seed == first + (unsigned long long)r);
            for (int i = 0; i < s.n_rounds; i++)
                repeats += seen[s.rounds[i].q - qs]++ > 0;
            CHECK(tv_session_init_evening(&again, &k, r, pool, 45, tv_alloc_default(), NULL));
            char a[256], b[256];
            ids_of(&s, a, sizeof a), ids_of(&again, b, sizeof b);
            CHECK_STR(a, b);
            if (r == 0) { /* the first round is the plain draw of its seed */
                tv_Session plain;
                CHECK(tv_session_init(&plain, &k, pool, 45, tv_alloc_default(), NULL));
                ids_of(&plain, b, sizeof b);
                CHECK_STR(a, b);
                tv_session_free(&plain);
            }
            tv_session_free(&s);
            tv_session_free(&again);
        }
        CHECK_INT(0, repeats);
    }
}

TEST("a film night passes over a twin of a question asked in an earlier round")
{
    tv_Question qs[30];
    const tv_Question *pool[30];
    char ids[30][8];
    for (int i = 0; i < 30; i++) {
        snprintf(ids[i], sizeof ids[i], "q%d", i);
        qs[i] = choice(ids[i], 4);
        qs[i].asks = "";
        pool[i] = &qs[i];
    }
    qs[3].asks = qs[17].asks = "ransom"; /* twins: never in one evening while others are left */
    int both = 0;
    for (unsigned long long first = 1; first <= 100; first++) {
        bool has[30] = {0};
        for (int r = 0; r < 2; r++) {
            tv_Session s;
            tv_SessionConfig k = cfg(first, 10, 1);
            CHECK(tv_session_init_evening(&s, &k, r, pool, 30, tv_alloc_default(), NULL));
            for (int i = 0; i < s.n_rounds; i++)
                has[s.rounds[i].q - qs] = true;
            tv_session_free(&s);
        }
        both += has[3] && has[17];
    }
    CHECK_INT(0, both);
}

TEST("a film night whose pool runs out asks every fresh question before any played one")
{
    tv_Question qs[25];
    const tv_Question *pool[25];
    char ids[25][8];
    for (int i = 0; i < 25; i++) {
        snprintf(ids[i], sizeof ids[i], "q%d", i);
        qs[i] = choice(ids[i], 4);
        pool[i] = &qs[i];
    }
    int seen[25] = {0};
    for (int r = 0; r < 2; r++) {
        tv_Session s;
        tv_SessionConfig k = cfg(7, 10, 1);
        CHECK(tv_session_init_evening(&s, &k, r, pool, 25, tv_alloc_default(), NULL));
        for (int i = 0; i < s.n_rounds; i++)
            seen[s.rounds[i].q - qs]++;
        tv_session_free(&s);
    }
    tv_Session third;
    tv_SessionConfig k = cfg(7, 10, 1);
    CHECK(tv_session_init_evening(&third, &k, 2, pool, 25, tv_alloc_default(), NULL));
    CHECK_INT(10, third.n_rounds);
    int fresh = 0;
    for (int i = 0; i < third.n_rounds; i++)
        fresh += seen[third.rounds[i].q - qs] == 0;
    CHECK_INT(5, fresh); /* the five never asked, then five of the played ones */
    for (int i = 0; i < 5; i++)
        CHECK(seen[third.rounds[i].q - qs] == 0);
    tv_session_free(&third);
    tv_Error err = {0};
    CHECK(!tv_session_init_evening(&third, &k, -1, pool, 25, tv_alloc_default(), &err));
    CHECK_STR("a film night's round is 0 or more, got -1", err.msg);
}

TEST_MAIN()
