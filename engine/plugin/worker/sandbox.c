/* sandbox.c - the pack's Lua state: allocator cap, instruction budget, locked globals,
 * text-only load, include.
 * Trust boundary: runs untrusted pack code (inside the worker process only).
 * Over 500 lines because the guards belong together: the allocator, the hook, the
 * environment proxies and include each rely on the others' state in tv_Sandbox, and one
 * file lets a reviewer check that every way into Lua is covered.
 * Depends on: Lua 5.4, core. */
#include "plugin/worker/sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "plugin/worker/api_quiz.h"
#include "plugin/worker/lua_match.h"
#include "core/text.h"
#include "plugin/wire.h"

tv_Sandbox *tv_sandbox_get(lua_State *L) { return *(tv_Sandbox **)lua_getextraspace(L); }

/* ==================== memory and time ==================== */

static void count_hook(lua_State *L, lua_Debug *ar);

#if defined(__SANITIZE_ADDRESS__)
#define TV_SB_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TV_SB_SANITIZED 1
#endif
#endif

static int cpu_limit_ms(void)
{
#ifdef TV_SB_SANITIZED
    return 3 * TV_SB_CPU_LIMIT_MS;
#else
    return TV_SB_CPU_LIMIT_MS;
#endif
}

/* The worker may read a clock (the core may not): CPU time, not wall time, so a busy
 * machine does not refuse a good pack. */
static long long cpu_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
static size_t file_prefix(const char *m, const char *name);

static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    tv_Sandbox *sb = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        sb->mem_used -= old;
        return NULL;
    }
    if (nsize > old && sb->mem_used + (nsize - old) > sb->mem_limit) {
        sb->mem_exceeded = true;
        /* Stop at the next instruction should a pcall catch the error (count_hook);
         * lua_sethook only sets fields, so it is safe in here. */
        if (sb->L)
            lua_sethook(sb->L, count_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1);
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p) {
        sb->mem_used = sb->mem_used - old + nsize;
        /* Making big values (a concatenation, string.rep, a table resize) is work the
         * instruction count does not see; the hook checks the total at its next count. */
        if (nsize > old)
            sb->instructions += (long long)((nsize - old) / TV_SB_BYTES_PER_STEP);
    }
    return p;
}

/* Raises the budget error. It names the line where the budget ran out, also when it is
 * raised again later or elsewhere (in the coroutine's resumer, say). */
static int budget_error(lua_State *L)
{
    tv_Sandbox *sb = tv_sandbox_get(L);
    if (sb->cpu_exceeded)
        lua_pushfstring(L,
                        "%sCPU time limit exceeded while %s (work the instruction count does not see, such as "
                        "comparing long strings in a loop)",
                        sb->stopped_at, sb->phase);
    else if (sb->stopped_in)
        lua_pushfstring(L, "%sinstruction budget of %d million exceeded while %s (in %s)", sb->stopped_at,
                        (int)(sb->budget / 1000000), sb->phase, sb->stopped_in);
    else
        lua_pushfstring(L, "%sinstruction budget of %d million exceeded while %s (an endless loop?)", sb->stopped_at,
                        (int)(sb->budget / 1000000), sb->phase);
    return lua_error(L);
}

/* Marks the budget spent, remembering the first Lua line on the stack from level
 * `level` up, and raises the budget error. */
static void stop_pack(lua_State *L, tv_Sandbox *sb, int level)
{
    if (!sb->budget_exceeded) {
        lua_Debug here;
        while (lua_getstack(L, level, &here)) {
            if (lua_getinfo(L, "Sl", &here) && here.currentline > 0) {
                snprintf(sb->stopped_at, sizeof sb->stopped_at, "%s:%d: ",
                         here.source[0] == '@' ? here.source + 1 : here.short_src, here.currentline);
                break;
            }
            level++;
        }
    }
    /* Once spent, fire on every line and every instruction, so that a pcall inside the
     * pack catches the error only to be stopped again at once. Hooks are per thread: arm
     * the main thread too, or a coroutine stopped here would hand control back to code
     * that could finish the phase before its next count and leave behind a dead
     * coroutine whose hooks Lua left off (see f_coclose). */
    sb->budget_exceeded = true;
    lua_sethook(L, count_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1);
    if (L != sb->L)
        lua_sethook(sb->L, count_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1);
    budget_error(L);
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    tv_Sandbox *sb = tv_sandbox_get(L);
    if (ar->event == LUA_HOOKCOUNT) {
        sb->instructions += TV_SB_HOOK_STEP;
        if (!sb->budget_exceeded && cpu_now_ns() > sb->cpu_deadline_ns)
            sb->cpu_exceeded = true, sb->instructions = sb->budget + 1;
    }
    /* A pack that hit the memory cap is stopped too, even when a pcall caught the memory
     * error: freeing and refilling 64 MiB in a loop costs few instructions. */
    if (sb->instructions <= sb->budget && !sb->budget_exceeded && !sb->mem_exceeded)
        return;
    stop_pack(L, sb, 0);
}

