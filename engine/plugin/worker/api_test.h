/* api_test.h - running a pack's tests.lua in its sandbox (api_test.c; wire.h, "Pack
 * tests", for what goes over stdin and stdout).
 * Depends on: sandbox. */
#ifndef TV_API_TEST_H
#define TV_API_TEST_H

#include "plugin/worker/sandbox.h"

/* Runs tests.lua in the opened sandbox sb and each test it defines, writing one case
 * frame per test (or one fatal frame) and asking the host on stdin for t.questions and
 * t.session. Returns the worker's exit status. */
int tv_worker_run_tests(tv_Sandbox *sb);

#endif
