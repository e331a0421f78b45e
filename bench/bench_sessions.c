/* bench_sessions - how many sessions per second the rules core plays in one process.
 *
 * Loads the shipped packs once (through pack workers, as the game does), then for many
 * seeds: draws a 10-question session over every pack and answers each question
 * correctly. Prints the median of 5 runs. A benchmark, not a test: never run by ctest.
 * usage: bench_sessions TRIVIUM_BINARY PLUGIN_DIR [SESSIONS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plugin/packs.h"
#include "core/session.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_sessions TRIVIUM PLUGIN_DIR [SESSIONS]\n");
        return 2;
    }
    int sessions = argc > 3 ? atoi(argv[3]) : 20000;
    tv_PackSet set;
    tv_Error err = {0};
    tv_packset_init(&set, tv_alloc_default());
    tv_packset_scan(&set, argv[2], &err);
    tv_LoadOptions opt = {.worker_exe = argv[1], .seed = 1, .lang = "en"};
    tv_packset_load(&set, &opt, NULL);
    int n = 0;
    for (int i = 0; i < set.n; i++)
        n += set.packs[i].loaded ? set.packs[i].n_questions : 0;
    const tv_Question **pool = malloc(sizeof *pool * (size_t)n);
    n = 0;
    for (int i = 0; i < set.n; i++)
        for (int k = 0; set.packs[i].loaded && k < set.packs[i].n_questions; k++)
            pool[n++] = &set.packs[i].questions[k];
    double runs[5];
    long long checksum = 0;
    for (int r = 0; r < 5; r++) {
        double t0 = now_s();
        for (int s = 0; s < sessions; s++) {
            tv_Session ses;
            tv_SessionConfig cfg = {.seed = (uint64_t)s, .count = 10, .players = 1, .rules = tv_rules_default()};
            if (!tv_session_init(&ses, &cfg, pool, n, tv_alloc_default(), &err))
                return 1;
            for (int q = 0; q < ses.n_rounds; q++) {
                tv_Answer a;
                tv_session_correct_answer(&ses, q, &a);
                tv_session_answer(&ses, 0, q, &a, 1000 * q, NULL);
            }
            checksum += tv_session_result(&ses, 0).total;
            tv_session_free(&ses);
        }
        runs[r] = now_s() - t0;
    }
    qsort(runs, 5, sizeof runs[0], cmp_double);
    printf("sessions/s: %.0f  (median of 5 runs of %d sessions over %d questions; checksum %lld)\n",
           sessions / runs[2], sessions, n, checksum);
    free(pool);
    tv_packset_free(&set);
    return 0;
}
