/* app.args: the seed-list parser every command shares (args.h tv_args_parse_seeds). */
#include "app/args.h"
#include "check.h"

#include <stdint.h>
#include <stdlib.h>

/* The list parsed from s as "a,b,c", or "refused". */
static const char *seeds(const char *s)
{
    static char buf[4096];
    uint64_t *v;
    int n;
    if (!tv_args_parse_seeds(s, &v, &n)) {
        snprintf(buf, sizeof buf, "refused%s", v ? " (but allocated)" : "");
        return buf;
    }
    size_t at = 0;
    for (int i = 0; i < n && at < sizeof buf - 32; i++)
        at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%llu", i ? "," : "", (unsigned long long)v[i]);
    free(v);
    return buf;
}

TEST("a range, a list and a mix of both read in the order written")
{
    CHECK_STR("1,2,3", seeds("1-3"));
    CHECK_STR("1,5,9", seeds("1,5,9"));
    CHECK_STR("1,2,3,7", seeds("1-3,7"));
    CHECK_STR("9,1,1", seeds("9,1-1,1"));
    CHECK_STR("0", seeds("0"));
}

TEST("the largest seeds do not wrap around")
{
    CHECK_STR("18446744073709551614,18446744073709551615", seeds("18446744073709551614-18446744073709551615"));
    CHECK_STR("refused", seeds("18446744073709551616"));
}

TEST("anything but seeds and ascending ranges is refused")
{
    const char *bad[] = {"", ",", "1,", ",1", "1,,2", "1-", "-1", "5-3", "1-2-3", "a", "1 ", " 1", "+1", "1.5", "1;2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK_STR("refused", seeds(bad[i]));
}

TEST("at most 100000 seeds, counted before anything is allocated")
{
    uint64_t *v;
    int n;
    CHECK(tv_args_parse_seeds("0-99999", &v, &n));
    CHECK_INT(100000, n);
    CHECK_INT(99999, v[99999]);
    free(v);
    CHECK_STR("refused", seeds("0-100000"));
    CHECK_STR("refused", seeds("1-50000,1-50001"));
    CHECK_STR("refused", seeds("0-18446744073709551615"));
}

TEST_MAIN()
