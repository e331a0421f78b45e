/* api_quiz.h - the pack API's `quiz` table and generate's ctx, bound for Lua.
 *
 * One binding file for the tables pack code sees besides the standard libraries
 * (docs/pack-api.md). The sandbox opens quiz into every pack's environment; the worker
 * pushes ctx for each generate call.
 * Depends on: Lua 5.4, core (rng). Runs pack code's calls: every argument is checked. */
#ifndef TV_API_QUIZ_H
#define TV_API_QUIZ_H

#include <stdbool.h>

#include <lua.h>

#include "core/rng.h"

/* lua_CFunction opener, like luaopen_string: pushes a new quiz table and returns 1. */
int tv_luaopen_quiz(lua_State *L);

/* quiz.log (of the quiz table last opened in L) writes to stderr when on, else does
 * nothing: the default, the game's. */
void tv_api_quiz_log_enable(lua_State *L, bool on);

/* Pushes a fresh ctx.rng table whose functions draw from rng, which must outlive every
 * call into it (the sandbox's own generator). */
void tv_api_push_rng(lua_State *L, tv_Rng *rng);

/* Pushes the ctx table generate(ctx) receives: rng (a fresh ctx.rng over rng), lang, pack. */
void tv_api_push_ctx(lua_State *L, tv_Rng *rng, const char *lang, const char *pack_id);

#endif
