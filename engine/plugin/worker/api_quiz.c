/* api_quiz.c - the `quiz` table and generate's ctx (with ctx.rng), as seen from pack code.
 * Trust boundary: called by untrusted pack code; validates every argument.
 * Depends on: Lua 5.4, core (rng). Not on the sandbox: the generator reaches ctx.rng's
 * functions as an upvalue, so sandbox.c uses this file and not the other way round. */
#include "plugin/worker/api_quiz.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "core/text.h"
/* quiz.log's state, a userdata in the registry under this key: on when the host asked
 * for logs (--log 1: lint, dump, test and watch), else quiz.log discards (the game). */
#define LOG_KEY "trivium.quiz.log"
typedef struct LogState {
    bool on;
    size_t written;
} LogState;

static LogState *log_state(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, LOG_KEY);
    LogState *st = lua_touserdata(L, -1);
    lua_pop(L, 1); /* the registry keeps it alive */
    return st;
}

void tv_api_quiz_log_enable(lua_State *L, bool on)
{
    LogState *st = log_state(L);
    if (st)
        st->on = on;
}

/* quiz.<type>{...}: sets type and remembers where the constructor was called, so a
 * validation error later can name pack.lua:LINE. */
static int construct(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_setfield(L, 1, "type");
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
        lua_pushfstring(L, "%s:%d", ar.source[0] == '@' ? ar.source + 1 : ar.short_src, ar.currentline);
        lua_setfield(L, 1, "__where");
    }
    return 1;
}