void tv_sandbox_charge(lua_State *L, long long cost, const char *what)
{
    tv_Sandbox *sb = tv_sandbox_get(L);
    sb->instructions += cost;
    if (sb->instructions <= sb->budget && !sb->budget_exceeded)
        return;
    if (!sb->budget_exceeded)
        sb->stopped_in = what;
    stop_pack(L, sb, 1); /* level 0 is the C function doing the work */
}

void tv_sandbox_reset_budget(tv_Sandbox *sb)
{
    sb->instructions = 0;
    sb->budget_exceeded = false;
    sb->cpu_exceeded = false;
    sb->cpu_deadline_ns = cpu_now_ns() + (long long)cpu_limit_ms() * 1000000LL;
    sb->stopped_at[0] = '\0';
    sb->stopped_in = NULL;
    sb->include_bytes = 0;
    lua_sethook(sb->L, count_hook, LUA_MASKCOUNT, TV_SB_HOOK_STEP);
}

/* ==================== safe replacements for base functions ==================== */

static int f_load(lua_State *L)
{
    /* load(chunk [, chunkname [, mode [, env]]]): text only, and the pack's env by default. */
    tv_Sandbox *sb = tv_sandbox_get(L);
    size_t len;
    const char *chunk = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "=(load)");
    int has_env = !lua_isnone(L, 4);
    tv_sandbox_charge(L, (long long)len * TV_SB_PARSE_STEPS_PER_BYTE, "load"); /* the parser's time */
    if (luaL_loadbufferx(L, chunk, len, name, "t") != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env)
        lua_pushvalue(L, 4);
    else
        lua_rawgeti(L, LUA_REGISTRYINDEX, sb->env_ref);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
    return 1;
}

static int f_setmetatable(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    /* The real setmetatable would refuse too, but from inside this C function, where its
     * message gets no line. */
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    if (lua_type(L, 2) == LUA_TTABLE) {
        /* Finalizers run at any point, with hooks off, even inside the host's own calls. */
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "metatables with __gc are not allowed in packs");
        lua_pop(L, 1);
        lua_pushliteral(L, "__mode");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "weak tables (__mode) are not allowed in packs");
        lua_pop(L, 1);
    }
    lua_getglobal(L, "setmetatable"); /* the real one lives only in the host's globals */
    lua_insert(L, 1);
    lua_settop(L, 3);
    lua_call(L, 2, 1);
    return 1;
}

static int f_collectgarbage(lua_State *L)
{
    const char *opt = luaL_optstring(L, 1, "collect");
    if (strcmp(opt, "count") != 0)
        return luaL_error(L, "collectgarbage(\"%s\") is not allowed in packs; only \"count\" is", opt);
    lua_pushnumber(L, (lua_Number)lua_gc(L, LUA_GCCOUNT, 0) + lua_gc(L, LUA_GCCOUNTB, 0) / 1024.0);
    return 1;
}

static int xpcall_handler(lua_State *L)
{
    /* After a budget error hooks are off, so a pack's handler would run unbudgeted. */
    if (tv_sandbox_get(L)->budget_exceeded)
        return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int f_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, xpcall_handler, 1);
    lua_replace(L, 2);
    lua_getglobal(L, "xpcall");
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* Lua 5.4.4 runs the __close handlers of a coroutine being closed (coroutine.close, and
 * coroutine.wrap after an error) with the hooks the coroutine was left with, and a
 * coroutine stopped by the budget error died inside the hook, with hooks off: its
 * handlers would loop unbudgeted. It also starts each close with a fresh C-call count,
 * so handlers that close one coroutine after another overflow the C stack, a crash
 * (fixed in Lua 5.4.6). So: no closing once the budget is spent, and a depth cap.
 * upvalue 1: the real coroutine.close. */
static int f_coclose(lua_State *L)
{
    tv_Sandbox *sb = tv_sandbox_get(L);
    luaL_checktype(L, 1, LUA_TTHREAD);
    if (sb->budget_exceeded)
        return budget_error(L);
    if (sb->close_depth >= TV_SB_MAX_CLOSE_DEPTH)
        return luaL_error(L, "coroutine.close: nested more than %d deep", TV_SB_MAX_CLOSE_DEPTH);
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    sb->close_depth++;
    int status = lua_pcall(L, 1, LUA_MULTRET, 0); /* protected, so the depth is restored */
    sb->close_depth--;
    if (status != LUA_OK)
        return lua_error(L);
    return lua_gettop(L);
}

