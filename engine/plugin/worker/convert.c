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
    c->source_shows = cJSON_CreateObject();
    c->pack_ref = LUA_NOREF;
    c->time_limit_ms = TV_CONVERT_TIME_LIMIT_MS;
}

void tv_convert_free(tv_Convert *c)
{
    cJSON_Delete(c->pack);
    cJSON_Delete(c->questions);
    cJSON_Delete(c->diags);
    cJSON_Delete(c->ids);
    cJSON_Delete(c->sources);
    cJSON_Delete(c->used_sources);
    cJSON_Delete(c->source_shows);
    free(c->places);
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

void tv_convert_start_clock(tv_Convert *c)
{
    /* The worker may read a clock (the core may not). CPU time, not wall time: the limit
     * is on the worker's own work, whatever else the machine is doing. */
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c->deadline);
    c->deadline.tv_sec += c->time_limit_ms / 1000;
    c->deadline.tv_nsec += (c->time_limit_ms % 1000) * 1000000L;
    if (c->deadline.tv_nsec >= 1000000000L) {
        c->deadline.tv_sec++;
        c->deadline.tv_nsec -= 1000000000L;
    }
}

bool tv_convert_in_time(tv_Convert *c, const char *where)
{
    if (c->timed_out)
        return false;
    struct timespec now;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    if (now.tv_sec < c->deadline.tv_sec || (now.tv_sec == c->deadline.tv_sec && now.tv_nsec < c->deadline.tv_nsec))
        return true;
    c->timed_out = true;
    tv_convert_diag(c, TV_WIRE_ERROR, where, "reading the pack's tables took over %ld ms of CPU time; the pack is refused",
                    c->time_limit_ms);
    return false;
}

/* Counts a diagnostic past the cap into the summary ("... and N more"). */
static void drop_diag(tv_Convert *c, bool error)
{
    c->dropped++;
    char msg[128];
    snprintf(msg, sizeof msg, "... and %d more (only the first %d are shown)", c->dropped, TV_CONVERT_MAX_DIAGS);
    cJSON_SetValuestring(cJSON_GetObjectItemCaseSensitive(c->summary, TV_WIRE_MSG), msg);
    if (error)
        cJSON_SetValuestring(cJSON_GetObjectItemCaseSensitive(c->summary, TV_WIRE_SEVERITY), TV_WIRE_ERROR);
}

/* One diagnostic into c->diags, up to TV_CONVERT_MAX_DIAGS (then "... and N more").
 * Found while generate ran, it says so, because lint runs many seeds and names the seed
 * of such a finding; dropped marks a generated question the schema check left out (a
 * warning, so the pack still plays). */
static void add_diag(tv_Convert *c, const char *severity, const char *where, bool dropped, const char *text)
{
    bool error = strcmp(severity, TV_WIRE_ERROR) == 0;
    if (error)
        c->errors++;
    if (c->summary) {
        drop_diag(c, error);
        return;
    }
    char msg[1024], place[1300]; /* the host caps a message anyway; a cut one stays UTF-8 */
    snprintf(msg, sizeof msg, "%s", text);
    make_utf8(msg);
    snprintf(place, sizeof place, "%s", where);
    make_utf8(place);
    cJSON *d = cJSON_CreateObject();
    cJSON_AddStringToObject(d, TV_WIRE_WHERE, place);
    cJSON_AddStringToObject(d, TV_WIRE_SEVERITY, severity);
    cJSON_AddStringToObject(d, TV_WIRE_MSG, msg);
    if (c->sb && c->sb->phase && strcmp(c->sb->phase, TV_WIRE_PHASE_GENERATING) == 0)
        cJSON_AddStringToObject(d, TV_WIRE_DIAG_PHASE, TV_WIRE_PHASE_GENERATING);
    if (dropped)
        cJSON_AddTrueToObject(d, TV_WIRE_DIAG_DROPPED);
    cJSON_AddItemToArray(c->diags, d);
    if (++c->n_diags == TV_CONVERT_MAX_DIAGS) {
        /* One slot left: the summary, which drop_diag keeps up to date. Where: the pack. */
        c->summary = cJSON_CreateObject();
        char pack[1100];
        tv_pack_file_path(pack, sizeof pack, c->sb->display_dir);
        make_utf8(pack);
        cJSON_AddStringToObject(c->summary, TV_WIRE_WHERE, pack);
        cJSON_AddStringToObject(c->summary, TV_WIRE_SEVERITY, TV_WIRE_WARNING);
        cJSON_AddStringToObject(c->summary, TV_WIRE_MSG, "");
        cJSON_AddItemToArray(c->diags, c->summary);
        c->n_diags++;
        c->dropped = -1;
        drop_diag(c, false); /* "... and 0 more" until one is dropped */
    }
}

