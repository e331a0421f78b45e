/* wire.h - the pack worker's output format, spelled once for both sides.
 *
 * The worker (worker/worker.c, worker/convert.c) writes it and the host (decode.c)
 * reads it back; the pack cache (pack_cache.c) keeps the data frame's bytes as they were.
 * Every token and key below is used through these macros so the two sides cannot drift.
 *
 * Framing, on the worker's stdout:
 *
 *     phase loading\n             zero or more phase lines, one per stage reached: what the
 *     phase generating\n          worker was doing when it was killed or crashed
 *     data N\n                    then exactly one data frame: N (decimal) bytes of JSON
 *     <N bytes>                   with nothing after them
 *
 * A frame shorter than N bytes, or no data line at all, is treated as "the worker wrote no
 * data" and the host reports how it ended (killed, crashed, exit status).
 *
 * The document (a JSON object; every string UTF-8):
 *
 *   ok            bool     false: the pack was rejected (the reason is an error diagnostic)
 *   pack          object   id, title, version, description, author (strings), languages
 *                          (list of up to 8 codes such as "en"), has_generate (bool)
 *   sources       list     of {key, publisher?, title?, date?, url?}, keys sorted, unique
 *   static_count  integer  how many of questions come from the static list (the rest
 *   generated_count        were generated)
 *   questions     list     up to TV_WIRE_MAX_QUESTIONS of:
 *       id, type ("choice", "truefalse", "numeric", "order", "text"), generated (bool),
 *       prompt, explain ("" when none), category (absent: the host's default category),
 *       difficulty (1..3), time_ms (TV_TIME_MIN_MS..TV_TIME_MAX_MS), source ("" when none),
 *       more_sources (optional: the keys after source of a question that names a list,
 *       up to TV_MAX_SOURCES in all), where ("dir/pack.lua:LINE"), and per type:
 *       choice: options (answer first), truefalse: truth, numeric: number, tolerance,
 *       unit, order: items (in the right order), text: accept; optionally asks (a fact
 *       name) and shows (a list of up to TV_WIRE_MAX_SHOWS fact names)
 *   diagnostics   list     of {where ("file:line" or "file"), severity ("error" or
 *                          "warning"), msg}, and optionally phase ("generating": found
 *                          while generate ran, so it may hold on some seeds only) and
 *                          dropped (true: a generated question the schema check refused
 *                          and left out; a warning, so the pack still plays, but an
 *                          error to lint), and for an error raised while pack code ran
 *                          optionally trace (the Lua frames it was raised in, innermost
 *                          first, up to TV_WIRE_MAX_TRACE of "file:line: in function 'f'")
 *   seeded        bool     pack code drew random numbers (math.random, ctx.rng) while
 *                          loading or generating; false: the result is the same for every
 *                          seed (the host then loads it once for a batch and caches it once).
 *                          Absent counts as true. A worker lying here only repeats its own
 *                          questions across seeds, which it could do anyway.
 *
 * Many seeds (`--seeds LIST`, for batches): the worker plays each seed in a child process
 * of its own (a fresh lua_State, the same rlimits, budget and deadline as one seed) and
 * writes one record per seed, in the order given:
 *
 *     seed S STATUS HOW N\n       S the seed, STATUS the child's waitpid status, HOW "-",
 *     <N bytes>                    "timeout" or "flood"; then exactly what a one-seed worker
 *                                  writes (phase lines, the data frame), N bytes of it
 *
 * The host trusts none of it: a worker ran pack code. decode.c re-checks every field.
 *
 * Pack tests (`trivium-pack-worker --mode test`, api_test.c and plugin/pack_tests.c): the
 * worker runs the pack's tests.lua and talks both ways, each message a tag line with a
 * byte count and that many bytes of JSON:
 *
 *     ask N\n<N bytes>     worker -> host: {"what": "questions", "seed", "lang"} or
 *                          {"what": "session", "seed", "count", "lang", "players": [
 *                          {"answers": [LINE, ...]}], ...}; the worker then waits for
 *     reply N\n<N bytes>   host -> worker (on stdin): {"ok": true, "result": ...} or
 *                          {"ok": false, "error": MESSAGE, "code": 3|4}
 *     case N\n<N bytes>    worker -> host: one test's outcome {"name", "ok", "message"
 *                          ("file:line: why" when failed), "code" (1, or 3/4 when the
 *                          host's reply made it fail)}
 *     fatal N\n<N bytes>   worker -> host: tests.lua could not run {"message"}; the last
 *                          frame
 *
 * A worker that exits after its cases has run them all.
 * Depends on: nothing (macros and one inline helper). */
#ifndef TV_WIRE_H
#define TV_WIRE_H

#include <stddef.h>
#include <stdio.h>

/* ---- framing ---- */
#define TV_WIRE_PHASE "phase " /* followed by a phase name and '\n' */
#define TV_WIRE_DATA "data "   /* followed by the byte count and '\n' */
#define TV_WIRE_PHASE_LOADING "loading"
#define TV_WIRE_PHASE_GENERATING "generating"
#define TV_WIRE_PHASE_STARTING "starting" /* never written: no phase line seen yet */
#define TV_WIRE_SEED "seed "      /* a many-seeds worker's record: "seed S STATUS HOW N\n" */
#define TV_WIRE_HOW_TIMEOUT "timeout"
#define TV_WIRE_HOW_FLOOD "flood"

