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

/* Where `name =` is first written in the pack's files, as "file:line" into out; the pack
 * file alone when it is not found. A table field has no line of its own in Lua, so this
 * is how a message about one can point at it. */
static void find_field(const tv_Convert *c, const char *name, char *out, size_t size)
{
    const tv_Sandbox *sb = c->sb;
    size_t n = strlen(name);
    for (int i = 0; i < sb->n_files; i++) {
        const char *text = sb->files[i].text;
        for (const char *p = text; (p = strstr(p, name)) != NULL; p++) {
            char before = p == text ? ' ' : p[-1];
            if (before == '_' || before == '.' || (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
                (before >= '0' && before <= '9'))
                continue;
            const char *e = p + n;
            if (*e == '"' && (before == '"' || before == '\'')) /* ["name"] = */
                e++;
            if (*e == ']')
                e++;
            e += strspn(e, " \t");
            if (*e != '=' || e[1] == '=')
                continue;
            int line = 1;
            for (const char *q = text; q < p; q++)
                line += *q == '\n';
            snprintf(out, size, "%s:%d", sb->files[i].name, line);
            return;
        }
    }
    tv_pack_file_path(out, size, sb->display_dir);
}

static bool is_date(const char *s)
{
    /* YYYY-MM-DD with a month 01-12 and a day 01-31 */
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static bool has_scheme(const char *s)
{
    /* RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" */
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return false;
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    return s[n] == ':' && s[n + 1];
}

/* One source's fields into src: strings, a title that may be a table of languages (the
 * session's, else English), and the checks an author can act on. t: the entry's table. */
static void read_source(tv_Convert *c, cJSON *src, const char *key, int t)
{
    lua_State *L = c->sb->L;
    char where[1300];
    find_field(c, key, where, sizeof where);
    for (const char *const *f = tv_convert_source_fields; *f; f++) {
        if (strcmp(*f, TV_WIRE_SHOWS) == 0)
            continue; /* a list of fact names: read_source_shows */
        lua_pushstring(L, *f);
        int type = lua_rawget(L, t);
        if (type == LUA_TTABLE && strcmp(*f, TV_WIRE_TITLE) == 0) {
            const char *pick[2] = {c->lang, "en"};
            int found = LUA_TNIL;
            for (int i = 0; i < 2 && found != LUA_TSTRING; i++) {
                lua_pushstring(L, pick[i]);
                found = lua_rawget(L, -2);
                if (found != LUA_TSTRING)
                    lua_pop(L, 1);
            }
            if (found == LUA_TSTRING)
                lua_remove(L, -2); /* the title text in place of its table */
            else {
                tv_convert_diag(c, TV_WIRE_WARNING, where, "source '%s': title has no '%s' or 'en' text", key, c->lang);
                type = LUA_TNIL;
            }
            type = found == LUA_TSTRING ? LUA_TSTRING : type;
        }
        if (type == LUA_TSTRING) {
            size_t len;
            const char *v = lua_tolstring(L, -1, &len);
            if (len > TV_WIRE_MAX_TEXT || !tv_utf8_valid(v, len) || strlen(v) != len)
                tv_convert_diag(c, TV_WIRE_WARNING, where, "source '%s': %s must be UTF-8 text of at most %d bytes; it is left out",
                                key, *f, TV_WIRE_MAX_TEXT);
            else if (strcmp(*f, TV_WIRE_DATE) == 0 && !is_date(v))
                tv_convert_diag(c, TV_WIRE_WARNING, where, "source '%s': date '%s' is not YYYY-MM-DD (such as 2024-01-31)",
                                key, v);
            else if (strcmp(*f, TV_WIRE_URL) == 0 && !has_scheme(v))
                tv_convert_diag(c, TV_WIRE_WARNING, where, "source '%s': url '%s' has no scheme (write https://...)", key, v);
            else
                cJSON_AddStringToObject(src, *f, v);
        } else if (type != LUA_TNIL)
            tv_convert_diag(c, TV_WIRE_WARNING, where, "source '%s': %s must be a string, got %s; it is left out", key, *f,
                            luaL_typename(L, -1));
        lua_pop(L, 1);
    }
    int n;
    bool other;
    const char **unknown = tv_convert_unknown_keys(c, t, tv_convert_source_fields, where, &n, &other);
    if (other)
        tv_convert_diag(c, TV_WIRE_WARNING, where, "source '%s' has a key that is not a name", key);
    for (int i = 0; i < n; i++) {
        const char *near = tv_text_closest(unknown[i], tv_convert_source_fields);
        if (near)
            tv_convert_diag(c, TV_WIRE_WARNING, where, "source '%s': unknown field '%s' (did you mean '%s'?)", key,
                            unknown[i], near);
        else
            tv_convert_diag(c, TV_WIRE_WARNING, where,
                            "source '%s': unknown field '%s' (a source has publisher, title, date, url and shows)", key,
                            unknown[i]);
    }
    free(unknown);
    if (!cJSON_GetObjectItemCaseSensitive(src, TV_WIRE_PUBLISHER) && !cJSON_GetObjectItemCaseSensitive(src, TV_WIRE_TITLE))
        tv_convert_diag(c, TV_WIRE_WARNING, where, "source '%s' has neither a publisher nor a title", key);
}

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
        read_source(c, src, keys[i], lua_gettop(L));
        read_source_shows(c, q, keys[i]);
        lua_pop(L, 1);
        cJSON_AddItemToObject(c->sources, keys[i], src);
        free(keys[i]);
    }
    lua_pop(L, 1);
}

