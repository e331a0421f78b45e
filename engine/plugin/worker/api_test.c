/* api_test.c - a pack's tests.lua, run in the same sandbox as the pack's own code.
 *
 * tests.lua calls test("name", function(t) ... end) for each test; they run in order,
 * each with a fresh instruction budget, and each gets a fresh t:
 *   t.questions(seed, lang)   the pack's questions for that seed as data (asked of the host)
 *   t.session{ seed, count, lang, answers = {...} | players = {{...}, ...}, ... }
 *                             a headless session's result (asked of the host, which plays
 *                             it exactly as a scenario of `trivium test`)
 *   t.eq, t.ok, t.near, t.fails   checks; a failed one stops the test with file:line
 * t.questions and t.session are answered by the host over stdin/stdout (wire.h, "Pack
 * tests"): pack code never sees the host, the host never runs pack code.
 * Trust boundary: runs untrusted tests.lua; what it sends is data the host re-checks.
 * Depends on: Lua 5.4, cJSON, sandbox. */
#include "plugin/worker/api_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <lauxlib.h>

#include "plugin/wire.h"

/* The checks, in Lua so that error(msg, 2) names the test's own line. */
static const char checks_lua[] =
    "local questions, session = ...\n"
    "local function show(v, depth)\n"
    "  depth = depth or 0\n"
    "  if type(v) == 'string' then return string.format('%q', v) end\n"
    "  if type(v) ~= 'table' then return tostring(v) end\n"
    "  if depth > 2 then return '{...}' end\n"
    "  local parts, n = {}, #v\n"
    "  for i = 1, math.min(n, 8) do parts[#parts + 1] = show(v[i], depth + 1) end\n"
    "  if n > 8 then parts[#parts + 1] = '...' end\n"
    "  local keys = {}\n"
    "  for k in pairs(v) do\n"
    "    if not (math.type(k) == 'integer' and k >= 1 and k <= n) then keys[#keys + 1] = k end\n"
    "  end\n"
    "  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)\n"
    "  for i = 1, math.min(#keys, 8) do parts[#parts + 1] = tostring(keys[i]) .. ' = ' .. show(v[keys[i]], depth + 1) end\n"
    "  if #keys > 8 then parts[#parts + 1] = '...' end\n"
    "  return '{' .. table.concat(parts, ', ') .. '}'\n"
    "end\n"
    "local function same(a, b, depth)\n"
    "  if a == b then return true end\n"
    "  if type(a) ~= 'table' or type(b) ~= 'table' or depth > 20 then return false end\n"
    "  for k, v in pairs(a) do if not same(v, b[k], depth + 1) then return false end end\n"
    "  for k in pairs(b) do if a[k] == nil then return false end end\n"
    "  return true\n"
    "end\n"
    "local function what(w) return w ~= nil and tostring(w) .. ': ' or '' end\n"
    "return function()\n"
    "  local t = { questions = questions, session = session }\n"
    "  function t.eq(got, want, w)\n"
    "    if not same(got, want, 0) then error(what(w) .. 'expected ' .. show(want) .. ', got ' .. show(got), 2) end\n"
    "  end\n"
    "  function t.ok(v, w)\n"
    "    if not v then error(w ~= nil and tostring(w) or 'expected a true value, got ' .. show(v), 2) end\n"
    "  end\n"
    "  function t.near(got, want, tol, w)\n"
    "    tol = tol or 1e-9\n"
    "    if type(got) ~= 'number' or type(want) ~= 'number' then\n"
    "      error(what(w) .. 't.near compares numbers, got ' .. show(got) .. ' and ' .. show(want), 2)\n"
    "    end\n"
    "    if math.abs(got - want) > tol then\n"
    "      error(what(w) .. 'expected ' .. show(want) .. ' within ' .. show(tol) .. ', got ' .. show(got), 2)\n"
    "    end\n"
    "  end\n"
    "  function t.fails(fn, pattern, w)\n"
    "    local ok, err = pcall(fn)\n"
    "    if ok then error(what(w) .. 'expected an error' .. (pattern and ' matching ' .. show(pattern) or '') .. ', but none was raised', 2) end\n"
    "    if pattern and not string.find(tostring(err), pattern) then\n"
    "      error(what(w) .. 'expected an error matching ' .. show(pattern) .. ', got ' .. show(tostring(err)), 2)\n"
    "    end\n"
    "    return err\n"
    "  end\n"
    "  return t\n"
    "end\n";

/* The host's reply code that made the current test fail: 3 a pack failed to load, 4 a
 * bad answer line; 1 otherwise. */
static int reply_code = 1;

/* {====== frames */

static void send_frame(const char *tag, const char *json)
{
    size_t n = strlen(json);
    printf("%s%zu\n", tag, n);
    fwrite(json, 1, n, stdout);
    fflush(stdout);
}

