/* check.h - the smallest test harness that prints expected and got.
 * A test file defines cases with TEST("sentence about behaviour") { ... } and ends with
 * TEST_MAIN(). */
#ifndef TV_CHECK_H
#define TV_CHECK_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*check_fn)(void);
static struct {
    const char *name;
    check_fn fn;
} check_cases[256];
static int check_n, check_failed_here, check_failures;

#define TEST_CAT2(a, b) a##b
#define TEST_CAT(a, b) TEST_CAT2(a, b)
#define TEST(title) TEST_AT(title, TEST_CAT(test_case_, __LINE__))
#define TEST_AT(title, case_fn)                                                                                  \
    static void case_fn(void);                                                                                \
    __attribute__((constructor)) static void TEST_CAT(reg_, case_fn)(void)                                       \
    {                                                                                                       \
        check_cases[check_n].name = title;                                                                  \
        check_cases[check_n++].fn = case_fn;                                                                   \
    }                                                                                                       \
    static void case_fn(void)

#define CHECK(cond)                                                                                         \
    do {                                                                                                    \
        if (!(cond)) {                                                                                      \
            fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                      \
            check_failed_here = 1;                                                                          \
        }                                                                                                   \
    } while (0)
#define CHECK_INT(expected, got)                                                                            \
    do {                                                                                                    \
        long long e_ = (long long)(expected), g_ = (long long)(got);                                        \
        if (e_ != g_) {                                                                                     \
            fprintf(stderr, "  %s:%d: %s: expected %lld, got %lld\n", __FILE__, __LINE__, #got, e_, g_);    \
            check_failed_here = 1;                                                                          \
        }                                                                                                   \
    } while (0)
#define CHECK_STR(expected, got)                                                                            \
    do {                                                                                                    \
        const char *e_ = (expected), *g_ = (got);                                                           \
        if (!g_ || strcmp(e_, g_) != 0) {                                                                   \
            fprintf(stderr, "  %s:%d: %s: expected \"%s\", got \"%s\"\n", __FILE__, __LINE__, #got, e_,     \
                    g_ ? g_ : "(null)");                                                                    \
            check_failed_here = 1;                                                                          \
        }                                                                                                   \
    } while (0)

/* Runs every case, printing ok/FAIL per case and the count line; the exit code. For a
 * test whose main must first read its arguments. */
static inline int check_run(void)
{
    for (int i = 0; i < check_n; i++) {
        check_failed_here = 0;
        check_cases[i].fn();
        printf("%s: %s\n", check_failed_here ? "FAIL" : "ok", check_cases[i].name);
        check_failures += check_failed_here;
    }
    printf("%d passed, %d failed\n", check_n - check_failures, check_failures);
    return check_failures ? 1 : 0;
}

#define TEST_MAIN()                                                                                         \
    int main(void) { return check_run(); }

#endif