const char *const tv_convert_pack_fields[] = {"id",      "title",     "version",  "description", "author",
                                              "languages", "sources", "questions", "generate",    NULL};

/* find_field into buf, returned: a message's place, for the fields that are written
 * once in a pack (not id, which each question has too). */
static const char *at_field(const tv_Convert *c, const char *name, char *buf, size_t size)
{
    find_field(c, name, buf, size);
    return buf;
}

bool tv_convert_pack(tv_Convert *c)
{
    lua_State *L = c->sb->L;
    char where[1300];
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
                tv_convert_diag(c, TV_WIRE_ERROR, at_field(c, "languages", where, sizeof where), "languages must list codes such as \"en\" and \"nl\"");
            else
                snprintf(c->langs[c->n_langs++], sizeof c->langs[0], "%s", code);
            lua_pop(L, 1);
        }
    } else if (lt != LUA_TNIL)
        tv_convert_diag(c, TV_WIRE_ERROR, at_field(c, "languages", where, sizeof where), "languages must be a list such as { \"en\", \"nl\" }");
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
        tv_convert_diag(c, TV_WIRE_ERROR, at_field(c, "version", where, sizeof where), "version must be a string such as \"1.0.0\"");
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
        tv_convert_diag(c, TV_WIRE_ERROR, at_field(c, "generate", where, sizeof where), "generate must be a function(ctx) returning a list of questions");
    cJSON_AddBoolToObject(c->pack, TV_WIRE_HAS_GENERATE, gt == LUA_TFUNCTION);
    lua_pop(L, 1);

    /* Unknown fields reject the pack but leave it readable: its questions are still
     * checked, so one lint run shows every fault. An error: `question = {...}` for
     * questions would play the pack without them. Sorted: pairs order changes per run. */
    int before_unknown = c->errors, n_unknown;
    bool other;
    const char **unknown_keys = tv_convert_unknown_keys(c, p, tv_convert_pack_fields, q.where, &n_unknown, &other);
    for (int i = 0; i < n_unknown; i++) {
        const char *k = unknown_keys[i];
        find_field(c, k, where, sizeof where);
        const char *near = tv_text_closest(k, tv_convert_pack_fields);
        if (near)
            tv_convert_diag(c, TV_WIRE_ERROR, where, "the pack table has an unknown field '%s' (did you mean '%s'?)", k, near);
        else
            tv_convert_diag(c, TV_WIRE_ERROR, where, "the pack table has an unknown field '%s' (a pack has %s)", k,
                            "id, title, version, description, author, languages, sources, questions, generate");
    }
    free(unknown_keys);
    int unknown = c->errors - before_unknown;

    lua_pushliteral(L, "questions");
    int qt = lua_rawget(L, p);
    if (qt == LUA_TNIL && gt != LUA_TFUNCTION)
        tv_convert_diag(c, TV_WIRE_ERROR, q.where, "the pack has neither questions nor a generate function");
    else if (qt != LUA_TNIL && qt != LUA_TTABLE)
        tv_convert_diag(c, TV_WIRE_ERROR, at_field(c, "questions", where, sizeof where), "questions must be a list of questions");
    lua_pop(L, 1);
    lua_pop(L, 1); /* the pack table */
    return c->errors - unknown == 0;
}

/* What finish reports is about the whole pack, not what one run of generate made, so it
 * carries no phase (lint then names no seed for it). */
static void finish(tv_Convert *c)
{
    if (c->sb->include_nil[0])
        tv_convert_diag(c, TV_WIRE_WARNING, c->sb->include_nil,
                        "include(\"%s\") returned nil: end %s with return { ... } (include gives what the file returns)",
                        c->sb->include_nil_name, c->sb->include_nil_name);
    if (!c->sources)
        return;
    cJSON *s;
    cJSON_ArrayForEach(s, c->sources)
    {
        char where[1300];
        if (cJSON_GetObjectItemCaseSensitive(c->used_sources, s->string))
            continue;
        find_field(c, s->string, where, sizeof where);
        tv_convert_diag(c, TV_WIRE_WARNING, where, "source '%s' is not used by any question", s->string);
    }
}

void tv_convert_finish(tv_Convert *c)
{
    const char *phase = c->sb->phase;
    c->sb->phase = NULL;
    finish(c);
    c->sb->phase = phase;
}