/* The function coroutine.wrap returns. upvalues: the coroutine, the real
 * coroutine.resume, f_coclose. Unlike Lua's, it leaves the error message as it is (Lua's
 * prefixes the caller's line a second time). */
static int wrap_call(lua_State *L)
{
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_rotate(L, 1, 2);
    lua_call(L, n + 1, LUA_MULTRET);
    if (lua_toboolean(L, 1))
        return lua_gettop(L) - 1;
    lua_settop(L, 2); /* the error object */
    int status = lua_status(lua_tothread(L, lua_upvalueindex(1)));
    if (status != LUA_OK && status != LUA_YIELD && !tv_sandbox_get(L)->budget_exceeded) {
        /* It died of the error: close its pending variables, as Lua's wrap does, but
         * through f_coclose's depth cap. */
        lua_pushvalue(L, lua_upvalueindex(3));
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_call(L, 1, 0);
    }
    return lua_error(L);
}

/* upvalues: the real coroutine.create and coroutine.resume, f_coclose. */
static int f_cowrap(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 1, 1);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_pushvalue(L, lua_upvalueindex(3));
    lua_pushcclosure(L, wrap_call, 3);
    return 1;
}

/* string.rep, as in Lua 5.4.4, except that a result of nothing is made at once: Lua's
 * loop copies nothing n times, and string.rep("", 1e18) would never return. */
static int f_rep(lua_State *L)
{
    size_t l, lsep;
    const char *s = luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    const char *sep = luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0 || (n == 1 && l == 0)) {
        lua_pushliteral(L, "");
        return 1;
    }
    if (l + lsep < l || l + lsep > (size_t)INT_MAX / (size_t)n)
        return luaL_error(L, "resulting string too large");
    tv_sandbox_charge(L, n, "string.rep"); /* one per copy (a memcpy each); the allocator charges the bytes */
    size_t total = (size_t)n * l + (size_t)(n - 1) * lsep;
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, total);
    while (n-- > 1) {
        memcpy(p, s, l);
        p += l;
        if (lsep > 0) {
            memcpy(p, sep, lsep);
            p += lsep;
        }
    }
    memcpy(p, s, l);
    luaL_pushresultsize(&b, total);
    return 1;
}

/* Whether message m already starts with "file:line:" for one of the pack's files. */
static bool has_location(const tv_Sandbox *sb, const char *m)
{
    for (int i = 0; i < sb->n_files; i++) {
        size_t n = file_prefix(m, sb->files[i].name);
        if (n && m[n] == ':')
            return true;
    }
    return false;
}

/* How the library functions wrapped by charged_call cost: by the length of the table in
 * argument 1, by n log n of it (sort), by the range of arguments 2 and 3 (table.move), or
 * by the bytes of the string in argument 1. */
enum { COST_LENGTH, COST_SORT, COST_RANGE, COST_BYTES };

/* A library function whose C loop the instruction count cannot see: charges its cost
 * first, then calls it. upvalues: the real function, its name, its cost kind. An error
 * the real function raises names no line (its caller is this C function), so the line
 * of the pack's call is added. */