/* The host's reply to the request just sent, parsed; NULL when the host is gone or sent
 * something else (then the test fails). */
static cJSON *read_reply(void)
{
    char head[64];
    if (!fgets(head, sizeof head, stdin) || strncmp(head, TV_WIRE_TEST_REPLY, sizeof TV_WIRE_TEST_REPLY - 1) != 0)
        return NULL;
    unsigned long long n = strtoull(head + sizeof TV_WIRE_TEST_REPLY - 1, NULL, 10);
    if (n == 0 || n > TV_WIRE_TEST_MAX_FRAME)
        return NULL;
    char *buf = malloc((size_t)n + 1);
    if (!buf)
        return NULL;
    size_t got = fread(buf, 1, (size_t)n, stdin);
    buf[got] = '\0';
    cJSON *root = got == n ? cJSON_ParseWithLength(buf, got) : NULL;
    free(buf);
    return root;
}

/* }====== {====== JSON <-> Lua */

static void push_json(lua_State *L, const cJSON *v, int depth)
{
    luaL_checkstack(L, 4, "the reply is nested too deeply");
    if (depth > 64 || cJSON_IsNull(v) || !v)
        lua_pushnil(L);
    else if (cJSON_IsBool(v))
        lua_pushboolean(L, cJSON_IsTrue(v));
    else if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        if (d == floor(d) && fabs(d) < 9007199254740992.0)
            lua_pushinteger(L, (lua_Integer)d);
        else
            lua_pushnumber(L, d);
    } else if (cJSON_IsString(v))
        lua_pushstring(L, v->valuestring);
    else if (cJSON_IsArray(v)) {
        lua_createtable(L, cJSON_GetArraySize(v), 0);
        int i = 1;
        for (const cJSON *e = v->child; e; e = e->next) {
            push_json(L, e, depth + 1);
            lua_rawseti(L, -2, i++);
        }
    } else {
        lua_newtable(L);
        for (const cJSON *e = v->child; e; e = e->next) {
            push_json(L, e, depth + 1);
            lua_setfield(L, -2, e->string);
        }
    }
}

/* Sends request (consumed) and pushes the reply's result, or raises its error. */
static int ask(lua_State *L, cJSON *request)
{
    char *text = cJSON_PrintUnformatted(request);
    cJSON_Delete(request);
    if (!text)
        return luaL_error(L, "out of memory");
    send_frame(TV_WIRE_TEST_ASK, text);
    free(text);
    cJSON *reply = read_reply();
    if (!reply)
        return luaL_error(L, "trivium did not answer (the test run was stopped?)");
    const cJSON *ok = cJSON_GetObjectItemCaseSensitive(reply, "ok");
    if (!cJSON_IsTrue(ok)) {
        const cJSON *err = cJSON_GetObjectItemCaseSensitive(reply, "error");
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(reply, "code");
        char msg[1200];
        snprintf(msg, sizeof msg, "%s", cJSON_IsString(err) ? err->valuestring : "the request failed");
        if (cJSON_IsNumber(code) && (code->valueint == 3 || code->valueint == 4))
            reply_code = code->valueint;
        cJSON_Delete(reply);
        return luaL_error(L, "%s", msg);
    }
    push_json(L, cJSON_GetObjectItemCaseSensitive(reply, "result"), 0);
    cJSON_Delete(reply);
    return 1;
}

/* }====== {====== t.questions and t.session */

static const char *lang_arg(lua_State *L, int idx, const char *what)
{
    if (lua_isnoneornil(L, idx))
        return "en";
    const char *lang = luaL_checkstring(L, idx);
    if (strcmp(lang, "en") != 0 && strcmp(lang, "nl") != 0)
        luaL_error(L, "%s: lang must be \"en\" or \"nl\", got \"%s\"", what, lang);
    return lang;
}

static lua_Integer seed_arg(lua_State *L, int idx, const char *what)
{
    if (lua_isnoneornil(L, idx))
        return 1;
    if (!lua_isinteger(L, idx) || lua_tointeger(L, idx) < 0)
        luaL_error(L, "%s: seed must be a whole number from 0, got %s", what, luaL_tolstring(L, idx, NULL));
    return lua_tointeger(L, idx);
}

static int t_questions(lua_State *L)
{
    lua_Integer seed = seed_arg(L, 1, "t.questions");
    const char *lang = lang_arg(L, 2, "t.questions");
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "what", "questions");
    cJSON_AddNumberToObject(req, "seed", (double)seed);
    cJSON_AddStringToObject(req, "lang", lang);
    return ask(L, req);
}

