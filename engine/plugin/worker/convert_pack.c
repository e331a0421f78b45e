/* convert_pack.c - the pack table to JSON: meta fields, languages, sources, and the
 * warnings about unknown fields and unused sources.
 * Trust boundary: reads untrusted tables with raw access only; bounds every text.
 * Depends on: Lua 5.4, cJSON, core, convert.c (diagnostics, tv_convert_add_text). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "plugin/worker/convert.h"
#include "core/text.h"
#include "plugin/wire.h"

typedef tv_ConvItem Q;

static bool valid_id(const char *s, size_t len)
{
    if (len == 0 || len > TV_WIRE_MAX_PACK_ID)
        return false;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-'))
            return false;
    }
    return true;
}

/* Also the keys of a source in the worker's output (wire.h). */
const char *const tv_convert_source_fields[] = {TV_WIRE_PUBLISHER, TV_WIRE_TITLE, TV_WIRE_DATE, TV_WIRE_URL,
                                                TV_WIRE_SHOWS, NULL};

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The source table at the top's `shows`: the facts its title gives away (docs/pack-api.md),
 * kept in c->source_shows for the questions that cite it. */
static void read_source_shows(tv_Convert *c, Q *q, const char *key)
{
    lua_State *L = c->sb->L;
    lua_pushliteral(L, "shows");
    int t = lua_rawget(L, -2);
    if (t != LUA_TNIL) {
        cJSON *arr = cJSON_CreateArray();
        lua_Unsigned n = t == LUA_TTABLE ? lua_rawlen(L, -1) : 0;
        bool ok = t == LUA_TTABLE && n >= 1 && n <= TV_WIRE_MAX_SHOWS;
        for (lua_Unsigned i = 1; ok && i <= n; i++) {
            size_t len = 0;
            const char *v = lua_rawgeti(L, -1, (lua_Integer)i) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
            ok = v && len >= 1 && len <= TV_WIRE_MAX_FACT && tv_utf8_valid(v, len) && strlen(v) == len;
            if (ok)
                cJSON_AddItemToArray(arr, cJSON_CreateString(v));
            lua_pop(L, 1);
        }
        if (ok)
            cJSON_AddItemToObject(c->source_shows, key, arr);
        else {
            cJSON_Delete(arr);
            tv_convert_diag(c, TV_WIRE_ERROR, q->where, "source '%s': shows must list 1 to %d fact names", key,
                            TV_WIRE_MAX_SHOWS);
        }
    }
    lua_pop(L, 1);
}