static int charged_call(lua_State *L)
{
    tv_Sandbox *sb = tv_sandbox_get(L);
    const char *name = lua_tostring(L, lua_upvalueindex(2));
    long long cost = 1;
    switch (lua_tointeger(L, lua_upvalueindex(3))) {
    case COST_LENGTH:
        if (lua_type(L, 1) == LUA_TTABLE)
            cost += (long long)(lua_rawlen(L, 1) & 0x3fffffffffffffff);
        break;
    case COST_SORT:
        if (lua_type(L, 1) == LUA_TTABLE) {
            long long n = (long long)(lua_rawlen(L, 1) & 0x3fffffff), log = 1;
            while ((1LL << log) < n)
                log++;
            cost += n * log;
        }
        break;
    case COST_RANGE: {
        int ok_f, ok_e;
        lua_Integer f = lua_tointegerx(L, 2, &ok_f), e = lua_tointegerx(L, 3, &ok_e);
        if (ok_f && ok_e && e >= f)
            cost += (lua_Unsigned)e - (lua_Unsigned)f > (lua_Unsigned)LLONG_MAX / 2 ? LLONG_MAX / 2
                                                                                     : (long long)(e - f);
        break;
    }
    default:
        if (lua_type(L, 1) == LUA_TSTRING)
            cost += (long long)(lua_rawlen(L, 1) / TV_SB_SCAN_BYTES_PER_STEP);
        break;
    }
    tv_sandbox_charge(L, cost, name);
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    int status = lua_pcall(L, n, LUA_MULTRET, 0);
    if (status == LUA_OK)
        return lua_gettop(L);
    if (status != LUA_ERRMEM && !sb->budget_exceeded && !sb->mem_exceeded && lua_type(L, -1) == LUA_TSTRING &&
        !has_location(sb, lua_tostring(L, -1))) {
        /* Called from C, the real function does not know its own name either. */
        const char *msg = lua_tostring(L, -1);
        const char *named = lua_pushfstring(L, "to '%s'", name);
        const char *m = luaL_gsub(L, msg, "to '?'", named);
        luaL_where(L, 1);
        lua_pushstring(L, m);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

/* Replaces field name of the table at idx with a charged_call of it. */
static void charge_field(lua_State *L, int idx, const char *lib, const char *name, int kind)
{
    idx = lua_absindex(L, idx);
    lua_getfield(L, idx, name);
    if (lib)
        lua_pushfstring(L, "%s.%s", lib, name);
    else
        lua_pushstring(L, name);
    lua_pushinteger(L, kind);
    lua_pushcclosure(L, charged_call, 3);
    lua_setfield(L, idx, name);
}

static int f_include(lua_State *L)
{
    tv_Sandbox *sb = tv_sandbox_get(L);
    size_t len;
    const char *name = luaL_checklstring(L, 1, &len);
    if (sb->include_depth >= TV_SB_MAX_INCLUDE_DEPTH)
        return luaL_error(L, "include: nested more than %d deep", TV_SB_MAX_INCLUDE_DEPTH);
    tv_sandbox_push_file(L, sb, name, len);
    sb->include_depth++;
    lua_call(L, 0, 1);
    sb->include_depth--;
    /* A facts file that forgets its return fails later, at a use; remember where, so
     * that error (and lint) can say why. */
    lua_Debug ar;
    if (lua_isnil(L, -1) && !sb->include_nil[0] && lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) &&
        ar.currentline > 0) {
        snprintf(sb->include_nil, sizeof sb->include_nil, "%s:%d", ar.source[0] == '@' ? ar.source + 1 : ar.short_src,
                 ar.currentline);
        snprintf(sb->include_nil_name, sizeof sb->include_nil_name, "%s", name);
    }
    return 1;
}

/* ==================== the environment ==================== */

static int env_index(lua_State *L)
{
    /* upvalue 1: the table of builtins */
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
        return 1;
    /* The names an author reaches for out of habit, with what a pack has instead. */
    static const char *const hints[][2] = {
        {"require", "a pack reads its own files with include(\"file.lua\")"},
        {"dofile", "a pack reads its own files with include(\"file.lua\")"},
        {"loadfile", "a pack reads its own files with include(\"file.lua\")"},
        {"os", "packs have no clock or system calls; use ctx.rng in generate for chance"},
        {"io", "packs read no files but their own Lua: put data in a .lua file and include(\"file.lua\") it"},
        {"print", "packs do not print; quiz.log(...) writes to stderr in lint, dump and test"},
        {"debug", "packs have no debug library; error(\"message\") stops with a message and its line"},
        {"package", "a pack reads its own files with include(\"file.lua\")"},
    };
    if (lua_type(L, 2) == LUA_TSTRING) {
        const char *name = lua_tostring(L, 2);
        for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
            if (strcmp(name, hints[i][0]) == 0)
                return luaL_error(L, "undefined global '%s' (%s)", name, hints[i][1]);
        return luaL_error(L, "undefined global '%s'", name);
    }
    return luaL_error(L, "undefined global");
}

static int env_newindex(lua_State *L)
{
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL && lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "cannot replace the built-in global '%s'", lua_tostring(L, 2));
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 0;
}

static int readonly_newindex(lua_State *L)
{
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    return luaL_error(L, "cannot change the built-in library field '%s'", key);
}

/* Replaces the table at -1 with an empty proxy that reads through to it and refuses
 * writes. */
static void make_readonly(lua_State *L)
{
    lua_newtable(L);             /* proxy */
    lua_createtable(L, 0, 3);    /* its metatable */
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, readonly_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_remove(L, -2);
}

static void remove_field(lua_State *L, const char *lib, const char *field)
{
    lua_getglobal(L, lib);
    lua_pushnil(L);
    lua_setfield(L, -2, field);
    lua_pop(L, 1);
}