/* A list of answer lines at idx into a new JSON array; raises on anything else. */
static cJSON *answer_lines(lua_State *L, int idx, const char *what)
{
    if (lua_type(L, idx) != LUA_TTABLE)
        luaL_error(L, "t.session: %s must be a list of answer lines such as { \"correct @2\", \"B\" }", what);
    lua_Unsigned n = lua_rawlen(L, idx);
    for (lua_Unsigned i = 1; i <= n; i++) {
        if (lua_rawgeti(L, idx, (lua_Integer)i) != LUA_TSTRING)
            luaL_error(L, "t.session: %s[%d] must be an answer line (a string)", what, (int)i);
        lua_pop(L, 1);
    }
    cJSON *arr = cJSON_CreateArray();
    for (lua_Unsigned i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, (lua_Integer)i);
        cJSON_AddItemToArray(arr, cJSON_CreateString(lua_tostring(L, -1)));
        lua_pop(L, 1);
    }
    return arr;
}

static const char *const session_fields[] = {"seed",   "count",         "lang",  "answers", "players",
                                             "streak", "time_points",   "timer_percent", NULL};

static int t_session(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    /* Every check first, so nothing is allocated when one raises. */
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
        bool known = false;
        for (const char *const *f = session_fields; *f && !known; f++)
            known = strcmp(*f, k) == 0;
        if (!known)
            luaL_error(L, "t.session: unknown field '%s' (it takes seed, count, lang, answers or players, streak, "
                          "time_points, timer_percent)", k);
    }
    lua_getfield(L, 1, "seed");
    lua_Integer seed = seed_arg(L, -1, "t.session");
    lua_getfield(L, 1, "lang");
    const char *lang = lang_arg(L, -1, "t.session");
    lua_getfield(L, 1, "count");
    if (!lua_isnil(L, -1) && (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > 10000))
        luaL_error(L, "t.session: count must be a whole number from 1 to 10000");
    lua_Integer count = lua_isnil(L, -1) ? 0 : lua_tointeger(L, -1);
    int answers = lua_getfield(L, 1, "answers"), players = lua_getfield(L, 1, "players");
    if ((answers == LUA_TNIL) == (players == LUA_TNIL))
        luaL_error(L, "t.session: give answers = { ... } (one player) or players = { { ... }, ... }, one of them");
    int n_players = 1;
    if (players != LUA_TNIL) {
        if (players != LUA_TTABLE || lua_rawlen(L, -1) == 0)
            luaL_error(L, "t.session: players must be a list of answer lists, one per player");
        n_players = (int)lua_rawlen(L, -1);
        for (int p = 1; p <= n_players; p++) {
            lua_rawgeti(L, -1, p);
            cJSON_Delete(answer_lines(L, lua_gettop(L), "players[i]"));
            lua_pop(L, 1);
        }
    } else
        cJSON_Delete(answer_lines(L, lua_gettop(L) - 1, "answers"));
    static const char *const switches[] = {"streak", "time_points", NULL};
    for (const char *const *s = switches; *s; s++) {
        int t = lua_getfield(L, 1, *s);
        if (t != LUA_TNIL && t != LUA_TBOOLEAN)
            luaL_error(L, "t.session: %s must be true or false", *s);
        lua_pop(L, 1);
    }
    lua_getfield(L, 1, "timer_percent");
    if (!lua_isnil(L, -1) && !lua_isinteger(L, -1))
        luaL_error(L, "t.session: timer_percent must be a whole number from 10 to 1000");
    lua_pop(L, 1);

    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "what", "session");
    cJSON_AddNumberToObject(req, "seed", (double)seed);
    if (count)
        cJSON_AddNumberToObject(req, "count", (double)count);
    cJSON_AddStringToObject(req, "lang", lang);
    cJSON *list = cJSON_AddArrayToObject(req, "players");
    int answers_idx = lua_gettop(L) - 1, players_idx = lua_gettop(L);
    for (int p = 1; p <= n_players; p++) {
        cJSON *pl = cJSON_CreateObject();
        if (players != LUA_TNIL) {
            lua_rawgeti(L, players_idx, p);
            cJSON_AddItemToObject(pl, "answers", answer_lines(L, lua_gettop(L), "players[i]"));
            lua_pop(L, 1);
        } else
            cJSON_AddItemToObject(pl, "answers", answer_lines(L, answers_idx, "answers"));
        cJSON_AddItemToArray(list, pl);
    }
    for (const char *const *s = switches; *s; s++) {
        if (lua_getfield(L, 1, *s) == LUA_TBOOLEAN)
            cJSON_AddBoolToObject(req, *s, lua_toboolean(L, -1));
        lua_pop(L, 1);
    }
    if (lua_getfield(L, 1, "timer_percent") == LUA_TNUMBER)
        cJSON_AddNumberToObject(req, "timer_percent", (double)lua_tointeger(L, -1));
    lua_pop(L, 1);
    return ask(L, req);
}

/* }====== {====== test(name, fn) and the run */

