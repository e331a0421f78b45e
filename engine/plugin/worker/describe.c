/* describe.c - `pack-worker --describe-api`: the pack API as the worker builds it, as JSON.
 * Reads the sandbox's own tables from C, including the metatables packs cannot see, since
 * a pack cannot list its globals or libraries itself (_ENV and the libraries are empty
 * proxies, so pairs() finds nothing). Only for the docs check in tests/plugin.
 * Trust boundary: runs no pack code; reads only tables the worker made itself.
 * Depends on: Lua 5.4, cJSON, the worker (sandbox, api_quiz, convert). */
#include "plugin/worker/describe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "plugin/worker/convert.h"
#include "plugin/worker/api_quiz.h"
#include "plugin/worker/sandbox.h"

static int cmp_item(const void *a, const void *b)
{
    return strcmp((*(cJSON *const *)a)->string, (*(cJSON *const *)b)->string);
}

/* Moves the items of `from` into `to` sorted by name, and deletes `from`. */
static void add_sorted(cJSON *to, cJSON *from)
{
    int n = cJSON_GetArraySize(from);
    cJSON **items = calloc(n > 0 ? (size_t)n : 1, sizeof *items);
    if (!items) {
        cJSON_Delete(from);
        return;
    }
    for (int i = 0; i < n; i++)
        items[i] = cJSON_DetachItemFromArray(from, 0);
    qsort(items, (size_t)n, sizeof *items, cmp_item);
    for (int i = 0; i < n; i++)
        cJSON_AddItemToObject(to, items[i]->string, items[i]);
    free(items);
    cJSON_Delete(from);
}

/* Records in `fields` the string keys a pack can read from the table at idx, with the
 * type of each value: the table's own keys, then those of the table behind its __index,
 * and so on (a read-only library is an empty proxy whose metatable's __index is the
 * library). lua_getmetatable ignores __metatable, so hidden metatables count too. */
static void add_fields(lua_State *L, int idx, cJSON *fields)
{
    cJSON *found = cJSON_CreateObject();
    lua_pushvalue(L, idx);
    for (int depth = 0; depth < 8 && lua_type(L, -1) == LUA_TTABLE; depth++) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING && !cJSON_GetObjectItemCaseSensitive(found, lua_tostring(L, -2)))
                cJSON_AddStringToObject(found, lua_tostring(L, -2), luaL_typename(L, -1));
            lua_pop(L, 1);
        }
        if (!lua_getmetatable(L, -1))
            break;
        lua_pushliteral(L, "__index");
        lua_rawget(L, -2);
        lua_remove(L, -2); /* the metatable */
        lua_remove(L, -2); /* the table just read */
    }
    lua_pop(L, 1);
    add_sorted(fields, found);
}

/* Describes the table at idx as objects[name], then each table a pack can read from it
 * as objects[prefix .. key] (only one level down: the libraries, ctx.rng). A table is
 * described once; the keys of the table at `seen` are skipped (the pack's _ENV, which
 * packs reach as _G). */
static void describe(lua_State *L, int idx, const char *name, const char *prefix, cJSON *objects, int seen,
                     bool children)
{
    idx = lua_absindex(L, idx);
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, seen);
    cJSON *fields = cJSON_AddObjectToObject(objects, name);
    add_fields(L, idx, fields);
    cJSON *f;
    cJSON_ArrayForEach(f, fields)
    {
        if (!children || strcmp(f->valuestring, "table") != 0)
            continue;
        lua_getfield(L, idx, f->string); /* through the proxies: all of them are the worker's own */
        lua_pushvalue(L, -1);
        if (lua_rawget(L, seen) == LUA_TNIL) {
            char child[256];
            snprintf(child, sizeof child, "%s%s", prefix, f->string);
            describe(L, -2, child, prefix, objects, seen, false);
        }
        lua_pop(L, 2);
    }
}

static void add_list(cJSON *obj, const char *name, const char *const *list)
{
    cJSON *arr = cJSON_AddArrayToObject(obj, name);
    for (; *list; list++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(*list));
}

/* Under lua_pcall, so no Lua error escapes. Arguments: the sandbox, the output root. */
static int describe_sandbox(lua_State *L)
{
    tv_Sandbox *sb = lua_touserdata(L, 1);
    cJSON *root = lua_touserdata(L, 2);
    lua_newtable(L);
    int seen = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, sb->env_ref); /* _G is the pack's _ENV: its fields are the globals */
    lua_pushboolean(L, 1);
    lua_rawset(L, seen);
    lua_rawgeti(L, LUA_REGISTRYINDEX, sb->builtins_ref);
    describe(L, -1, "_ENV", "", cJSON_AddObjectToObject(root, "sandbox"), seen, true);
    lua_pop(L, 1);
    tv_api_push_ctx(L, &sb->rng, "en", "describe"); /* what generate(ctx) receives */
    describe(L, -1, "ctx", "ctx.", cJSON_AddObjectToObject(root, "ctx"), seen, true);
    lua_pop(L, 1);
    return 0;
}

/* Same arguments: a plain state with every standard library, for comparison. */
static int describe_plain(lua_State *L)
{
    cJSON *root = lua_touserdata(L, 2);
    luaL_openlibs(L);
    lua_newtable(L);
    int seen = lua_gettop(L);
    lua_pushglobaltable(L);
    lua_pushboolean(L, 1);
    lua_rawset(L, seen);
    lua_pushglobaltable(L);
    describe(L, -1, "_ENV", "", cJSON_AddObjectToObject(root, "lua"), seen, true);
    return 0;
}

static bool run(lua_State *L, lua_CFunction f, void *sb, cJSON *root)
{
    lua_pushcfunction(L, f);
    lua_pushlightuserdata(L, sb);
    lua_pushlightuserdata(L, root);
    if (lua_pcall(L, 2, 0, 0) == LUA_OK)
        return true;
    fprintf(stderr, "pack-worker: --describe-api: %s\n", lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "error");
    return false;
}

int tv_worker_describe_api(void)
{
    static tv_Sandbox sb; /* large; static as in tv_worker_main */
    char msg[1024];
    if (!tv_sandbox_open(&sb, ".", ".", msg, sizeof msg)) {
        fprintf(stderr, "pack-worker: --describe-api: %s\n", msg);
        tv_sandbox_close(&sb);
        return 1;
    }
    cJSON *root = cJSON_CreateObject();
    bool ok = run(sb.L, describe_sandbox, &sb, root);
    cJSON *schema = cJSON_AddObjectToObject(root, "schema");
    add_list(schema, "pack", tv_convert_pack_fields);
    add_list(schema, "question", tv_convert_question_fields);
    add_list(schema, "source", tv_convert_source_fields);
    lua_State *plain = luaL_newstate();
    ok = ok && plain && run(plain, describe_plain, NULL, root);
    /* No pack code ran, so closing the states is safe (unlike after a pack: worker.c). */
    if (plain)
        lua_close(plain);
    tv_sandbox_close(&sb);
    char *text = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return 1;
    fputs(text, stdout);
    fputc('\n', stdout);
    free(text);
    return fflush(stdout) == 0 ? 0 : 1;
}