static void read_sources(tv_Convert *c, Q *q, int p)
{
    lua_State *L = c->sb->L;
    lua_pushliteral(L, "sources");
    int t = lua_rawget(L, p);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (t != LUA_TTABLE) {
        tv_convert_diag(c, TV_WIRE_ERROR, q->where, "sources must be a table of key = { publisher, title, date, url }");
        lua_pop(L, 1);
        return;
    }
    c->sources = cJSON_CreateObject();
    int s = lua_gettop(L);
    char *keys[TV_WIRE_MAX_SOURCES];
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, s)) {
        if (n >= TV_WIRE_MAX_SOURCES) {
            /* Only counted from here: the table may be as big as the memory cap allows. */
            tv_convert_diag(c, TV_WIRE_ERROR, q->where, "sources: a pack has at most %d sources", TV_WIRE_MAX_SOURCES);
            lua_pop(L, 2);
            break;
        }
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TTABLE || lua_rawlen(L, -2) == 0 ||
            lua_rawlen(L, -2) > TV_WIRE_MAX_TEXT || !tv_utf8_valid(lua_tostring(L, -2), lua_rawlen(L, -2))) {
            tv_convert_diag(c, TV_WIRE_ERROR, q->where,
                            "sources: each entry must be key = { publisher = ..., title = ... }, the key a text of at "
                            "most %d bytes",
                            TV_WIRE_MAX_TEXT);
            lua_pop(L, 1);
            continue;
        }
        char *key = strdup(lua_tostring(L, -2));
        if (key)
            keys[n++] = key;
        lua_pop(L, 1);
    }
    qsort(keys, (size_t)n, sizeof *keys, cmp_str);
    for (int i = 0; i < n; i++) {
        cJSON *src = cJSON_CreateObject();
        cJSON_AddStringToObject(src, TV_WIRE_KEY, keys[i]);
        lua_pushstring(L, keys[i]);
        lua_rawget(L, s);
        for (const char *const *f = tv_convert_source_fields; *f; f++) {
            lua_pushstring(L, *f);
            if (lua_rawget(L, -2) == LUA_TSTRING) {
                size_t len;
                const char *v = lua_tolstring(L, -1, &len);
                if (len <= TV_WIRE_MAX_TEXT && tv_utf8_valid(v, len))
                    cJSON_AddStringToObject(src, *f, v);
            }
            lua_pop(L, 1);
        }
        read_source_shows(c, q, keys[i]);
        if (!cJSON_GetObjectItemCaseSensitive(src, TV_WIRE_PUBLISHER) && !cJSON_GetObjectItemCaseSensitive(src, TV_WIRE_TITLE))
            tv_convert_diag(c, TV_WIRE_WARNING, q->where, "source '%s' has neither a publisher nor a title", keys[i]);
        lua_pop(L, 1);
        cJSON_AddItemToObject(c->sources, keys[i], src);
        free(keys[i]);
    }
    lua_pop(L, 1);
}

const char *const tv_convert_pack_fields[] = {"id",      "title",     "version",  "description", "author",
                                              "languages", "sources", "questions", "generate",    NULL};

