/* decode.c - a worker's frame and JSON document into a tv_Pack and its tv_Questions.
 * Trust boundary: the input was written by a process that ran pack code (or read back
 * from a cache file anyone could have edited), so it is parsed by cJSON with a length,
 * and every field is checked for type, range and length, with the same display-text rule
 * the worker applies (tv_text_check_display), before it is copied into the pack's arena.
 * A check that fails names the field ("questions[3] ('q7'): difficulty ...") and what was
 * expected; the worker's own checks make these unreachable for an honest worker.
 * Over 500 lines on purpose: the whole trust boundary stays in one file, next to the
 * field checks it applies, so a reviewer reads every re-check in one place.
 * Depends on: core (alloc, error, text, rng for the digest), cJSON. */
#include "plugin/decode.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core/rng.h"
#include "core/text.h"
#include "plugin/wire.h"

/* ==================== the frame ==================== */

const char *tv_wire_last_phase(const char *out, size_t len)
{
    const char *phase = TV_WIRE_PHASE_STARTING;
    const size_t plen = strlen(TV_WIRE_PHASE);
    const char *p = out, *end = out ? out + len : NULL;
    while (p && p < end && (size_t)(end - p) > plen && strncmp(p, TV_WIRE_PHASE, plen) == 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            break;
        const char *name = p + plen;
        size_t n = (size_t)(nl - name);
        if (n == strlen(TV_WIRE_PHASE_LOADING) && memcmp(name, TV_WIRE_PHASE_LOADING, n) == 0)
            phase = TV_WIRE_PHASE_LOADING;
        else if (n == strlen(TV_WIRE_PHASE_GENERATING) && memcmp(name, TV_WIRE_PHASE_GENERATING, n) == 0)
            phase = TV_WIRE_PHASE_GENERATING;
        p = nl + 1;
    }
    return phase;
}

bool tv_wire_find_data(const char *out, size_t len, const char **data, size_t *dlen)
{
    const size_t dl = strlen(TV_WIRE_DATA);
    const char *s = out, *end = out ? out + len : NULL;
    while (s && s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            return false;
        if ((size_t)(nl - s) > dl && memcmp(s, TV_WIRE_DATA, dl) == 0) {
            /* Digits only, parsed by hand: strtoull would accept signs and spaces. */
            unsigned long long n = 0;
            const char *d = s + dl;
            for (; d < nl && *d >= '0' && *d <= '9' && n <= (unsigned long long)len; d++)
                n = n * 10 + (unsigned long long)(*d - '0');
            if (d != nl || d == s + dl || n > (unsigned long long)(end - nl - 1))
                return false;
            *data = nl + 1;
            *dlen = (size_t)n;
            return true;
        }
        s = nl + 1;
    }
    return false;
}

/* ==================== helpers ==================== */

typedef struct Dec {
    tv_Pack *p;
    bool failed; /* p->error is set; stop */
} Dec;