static int f_random(lua_State *L)
{
    tv_Sandbox *sb = tv_sandbox_get(L);
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0: lua_pushnumber(L, tv_rng_unit(&sb->rng)); return 1;
    case 1: lo = 1, hi = luaL_checkinteger(L, 1); break;
    default: lo = luaL_checkinteger(L, 1), hi = luaL_checkinteger(L, 2); break;
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    lua_pushinteger(L, tv_rng_range(&sb->rng, lo, hi));
    return 1;
}

static int f_randomseed(lua_State *L)
{
    (void)L; /* the seed comes from the session; a pack cannot change it */
    return 0;
}

/* What a pack gets: our copy of linit.c's list. Everything else does not exist. */
static const luaL_Reg pack_libs[] = {
    {LUA_GNAME, luaopen_base},        {LUA_TABLIBNAME, luaopen_table}, {LUA_STRLIBNAME, luaopen_string},
    {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8}, {LUA_COLIBNAME, luaopen_coroutine},
    {NULL, NULL}};

static const char *const base_allowed[] = {"assert", "error",  "ipairs",   "pairs",    "next",   "select",
                                           "tonumber", "tostring", "type",   "pcall",    "rawequal", "rawget",
                                           "rawset",   "rawlen",   "getmetatable", "_VERSION", NULL};

