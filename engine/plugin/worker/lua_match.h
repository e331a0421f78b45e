/* lua_match.h - Lua's pattern functions with every matching step charged to a budget.
 *
 * string.find, string.match, string.gmatch and string.gsub, as in Lua 5.4.4, except that
 * the matcher reports the work it does: a backtracking pattern costs its steps, not one
 * VM instruction. Plain find (find with plain = true, or a pattern without specials) is
 * linear and charged by the bytes it scans.
 * Depends on: Lua 5.4. */
#ifndef TV_LUA_MATCH_H
#define TV_LUA_MATCH_H

#include <lua.h>

/* Adds cost to the budget of the state; raises the budget error (naming what, such as
 * "string.find") when the budget is spent. */
typedef void (*tv_MatchCharge)(lua_State *L, long long cost, const char *what);

/* Replaces find, match, gmatch and gsub in the table at index strtab (the string
 * library). */
void tv_match_install(lua_State *L, int strtab, tv_MatchCharge charge);

#endif