#define TV_WIRE_TEST_ASK "ask "
#define TV_WIRE_TEST_REPLY "reply "
#define TV_WIRE_TEST_CASE "case "
#define TV_WIRE_TEST_FATAL "fatal "
#define TV_WIRE_TEST_MAX_FRAME (16u << 20) /* a reply or a request, in bytes */
#define TV_TESTS_FILE "tests.lua"

/* ---- limits both sides apply ---- */
#define TV_WIRE_MAX_SEED_OUTPUT (16u << 20) /* a seed's output in a many-seeds worker */
#define TV_WIRE_MAX_QUESTIONS 2000
#define TV_WIRE_MAX_DIAGS 10000
#define TV_WIRE_MAX_SOURCES 256
#define TV_WIRE_MAX_LANGUAGES 8
#define TV_WIRE_MAX_PROMPT 1000  /* prompt, explain, pack description */
#define TV_WIRE_MAX_TEXT 300     /* options, items, accepted answers, source fields */
#define TV_WIRE_MAX_CATEGORY 60
#define TV_WIRE_MAX_UNIT 40
#define TV_WIRE_MAX_FACT 60      /* a fact name in asks or shows */
#define TV_WIRE_MAX_SHOWS 16
#define TV_WIRE_MAX_TRACE 12     /* frames of a diagnostic's trace */
#define TV_WIRE_MAX_QID 100      /* a question id, in bytes */
#define TV_WIRE_MAX_PACK_ID 64
#define TV_WIRE_MAX_TITLE 80
#define TV_WIRE_MAX_VERSION 40
#define TV_WIRE_MAX_AUTHOR 200

/* ---- document keys ---- */
#define TV_WIRE_OK "ok"
#define TV_WIRE_PACK "pack"
#define TV_WIRE_SOURCES "sources"
#define TV_WIRE_STATIC_COUNT "static_count"
#define TV_WIRE_GENERATED_COUNT "generated_count"
#define TV_WIRE_QUESTIONS "questions"
#define TV_WIRE_DIAGNOSTICS "diagnostics"
#define TV_WIRE_SEEDED "seeded"
/* pack */
#define TV_WIRE_ID "id" /* also a question's */
#define TV_WIRE_TITLE "title" /* also a source's */
#define TV_WIRE_VERSION "version"
#define TV_WIRE_DESCRIPTION "description"
#define TV_WIRE_AUTHOR "author"
#define TV_WIRE_LANGUAGES "languages"
#define TV_WIRE_HAS_GENERATE "has_generate"
/* a source (its fields are also the Lua field names of a pack's sources table) */
#define TV_WIRE_KEY "key"
#define TV_WIRE_PUBLISHER "publisher"
#define TV_WIRE_DATE "date"
#define TV_WIRE_URL "url"
/* a question */
#define TV_WIRE_TYPE "type"
#define TV_WIRE_GENERATED "generated"
#define TV_WIRE_PROMPT "prompt"
#define TV_WIRE_EXPLAIN "explain"
#define TV_WIRE_CATEGORY "category"
#define TV_WIRE_DIFFICULTY "difficulty"
#define TV_WIRE_TIME_MS "time_ms"
#define TV_WIRE_SOURCE "source"
#define TV_WIRE_MORE_SOURCES "more_sources" /* a question's sources after the first */
#define TV_WIRE_WHERE "where" /* also a diagnostic's */
#define TV_WIRE_OPTIONS "options"
#define TV_WIRE_TRUTH "truth"
#define TV_WIRE_NUMBER "number"
#define TV_WIRE_TOLERANCE "tolerance"
#define TV_WIRE_UNIT "unit"
#define TV_WIRE_ASKS "asks"
#define TV_WIRE_SHOWS "shows"
#define TV_WIRE_ITEMS "items"
#define TV_WIRE_ACCEPT "accept"
/* a diagnostic */
#define TV_WIRE_SEVERITY "severity"
#define TV_WIRE_MSG "msg"
#define TV_WIRE_DIAG_PHASE "phase"     /* TV_WIRE_PHASE_GENERATING, or absent */
#define TV_WIRE_DIAG_DROPPED "dropped" /* true, or absent */
#define TV_WIRE_TRACE "trace"
#define TV_WIRE_ERROR "error"     /* severity values */
#define TV_WIRE_WARNING "warning"

/* The pack's one Lua file, inside its folder. */
#define TV_PACK_FILE "pack.lua"

/* Writes "dir/pack.lua" into buf (always NUL-terminated): how every message names a pack's
 * file. Returns snprintf's count, so a caller can tell truncation. */
static inline int tv_pack_file_path(char *buf, size_t size, const char *dir)
{
    return snprintf(buf, size, "%s/" TV_PACK_FILE, dir);
}

#endif