void tv_convert_diag(tv_Convert *c, const char *severity, const char *where, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    add_diag(c, severity, where, false, msg);
}

/* ---- a table being converted (a question, or the pack table: convert_pack.c) ---- */
typedef tv_ConvItem Q;

/* The first n bytes s at or after p within len bytes, or NULL (memmem without _GNU_SOURCE). */
static const char *find_in(const char *p, size_t len, const char *s, size_t n)
{
    for (size_t i = 0; n && i + n <= len; i++)
        if (p[i] == s[0] && memcmp(p + i, s, n) == 0)
            return p + i;
    return NULL;
}

/* Where field `name` of q is written: Lua keeps no line per table field, so the pack's
 * text is searched for `name =` from the constructor's line down to the next `quiz.`
 * call (at most 200 lines); q->where when not found. */
static void field_where(const Q *q, const char *name, char *out, size_t size)
{
    snprintf(out, size, "%s", q->where);
    const char *colon = strrchr(q->where, ':');
    const tv_Sandbox *sb = q->c->sb;
    if (!colon || !name)
        return;
    int from = atoi(colon + 1);
    size_t flen = (size_t)(colon - q->where), n = strcspn(name, "[");
    for (int i = 0; i < sb->n_files; i++) {
        if (strlen(sb->files[i].name) != flen || strncmp(sb->files[i].name, q->where, flen) != 0)
            continue;
        const char *p = sb->files[i].text;
        for (int line = 1; *p && line < from; p++)
            line += *p == '\n';
        for (int line = from; *p && line < from + 200; line++) {
            const char *end = strchr(p, '\n');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            if (line > from && find_in(p, len, "quiz.", 5))
                return; /* the next question */
            for (const char *f = p; (f = find_in(f, len - (size_t)(f - p), name, n)) != NULL; f++) {
                bool word_start = f == p || !(f[-1] == '_' || f[-1] == '.' || (f[-1] >= 'a' && f[-1] <= 'z') ||
                                              (f[-1] >= 'A' && f[-1] <= 'Z') || (f[-1] >= '0' && f[-1] <= '9'));
                const char *e = f + n;
                while (e < p + len && (*e == ' ' || *e == '\t'))
                    e++;
                if (word_start && e < p + len && *e == '=' && (e + 1 >= p + len || e[1] != '=')) {
                    snprintf(out, size, "%.*s:%d", (int)flen, q->where, line);
                    return;
                }
            }
            if (!end)
                return;
            p = end + 1;
        }
        return;
    }
}

/* Records a diagnostic about q, named by its label; an error also makes q unusable. An
 * error in a generated question drops only that question: the pack keeps playing (the
 * generator may go wrong on one seed in many), and lint counts it as an error. */
static void qdiag(Q *q, const char *severity, const char *fmt, va_list ap)
{
    char msg[900], text[1200];
    vsnprintf(msg, sizeof msg, fmt, ap);
    bool error = strcmp(severity, TV_WIRE_ERROR) == 0;
    snprintf(text, sizeof text, "%s: %s%s", q->label, msg, error && q->generated ? " (the question is left out)" : "");
    char where[1300];
    field_where(q, q->field, where, sizeof where);
    add_diag(q->c, error && q->generated ? TV_WIRE_WARNING : severity, where, error && q->generated, text);
    if (error)
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
static const char *text_value_in(Q *q, int idx, const char *what, size_t max, bool translate);

static const char *text_value(Q *q, int idx, const char *what, size_t max, bool translate)
{
    const char *outer = q->field;
    q->field = what; /* its messages point at the field's own line */
    const char *s = text_value_in(q, idx, what, max, translate);
    q->field = outer;
    return s;
}

static const char *text_value_in(Q *q, int idx, const char *what, size_t max, bool translate)
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
                q->field = first_is_answer ? "wrong" : "items";
                if (first_is_answer && i == 0)
                    qerr(q, "the answer '%s' is also among the wrong options", cJSON_GetArrayItem(arr, j)->valuestring);
                else
                    qerr(q, "%s '%s' and '%s' are the same", what, cJSON_GetArrayItem(arr, i)->valuestring,
                         cJSON_GetArrayItem(arr, j)->valuestring);
                q->field = NULL;
                j = n, i = n; /* one message per question is enough */
            }
    for (int i = 0; i < n && i <= TV_MAX_ACCEPT; i++)
        free(folded[i]);
}