static bool fail(Dec *d, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(Dec *d, int code, const char *fmt, ...)
{
    if (d->failed)
        return false; /* keep the first reason */
    char where[1100], msg[900];
    tv_pack_file_path(where, sizeof where, d->p->display);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    d->failed = true;
    if (code == TV_ERR_NOMEM)
        return tv_error_set(&d->p->error, code, where, 0, "out of memory");
    return tv_error_set(&d->p->error, code, where, 0, "the pack worker sent a malformed document: %s", msg);
}

static bool oom(Dec *d) { return fail(d, TV_ERR_NOMEM, "out of memory"); }

static const char *type_name(const cJSON *v)
{
    if (!v)
        return "nothing";
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "a list";
    return "an object";
}

static const cJSON *get(const cJSON *obj, const char *key) { return cJSON_GetObjectItemCaseSensitive(obj, key); }

/* How a string field is checked. */
typedef enum Kind {
    PLAIN,     /* valid UTF-8 without NULs, at most max bytes (0: no limit) */
    DISPLAY,   /* shown to a player: tv_text_check_display, at most max bytes */
    PRINTABLE, /* a diagnostic: any valid UTF-8, controls replaced by '?' */
} Kind;

typedef struct Field {
    const char *key;
    Kind kind;
    size_t max;
    bool required; /* absent is an error; otherwise absent gives "" */
    bool nonempty; /* "" is an error */
} Field;

/* Checks s (at, key name it) by kind; false after fail(). */
static bool check_text(Dec *d, const char *at, const char *key, const char *s, const Field *f)
{
    size_t len = strlen(s);
    if (f->nonempty && len == 0)
        return fail(d, TV_ERR_PACK, "%s%s is empty", at, key);
    if (f->max && len > f->max)
        return fail(d, TV_ERR_PACK, "%s%s is %zu bytes long; the limit is %zu", at, key, len, f->max);
    if (f->kind == DISPLAY && len > 0) {
        tv_TextFault fault = tv_text_check_display(s, len, f->max);
        if (fault != TV_TEXT_OK)
            return fail(d, TV_ERR_PACK, "%s%s %s", at, key, tv_text_fault_name(fault));
    } else if (!tv_utf8_valid(s, len))
        return fail(d, TV_ERR_PACK, "%s%s is not valid UTF-8 text", at, key);
    return true;
}

/* The string obj[f->key] checked and copied into the arena; NULL after fail(). at is the
 * place of obj, ending in ": " or ".", for messages. */
static const char *text(Dec *d, const cJSON *obj, const char *at, const Field *f)
{
    if (d->failed)
        return NULL;
    const cJSON *v = get(obj, f->key);
    if (!v && f->required) {
        fail(d, TV_ERR_PACK, "%s%s is missing", at, f->key);
        return NULL;
    }
    if (!v)
        return "";
    if (!cJSON_IsString(v)) {
        fail(d, TV_ERR_PACK, "%s%s must be a string, got %s", at, f->key, type_name(v));
        return NULL;
    }
    if (!check_text(d, at, f->key, v->valuestring, f))
        return NULL;
    size_t size = strlen(v->valuestring) + 1;
    char *s = tv_arena_alloc(&d->p->arena, size);
    if (!s) {
        oom(d);
        return NULL;
    }
    if (f->kind == PRINTABLE)
        tv_copy_printable(s, size, v->valuestring);
    else
        memcpy(s, v->valuestring, size);
    return s;
}

/* obj[key] as a list of at most max entries (absent: none when !required). Returns the
 * count, or -1 after fail(). */
static int list(Dec *d, const cJSON *obj, const char *at, const char *key, bool required, int min, int max,
                const cJSON **out)
{
    if (d->failed)
        return -1;
    const cJSON *v = get(obj, key);
    *out = v;
    if (!v && !required)
        return 0;
    if (!cJSON_IsArray(v))
        return fail(d, TV_ERR_PACK, "%s%s must be a list, got %s", at, key, type_name(v)), -1;
    int n = 0;
    for (const cJSON *e = v->child; e; e = e->next)
        if (++n > max)
            break;
    if (n < min || n > max)
        return fail(d, TV_ERR_PACK, "%s%s must hold %d to %d entries, got %s%d", at, key, min, max,
                    n > max ? "more than " : "", n > max ? max : n),
               -1;
    return n;
}

/* obj[key] as a whole number in lo..hi; false after fail(). */
static bool whole(Dec *d, const cJSON *obj, const char *at, const char *key, double lo, double hi, double *out)
{
    if (d->failed)
        return false;
    const cJSON *v = get(obj, key);
    if (!cJSON_IsNumber(v))
        return fail(d, TV_ERR_PACK, "%s%s must be a number, got %s", at, key, type_name(v));
    double x = v->valuedouble;
    if (!(x >= lo && x <= hi) || floor(x) != x)
        return fail(d, TV_ERR_PACK, "%s%s must be a whole number from %g to %g, got %g", at, key, lo, hi, x);
    *out = x;
    return true;
}

static bool boolean(Dec *d, const cJSON *obj, const char *at, const char *key, bool *out)
{
    if (d->failed)
        return false;
    const cJSON *v = get(obj, key);
    if (!cJSON_IsBool(v))
        return fail(d, TV_ERR_PACK, "%s%s must be true or false, got %s", at, key, type_name(v));
    *out = cJSON_IsTrue(v);
    return true;
}

/* ==================== one question ==================== */

/* A list of texts into dest; with distinct, no two may fold to the same text (the worker's
 * rule for options and items: two equal options make a question unanswerable). */
static bool text_list(Dec *d, const cJSON *j, const char *at, const char *key, int min, int max, bool distinct,
                      const char **dest, int *count)
{
    const cJSON *arr;
    int n = list(d, j, at, key, true, min, max, &arr);
    if (n < 0)
        return false;
    int i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char place[32];
        snprintf(place, sizeof place, "%s[%d]", key, i);
        if (!cJSON_IsString(e))
            return fail(d, TV_ERR_PACK, "%s%s must be a string, got %s", at, place, type_name(e));
        Field f = {place, DISPLAY, TV_WIRE_MAX_TEXT, true, true};
        if (!check_text(d, at, place, e->valuestring, &f))
            return false;
        if (!(dest[i] = tv_arena_strdup(&d->p->arena, e->valuestring)))
            return oom(d);
    }
    *count = n;
    if (!distinct)
        return true;
    tv_Alloc al = d->p->arena.alloc;
    char *folded[TV_MAX_OPTIONS > TV_MAX_ITEMS ? TV_MAX_OPTIONS : TV_MAX_ITEMS] = {0};
    bool ok = true;
    for (i = 0; i < n && ok; i++)
        ok = (folded[i] = tv_text_fold(al, dest[i], strlen(dest[i]))) != NULL;
    if (!ok)
        oom(d); /* the texts passed the UTF-8 check, so only memory can fail */
    for (i = 0; i < n && ok; i++)
        for (int k = i + 1; k < n && ok; k++)
            if (strcmp(folded[i], folded[k]) == 0)
                ok = fail(d, TV_ERR_PACK, "%s%s[%d] and %s[%d] are the same text", at, key, i, key, k);
    for (i = 0; i < n; i++)
        if (folded[i])
            tv_free(al, folded[i], strlen(folded[i]) + 1);
    return ok;
}

