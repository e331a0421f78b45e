/* testrun.h - the results of a `trivium test` run and the reports made of them: one
 * line per case ("ok NAME" / "FAIL NAME: message"), the summary line "N passed, N
 * failed", a JSON document and JUnit XML. Scenarios use it today; packs' tests.lua
 * (the workbench) are meant to add their cases to the same run.
 * Depends on: core (alloc, error), cJSON. */
#ifndef TV_TESTRUN_H
#define TV_TESTRUN_H

#include <stdbool.h>
#include <stdio.h>

#include "core/alloc.h"

typedef struct tv_TestCase {
    const char *name;      /* the scenario's name */
    const char *classname; /* where it comes from: the scenario file without .json */
    bool passed;
    int code;        /* 0 passed; 1 a failed expectation; 3 a pack failed to load; 4 a bad
                        scenario or answer line */
    const char *message; /* "" when passed */
    double seconds;
} tv_TestCase;

typedef struct tv_TestRun {
    tv_Arena arena; /* the cases' strings */
    int n, cap;
    tv_TestCase *cases; /* malloc'd */
    int passed, failed;
} tv_TestRun;

void tv_testrun_init(tv_TestRun *run);
/* Safe on a zeroed run and safe to call twice. */
void tv_testrun_free(tv_TestRun *run);
/* Copies the strings; code 0 means passed. Returns the case, or NULL when out of memory. */
const tv_TestCase *tv_testrun_add(tv_TestRun *run, const char *name, const char *classname, int code,
                                  const char *message, double seconds);
/* The exit code of the run's cases: the first of 4, 3, 1 that any case has, else 0. */
int tv_testrun_exit_code(const tv_TestRun *run);

/* "ok NAME" or "FAIL NAME: message", with control characters shown as '?'. */
void tv_testrun_print_case(FILE *out, const tv_TestCase *c);
/* "N passed, N failed" */
void tv_testrun_print_summary(FILE *out, const tv_TestRun *run);
/* {"passed": N, "failed": N, "tests": [{"name", "classname", "status": "pass"|"fail",
 * "code", "message", "time"}]}; false on out of memory. */
bool tv_testrun_json(FILE *out, const tv_TestRun *run);
/* <testsuites><testsuite name="trivium test" tests failures errors skipped time>
 * <testcase name classname time>[<failure message type>]...; false on a write error. */
bool tv_testrun_junit(FILE *out, const tv_TestRun *run);

#endif