static int open_env(lua_State *L)
{
    tv_Sandbox *sb = lua_touserdata(L, 1);
    for (const luaL_Reg *lib = pack_libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    remove_field(L, LUA_STRLIBNAME, "dump");
    /* Work inside one library call is charged to the budget too (tv_sandbox_charge). */
    lua_getglobal(L, LUA_STRLIBNAME);
    tv_match_install(L, -1, tv_sandbox_charge);
    lua_pushcfunction(L, f_rep);
    lua_setfield(L, -2, "rep");
    lua_pop(L, 1);
    static const struct {
        const char *lib, *name;
        int kind;
    } charged[] = {{LUA_TABLIBNAME, "sort", COST_SORT},     {LUA_TABLIBNAME, "move", COST_RANGE},
                   {LUA_TABLIBNAME, "insert", COST_LENGTH}, {LUA_TABLIBNAME, "remove", COST_LENGTH},
                   {LUA_TABLIBNAME, "concat", COST_LENGTH}, {LUA_TABLIBNAME, "unpack", COST_LENGTH},
                   {LUA_UTF8LIBNAME, "len", COST_BYTES},    {LUA_UTF8LIBNAME, "offset", COST_BYTES},
                   {LUA_UTF8LIBNAME, "codepoint", COST_BYTES}, {LUA_GNAME, "tonumber", COST_BYTES}};
    for (size_t i = 0; i < sizeof charged / sizeof charged[0]; i++) {
        lua_getglobal(L, charged[i].lib);
        charge_field(L, -1, strcmp(charged[i].lib, LUA_GNAME) == 0 ? NULL : charged[i].lib, charged[i].name,
                     charged[i].kind);
        lua_pop(L, 1);
    }
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_pushcfunction(L, f_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, f_randomseed);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    lua_getglobal(L, LUA_COLIBNAME);
    lua_getfield(L, -1, "close");
    lua_pushcclosure(L, f_coclose, 1);
    lua_getfield(L, -2, "create");
    lua_getfield(L, -3, "resume");
    lua_pushvalue(L, -3);
    lua_pushcclosure(L, f_cowrap, 3);
    lua_setfield(L, -3, "wrap");
    lua_setfield(L, -2, "close");
    lua_pop(L, 1);
    /* The string metatable is shared by every string; hide it so a pack cannot reach the
     * real string table through getmetatable(""). */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    lua_newtable(L); /* builtins */
    int builtins = lua_gettop(L);
    for (const char *const *name = base_allowed; *name; name++) {
        lua_getglobal(L, *name);
        lua_setfield(L, builtins, *name);
    }
    static const luaL_Reg replaced[] = {{"load", f_load},
                                        {"setmetatable", f_setmetatable},
                                        {"collectgarbage", f_collectgarbage},
                                        {"xpcall", f_xpcall},
                                        {"include", f_include},
                                        {NULL, NULL}};
    for (const luaL_Reg *r = replaced; r->func; r++) {
        lua_pushcfunction(L, r->func);
        lua_setfield(L, builtins, r->name);
    }
    static const char *const libs[] = {LUA_STRLIBNAME, LUA_TABLIBNAME, LUA_MATHLIBNAME, LUA_UTF8LIBNAME,
                                       LUA_COLIBNAME, NULL};
    for (const char *const *lib = libs; *lib; lib++) {
        lua_getglobal(L, *lib);
        make_readonly(L);
        lua_setfield(L, builtins, *lib);
    }
    tv_luaopen_quiz(L);
    make_readonly(L);
    lua_setfield(L, builtins, "quiz");

    lua_newtable(L); /* the pack's _ENV */
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, builtins);
    lua_pushcclosure(L, env_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushvalue(L, builtins);
    lua_pushcclosure(L, env_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_setfield(L, builtins, "_G");
    sb->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushvalue(L, builtins); /* for pack-worker --describe-api (describe.c) */
    sb->builtins_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

bool tv_sandbox_open(tv_Sandbox *sb, const char *dir, const char *display_dir, char *msg, size_t msgsize)
{
    memset(sb, 0, sizeof *sb);
    sb->dirfd = -1;
    sb->mem_limit = TV_SB_MEMORY_LIMIT;
    sb->budget = TV_SB_INSTRUCTIONS;
    sb->phase = "loading";
    snprintf(sb->display_dir, sizeof sb->display_dir, "%s", display_dir);
    sb->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (sb->dirfd < 0) {
        snprintf(msg, msgsize, "cannot open the pack folder: %s", strerror(errno));
        return false;
    }
    sb->L = lua_newstate(sb_alloc, sb);
    if (!sb->L) {
        snprintf(msg, msgsize, "cannot create a Lua state");
        return false;
    }
    *(tv_Sandbox **)lua_getextraspace(sb->L) = sb;
    tv_sandbox_reset_budget(sb); /* armed before any pack code, so every coroutine inherits it */
    lua_pushcfunction(sb->L, open_env);
    lua_pushlightuserdata(sb->L, sb);
    if (lua_pcall(sb->L, 1, 0, 0) != LUA_OK) {
        snprintf(msg, msgsize, "cannot set up the sandbox: %s", lua_tostring(sb->L, -1));
        return false;
    }
    return true;
}

void tv_sandbox_close(tv_Sandbox *sb)
{
    if (sb->L)
        lua_close(sb->L);
    sb->L = NULL;
    /* 0 is what a zeroed sandbox holds; a real folder is never fd 0, which stays open as stdin. */
    if (sb->dirfd > 0)
        close(sb->dirfd);
    sb->dirfd = -1;
    for (int i = 0; i < sb->n_files; i++) {
        free(sb->files[i].name);
        free(sb->files[i].text);
    }
    sb->n_files = 0;
}

/* ==================== calling and errors ==================== */

/* Where the error was raised, frame by frame, into sb->trace: the pack author's
 * traceback (`play --dev` shows it). Lua frames only, from debug info the worker's own
 * C reads; no pack code runs. */
static void record_trace(lua_State *L, tv_Sandbox *sb)
{
    sb->n_trace = 0;
    lua_Debug ar;
    for (int level = 1; sb->n_trace < TV_WIRE_MAX_TRACE && lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Slnt", &ar) || ar.currentline <= 0)
            continue; /* C functions: error, pcall, the worker's own */
        const char *src = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
        /* Phrased as Lua's own traceback (luaL_traceback) is. */
        char what[200];
        if (ar.name)
            snprintf(what, sizeof what, "in %s '%s'", ar.namewhat[0] ? ar.namewhat : "function", ar.name);
        else if (strcmp(ar.what, "main") == 0)
            snprintf(what, sizeof what, "in main chunk");
        else
            snprintf(what, sizeof what, "in function <%.100s:%d>", src, ar.linedefined);
        snprintf(sb->trace[sb->n_trace++], sizeof sb->trace[0], "%.120s:%d: %s%s", src, ar.currentline, what,
                 ar.istailcall ? " (...tail calls...)" : "");
    }
}

static int message_handler(lua_State *L)
{
    tv_Sandbox *sb = tv_sandbox_get(L);
    if (sb)
        record_trace(L, sb);
    /* Keep the message only; a non-string error object must not run pack code here. */
    if (lua_type(L, 1) != LUA_TSTRING) {
        const char *t = luaL_typename(L, 1);
        /* Level 1 is usually `error` itself, a C function: the line is further up. */
        lua_Debug ar;
        int level = 1;
        while (lua_getstack(L, level, &ar) && !(lua_getinfo(L, "Sl", &ar) && ar.currentline > 0))
            level++;
        if (lua_getstack(L, level, &ar))
            lua_pushfstring(L, "%s:%d: error object is a %s value, not a message",
                            ar.source[0] == '@' ? ar.source + 1 : ar.short_src, ar.currentline, t);
        else
            lua_pushfstring(L, "error object is a %s value, not a message", t);
    }
    return 1;
}

/* How many bytes of message m name the file `name`, the way Lua writes the chunk
 * "@name" in messages: in full, or when longer than LUA_IDSIZE allows, as "..." and its
 * tail (luaO_chunkid). 0 when m does not start with it. */
static size_t file_prefix(const char *m, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(m, name, n) == 0)
        return n;
    size_t tail = LUA_IDSIZE - 4; /* what fits after "..." with the NUL */
    if (n + 1 > LUA_IDSIZE && strncmp(m, "...", 3) == 0 && strncmp(m + 3, name + n - tail, tail) == 0)
        return 3 + tail;
    return 0;
}

/* Splits "path:123: text" when path is one of the pack's files. */
static void split_location(const tv_Sandbox *sb, const char *m, char *file, size_t filesize, int *line, char *msg,
                           size_t msgsize)
{
    *line = 0;
    file[0] = '\0';
    for (int i = 0; i < sb->n_files; i++) {
        size_t n = file_prefix(m, sb->files[i].name);
        if (n && m[n] == ':') {
            char *end;
            long l = strtol(m + n + 1, &end, 10);
            if (end != m + n + 1 && *end == ':') {
                snprintf(file, filesize, "%s", sb->files[i].name);
                *line = (int)l;
                m = end + 1;
                while (*m == ' ')
                    m++;
            }
            break;
        }
    }
    snprintf(msg, msgsize, "%s", m);
}

bool tv_sandbox_call(tv_Sandbox *sb, int nargs, char *file, size_t filesize, int *line, char *msg, size_t msgsize)
{
    lua_State *L = sb->L;
    sb->n_trace = 0;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    int status = lua_pcall(L, nargs, 1, base);
    lua_remove(L, base);
    if (status == LUA_OK)
        return true;
    if (status == LUA_ERRMEM || sb->mem_exceeded) {
        /* A memory error carries no line; the hook's error after a caught one does. */
        split_location(sb, status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "", file,
                       filesize, line, msg, msgsize);
        if (!file[0])
            tv_pack_file_path(file, filesize, sb->display_dir);
        snprintf(msg, msgsize, "memory limit of %u MiB exceeded while %s", TV_SB_MEMORY_LIMIT >> 20, sb->phase);
    } else {
        const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "unknown error";
        split_location(sb, m, file, filesize, line, msg, msgsize);
        if (!file[0])
            tv_pack_file_path(file, filesize, sb->display_dir);
        size_t used = strlen(msg);
        if (sb->include_nil[0] && strstr(msg, "a nil value") && used < msgsize)
            snprintf(msg + used, msgsize - used, " (include(\"%s\") at %s returned nil: does %s end with return?)",
                     sb->include_nil_name, sb->include_nil, sb->include_nil_name);
    }
    lua_pop(L, 1);
    return false;
}

/* ==================== files ==================== */

static bool valid_name(const char *name, size_t len)
{
    if (len == 0 || len > 64 || strlen(name) != len || name[0] == '.')
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              c == '.'))
            return false;
    }
    return len > 4 && strcmp(name + len - 4, ".lua") == 0 && !strstr(name, "..");
}