/* Registry slot of the list of {name, fn}. */
static int tests_ref = LUA_NOREF;

static int f_test(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    if (!*name)
        return luaL_error(L, "test: give the test a name");
    lua_rawgeti(L, LUA_REGISTRYINDEX, tests_ref);
    lua_Unsigned n = lua_rawlen(L, -1);
    if (n >= 10000)
        return luaL_error(L, "test: at most 10000 tests");
    lua_createtable(L, 2, 0);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, 1);
    lua_pushvalue(L, 2);
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, -2, (lua_Integer)n + 1);
    return 0;
}

static int load_tests(lua_State *L)
{
    tv_sandbox_push_file(L, tv_sandbox_get(L), TV_TESTS_FILE, sizeof TV_TESTS_FILE - 1);
    lua_call(L, 0, 0);
    lua_pushnil(L);
    return 1;
}

static void send_case(const char *name, bool ok, const char *message, int code)
{
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "name", name);
    cJSON_AddBoolToObject(c, "ok", ok);
    cJSON_AddStringToObject(c, "message", message);
    cJSON_AddNumberToObject(c, "code", ok ? 0 : code);
    char *text = cJSON_PrintUnformatted(c);
    cJSON_Delete(c);
    if (text)
        send_frame(TV_WIRE_TEST_CASE, text);
    free(text);
}

static int fatal(const char *file, int line, const char *msg)
{
    char text[2400];
    if (line > 0)
        snprintf(text, sizeof text, "%s:%d: %s", file, line, msg);
    else
        snprintf(text, sizeof text, "%s: %s", file, msg);
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "message", text);
    char *json = cJSON_PrintUnformatted(c);
    cJSON_Delete(c);
    if (json)
        send_frame(TV_WIRE_TEST_FATAL, json);
    free(json);
    return 0;
}

int tv_worker_run_tests(tv_Sandbox *sb)
{
    lua_State *L = sb->L;
    char file[1100], msg[1024];
    int line = 0;
    lua_newtable(L);
    tests_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    /* test() is a global of tests.lua only: the pack's own code never has it. */
    lua_rawgeti(L, LUA_REGISTRYINDEX, sb->builtins_ref);
    lua_pushcfunction(L, f_test);
    lua_setfield(L, -2, "test");
    lua_pop(L, 1);

    sb->phase = "loading tests.lua";
    lua_pushcfunction(L, load_tests);
    if (!tv_sandbox_call(sb, 0, file, sizeof file, &line, msg, sizeof msg))
        return fatal(file, line, msg);
    lua_pop(L, 1);

    /* The checks' chunk runs in the pack's environment like tests.lua itself. */
    if (luaL_loadbufferx(L, checks_lua, sizeof checks_lua - 1, "=trivium tests", "t") != LUA_OK)
        return fatal("trivium tests", 0, lua_tostring(L, -1));
    lua_rawgeti(L, LUA_REGISTRYINDEX, sb->env_ref);
    lua_setupvalue(L, -2, 1);
    lua_pushcfunction(L, t_questions);
    lua_pushcfunction(L, t_session);
    if (!tv_sandbox_call(sb, 2, file, sizeof file, &line, msg, sizeof msg))
        return fatal(file, line, msg);
    int make_t = lua_gettop(L);

    lua_rawgeti(L, LUA_REGISTRYINDEX, tests_ref);
    int list = lua_gettop(L);
    lua_Unsigned n = lua_rawlen(L, list);
    if (n == 0)
        return fatal(sb->display_dir, 0, TV_TESTS_FILE " defines no test: add test(\"name\", function(t) ... end)");
    char name[512];
    for (lua_Unsigned i = 1; i <= n; i++) {
        lua_rawgeti(L, list, (lua_Integer)i);
        lua_rawgeti(L, -1, 1);
        snprintf(name, sizeof name, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        if (sb->mem_exceeded) {
            send_case(name, false, "not run: an earlier test reached the memory limit", 1);
            lua_pop(L, 1);
            continue;
        }
        sb->phase = "testing";
        tv_sandbox_reset_budget(sb);
        reply_code = 1;
        lua_rawgeti(L, -1, 2);
        lua_pushvalue(L, make_t);
        bool made = tv_sandbox_call(sb, 0, file, sizeof file, &line, msg, sizeof msg);
        bool ok = made && tv_sandbox_call(sb, 1, file, sizeof file, &line, msg, sizeof msg);
        if (ok)
            lua_pop(L, 1);
        char text[2400] = "";
        if (!ok && line > 0)
            snprintf(text, sizeof text, "%s:%d: %s", file, line, msg);
        else if (!ok)
            snprintf(text, sizeof text, "%s: %s", file, msg);
        send_case(name, ok, text, reply_code);
        lua_settop(L, list);
    }
    return 0;
}