/* more_sources (absent: none): q->sources gets source and these keys, q->srcs room for
 * them resolved once the pack's sources are known (resolve_sources). */
static bool decode_more_sources(Dec *d, const cJSON *j, const char *at, tv_Question *q)
{
    const cJSON *arr;
    int n = list(d, j, at, TV_WIRE_MORE_SOURCES, false, 1, TV_MAX_SOURCES - 1, &arr);
    if (n < 0 || !q->source)
        return false;
    if (n > 0 && !q->source[0])
        return fail(d, TV_ERR_PACK, "%s%s needs a source before it", at, TV_WIRE_MORE_SOURCES);
    int total = q->source[0] ? 1 + n : 0;
    const char **keys = total ? tv_arena_alloc(&d->p->arena, sizeof *keys * (size_t)total) : NULL;
    const tv_Source **srcs = total ? tv_arena_alloc(&d->p->arena, sizeof *srcs * (size_t)total) : NULL;
    if (total && (!keys || !srcs))
        return oom(d);
    if (total)
        keys[0] = q->source, srcs[0] = NULL;
    int i = 1;
    for (const cJSON *e = n ? arr->child : NULL; e; e = e->next, i++) {
        char place[40];
        snprintf(place, sizeof place, "%s[%d]", TV_WIRE_MORE_SOURCES, i - 1);
        if (!cJSON_IsString(e))
            return fail(d, TV_ERR_PACK, "%s%s must be a string, got %s", at, place, type_name(e));
        if (!check_text(d, at, place, e->valuestring, &(Field){place, PLAIN, 0, true, false}))
            return false;
        if (!(keys[i] = tv_arena_strdup(&d->p->arena, e->valuestring)))
            return oom(d);
        srcs[i] = NULL;
    }
    q->n_sources = total;
    q->sources = keys;
    q->srcs = srcs;
    return true;
}