int tv_sandbox_push_file(lua_State *L, tv_Sandbox *sb, const char *name, size_t namelen)
{
    if (!valid_name(name, namelen))
        return luaL_error(L, "include: '%s' is not a file name in the pack folder (letters, digits, _ - . and "
                             "ending in .lua; no paths)",
                          name);
    int fd = openat(sb->dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return luaL_error(L, "include: cannot open '%s': %s", name,
                          errno == ELOOP ? "it is a symbolic link" : strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (off_t)TV_SB_MAX_FILE) {
        close(fd);
        return luaL_error(L, "include: '%s' is not a regular file of at most 1 MiB", name);
    }
    /* Each file is at most 1 MiB, but include in a loop would parse it again and again. */
    if (sb->include_bytes + (size_t)st.st_size > TV_SB_MAX_INCLUDE_BYTES) {
        close(fd);
        return luaL_error(L, "include: '%s' would take the pack's files read while %s over %d MiB (include in a loop?)",
                          name, sb->phase, (int)(TV_SB_MAX_INCLUDE_BYTES >> 20));
    }
    sb->include_bytes += (size_t)st.st_size;
    tv_sandbox_charge(L, (long long)st.st_size * TV_SB_PARSE_STEPS_PER_BYTE, "include");
    /* Read into Lua-owned memory so an error below leaks nothing. */
    char *buf = lua_newuserdatauv(L, (size_t)st.st_size + 1, 0);
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    char display[1200];
    snprintf(display, sizeof display, "%s/%s", sb->display_dir, name);
    bool known = false;
    for (int i = 0; i < sb->n_files && !known; i++)
        known = strcmp(sb->files[i].name, display) == 0;
    if (!known && sb->n_files < TV_SB_MAX_FILES) {
        tv_SbFile *f = &sb->files[sb->n_files];
        f->name = strdup(display);
        f->text = malloc(got + 1);
        if (f->name && f->text) {
            memcpy(f->text, buf, got);
            f->text[got] = '\0';
            f->len = got;
            sb->n_files++;
        } else {
            free(f->name);
            free(f->text);
        }
    }
    char chunkname[1210];
    snprintf(chunkname, sizeof chunkname, "@%s", display);
    /* Editors on some systems save a UTF-8 BOM; Lua's own file loader skips it, the
     * buffer loader does not, so skip it here (line numbers are unchanged). */
    size_t bom = tv_text_bom_len(buf, got);
    int status = luaL_loadbufferx(L, buf + bom, got - bom, chunkname, "t");
    if (status != LUA_OK) {
        /* A syntax error already reads file:line: ...; a binary chunk or the parser's C
         * stack overflow names no file, so say which one. */
        const char *m = lua_tostring(L, -1);
        size_t n = m ? file_prefix(m, display) : 0;
        if (status != LUA_ERRMEM && m && !(n && m[n] == ':'))
            return luaL_error(L, "cannot load '%s': %s", name, m);
        return lua_error(L);
    }
    lua_remove(L, -2);       /* the buffer */
    lua_rawgeti(L, LUA_REGISTRYINDEX, sb->env_ref);
    lua_setupvalue(L, -2, 1);
    return 1;
}

void tv_sandbox_find_ids(const tv_Sandbox *sb, const char *const *ids, const size_t *lens, int n, tv_SbPlace *places)
{
    for (int i = 0; i < n; i++)
        places[i] = (tv_SbPlace){-1, 0};
    if (n <= 0)
        return;
    /* An open-addressing table of the ids, so each quoted literal in the files is one
     * lookup: one pass over the text whatever the number of questions (searching the
     * files once per id was quadratic). */
    size_t cap = 16;
    while (cap < 2 * (size_t)n)
        cap *= 2;
    int *slot = malloc(cap * sizeof *slot);
    if (!slot)
        return; /* the questions are then named by the pack file only */
    for (size_t k = 0; k < cap; k++)
        slot[k] = -1;
    for (int i = 0; i < n; i++) {
        size_t k = tv_hash64_bytes(ids[i], lens[i], TV_HASH64_INIT) & (cap - 1);
        while (slot[k] >= 0 && !(lens[slot[k]] == lens[i] && memcmp(ids[slot[k]], ids[i], lens[i]) == 0))
            k = (k + 1) & (cap - 1);
        if (slot[k] < 0)
            slot[k] = i;
    }
    int found = 0;
    for (int f = 0; f < sb->n_files && found < n; f++) {
        const char *text = sb->files[f].text;
        size_t len = sb->files[f].len;
        int line = 1;
        for (size_t i = 0; i < len; i++) {
            char q = text[i];
            if (q == '\n') {
                line++;
                continue;
            }
            if (q != '"' && q != '\'')
                continue;
            /* The literal from this quote to the next same quote on the line: each byte is
             * looked at once per kind of quote, so the pass stays linear. */
            size_t j = i + 1, end = len - i - 1 > TV_WIRE_MAX_QID ? i + 1 + TV_WIRE_MAX_QID : len - 1;
            while (j <= end && j < len && text[j] != q && text[j] != '\n')
                j++;
            if (j >= len || text[j] != q || j == i + 1)
                continue;
            size_t idlen = j - i - 1;
            size_t k = tv_hash64_bytes(text + i + 1, idlen, TV_HASH64_INIT) & (cap - 1);
            for (; slot[k] >= 0; k = (k + 1) & (cap - 1)) {
                int at = slot[k];
                if (lens[at] == idlen && memcmp(ids[at], text + i + 1, idlen) == 0) {
                    if (places[at].file < 0) {
                        places[at] = (tv_SbPlace){f, line};
                        found++;
                    }
                    break;
                }
            }
        }
    }
    /* Ids written twice in the list share the first one's place. */
    for (int i = 0; i < n; i++) {
        size_t k = tv_hash64_bytes(ids[i], lens[i], TV_HASH64_INIT) & (cap - 1);
        while (!(lens[slot[k]] == lens[i] && memcmp(ids[slot[k]], ids[i], lens[i]) == 0))
            k = (k + 1) & (cap - 1);
        places[i] = places[slot[k]];
    }
    free(slot);
}

void tv_sandbox_place_name(const tv_Sandbox *sb, tv_SbPlace place, char *out, size_t outsize)
{
    if (place.file >= 0 && place.file < sb->n_files)
        snprintf(out, outsize, "%s:%d", sb->files[place.file].name, place.line);
    else
        tv_pack_file_path(out, outsize, sb->display_dir);
}