static bool number_field(Q *q, const char *name, double *out, bool *present)
{
    lua_State *L = q->c->sb->L;
    int t = field(q, name);
    q->field = t == LUA_TNIL ? NULL : name;
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
    q->field = NULL;
    return ok;
}

const char *const tv_convert_question_fields[] = {"id",    "type",      "prompt", "answer",  "wrong",
                                                  "items", "tolerance", "unit",   "difficulty", "category",
                                                  "time",  "explain",   "source", "asks",       "shows",
                                                  "__where", NULL};

/* The fields that only some types read; a field of another type is ignored, which is
 * worth a warning (an order question written with answer =, wrong on a true/false). */
static const struct {
    const char *field;
    unsigned types; /* bit per tv_QType */
    const char *for_whom;
} typed_fields[] = {
    {"answer", 1u << TV_Q_CHOICE | 1u << TV_Q_TRUEFALSE | 1u << TV_Q_NUMERIC | 1u << TV_Q_TEXT,
     "choice, truefalse, numeric and text questions (an order question lists its items in order in items)"},
    {"wrong", 1u << TV_Q_CHOICE, "choice questions"},
    {"items", 1u << TV_Q_ORDER, "order questions"},
    {"tolerance", 1u << TV_Q_NUMERIC, "numeric questions"},
    {"unit", 1u << TV_Q_NUMERIC, "numeric questions"},
};