/* asks (absent: "") and shows (absent: none), fact names for the session's draw. */
static bool decode_facts(Dec *d, const cJSON *j, const char *at, tv_Question *q)
{
    q->asks = text(d, j, at, &(Field){TV_WIRE_ASKS, PLAIN, TV_WIRE_MAX_FACT, false, true});
    const cJSON *arr;
    int n = list(d, j, at, TV_WIRE_SHOWS, false, 1, TV_WIRE_MAX_SHOWS, &arr);
    if (!q->asks || n < 0)
        return false;
    const char **shows = n ? tv_arena_alloc(&d->p->arena, sizeof *shows * (size_t)n) : NULL;
    if (n && !shows)
        return oom(d);
    int i = 0;
    for (const cJSON *e = n ? arr->child : NULL; e; e = e->next, i++) {
        char place[32];
        snprintf(place, sizeof place, "%s[%d]", TV_WIRE_SHOWS, i);
        if (!cJSON_IsString(e))
            return fail(d, TV_ERR_PACK, "%s%s must be a string, got %s", at, place, type_name(e));
        if (!check_text(d, at, place, e->valuestring, &(Field){place, PLAIN, TV_WIRE_MAX_FACT, true, true}))
            return false;
        if (!(shows[i] = tv_arena_strdup(&d->p->arena, e->valuestring)))
            return oom(d);
    }
    q->n_shows = n;
    q->shows = shows;
    return true;
}

/* No accepted answer may fold to nothing: an empty typed answer would then score. */
static bool accepts_something(Dec *d, const char *at, const tv_Question *q)
{
    tv_Alloc al = d->p->arena.alloc;
    for (int i = 0; i < q->n_accept; i++) {
        char *f = tv_text_fold(al, q->accept[i], strlen(q->accept[i]));
        if (!f)
            return oom(d); /* the text passed the UTF-8 check, so only memory can fail */
        bool empty = !*f;
        tv_free(al, f, strlen(f) + 1);
        if (empty)
            return fail(d, TV_ERR_PACK, "%s%s[%d] folds to nothing", at, TV_WIRE_ACCEPT, i);
    }
    return true;
}

