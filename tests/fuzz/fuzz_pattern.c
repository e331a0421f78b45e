/* libFuzzer target: the pack sandbox's copy of Lua's pattern matcher (lua_match.c) on
 * any pattern and subject. Input: pattern, a NUL byte, subject (no NUL: the subject is
 * empty). Each of find, match, gmatch and gsub must return or raise a Lua error (a bad
 * pattern, the budget) and never crash; the budget is small so a backtracking pattern
 * ends quickly. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "plugin/worker/sandbox.h"

static const char script[] = "local p, s = ...\n"
                             "string.find(s, p)\n"
                             "string.match(s, p)\n"
                             "for a in string.gmatch(s, p) do end\n"
                             "string.gsub(s, p, '%0%0')\n"
                             "string.find(s, p, 1, true)\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tv_Sandbox sb;
    static bool open;
    char msg[1024], file[1100];
    int line;
    if (!open) {
        if (!tv_sandbox_open(&sb, "/", "fuzz", msg, sizeof msg))
            abort();
        open = true;
    }
    sb.budget = 2000000;
    tv_sandbox_reset_budget(&sb);
    sb.mem_exceeded = false;
    const char *text = (const char *)data;
    const char *nul = memchr(text, '\0', size);
    size_t plen = nul ? (size_t)(nul - text) : size;
    lua_State *L = sb.L;
    if (luaL_loadbufferx(L, script, sizeof script - 1, "=fuzz", "t") != LUA_OK)
        abort();
    lua_rawgeti(L, LUA_REGISTRYINDEX, sb.env_ref);
    lua_setupvalue(L, -2, 1);
    lua_pushlstring(L, text, plen);
    lua_pushlstring(L, nul ? nul + 1 : "", nul ? size - plen - 1 : 0);
    tv_sandbox_call(&sb, 2, file, sizeof file, &line, msg, sizeof msg);
    lua_settop(L, 0);
    return 0;
}