static int cmp_key(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

const char **tv_convert_unknown_keys(tv_Convert *c, int idx, const char *const *known, const char *where, int *n,
                                     bool *other)
{
    lua_State *L = c->sb->L;
    idx = lua_absindex(L, idx);
    *n = 0;
    *other = false;
    const char **keys = NULL;
    int cap = 0;
    lua_pushnil(L);
    for (long steps = 0; lua_next(L, idx); steps++) {
        lua_pop(L, 1);
        if ((steps & 1023) == 1023 && !tv_convert_in_time(c, where)) {
            lua_pop(L, 1);
            break;
        }
        if (lua_type(L, -1) != LUA_TSTRING) {
            *other = true;
            continue;
        }
        const char *k = lua_tostring(L, -1);
        bool is_known = false;
        for (const char *const *f = known; *f && !is_known; f++)
            is_known = strcmp(*f, k) == 0;
        if (is_known)
            continue;
        if (*n == cap) {
            int bigger = cap ? 2 * cap : 16;
            const char **grown = realloc(keys, (size_t)bigger * sizeof *keys);
            if (!grown)
                break;
            keys = grown;
            cap = bigger;
        }
        keys[(*n)++] = k; /* anchored by the table, which is on the stack */
    }
    if (*n > 1)
        qsort(keys, (size_t)*n, sizeof *keys, cmp_key);
    return keys;
}

/* Unknown fields (with the known name nearest a typo) and fields the question's type
 * does not read (an order question written with answer =, wrong on a true/false), in a
 * fixed order: pairs order changes between runs, and lint compares runs. */
static void warn_unknown_fields(Q *q, tv_QType type)
{
    lua_State *L = q->c->sb->L;
    int n;
    bool other;
    const char **keys = tv_convert_unknown_keys(q->c, q->t, tv_convert_question_fields, q->where, &n, &other);
    if (other)
        qwarn(q, "has a non-string key");
    for (int i = 0; i < n; i++) {
        const char *near = tv_text_closest(keys[i], tv_convert_question_fields);
        q->field = keys[i];
        if (near)
            qwarn(q, "unknown field '%s' (did you mean '%s'?)", keys[i], near);
        else
            qwarn(q, "unknown field '%s' (a typo?)", keys[i]);
        q->field = NULL;
    }
    free(keys);
    for (size_t i = 0; i < sizeof typed_fields / sizeof typed_fields[0]; i++) {
        lua_pushstring(L, typed_fields[i].field);
        bool present = lua_rawget(L, q->t) != LUA_TNIL;
        lua_pop(L, 1);
        if (present && !(typed_fields[i].types & 1u << type)) {
            q->field = typed_fields[i].field;
            qwarn(q, "field '%s' is ignored: a %s question does not read it; it is for %s", typed_fields[i].field,
                  tv_qtype_name(type), typed_fields[i].for_whom);
            q->field = NULL;
        }
    }
}

/* Leading and trailing spaces in an answer, option or item are never meant: they are
 * trimmed (so the stored answer is what players see) with a warning lint shows. */
static void trim_entries(Q *q, cJSON *arr, const char *name, bool first_is_answer)
{
    int i = 0;
    for (cJSON *e = arr->child; e; e = e->next, i++) {
        char *s = e->valuestring;
        size_t n = strlen(s), a = 0;
        while (a < n && (s[a] == ' ' || s[a] == '\n'))
            a++;
        while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\n'))
            n--;
        if (a == 0 && n == strlen(s))
            continue;
        char what[80];
        if (first_is_answer && i == 0)
            snprintf(what, sizeof what, "answer");
        else
            snprintf(what, sizeof what, "%s[%d]", name, first_is_answer ? i : i + 1);
        q->field = name;
        qwarn(q, "%s '%s' starts or ends with spaces; they are trimmed (remove them)", what, s);
        q->field = NULL;
        memmove(s, s + a, n - a);
        s[n - a] = '\0';
        if (!*s)
            qerr(q, "%s is only spaces", what);
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
        /* Without a constructor line: where the id is written (found for the whole list
         * at once, by tv_convert_questions). */
        if (strchr(q->where, ':') == NULL && q->c->places && q->index > 0)
            tv_sandbox_place_name(q->c->sb, q->c->places[q->index - 1], q->where, sizeof q->where);
    } else
        qerr(q, "id must be a non-empty UTF-8 string of at most %d bytes", TV_WIRE_MAX_QID);
    lua_pop(L, 1);
    if (!id)
        return NULL;
    const cJSON *before = cJSON_GetObjectItemCaseSensitive(q->c->ids, id);
    if (before) {
        /* "line 7" when both are in one file, else the first one's file:line. */
        const char *first = cJSON_IsString(before) ? before->valuestring : "";
        const char *c1 = strrchr(first, ':'), *c2 = strrchr(q->where, ':');
        bool same_file = c1 && c2 && c1 - first == c2 - q->where && strncmp(first, q->where, (size_t)(c1 - first)) == 0;
        qerr(q, "the id is used twice in this pack (first at %s%s; give each question its own id)",
             same_file ? "line " : "", same_file ? c1 + 1 : first);
        return NULL;
    }
    cJSON_AddStringToObject(q->c->ids, id, q->where);
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

/* A source's title is on the reveal: the facts its `shows` names join the shows of
 * every question that cites it (up to TV_WIRE_MAX_SHOWS in all, each once). */
static void source_shows(Q *q, cJSON *o)
{
    const cJSON *first = cJSON_GetObjectItemCaseSensitive(o, TV_WIRE_SOURCE);
    const cJSON *more = cJSON_GetObjectItemCaseSensitive(o, TV_WIRE_MORE_SOURCES);
    const cJSON *keys[TV_MAX_SOURCES];
    int n = 0;
    if (cJSON_IsString(first) && *first->valuestring)
        keys[n++] = first;
    const cJSON *e;
    cJSON_ArrayForEach(e, more) if (n < TV_MAX_SOURCES) keys[n++] = e;
    for (int k = 0; k < n; k++) {
        const cJSON *facts = cJSON_GetObjectItemCaseSensitive(q->c->source_shows, keys[k]->valuestring);
        const cJSON *f;
        cJSON_ArrayForEach(f, facts)
        {
            cJSON *shows = cJSON_GetObjectItemCaseSensitive(o, TV_WIRE_SHOWS);
            if (!shows)
                shows = cJSON_AddArrayToObject(o, TV_WIRE_SHOWS);
            bool known = false;
            const cJSON *s;
            cJSON_ArrayForEach(s, shows) known = known || (cJSON_IsString(s) && strcmp(s->valuestring, f->valuestring) == 0);
            if (known)
                continue;
            if (cJSON_GetArraySize(shows) >= TV_WIRE_MAX_SHOWS) {
                qerr(q, "shows, with the facts of its sources' titles, holds more than %d facts", TV_WIRE_MAX_SHOWS);
                return;
            }
            cJSON_AddItemToArray(shows, cJSON_CreateString(f->valuestring));
        }
    }
}

/* One source key (the string at idx, named what in messages): the first becomes the
 * wire's source, later ones its more_sources; each is checked against the pack's sources
 * table and marked used. */
static void source_key(Q *q, cJSON *o, int idx, const char *what)
{
    lua_State *L = q->c->sb->L;
    tv_Convert *c = q->c;
    const char *src = lua_tostring(L, idx);
    size_t len = lua_rawlen(L, idx);
    if (!tv_utf8_valid(src, len) || strlen(src) != len) {
        qerr(q, "%s must be UTF-8 text", what); /* the host refuses the whole pack otherwise */
        return;
    }
    if (!cJSON_GetObjectItemCaseSensitive(o, TV_WIRE_SOURCE))
        cJSON_AddStringToObject(o, TV_WIRE_SOURCE, src);
    else {
        cJSON *more = cJSON_GetObjectItemCaseSensitive(o, TV_WIRE_MORE_SOURCES);
        if (!more)
            more = cJSON_AddArrayToObject(o, TV_WIRE_MORE_SOURCES);
        cJSON_AddItemToArray(more, cJSON_CreateString(src));
    }
    if (c->sources) {
        if (!cJSON_GetObjectItemCaseSensitive(c->sources, src))
            qwarn(q, "%s '%s' is not a key of the pack's sources table", what, src);
        else if (!cJSON_GetObjectItemCaseSensitive(c->used_sources, src))
            cJSON_AddTrueToObject(c->used_sources, src);
    }
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
    if (number_field(q, "difficulty", &d, &present) && (d != 1 && d != 2 && d != 3)) {
        q->field = "difficulty";
        qerr(q, "difficulty must be 1, 2 or 3, got %g", d);
    }
    if (number_field(q, "time", &t, &present) && (t < 5 || t > 120)) {
        q->field = "time";
        qerr(q, "time must be between 5 and 120 seconds, got %g", t);
    }
    q->field = NULL;
    cJSON_AddNumberToObject(o, TV_WIRE_DIFFICULTY, d);
    cJSON_AddNumberToObject(o, TV_WIRE_TIME_MS, round(t * 1000));

    int st = field(q, "source");
    if (st == LUA_TNIL)
        qwarn(q, "has no source: name where the fact comes from");
    else if (st == LUA_TSTRING)
        source_key(q, o, -1, "source");
    else if (st != LUA_TTABLE)
        qerr(q, "source must be a key of the sources table or a list of 1 to %d keys", TV_MAX_SOURCES);
    else {
        /* A list: an order question that joins several facts names each one's source. */
        lua_Unsigned n = lua_rawlen(L, -1);
        if (n < 1 || n > TV_MAX_SOURCES)
            qerr(q, "source must list 1 to %d keys, got %llu", TV_MAX_SOURCES, (unsigned long long)n);
        for (lua_Unsigned i = 1; i <= n && n <= TV_MAX_SOURCES; i++) {
            char what[32];
            snprintf(what, sizeof what, "source[%llu]", (unsigned long long)i);
            if (lua_rawgeti(L, -1, (lua_Integer)i) != LUA_TSTRING)
                qerr(q, "%s must be a key of the sources table (a string)", what);
            else
                source_key(q, o, -1, what);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    if (!cJSON_GetObjectItemCaseSensitive(o, TV_WIRE_SOURCE))
        cJSON_AddStringToObject(o, TV_WIRE_SOURCE, "");
    facts(q, o);
    source_shows(q, o);
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
        trim_entries(q, opts, "wrong", true);
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
    if (number_field(q, "tolerance", &tol, &present) && tol < 0) {
        q->field = "tolerance";
        qerr(q, "tolerance must not be negative");
        q->field = NULL;
    }
    cJSON_AddNumberToObject(o, TV_WIRE_NUMBER, answer);
    cJSON_AddNumberToObject(o, TV_WIRE_TOLERANCE, tol);
    /* unit = "" says "no unit", as leaving it out does. */
    lua_State *L = q->c->sb->L;
    bool none = field(q, "unit") == LUA_TSTRING && lua_rawlen(L, -1) == 0;
    lua_pop(L, 1);
    if (none)
        cJSON_AddStringToObject(o, TV_WIRE_UNIT, "");
    else
        tv_convert_add_text(q, o, TV_WIRE_UNIT, "unit", false, TV_WIRE_MAX_UNIT, false);
}

static void convert_order(Q *q, cJSON *o)
{
    cJSON *items = text_list(q, "items", 2, TV_MAX_ITEMS, TV_WIRE_MAX_TEXT, NULL);
    trim_entries(q, items, "items", false);
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
    trim_entries(q, accept, "answer", !is_list);
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
    Q q = {.c = c, .t = lua_absindex(L, idx), .index = index, .generated = generated};
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
    warn_unknown_fields(&q, type);
    cJSON_AddStringToObject(o, TV_WIRE_WHERE, q.where);
    if (q.bad)
        cJSON_Delete(o);
    else
        cJSON_AddItemToArray(c->questions, o);
}

/* Finds where the ids of the list's questions without a constructor line are written,
 * all in one pass over the pack's files, into c->places (left NULL when none needs it). */
static void locate_ids(tv_Convert *c, int list, int n)
{
    lua_State *L = c->sb->L;
    free(c->places);
    c->places = NULL;
    if (n <= 0)
        return;
    const char **ids = calloc((size_t)n, sizeof *ids);
    size_t *lens = calloc((size_t)n, sizeof *lens);
    int *at = calloc((size_t)n, sizeof *at);
    c->places = calloc((size_t)n, sizeof *c->places);
    int wanted = 0;
    for (int i = 0; c->places && i < n; i++)
        c->places[i] = (tv_SbPlace){-1, 0};
    for (int i = 0; ids && lens && at && c->places && i < n; i++) {
        if (lua_rawgeti(L, list, i + 1) == LUA_TTABLE) {
            lua_pushliteral(L, "__where");
            bool placed = lua_rawget(L, -2) == LUA_TSTRING && strchr(lua_tostring(L, -1), ':');
            lua_pop(L, 1);
            lua_pushliteral(L, "id");
            /* The string stays anchored by the question table, which the list holds. */
            if (!placed && lua_rawget(L, -2) == LUA_TSTRING && lua_rawlen(L, -1) > 0 &&
                lua_rawlen(L, -1) <= TV_WIRE_MAX_QID) {
                ids[wanted] = lua_tolstring(L, -1, &lens[wanted]);
                at[wanted++] = i;
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    if (wanted > 0 && c->places) {
        tv_SbPlace *found = calloc((size_t)wanted, sizeof *found);
        if (found) {
            tv_sandbox_find_ids(c->sb, ids, lens, wanted, found);
            for (int k = 0; k < wanted; k++)
                c->places[at[k]] = found[k];
        }
        free(found);
    }
    free(ids);
    free(lens);
    free(at);
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
    tv_convert_start_clock(c);
    locate_ids(c, list, (int)n);
    for (lua_Unsigned i = 1; i <= n && tv_convert_in_time(c, where); i++) {
        lua_rawgeti(L, list, (lua_Integer)i);
        convert_question(c, -1, (int)i, generated);
        lua_settop(L, list);
    }
    free(c->places);
    c->places = NULL;
    lua_pop(L, 1);
    return c->errors == before;
}