static bool decode_question(Dec *d, const cJSON *j, int index, const char *default_category, tv_Question *q)
{
    tv_Pack *p = d->p;
    memset(q, 0, sizeof *q);
    char at[200];
    snprintf(at, sizeof at, "questions[%d]: ", index);
    if (!cJSON_IsObject(j))
        return fail(d, TV_ERR_PACK, "%smust be an object, got %s", at, type_name(j));
    q->pack = p->id;
    q->pack_version = p->version;
    q->id = text(d, j, at, &(Field){TV_WIRE_ID, PLAIN, TV_WIRE_MAX_QID, true, true});
    if (!q->id)
        return false;
    char label[64];
    tv_copy_printable(label, sizeof label, q->id); /* the id as the message shows it, cut short */
    snprintf(at, sizeof at, "questions[%d] ('%s'): ", index, label);
    const cJSON *type = get(j, TV_WIRE_TYPE);
    if (!cJSON_IsString(type) || !tv_qtype_parse(type->valuestring, &q->type))
        return fail(d, TV_ERR_PACK, "%stype must be one of choice, truefalse, numeric, order, text", at);
    bool generated;
    if (!boolean(d, j, at, TV_WIRE_GENERATED, &generated))
        return false;
    q->prompt = text(d, j, at, &(Field){TV_WIRE_PROMPT, DISPLAY, TV_WIRE_MAX_PROMPT, true, true});
    q->explain = text(d, j, at, &(Field){TV_WIRE_EXPLAIN, DISPLAY, TV_WIRE_MAX_PROMPT, false, false});
    q->category = get(j, TV_WIRE_CATEGORY)
                      ? text(d, j, at, &(Field){TV_WIRE_CATEGORY, DISPLAY, TV_WIRE_MAX_CATEGORY, true, true})
                      : default_category;
    q->source = text(d, j, at, &(Field){TV_WIRE_SOURCE, PLAIN, 0, false, false});
    q->where = text(d, j, at, &(Field){TV_WIRE_WHERE, PLAIN, 0, false, false});
    if (!decode_facts(d, j, at, q) || !decode_more_sources(d, j, at, q))
        return false;
    double diff = 0, time_ms = 0;
    if (d->failed || !whole(d, j, at, TV_WIRE_DIFFICULTY, 1, 3, &diff) ||
        !whole(d, j, at, TV_WIRE_TIME_MS, TV_TIME_MIN_MS, TV_TIME_MAX_MS, &time_ms))
        return false;
    q->difficulty = (int)diff;
    q->time_limit_ms = (int)time_ms;
    q->unit = "";
    switch (q->type) {
    case TV_Q_CHOICE:
        return text_list(d, j, at, TV_WIRE_OPTIONS, 2, TV_MAX_OPTIONS, true, q->options, &q->n_options);
    case TV_Q_TRUEFALSE: return boolean(d, j, at, TV_WIRE_TRUTH, &q->truth);
    case TV_Q_NUMERIC: {
        const char *keys[2] = {TV_WIRE_NUMBER, TV_WIRE_TOLERANCE};
        double *dest[2] = {&q->number, &q->tolerance};
        for (int i = 0; i < 2; i++) {
            const cJSON *v = get(j, keys[i]);
            if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble))
                return fail(d, TV_ERR_PACK, "%s%s must be a finite number, got %s", at, keys[i], type_name(v));
            *dest[i] = v->valuedouble;
        }
        if (q->tolerance < 0)
            return fail(d, TV_ERR_PACK, "%stolerance must not be negative, got %g", at, q->tolerance);
        q->unit = text(d, j, at, &(Field){TV_WIRE_UNIT, DISPLAY, TV_WIRE_MAX_UNIT, false, false});
        return q->unit != NULL;
    }
    case TV_Q_ORDER: return text_list(d, j, at, TV_WIRE_ITEMS, 2, TV_MAX_ITEMS, true, q->items, &q->n_items);
    case TV_Q_TEXT:
        return text_list(d, j, at, TV_WIRE_ACCEPT, 1, TV_MAX_ACCEPT, false, q->accept, &q->n_accept) &&
               accepts_something(d, at, q);
    }
    /* Unreachable: tv_qtype_parse accepts only the five types above. */
    return fail(d, TV_ERR_PACK, "%sunknown type", at);
}

/* ==================== the document ==================== */

static bool valid_pack_id(const char *s)
{
    size_t len = strlen(s);
    return len > 0 && len <= TV_WIRE_MAX_PACK_ID && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789.-") == len;
}

/* "file:123" -> file and line. */
static bool split_where(Dec *d, const char *where, tv_Diag *diag)
{
    const char *colon = strrchr(where, ':');
    diag->line = 0;
    if (colon && colon[1] >= '0' && colon[1] <= '9' && strspn(colon + 1, "0123456789") == strlen(colon + 1) &&
        strlen(colon + 1) <= 9) {
        diag->line = atoi(colon + 1);
        diag->file = tv_arena_strndup(&d->p->arena, where, (size_t)(colon - where));
    } else
        diag->file = where;
    return diag->file ? true : oom(d);
}

