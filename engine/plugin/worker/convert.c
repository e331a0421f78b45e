/* convert.c - questions to JSON, with the schema checks that `lint` reports; the text
 * helpers the pack table shares (convert_pack.c reads the pack table itself).
 * Trust boundary: reads untrusted tables with raw access only; bounds every text.
 * Over 500 lines because it is one schema: the per-type converters share the field
 * readers and their messages, and splitting them would export those helpers.
 * Depends on: Lua 5.4, cJSON, core. */
#include "plugin/worker/convert.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "core/error.h"
#include "core/question.h"
#include "core/text.h"
#include "plugin/wire.h"


void tv_convert_init(tv_Convert *c, tv_Sandbox *sb, const char *lang)
{
    memset(c, 0, sizeof *c);
    c->sb = sb;
    c->lang = lang;
    c->pack = cJSON_CreateObject();
    c->questions = cJSON_CreateArray();
    c->diags = cJSON_CreateArray();
    c->ids = cJSON_CreateObject();
    c->used_sources = cJSON_CreateObject();
    c->pack_ref = LUA_NOREF;
}

void tv_convert_free(tv_Convert *c)
{
    cJSON_Delete(c->pack);
    cJSON_Delete(c->questions);
    cJSON_Delete(c->diags);
    cJSON_Delete(c->ids);
    cJSON_Delete(c->sources);
    cJSON_Delete(c->used_sources);
    memset(c, 0, sizeof *c);
}

/* Replaces each byte that is not part of valid UTF-8 with '?'. A message can hold any
 * bytes (the pack's own error text, a folder name, or a character cut at the end of a
 * buffer) and the host drops a diagnostic text that is not valid UTF-8. */
static void make_utf8(char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned char ch = (unsigned char)s[i];
        size_t n = ch < 0x80 ? 1 : ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
        if (i + n <= len && tv_utf8_valid(s + i, n))
            i += n;
        else
            s[i++] = '?';
    }
}

void tv_convert_make_utf8(char *s) { make_utf8(s); }