bool tv_convert_pack(tv_Convert *c)
{
    lua_State *L = c->sb->L;
    Q q = {.c = c};
    tv_convert_start_clock(c);
    tv_pack_file_path(q.where, sizeof q.where, c->sb->display_dir);
    snprintf(q.label, sizeof q.label, "the pack table");
    if (lua_type(L, -1) != LUA_TTABLE) {
        tv_convert_diag(c, TV_WIRE_ERROR, q.where, "pack.lua must return a table, got %s", luaL_typename(L, -1));
        lua_pop(L, 1);
        return false;
    }
    c->pack_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->pack_ref);
    int p = lua_gettop(L);
    q.t = p;

    /* languages first: they decide which translations to expect */
    c->n_langs = 0;
    lua_pushliteral(L, "languages");
    int lt = lua_rawget(L, p);
    if (lt == LUA_TTABLE) {
        /* The raw length can be huge for a small table (t[1], t[2], t[4], ... t[2^62]). */
        lua_Unsigned n = lua_rawlen(L, -1);
        if (n > TV_WIRE_MAX_LANGUAGES) {
            tv_convert_diag(c, TV_WIRE_ERROR, q.where, "languages lists %llu entries; a pack has at most %d",
                            (unsigned long long)n, TV_WIRE_MAX_LANGUAGES);
            n = 0;
        }
        for (lua_Unsigned i = 1; i <= n && c->n_langs < TV_WIRE_MAX_LANGUAGES; i++) {
            lua_rawgeti(L, -1, (lua_Integer)i);
            size_t len;
            const char *code = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
            if (!code || len < 2 || len > 3 || strspn(code, "abcdefghijklmnopqrstuvwxyz") != len)
                tv_convert_diag(c, TV_WIRE_ERROR, q.where, "languages must list codes such as \"en\" and \"nl\"");
            else
                snprintf(c->langs[c->n_langs++], sizeof c->langs[0], "%s", code);
            lua_pop(L, 1);
        }
    } else if (lt != LUA_TNIL)
        tv_convert_diag(c, TV_WIRE_ERROR, q.where, "languages must be a list such as { \"en\", \"nl\" }");
    lua_pop(L, 1);
    if (c->n_langs == 0)
        snprintf(c->langs[c->n_langs++], sizeof c->langs[0], "en");
    cJSON *langs = cJSON_AddArrayToObject(c->pack, TV_WIRE_LANGUAGES);
    for (int i = 0; i < c->n_langs; i++)
        cJSON_AddItemToArray(langs, cJSON_CreateString(c->langs[i]));

    lua_pushliteral(L, "id");
    size_t len = 0;
    const char *id = lua_rawget(L, p) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
    if (!id || !valid_id(id, len))
        tv_convert_diag(c, TV_WIRE_ERROR, q.where, "id must be a string of a-z, 0-9, '.' and '-' (at most 64)");
    else
        cJSON_AddStringToObject(c->pack, TV_WIRE_ID, id);
    lua_pop(L, 1);

    lua_pushliteral(L, "version");
    if (lua_rawget(L, p) != LUA_TSTRING || lua_rawlen(L, -1) == 0 || lua_rawlen(L, -1) > TV_WIRE_MAX_VERSION)
        tv_convert_diag(c, TV_WIRE_ERROR, q.where, "version must be a string such as \"1.0.0\"");
    else
        cJSON_AddStringToObject(c->pack, TV_WIRE_VERSION, lua_tostring(L, -1));
    lua_pop(L, 1);

    tv_convert_add_text(&q, c->pack, TV_WIRE_TITLE, "title", true, TV_WIRE_MAX_TITLE, false);
    tv_convert_add_text(&q, c->pack, TV_WIRE_DESCRIPTION, "description", false, TV_WIRE_MAX_PROMPT, false);
    lua_pushliteral(L, "author");
    if (lua_rawget(L, p) == LUA_TSTRING && lua_rawlen(L, -1) <= TV_WIRE_MAX_AUTHOR &&
        tv_utf8_valid(lua_tostring(L, -1), lua_rawlen(L, -1)))
        cJSON_AddStringToObject(c->pack, TV_WIRE_AUTHOR, lua_tostring(L, -1));
    lua_pop(L, 1);

    read_sources(c, &q, p);

    lua_pushliteral(L, "generate");
    int gt = lua_rawget(L, p);
    if (gt != LUA_TNIL && gt != LUA_TFUNCTION)
        tv_convert_diag(c, TV_WIRE_ERROR, q.where, "generate must be a function(ctx) returning a list of questions");
    cJSON_AddBoolToObject(c->pack, TV_WIRE_HAS_GENERATE, gt == LUA_TFUNCTION);
    lua_pop(L, 1);

    int n_unknown;
    bool other;
    const char **unknown = tv_convert_unknown_keys(c, p, tv_convert_pack_fields, q.where, &n_unknown, &other);
    for (int i = 0; i < n_unknown; i++)
        tv_convert_diag(c, TV_WIRE_WARNING, q.where, "the pack table has an unknown field '%s' (a typo?)", unknown[i]);
    free(unknown);

    lua_pushliteral(L, "questions");
    int qt = lua_rawget(L, p);
    if (qt == LUA_TNIL && gt != LUA_TFUNCTION)
        tv_convert_diag(c, TV_WIRE_ERROR, q.where, "the pack has neither questions nor a generate function");
    else if (qt != LUA_TNIL && qt != LUA_TTABLE)
        tv_convert_diag(c, TV_WIRE_ERROR, q.where, "questions must be a list of questions");
    lua_pop(L, 1);
    lua_pop(L, 1); /* the pack table */
    return c->errors == 0;
}

void tv_convert_finish(tv_Convert *c)
{
    if (!c->sources)
        return;
    char where[1100];
    tv_pack_file_path(where, sizeof where, c->sb->display_dir);
    cJSON *s;
    cJSON_ArrayForEach(s, c->sources)
    {
        if (!cJSON_GetObjectItemCaseSensitive(c->used_sources, s->string))
            tv_convert_diag(c, TV_WIRE_WARNING, where, "source '%s' is not used by any question", s->string);
    }
}