/* A diagnostic's optional trace: a list of printable frames. */
static bool decode_trace(Dec *d, const cJSON *e, const char *at, tv_Diag *out)
{
    out->trace = NULL; /* the diagnostics' array is not zeroed */
    out->n_trace = 0;
    const cJSON *arr;
    int n = list(d, e, at, TV_WIRE_TRACE, false, 0, TV_WIRE_MAX_TRACE, &arr);
    if (n <= 0)
        return n == 0;
    const char **frames = tv_arena_alloc(&d->p->arena, sizeof *frames * (size_t)n);
    if (!frames)
        return oom(d);
    int i = 0;
    for (const cJSON *f = arr->child; f; f = f->next, i++) {
        char key[32];
        snprintf(key, sizeof key, "%s[%d]", TV_WIRE_TRACE, i);
        if (!cJSON_IsString(f))
            return fail(d, TV_ERR_PACK, "%s%s must be a string, got %s", at, key, type_name(f));
        const Field rule = {key, PRINTABLE, TV_WIRE_MAX_PROMPT, false, false};
        if (!check_text(d, at, key, f->valuestring, &rule))
            return false;
        size_t size = strlen(f->valuestring) + 1;
        char *copy = tv_arena_alloc(&d->p->arena, size);
        if (!copy)
            return oom(d);
        tv_copy_printable(copy, size, f->valuestring);
        frames[i] = copy;
    }
    out->trace = frames;
    out->n_trace = n;
    return true;
}

static bool decode_diags(Dec *d, const cJSON *root, const tv_Diag **first_error)
{
    tv_Pack *p = d->p;
    const cJSON *arr;
    int n = list(d, root, "", TV_WIRE_DIAGNOSTICS, true, 0, TV_WIRE_MAX_DIAGS, &arr);
    if (n < 0)
        return false;
    if (!(p->diags = tv_arena_alloc(&p->arena, sizeof(tv_Diag) * (size_t)(n ? n : 1))))
        return oom(d);
    int i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        char at[64];
        snprintf(at, sizeof at, "diagnostics[%d].", i);
        if (!cJSON_IsObject(e))
            return fail(d, TV_ERR_PACK, "diagnostics[%d] must be an object, got %s", i, type_name(e));
        tv_Diag *out = &p->diags[i];
        const char *where = text(d, e, at, &(Field){TV_WIRE_WHERE, PRINTABLE, 0, true, false});
        const char *sev = text(d, e, at, &(Field){TV_WIRE_SEVERITY, PLAIN, 0, true, false});
        out->msg = text(d, e, at, &(Field){TV_WIRE_MSG, PRINTABLE, 0, true, false});
        if (!where || !sev || !out->msg || !split_where(d, where, out))
            return false;
        if (strcmp(sev, TV_WIRE_ERROR) != 0 && strcmp(sev, TV_WIRE_WARNING) != 0)
            return fail(d, TV_ERR_PACK, "%sseverity must be \"error\" or \"warning\", got \"%.40s\"", at, sev);
        out->warning = strcmp(sev, TV_WIRE_WARNING) == 0;
        const cJSON *phase = get(e, TV_WIRE_DIAG_PHASE), *dropped = get(e, TV_WIRE_DIAG_DROPPED);
        out->generating = cJSON_IsString(phase) && strcmp(phase->valuestring, TV_WIRE_PHASE_GENERATING) == 0;
        out->dropped = cJSON_IsTrue(dropped);
        if (!decode_trace(d, e, at, out))
            return false;
        if (!out->warning && !*first_error)
            *first_error = out;
        p->n_diags++;
    }
    return true;
}

/* The pack's meta fields. A rejected pack may lack any of them, so presence is checked
 * later, only for a pack that loaded. */
