/* describe.h - `pack-worker --describe-api`: every name pack code can reach, as JSON.
 *
 * Opens the same sandbox a pack gets (no pack code runs) and prints, on stdout, what the
 * pack API consists of in C, for tests/plugin/test_api_docs.py, which checks it against
 * docs/pack-api.md and docs/trivium.d.lua. A plain Lua 5.4 state with every standard
 * library is described next to it, so the test can tell Trivium's own names from Lua's.
 * Depends on: Lua 5.4, cJSON, the worker (sandbox, api_quiz, convert). */
#ifndef TV_DESCRIBE_H
#define TV_DESCRIBE_H

/* Prints
 *   { "sandbox": { "_ENV": {name: type}, "<global table>": {name: type}, ... },
 *     "ctx":     { "ctx": {name: type}, "ctx.rng": {name: type} },
 *     "schema":  { "pack": [names], "question": [names], "source": [names] },
 *     "lua":     { "_ENV": {name: type}, "<global table>": {name: type}, ... } }
 * where "_ENV" holds the globals, each global table (a library, `quiz`) has its own
 * entry with the fields a pack can read through it, and type is Lua's type name.
 * Returns the process exit status: 0, or 1 when something could not be set up. */
int tv_worker_describe_api(void);

#endif
