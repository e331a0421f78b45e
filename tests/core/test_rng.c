/* core.rng: the generator is reproducible, pinned and unbiased enough to shuffle. */
#include "check.h"
#include "core/rng.h"

TEST("seed 42 gives the pinned first outputs on every machine")
{
    tv_Rng r;
    tv_rng_seed(&r, 42);
    /* xoshiro256** over a splitmix64-filled state; values pinned when the algorithm was
     * chosen, so any change to it (and so to every session) fails here first. */
    static const unsigned long long expected[4] = {
#include "rng_seed42.inc"
    };
    for (int i = 0; i < 4; i++)
        CHECK_INT((long long)expected[i], (long long)tv_rng_next(&r));
}

TEST("the same seed twice gives the same sequence, another seed a different one")
{
    tv_Rng a, b, c;
    tv_rng_seed(&a, 7);
    tv_rng_seed(&b, 7);
    tv_rng_seed(&c, 8);
    int same = 1, differs = 0;
    for (int i = 0; i < 100; i++) {
        unsigned long long x = tv_rng_next(&a), y = tv_rng_next(&b), z = tv_rng_next(&c);
        same &= x == y;
        differs |= x != z;
    }
    CHECK(same);
    CHECK(differs);
}

TEST("derived streams differ by label and are stable")
{
    tv_Rng a, b, c;
    tv_rng_derive(&a, 1, "pack/one");
    tv_rng_derive(&b, 1, "pack/two");
    tv_rng_derive(&c, 1, "pack/one");
    unsigned long long x = tv_rng_next(&a);
    CHECK(x != tv_rng_next(&b));
    CHECK_INT((long long)x, (long long)tv_rng_next(&c));
}

TEST("range stays within its bounds, including negative and single-value ranges")
{
    tv_Rng r;
    tv_rng_seed(&r, 3);
    int seen[7] = {0};
    for (int i = 0; i < 7000; i++) {
        long long v = tv_rng_range(&r, -3, 3);
        CHECK(v >= -3 && v <= 3);
        if (v >= -3 && v <= 3)
            seen[v + 3]++;
    }
    for (int i = 0; i < 7; i++)
        CHECK(seen[i] > 800 && seen[i] < 1200);
    CHECK_INT(5, tv_rng_range(&r, 5, 5));
}

TEST("a shuffle is a permutation")
{
    tv_Rng r;
    tv_rng_seed(&r, 9);
    int a[10];
    for (int i = 0; i < 10; i++)
        a[i] = i;
    tv_rng_shuffle_ints(&r, a, 10);
    int seen = 0;
    for (int i = 0; i < 10; i++)
        seen |= 1 << a[i];
    CHECK_INT(0x3ff, seen);
}

TEST("unit doubles lie in [0, 1)")
{
    tv_Rng r;
    tv_rng_seed(&r, 11);
    for (int i = 0; i < 1000; i++) {
        double d = tv_rng_unit(&r);
        CHECK(d >= 0 && d < 1);
    }
}

TEST_MAIN()