static bool decode_meta(Dec *d, const cJSON *root)
{
    tv_Pack *p = d->p;
    const cJSON *pack = get(root, TV_WIRE_PACK);
    if (!cJSON_IsObject(pack))
        return fail(d, TV_ERR_PACK, "pack must be an object, got %s", type_name(pack));
    const char *at = "pack.";
    p->id = text(d, pack, at, &(Field){TV_WIRE_ID, PLAIN, TV_WIRE_MAX_PACK_ID, false, false});
    p->title = text(d, pack, at, &(Field){TV_WIRE_TITLE, DISPLAY, TV_WIRE_MAX_TITLE, false, false});
    p->version = text(d, pack, at, &(Field){TV_WIRE_VERSION, PLAIN, TV_WIRE_MAX_VERSION, false, false});
    p->description = text(d, pack, at, &(Field){TV_WIRE_DESCRIPTION, DISPLAY, TV_WIRE_MAX_PROMPT, false, false});
    p->author = text(d, pack, at, &(Field){TV_WIRE_AUTHOR, PLAIN, TV_WIRE_MAX_AUTHOR, false, false});
    const cJSON *langs;
    int n = list(d, pack, at, TV_WIRE_LANGUAGES, false, 0, TV_WIRE_MAX_LANGUAGES, &langs);
    if (n < 0)
        return false;
    for (const cJSON *l = langs ? langs->child : NULL; l; l = l->next) {
        size_t len = cJSON_IsString(l) ? strlen(l->valuestring) : 0;
        if (len < 2 || len > 3 || strspn(l->valuestring, "abcdefghijklmnopqrstuvwxyz") != len)
            return fail(d, TV_ERR_PACK, "pack.languages[%d] must be a code such as \"en\"", p->n_languages);
        if (!(p->languages[p->n_languages++] = tv_arena_strdup(&p->arena, l->valuestring)))
            return oom(d);
    }
    return !d->failed;
}

static bool decode_sources(Dec *d, const cJSON *root)
{
    tv_Pack *p = d->p;
    const cJSON *arr;
    int n = list(d, root, "", TV_WIRE_SOURCES, true, 0, TV_WIRE_MAX_SOURCES, &arr);
    if (n < 0)
        return false;
    if (!(p->sources = tv_arena_alloc(&p->arena, sizeof(tv_Source) * (size_t)(n ? n : 1))))
        return oom(d);
    for (const cJSON *e = arr->child; e; e = e->next) {
        char at[64];
        snprintf(at, sizeof at, "sources[%d].", p->n_sources);
        if (!cJSON_IsObject(e))
            return fail(d, TV_ERR_PACK, "sources[%d] must be an object, got %s", p->n_sources, type_name(e));
        tv_Source *s = &p->sources[p->n_sources];
        s->key = text(d, e, at, &(Field){TV_WIRE_KEY, PLAIN, 0, true, true});
        s->publisher = text(d, e, at, &(Field){TV_WIRE_PUBLISHER, PLAIN, TV_WIRE_MAX_TEXT, false, false});
        s->title = text(d, e, at, &(Field){TV_WIRE_TITLE, PLAIN, TV_WIRE_MAX_TEXT, false, false});
        s->date = text(d, e, at, &(Field){TV_WIRE_DATE, PLAIN, TV_WIRE_MAX_TEXT, false, false});
        s->url = text(d, e, at, &(Field){TV_WIRE_URL, PLAIN, TV_WIRE_MAX_TEXT, false, false});
        if (d->failed)
            return false;
        for (int k = 0; k < p->n_sources; k++)
            if (strcmp(p->sources[k].key, s->key) == 0)
                return fail(d, TV_ERR_PACK, "%skey '%.60s' is used twice", at, s->key);
        p->n_sources++;
    }
    return true;
}