void tv_convert_diag(tv_Convert *c, const char *severity, const char *where, const char *fmt, ...)
{
    char msg[1024], place[1300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    make_utf8(msg);
    snprintf(place, sizeof place, "%s", where);
    make_utf8(place);
    cJSON *d = cJSON_CreateObject();
    cJSON_AddStringToObject(d, TV_WIRE_WHERE, place);
    cJSON_AddStringToObject(d, TV_WIRE_SEVERITY, severity);
    cJSON_AddStringToObject(d, TV_WIRE_MSG, msg);
    cJSON_AddItemToArray(c->diags, d);
    if (strcmp(severity, TV_WIRE_ERROR) == 0)
        c->errors++;
}

/* ---- a table being converted (a question, or the pack table: convert_pack.c) ---- */
typedef tv_ConvItem Q;

/* Records a diagnostic about q, named by its label; an error also makes q unusable. */
static void qdiag(Q *q, const char *severity, const char *fmt, va_list ap)
{
    char msg[900];
    vsnprintf(msg, sizeof msg, fmt, ap);
    tv_convert_diag(q->c, severity, q->where, "%s: %s", q->label, msg);
    if (strcmp(severity, TV_WIRE_ERROR) == 0)
        q->bad = true;
}

static void qerr(Q *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void qerr(Q *q, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    qdiag(q, TV_WIRE_ERROR, fmt, ap);
    va_end(ap);
}

static void qwarn(Q *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void qwarn(Q *q, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    qdiag(q, TV_WIRE_WARNING, fmt, ap);
    va_end(ap);
}

/* Checks a string as player-facing text (the rule the host applies again, text.h);
 * returns NULL (after an error) when unusable. */
static const char *check_string(Q *q, const char *s, size_t len, const char *what, size_t max)
{
    tv_TextFault fault = tv_text_check_display(s, len, max);
    if (fault == TV_TEXT_TOO_LONG)
        qerr(q, "%s is %zu bytes long; the limit is %zu", what, len, max);
    else if (fault != TV_TEXT_OK)
        qerr(q, "%s %s", what, tv_text_fault_name(fault));
    return fault == TV_TEXT_OK ? s : NULL;
}

/* The text at stack index idx in the session language. Plain strings are the same in
 * every language; tables carry one string per language. `translate` says whether a
 * plain string in a multi-language pack deserves a warning (prompts, explanations). */
static const char *text_value(Q *q, int idx, const char *what, size_t max, bool translate)
{
    lua_State *L = q->c->sb->L;
    tv_Convert *c = q->c;
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TSTRING) {
        if (translate && c->n_langs > 1)
            qwarn(q, "%s is a plain string; give a table with a translation for each of the pack's languages", what);
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        return check_string(q, s, len, what, max);
    }
    if (lua_type(L, idx) != LUA_TTABLE) {
        qerr(q, "%s must be a string or a table of languages, got %s", what, luaL_typename(L, idx));
        return NULL;
    }
    for (int i = 0; i < c->n_langs; i++) {
        lua_pushstring(L, c->langs[i]);
        int t = lua_rawget(L, idx);
        lua_pop(L, 1);
        if (t != LUA_TSTRING)
            qwarn(q, "%s has no '%s' translation", what, c->langs[i]);
    }
    const char *pick[2] = {c->lang, "en"};
    for (int i = 0; i < 2; i++) {
        lua_pushstring(L, pick[i]);
        if (lua_rawget(L, idx) == LUA_TSTRING) {
            size_t len;
            const char *s = lua_tolstring(L, -1, &len);
            lua_pop(L, 1); /* still anchored by the table */
            return check_string(q, s, len, what, max);
        }
        lua_pop(L, 1);
    }
    if (strcmp(c->lang, "en") == 0)
        qerr(q, "%s has no 'en' text", what);
    else
        qerr(q, "%s has neither a '%s' nor an 'en' text", what, c->lang);
    return NULL;
}

/* Pushes field name of the question table; returns its Lua type. */
static int field(Q *q, const char *name)
{
    lua_State *L = q->c->sb->L;
    lua_pushstring(L, name);
    return lua_rawget(L, q->t);
}

void tv_convert_add_text(tv_ConvItem *q, cJSON *obj, const char *key, const char *name, bool required, size_t max,
                         bool translate)
{
    lua_State *L = q->c->sb->L;
    if (field(q, name) == LUA_TNIL) {
        if (required)
            qerr(q, "%s is missing", name);
        else
            cJSON_AddStringToObject(obj, key, "");
    } else {
        const char *s = text_value(q, -1, name, max, translate);
        if (s)
            cJSON_AddStringToObject(obj, key, s);
    }
    lua_pop(L, 1);
}

/* Reads a list of texts (field name) into a new JSON array, checking its length and
 * that no two entries fold to the same text. */
static cJSON *text_list(Q *q, const char *name, int min, int max, size_t max_len, const char *first)
{
    lua_State *L = q->c->sb->L;
    cJSON *arr = cJSON_CreateArray();
    if (first)
        cJSON_AddItemToArray(arr, cJSON_CreateString(first));
    if (field(q, name) != LUA_TTABLE) {
        qerr(q, "%s must be a list of %d to %d texts", name, min, max);
        lua_pop(L, 1);
        return arr;
    }
    lua_Unsigned n = lua_rawlen(L, -1);
    if (n < (lua_Unsigned)min || n > (lua_Unsigned)max) {
        qerr(q, "%s must hold %d to %d entries, got %llu", name, min, max, (unsigned long long)n);
        lua_pop(L, 1);
        return arr;
    }
    for (lua_Unsigned i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, (lua_Integer)i);
        char what[64];
        snprintf(what, sizeof what, "%s[%llu]", name, (unsigned long long)i);
        if (lua_isnil(L, -1))
            qerr(q, "%s is missing (a hole in the list)", what);
        else {
            const char *s = text_value(q, -1, what, max_len, false);
            if (s)
                cJSON_AddItemToArray(arr, cJSON_CreateString(s));
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return arr;
}

/* Errors when two entries of arr fold to the same text. what_first names entry 0. */
static void check_distinct(Q *q, cJSON *arr, const char *what, bool first_is_answer)
{
    int n = cJSON_GetArraySize(arr);
    tv_Alloc al = tv_alloc_default();
    char *folded[TV_MAX_ACCEPT + 1] = {0};
    for (int i = 0; i < n && i <= TV_MAX_ACCEPT; i++) {
        const char *s = cJSON_GetArrayItem(arr, i)->valuestring;
        folded[i] = tv_text_fold(al, s, strlen(s));
    }
    for (int i = 0; i < n && i <= TV_MAX_ACCEPT; i++)
        for (int j = i + 1; j < n && j <= TV_MAX_ACCEPT; j++)
            if (folded[i] && folded[j] && strcmp(folded[i], folded[j]) == 0) {
                if (first_is_answer && i == 0)
                    qerr(q, "the answer '%s' is also among the wrong options", cJSON_GetArrayItem(arr, j)->valuestring);
                else
                    qerr(q, "%s '%s' and '%s' are the same", what, cJSON_GetArrayItem(arr, i)->valuestring,
                         cJSON_GetArrayItem(arr, j)->valuestring);
                j = n, i = n; /* one message per question is enough */
            }
    for (int i = 0; i < n && i <= TV_MAX_ACCEPT; i++)
        free(folded[i]);
}

static bool number_field(Q *q, const char *name, double *out, bool *present)
{
    lua_State *L = q->c->sb->L;
    int t = field(q, name);
    *present = t != LUA_TNIL;
    bool ok = true;
    if (t == LUA_TNUMBER) {
        *out = lua_tonumber(L, -1);
        if (!isfinite(*out)) {
            qerr(q, "%s must be a finite number", name);
            ok = false;
        }
    } else if (t != LUA_TNIL) {
        qerr(q, "%s must be a number, got %s", name, luaL_typename(L, -1));
        ok = false;
    }
    lua_pop(L, 1);
    return ok;
}

const char *const tv_convert_question_fields[] = {"id",    "type",      "prompt", "answer",  "wrong",
                                                  "items", "tolerance", "unit",   "difficulty", "category",
                                                  "time",  "explain",   "source", "asks",       "shows",
                                                  "__where", NULL};

static void warn_unknown_fields(Q *q)
{
    lua_State *L = q->c->sb->L;
    lua_pushnil(L);
    while (lua_next(L, q->t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            qwarn(q, "has a non-string key");
            continue;
        }
        const char *k = lua_tostring(L, -1);
        bool known = false;
        for (const char *const *f = tv_convert_question_fields; *f && !known; f++)
            known = strcmp(*f, k) == 0;
        if (!known)
            qwarn(q, "unknown field '%s' (a typo?)", k);
    }
}

/* ---- one question: the fields every type has, then one function per type ---- */

/* Reads __where and the id, names the question by its id from here on, and checks the id
 * is not used twice. Returns the id (anchored in the question table) or NULL after an error. */
static const char *question_id(Q *q)
{
    lua_State *L = q->c->sb->L;
    const char *id = NULL;
    if (field(q, "__where") == LUA_TSTRING) {
        snprintf(q->where, sizeof q->where, "%s", lua_tostring(L, -1));
        make_utf8(q->where); /* a pack can set __where itself; the host wants UTF-8 */
    }
    lua_pop(L, 1);
    if (field(q, "id") == LUA_TSTRING && lua_rawlen(L, -1) > 0 && lua_rawlen(L, -1) <= TV_WIRE_MAX_QID &&
        strlen(lua_tostring(L, -1)) == lua_rawlen(L, -1) && tv_utf8_valid(lua_tostring(L, -1), lua_rawlen(L, -1))) {
        id = lua_tostring(L, -1);
        snprintf(q->label, sizeof q->label, "question '%s'", id);
        tv_copy_printable(q->label, sizeof q->label, q->label);
        /* Without a constructor line, find where the id is written. */
        if (strchr(q->where, ':') == NULL)
            tv_sandbox_find_id(q->c->sb, id, q->where, sizeof q->where);
    } else
        qerr(q, "id must be a non-empty UTF-8 string of at most %d bytes", TV_WIRE_MAX_QID);
    lua_pop(L, 1);
    if (!id)
        return NULL;
    if (cJSON_GetObjectItemCaseSensitive(q->c->ids, id)) {
        qerr(q, "the id is used twice in this pack");
        return NULL;
    }
    cJSON_AddTrueToObject(q->c->ids, id);
    return id;
}

/* asks and shows: the fact the question asks and those its text shows, names shared
 * across packs, so the round builder never asks a fact twice or after showing it. */
static void facts(Q *q, cJSON *o)
{
    lua_State *L = q->c->sb->L;
    if (field(q, "asks") != LUA_TNIL) {
        const char *s = lua_type(L, -1) == LUA_TSTRING ? text_value(q, -1, "asks", TV_WIRE_MAX_FACT, false) : NULL;
        if (lua_type(L, -1) != LUA_TSTRING)
            qerr(q, "asks must be the name of a fact (a string), got %s", luaL_typename(L, -1));
        else if (s)
            cJSON_AddStringToObject(o, TV_WIRE_ASKS, s);
    }
    lua_pop(L, 1);
    int t = field(q, "shows");
    lua_pop(L, 1);
    if (t != LUA_TNIL)
        cJSON_AddItemToObject(o, TV_WIRE_SHOWS, text_list(q, "shows", 1, TV_WIRE_MAX_SHOWS, TV_WIRE_MAX_FACT, NULL));
}

/* prompt, explain, category, difficulty, time, source and the facts. */
static void common_fields(Q *q, cJSON *o)
{
    tv_Convert *c = q->c;
    lua_State *L = c->sb->L;
    tv_convert_add_text(q, o, TV_WIRE_PROMPT, "prompt", true, TV_WIRE_MAX_PROMPT, true);
    tv_convert_add_text(q, o, TV_WIRE_EXPLAIN, "explain", false, TV_WIRE_MAX_PROMPT, true);
    /* No category: none is written, and the host gives its own (translated) default. */
    if (field(q, "category") != LUA_TNIL) {
        const char *s = text_value(q, -1, "category", TV_WIRE_MAX_CATEGORY, false);
        if (s)
            cJSON_AddStringToObject(o, TV_WIRE_CATEGORY, s);
    }
    lua_pop(L, 1);

    double d = 1, t = TV_TIME_DEFAULT_MS / 1000.0;
    bool present;
    if (number_field(q, "difficulty", &d, &present) && (d != 1 && d != 2 && d != 3))
        qerr(q, "difficulty must be 1, 2 or 3, got %g", d);
    if (number_field(q, "time", &t, &present) && (t < 5 || t > 120))
        qerr(q, "time must be between 5 and 120 seconds, got %g", t);
    cJSON_AddNumberToObject(o, TV_WIRE_DIFFICULTY, d);
    cJSON_AddNumberToObject(o, TV_WIRE_TIME_MS, round(t * 1000));

    int st = field(q, "source");
    if (st == LUA_TNIL)
        qwarn(q, "has no source: name where the fact comes from");
    else if (st != LUA_TSTRING)
        qerr(q, "source must be a string");
    else if (!tv_utf8_valid(lua_tostring(L, -1), lua_rawlen(L, -1)) || strlen(lua_tostring(L, -1)) != lua_rawlen(L, -1))
        qerr(q, "source must be UTF-8 text"); /* the host refuses the whole pack otherwise */
    else {
        const char *src = lua_tostring(L, -1);
        cJSON_AddStringToObject(o, TV_WIRE_SOURCE, src);
        if (c->sources) {
            if (!cJSON_GetObjectItemCaseSensitive(c->sources, src))
                qwarn(q, "source '%s' is not a key of the pack's sources table", src);
            else if (!cJSON_GetObjectItemCaseSensitive(c->used_sources, src))
                cJSON_AddTrueToObject(c->used_sources, src);
        }
    }
    lua_pop(L, 1);
    if (!cJSON_GetObjectItemCaseSensitive(o, TV_WIRE_SOURCE))
        cJSON_AddStringToObject(o, TV_WIRE_SOURCE, "");
    facts(q, o);
}

static void convert_choice(Q *q, cJSON *o)
{
    lua_State *L = q->c->sb->L;
    const char *answer = NULL;
    if (field(q, "answer") == LUA_TNIL)
        qerr(q, "answer is missing");
    else
        answer = text_value(q, -1, "answer", TV_WIRE_MAX_TEXT, false);
    if (answer) {
        cJSON *opts = text_list(q, "wrong", 1, TV_MAX_OPTIONS - 1, TV_WIRE_MAX_TEXT, answer);
        check_distinct(q, opts, "options", true);
        cJSON_AddItemToObject(o, TV_WIRE_OPTIONS, opts);
    }
    lua_pop(L, 1); /* answer, kept alive until copied into opts */
}

static void convert_truefalse(Q *q, cJSON *o)
{
    lua_State *L = q->c->sb->L;
    if (field(q, "answer") != LUA_TBOOLEAN)
        qerr(q, "answer must be true or false");
    else
        cJSON_AddBoolToObject(o, TV_WIRE_TRUTH, lua_toboolean(L, -1));
    lua_pop(L, 1);
}

static void convert_numeric(Q *q, cJSON *o)
{
    double answer = 0, tol = 0;
    bool present;
    if (!number_field(q, "answer", &answer, &present) || !present) {
        if (!present)
            qerr(q, "answer must be a number");
    }
    if (number_field(q, "tolerance", &tol, &present) && tol < 0)
        qerr(q, "tolerance must not be negative");
    cJSON_AddNumberToObject(o, TV_WIRE_NUMBER, answer);
    cJSON_AddNumberToObject(o, TV_WIRE_TOLERANCE, tol);
    tv_convert_add_text(q, o, TV_WIRE_UNIT, "unit", false, TV_WIRE_MAX_UNIT, false);
}

static void convert_order(Q *q, cJSON *o)
{
    cJSON *items = text_list(q, "items", 2, TV_MAX_ITEMS, TV_WIRE_MAX_TEXT, NULL);
    check_distinct(q, items, "items", false);
    cJSON_AddItemToObject(o, TV_WIRE_ITEMS, items);
}

/* An accepted answer of only spaces or invisible characters folds to nothing, and then
 * an empty answer would count as right. */
static void refuse_empty_folds(Q *q, const cJSON *accept)
{
    int i = 0;
    for (const cJSON *e = accept->child; e; e = e->next, i++) {
        tv_Alloc al = tv_alloc_default();
        char *f = tv_text_fold(al, e->valuestring, strlen(e->valuestring));
        if (f && !*f)
            qerr(q, "accepted answer %d is only spaces or invisible characters: an empty answer would count as right",
                 i + 1);
        if (f)
            tv_free(al, f, strlen(f) + 1);
    }
}

static void convert_text(Q *q, cJSON *o)
{
    lua_State *L = q->c->sb->L;
    cJSON *accept;
    int at = field(q, "answer");
    /* One text, or a list of texts; a table with string keys is one text's languages. */
    bool is_list = at == LUA_TTABLE && lua_rawlen(L, -1) > 0;
    lua_pop(L, 1);
    if (is_list)
        accept = text_list(q, "answer", 1, TV_MAX_ACCEPT, TV_WIRE_MAX_TEXT, NULL);
    else {
        accept = cJSON_CreateArray();
        if (field(q, "answer") == LUA_TNIL)
            qerr(q, "answer is missing");
        else {
            const char *s = text_value(q, -1, "answer", TV_WIRE_MAX_TEXT, false);
            if (s)
                cJSON_AddItemToArray(accept, cJSON_CreateString(s));
        }
        lua_pop(L, 1);
    }
    refuse_empty_folds(q, accept);
    cJSON_AddItemToObject(o, TV_WIRE_ACCEPT, accept);
}

/* Indexed by tv_QType. */
static void (*const convert_type[])(Q *, cJSON *) = {
    [TV_Q_CHOICE] = convert_choice, [TV_Q_TRUEFALSE] = convert_truefalse, [TV_Q_NUMERIC] = convert_numeric,
    [TV_Q_ORDER] = convert_order,   [TV_Q_TEXT] = convert_text,
};

static void convert_question(tv_Convert *c, int idx, int index, bool generated)
{
    lua_State *L = c->sb->L;
    Q q = {.c = c, .t = lua_absindex(L, idx)};
    snprintf(q.label, sizeof q.label, "%s question %d", generated ? "generated" : "", index);
    if (q.label[0] == ' ')
        memmove(q.label, q.label + 1, strlen(q.label));
    tv_pack_file_path(q.where, sizeof q.where, c->sb->display_dir);
    if (lua_type(L, q.t) != LUA_TTABLE) {
        qerr(&q, "must be a table, got %s", luaL_typename(L, q.t));
        return;
    }
    const char *id = question_id(&q);
    if (!id)
        return;
    tv_QType type = TV_Q_CHOICE;
    if (field(&q, "type") != LUA_TSTRING || !tv_qtype_parse(lua_tostring(L, -1), &type)) {
        qerr(&q, "type must be one of choice, truefalse, numeric, order, text (or use quiz.choice{...} and friends)");
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);

    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, TV_WIRE_ID, id);
    cJSON_AddStringToObject(o, TV_WIRE_TYPE, tv_qtype_name(type));
    cJSON_AddBoolToObject(o, TV_WIRE_GENERATED, generated);
    common_fields(&q, o);
    convert_type[type](&q, o);
    warn_unknown_fields(&q);
    cJSON_AddStringToObject(o, TV_WIRE_WHERE, q.where);
    if (q.bad)
        cJSON_Delete(o);
    else
        cJSON_AddItemToArray(c->questions, o);
}

bool tv_convert_questions(tv_Convert *c, bool generated)
{
    lua_State *L = c->sb->L;
    int before = c->errors;
    int list = lua_gettop(L);
    char where[1100];
    tv_pack_file_path(where, sizeof where, c->sb->display_dir);
    if (lua_type(L, list) != LUA_TTABLE) {
        tv_convert_diag(c, TV_WIRE_ERROR, where, "%s must return a list of questions, got %s",
                        generated ? "generate" : "questions", luaL_typename(L, list));
        lua_pop(L, 1);
        return false;
    }
    lua_Unsigned n = lua_rawlen(L, list);
    if (n + (lua_Unsigned)cJSON_GetArraySize(c->questions) > TV_WIRE_MAX_QUESTIONS) {
        tv_convert_diag(c, TV_WIRE_ERROR, where, "a pack holds at most %d questions", TV_WIRE_MAX_QUESTIONS);
        lua_pop(L, 1);
        return false;
    }
    for (lua_Unsigned i = 1; i <= n; i++) {
        lua_rawgeti(L, list, (lua_Integer)i);
        convert_question(c, -1, (int)i, generated);
        lua_settop(L, list);
    }
    lua_pop(L, 1);
    return c->errors == before;
}