/* quiz.lang(text, code): the text's string for one language, falling back to en. */
static int f_lang(lua_State *L)
{
    const char *code = luaL_checkstring(L, 2);
    if (lua_type(L, 1) == LUA_TSTRING) {
        lua_settop(L, 1);
        return 1;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    if (lua_getfield(L, 1, code) == LUA_TSTRING)
        return 1;
    lua_pop(L, 1);
    if (lua_getfield(L, 1, "en") == LUA_TSTRING)
        return 1;
    return luaL_error(L, "quiz.lang: the text has neither '%s' nor 'en'", code);
}

/* The reading length of a text as quiz.paced counts it: a language table's English
 * string, a string, a number's digits; 0 for anything else. Raw access only: pack
 * tables may carry metamethods. */
static lua_Integer reading(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    lua_Integer n = 0;
    if (lua_type(L, idx) == LUA_TTABLE) {
        lua_pushliteral(L, "en");
        if (lua_rawget(L, idx) == LUA_TSTRING)
            n = (lua_Integer)lua_rawlen(L, -1);
        lua_pop(L, 1);
    } else if (lua_type(L, idx) == LUA_TSTRING)
        n = (lua_Integer)lua_rawlen(L, idx);
    else if (lua_type(L, idx) == LUA_TNUMBER) {
        size_t len;
        lua_pushvalue(L, idx);
        lua_tolstring(L, -1, &len);
        n = (lua_Integer)len;
        lua_pop(L, 1);
    }
    return n;
}

/* Sum of the reading lengths of list field `name` of the table at the top; *count gets
 * its length. */
static lua_Integer reading_list(lua_State *L, const char *name, lua_Integer *count)
{
    lua_Integer n = 0;
    *count = 0;
    lua_pushstring(L, name);
    if (lua_rawget(L, -2) == LUA_TTABLE) {
        for (lua_Integer i = 1; lua_rawgeti(L, -1, i) != LUA_TNIL; i++) {
            n += reading(L, -1);
            lua_pop(L, 1);
            ++*count;
        }
        lua_pop(L, 1); /* the nil that ended the list */
    }
    lua_pop(L, 1);
    return n;
}

/* quiz.paced(list): gives each question of list that sets no `time` a limit that grows
 * with its reading length (the English prompt, a choice's answer, the wrong options and
 * the items): 10 s plus 1 s per 12 characters, at least 20 s; an order question 4 s per
 * item plus 1 s per 12 characters, at least 30 s; rounded up to 5 s, at most 60 s.
 * Returns list, so `questions = quiz.paced { ... }` reads as one table. */
static int f_paced(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    for (lua_Integer i = 1; lua_rawgeti(L, 1, i) != LUA_TNIL; i++) {
        if (lua_type(L, -1) != LUA_TTABLE) {
            lua_pop(L, 1);
            continue;
        }
        lua_pushliteral(L, "time");
        bool has_time = lua_rawget(L, -2) != LUA_TNIL;
        lua_pop(L, 1);
        if (!has_time) {
            lua_pushliteral(L, "prompt");
            lua_rawget(L, -2);
            lua_Integer n = reading(L, -1);
            lua_pop(L, 1);
            lua_pushliteral(L, "type");
            lua_rawget(L, -2);
            const char *type = lua_tostring(L, -1);
            bool choice = type && strcmp(type, "choice") == 0, order = type && strcmp(type, "order") == 0;
            lua_pop(L, 1);
            if (choice) {
                lua_pushliteral(L, "answer");
                lua_rawget(L, -2);
                n += reading(L, -1);
                lua_pop(L, 1);
            }
            lua_Integer wrong, items;
            n += reading_list(L, "wrong", &wrong);
            n += reading_list(L, "items", &items);
            lua_Integer t = order ? 4 * items + n / 12 : 10 + n / 12;
            if (t < (order ? 30 : 20))
                t = order ? 30 : 20;
            t = (t + 4) / 5 * 5;
            lua_pushinteger(L, t < 60 ? t : 60);
            lua_setfield(L, -2, "time");
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return 1;
}

/* quiz.log(...): the pack author's print. Each argument through tostring, separated by
 * tabs like print, prefixed with the caller's file:line, one line on stderr (the host
 * forwards the worker's stderr when it asked for logs). Bounded: the host keeps only the
 * start of a worker's stderr anyway, and a generator logging in a loop must not cost
 * time writing what nobody sees, so output stops at TV_QUIZ_LOG_MAX bytes with a note. */
#define TV_QUIZ_LOG_MAX 3500
static int f_log(lua_State *L)
{
    LogState *st = log_state(L);
    if (!st || !st->on || st->written >= TV_QUIZ_LOG_MAX)
        return 0;
    int n = lua_gettop(L); /* before the buffer, which may push a box of its own */
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
        lua_pushfstring(L, "%s:%d: log: ", ar.source[0] == '@' ? ar.source + 1 : ar.short_src, ar.currentline);
    else
        lua_pushliteral(L, "log: ");
    luaL_addvalue(&b);
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    size_t len;
    const char *text = lua_tolstring(L, -1, &len);
    if (st->written + len > TV_QUIZ_LOG_MAX) {
        fprintf(stderr, "log: quiz.log output stops here (at most %d bytes per pack load)\n", TV_QUIZ_LOG_MAX);
        st->written = TV_QUIZ_LOG_MAX;
        return 0;
    }
    /* Control characters (a stray escape sequence) would reach the author's terminal. */
    for (size_t i = 0; i < len; i++)
        fputc((unsigned char)text[i] < 0x20 && text[i] != '\t' ? '?' : text[i], stderr);
    fputc('\n', stderr);
    st->written += len + 1;
    return 0;
}

static const char *const types[] = {"choice", "truefalse", "numeric", "order", "text", NULL};

/* quiz.Choice and other names quiz lacks: an error that says which name was meant,
 * instead of "attempt to call a nil value" at the call. */
static int by_name(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static int quiz_missing(lua_State *L)
{
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    if (!key)
        return luaL_error(L, "quiz has no such field");
    const char *names[16];
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        if (n < 15 && lua_type(L, -1) == LUA_TSTRING)
            names[n++] = lua_tostring(L, -1); /* anchored: keys of the quiz table */
    }
    names[n] = NULL;
    const char *near = tv_text_closest(key, names);
    if (near)
        return luaL_error(L, "quiz.%s does not exist (did you mean quiz.%s?)", key, near);
    qsort(names, (size_t)n, sizeof *names, by_name);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; i < n; i++) {
        luaL_addstring(&b, i ? ", " : "");
        luaL_addstring(&b, names[i]);
    }
    luaL_pushresult(&b);
    return luaL_error(L, "quiz.%s does not exist (quiz has %s)", key, lua_tostring(L, -1));
}

int tv_luaopen_quiz(lua_State *L)
{
    LogState *st = lua_newuserdatauv(L, sizeof *st, 0);
    *st = (LogState){0};
    lua_setfield(L, LUA_REGISTRYINDEX, LOG_KEY);
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, quiz_missing);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    for (const char *const *t = types; *t; t++) {
        lua_pushstring(L, *t);
        lua_pushcclosure(L, construct, 1);
        lua_setfield(L, -2, *t);
    }
    lua_pushcfunction(L, f_lang);
    lua_setfield(L, -2, "lang");
    lua_pushcfunction(L, f_paced);
    lua_setfield(L, -2, "paced");
    lua_pushcfunction(L, f_log);
    lua_setfield(L, -2, "log");
    return 1;
}

/* ---- ctx.rng: a table of closures, each usable as rng:f(...) or rng.f(...) ----
 * Upvalue 1 is the rng table (to recognise rng:f() calls), upvalue 2 the tv_Rng. */

static tv_Rng *rng_of(lua_State *L) { return lua_touserdata(L, lua_upvalueindex(2)); }

/* Index of the first real argument: 2 when called with ':' (self is upvalue 1). */
static int first_arg(lua_State *L)
{
    return lua_rawequal(L, 1, lua_upvalueindex(1)) ? 2 : 1;
}

static int check_list(lua_State *L, int arg)
{
    luaL_checktype(L, arg, LUA_TTABLE);
    lua_Unsigned n = lua_rawlen(L, arg);
    luaL_argcheck(L, n <= 1000000, arg, "list too long");
    return (int)n;
}

static int rng_int(lua_State *L)
{
    tv_Rng *rng = rng_of(L);
    int a = first_arg(L);
    lua_Integer lo = luaL_checkinteger(L, a), hi = luaL_checkinteger(L, a + 1);
    luaL_argcheck(L, lo <= hi, a + 1, "int(a, b) needs a <= b");
    lua_pushinteger(L, tv_rng_range(rng, lo, hi));
    return 1;
}

static int rng_pick(lua_State *L)
{
    tv_Rng *rng = rng_of(L);
    int a = first_arg(L);
    int n = check_list(L, a);
    luaL_argcheck(L, n > 0, a, "pick needs a non-empty list");
    lua_rawgeti(L, a, 1 + (lua_Integer)tv_rng_below(rng, (uint64_t)n));
    return 1;
}

static int rng_shuffle(lua_State *L)
{
    tv_Rng *rng = rng_of(L);
    int a = first_arg(L);
    int n = check_list(L, a);
    for (int i = n; i > 1; i--) {
        int j = 1 + (int)tv_rng_below(rng, (uint64_t)i);
        lua_rawgeti(L, a, i);
        lua_rawgeti(L, a, j);
        lua_rawseti(L, a, i);
        lua_rawseti(L, a, j);
    }
    lua_settop(L, a);
    return 1;
}

static int rng_sample(lua_State *L)
{
    tv_Rng *rng = rng_of(L);
    int a = first_arg(L);
    int n = check_list(L, a);
    lua_Integer k = luaL_checkinteger(L, a + 1);
    luaL_argcheck(L, k >= 0 && k <= n, a + 1, "sample(list, n) needs 0 <= n <= #list");
    /* A partial Fisher-Yates over a copy, so the caller's list is left alone. */
    lua_createtable(L, n, 0);
    int copy = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, a, i);
        lua_rawseti(L, copy, i);
    }
    lua_createtable(L, (int)k, 0);
    int out = lua_gettop(L);
    for (int i = 1; i <= k; i++) {
        int j = i + (int)tv_rng_below(rng, (uint64_t)(n - i + 1));
        lua_rawgeti(L, copy, j);
        lua_rawgeti(L, copy, i);
        lua_rawseti(L, copy, j);
        lua_rawseti(L, out, i);
    }
    return 1;
}

void tv_api_push_rng(lua_State *L, tv_Rng *rng)
{
    static const luaL_Reg methods[] = {
        {"int", rng_int}, {"pick", rng_pick}, {"shuffle", rng_shuffle}, {"sample", rng_sample}, {NULL, NULL}};
    lua_newtable(L);
    for (const luaL_Reg *m = methods; m->func; m++) {
        lua_pushvalue(L, -1); /* the rng table itself, to recognise rng:f() calls */
        lua_pushlightuserdata(L, rng);
        lua_pushcclosure(L, m->func, 2);
        lua_setfield(L, -2, m->name);
    }
}

void tv_api_push_ctx(lua_State *L, tv_Rng *rng, const char *lang, const char *pack_id)
{
    lua_createtable(L, 0, 3);
    tv_api_push_rng(L, rng);
    lua_setfield(L, -2, "rng");
    lua_pushstring(L, lang);
    lua_setfield(L, -2, "lang");
    lua_pushstring(L, pack_id);
    lua_setfield(L, -2, "pack");
}