static bool decode_questions(Dec *d, const cJSON *root, const char *default_category)
{
    tv_Pack *p = d->p;
    const cJSON *arr;
    int n = list(d, root, "", TV_WIRE_QUESTIONS, true, 0, TV_WIRE_MAX_QUESTIONS, &arr);
    if (n < 0)
        return false;
    if (!(p->questions = tv_arena_alloc(&p->arena, sizeof(tv_Question) * (size_t)(n ? n : 1))))
        return oom(d);
    for (const cJSON *e = arr->child; e; e = e->next) {
        tv_Question *q = &p->questions[p->n_questions];
        if (!decode_question(d, e, p->n_questions, default_category, q))
            return false;
        for (int k = 0; k < p->n_questions; k++)
            if (strcmp(p->questions[k].id, q->id) == 0)
                return fail(d, TV_ERR_PACK, "questions[%d]: id '%.60s' is already used by questions[%d]",
                            p->n_questions, q->id, k);
        /* Resolved once here, so the reveal does not look the sources up every frame. */
        for (int s = 0; s < q->n_sources; s++)
            for (int k = 0; k < p->n_sources; k++)
                if (strcmp(p->sources[k].key, q->sources[s]) == 0) {
                    ((const tv_Source **)q->srcs)[s] = &p->sources[k];
                    break;
                }
        q->src = q->n_sources ? q->srcs[0] : NULL;
        p->n_questions++;
    }
    double n_static = 0;
    if (!whole(d, root, "", TV_WIRE_STATIC_COUNT, 0, p->n_questions, &n_static))
        return false;
    p->n_static = (int)n_static;
    p->n_generated = p->n_questions - p->n_static;
    return true;
}

bool tv_pack_decode(tv_Pack *p, const char *json, size_t len, const char *default_category)
{
    Dec d = {p, false};
    p->loaded = false;
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) {
        char where[1100];
        tv_pack_file_path(where, sizeof where, p->display);
        return tv_error_set(&p->error, TV_ERR_PACK, where, 0, "the pack worker sent data that is not JSON");
    }
    /* Before anything can fail, so the digest is there for lint even on a rejected pack:
     * the bytes the worker wrote, not a re-serialisation. */
    snprintf(p->raw_digest, sizeof p->raw_digest, "%016" PRIx64, tv_hash64_bytes(json, len, TV_HASH64_INIT));
    p->raw_size = len;
    /* Absent (an older worker, a hand-made document): taken as depending on the seed. */
    const cJSON *seeded = cJSON_IsObject(root) ? get(root, TV_WIRE_SEEDED) : NULL;
    p->seeded = !cJSON_IsBool(seeded) || cJSON_IsTrue(seeded);
    const tv_Diag *first_error = NULL;
    bool ok = false;
    if (!cJSON_IsObject(root))
        fail(&d, TV_ERR_PACK, "the document must be an object, got %s", type_name(root));
    else if (boolean(&d, root, "", TV_WIRE_OK, &ok) && decode_diags(&d, root, &first_error) &&
             decode_meta(&d, root)) {
        if (!ok || first_error) {
            if (first_error)
                tv_error_set(&p->error, TV_ERR_PACK, first_error->file, first_error->line, "%s", first_error->msg);
            else {
                char where[1100];
                tv_pack_file_path(where, sizeof where, p->display);
                tv_error_set(&p->error, TV_ERR_PACK, where, 0, "the pack was rejected");
            }
            d.failed = true;
        } else if (!valid_pack_id(p->id))
            fail(&d, TV_ERR_PACK, "pack.id must be a string of a-z, 0-9, '.' and '-' (at most %d), got '%.70s'",
                 TV_WIRE_MAX_PACK_ID, p->id);
        else if (!p->title[0] || !p->version[0])
            fail(&d, TV_ERR_PACK, "pack.%s is missing", !p->title[0] ? TV_WIRE_TITLE : TV_WIRE_VERSION);
        else {
            /* The one place NULL becomes English: callers do not pass their translation of
             * round.category_default yet, and until they do a Dutch game shows "General". */
            const char *cat = default_category ? default_category : TV_DEFAULT_CATEGORY;
            const char *copy = tv_arena_strdup(&p->arena, cat);
            if (!copy)
                oom(&d);
            else if (decode_sources(&d, root))
                decode_questions(&d, root, copy);
        }
    }
    cJSON_Delete(root);
    p->loaded = !d.failed;
    return p->loaded;
}
