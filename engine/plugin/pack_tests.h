/* pack_tests.h - running a pack's tests.lua in a pack worker (`--mode test`), and
 * answering what its tests ask (wire.h, "Pack tests"). The host side of api_test.c: this
 * file spawns the worker and moves frames; what a request means (loading the pack,
 * playing a session) is the caller's, through serve.
 * Depends on: core (error), cJSON, POSIX. Never Lua. */
#ifndef TV_PACK_TESTS_H
#define TV_PACK_TESTS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

typedef struct tv_PackTestHost {
    void *ctx;
    /* Answers one request, a JSON object the worker sent ({"what": "questions"|"session",
     * ...}, unchecked): returns a malloc'd reply document ({"ok": true, "result": ...} or
     * {"ok": false, "error", "code"}), or NULL when out of memory. */
    char *(*serve)(void *ctx, const char *request, size_t len);
    /* One test's outcome: code 0 passed, 1 failed, 3 a pack failed to load, 4 a bad answer
     * line; message "file:line: why" when it failed ("" when passed). */
    void (*on_case)(void *ctx, const char *name, int code, const char *message);
} tv_PackTestHost;

/* Runs the tests.lua of the pack folder dir (named display in messages) in worker_exe.
 * Each wait for the worker is limited to timeout_ms (0: TV_WORKER_TIMEOUT_DEFAULT_MS);
 * the time the host spends serving does not count. False with err (TV_ERR_PACK,
 * naming file:line where known) when the tests could not run or the worker died before
 * finishing; the cases reported until then stay reported. */
bool tv_pack_tests_run(const char *worker_exe, const char *dir, const char *display, int timeout_ms,
                       const tv_PackTestHost *host, tv_Error *err);

#endif
