/* exchange.c - what every format shares: names, the neutral question list with the pack
 * rules each reader checks before a question is kept, the output buffer, and dispatch.
 * Depends on: core (alloc, question, text). The checks here are the trust boundary every
 * reader passes its untrusted texts through, so an import can only hold questions that a
 * pack may hold. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exchange/exchange.h"
#include "core/text.h"

static const char *const format_names[] = {"opentdb", "gift", "aiken", "csv", "json"};

const char *tv_xformat_name(tv_XFormat f)
{
    return (unsigned)f < sizeof format_names / sizeof format_names[0] ? format_names[f] : "?";
}

bool tv_xformat_parse(const char *name, tv_XFormat *out)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcmp(name, format_names[i]) == 0) {
            *out = (tv_XFormat)i;
            return true;
        }
    return false;
}

/* {====================================================================== the list */

void tv_xlist_init(tv_XList *list, tv_Alloc alloc)
{
    memset(list, 0, sizeof *list);
    tv_arena_init(&list->arena, alloc);
    list->pack = "";
    list->lang = "en";
}

void tv_xlist_free(tv_XList *list)
{
    tv_arena_free(&list->arena); /* questions and lines live in the arena too */
    list->questions = NULL;
    list->line = NULL;
    list->n = list->cap = list->n_sources = 0;
    list->sources = NULL;
}

char *tv_xlist_str(tv_XList *list, const char *s, size_t n)
{
    return tv_arena_strndup(&list->arena, s, n);
}

tv_Question *tv_xlist_add(tv_XList *list, int line)
{
    if (list->n >= TV_X_MAX_QUESTIONS)
        return NULL;
    if (list->n == list->cap) {
        /* Arena growth copies; the lists are at most 2000 entries, so the waste is small. */
        int cap = list->cap ? list->cap * 2 : 16;
        tv_Question *q = tv_arena_alloc(&list->arena, (size_t)cap * sizeof *q);
        int *l = tv_arena_alloc(&list->arena, (size_t)cap * sizeof *l);
        if (!q || !l)
            return NULL;
        if (list->n) {
            memcpy(q, list->questions, (size_t)list->n * sizeof *q);
            memcpy(l, list->line, (size_t)list->n * sizeof *l);
        }
        list->questions = q;
        list->line = l;
        list->cap = cap;
    }
    tv_Question *q = &list->questions[list->n];
    memset(q, 0, sizeof *q);
    q->pack = list->pack;
    q->id = "";
    q->difficulty = 1;
    q->time_limit_ms = TV_TIME_DEFAULT_MS;
    q->category = strcmp(list->lang, "nl") == 0 ? "Algemeen" : "General";
    q->prompt = q->explain = q->source = q->where = q->unit = q->asks = "";
    list->line[list->n++] = line;
    return q;
}

static const char *dup_or_empty(tv_XList *list, const char *s)
{
    return s ? tv_arena_strdup(&list->arena, s) : "";
}

static bool dup_all(tv_XList *list, const char **v, int n)
{
    for (int i = 0; i < n; i++)
        if (!(v[i] = dup_or_empty(list, v[i])))
            return false;
    return true;
}

bool tv_xlist_copy(tv_XList *list, const tv_Question *src, int n, const tv_XSource *sources, int n_src)
{
    for (int i = 0; i < n; i++) {
        tv_Question *q = tv_xlist_add(list, 0);
        if (!q)
            return false;
        *q = src[i];
        q->pack = list->pack;
        q->n_shows = 0; /* facts shown are the session's business, not the pack author's */
        q->shows = NULL;
        const char **texts[] = {&q->id, &q->category, &q->prompt, &q->explain, &q->source, &q->where, &q->unit,
                                &q->asks};
        for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
            if (!(*texts[t] = dup_or_empty(list, *texts[t])))
                return false;
        if (!dup_all(list, q->options, q->n_options) || !dup_all(list, q->items, q->n_items) ||
            !dup_all(list, q->accept, q->n_accept))
            return false;
        /* The keys of a source list travel with the question; resolving them is the
         * pack's business (srcs stays NULL in an exchange list). */
        q->src = NULL, q->srcs = NULL;
        if (q->n_sources > 0) {
            const char **keys = tv_arena_alloc(&list->arena, sizeof *keys * (size_t)q->n_sources);
            if (!keys)
                return false;
            memcpy(keys, q->sources, sizeof *keys * (size_t)q->n_sources);
            if (!dup_all(list, keys, q->n_sources))
                return false;
            q->sources = keys;
        } else
            q->n_sources = 0, q->sources = NULL;
    }
    if (n_src > 0) {
        list->sources = tv_arena_alloc(&list->arena, (size_t)n_src * sizeof *list->sources);
        if (!list->sources)
            return false;
        for (int i = 0; i < n_src; i++) {
            tv_XSource *s = &list->sources[i];
            *s = sources[i];
            const char **f[] = {&s->key, &s->publisher, &s->title, &s->date, &s->url};
            for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
                if (!(*f[k] = dup_or_empty(list, *f[k])))
                    return false;
        }
        list->n_sources = n_src;
    }
    return true;
}

/* }====================================================================== */

/* {====================================================================== checks */

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

const char *tv_xlist_text(tv_XList *list, const char *s, size_t n, size_t max, bool allow_newline, const char **why)
{
    while (n > 0 && is_blank((unsigned char)s[0]))
        s++, n--;
    while (n > 0 && is_blank((unsigned char)s[n - 1]))
        n--;
    if (n == 0)
        return *why = "a text is empty", NULL;
    if (n > max)
        return *why = "a text is longer than a pack allows", NULL;
    if (!tv_utf8_valid(s, n) || memchr(s, 0, n))
        return *why = "a text is not valid UTF-8", NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i], d = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        unsigned char e = i + 2 < n ? (unsigned char)s[i + 2] : 0;
        if ((c < 0x20 && !(c == '\n' && allow_newline)) || c == 0x7f || (c == 0xc2 && d >= 0x80 && d <= 0x9f))
            return *why = "a text holds a control character", NULL;
        /* Bidi controls can hide which option is which; the pack rules refuse them. */
        if (c == 0xe2 && ((d == 0x80 && e >= 0xaa && e <= 0xae) || (d == 0x81 && e >= 0xa6 && e <= 0xa9)))
            return *why = "a text holds a bidirectional control character", NULL;
    }
    const char *out = tv_xlist_str(list, s, n);
    if (!out)
        *why = "out of memory";
    return out;
}

/* Index of the first text in v[0..n) equal (as typed answers compare) to an earlier one. */
static int first_repeat(const char *const *v, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = 0; j < i; j++)
            if (tv_text_match(v[i], v[j]))
                return i;
    return -1;
}

static const char *question_problem(const tv_Question *q)
{
    if (!q->prompt[0])
        return "it has no question text";
    switch (q->type) {
    case TV_Q_CHOICE:
        if (q->n_options < 2)
            return "a choice question needs at least one wrong option";
        if (q->n_options > TV_MAX_OPTIONS)
            return "a choice question has at most 5 wrong options";
        if (first_repeat(q->options, q->n_options) >= 0)
            return "two options are the same";
        return NULL;
    case TV_Q_NUMERIC:
        if (!isfinite(q->number) || !isfinite(q->tolerance) || q->tolerance < 0 || fabs(q->number) > 1e15)
            return "the number is out of range";
        return NULL;
    case TV_Q_ORDER:
        if (q->n_items < 2 || q->n_items > TV_MAX_ITEMS)
            return "an order question has 2 to 6 items";
        return first_repeat(q->items, q->n_items) >= 0 ? "two items are the same" : NULL;
    case TV_Q_TEXT:
        if (q->n_accept < 1 || q->n_accept > TV_MAX_ACCEPT)
            return "a text question has 1 to 16 accepted answers";
        return first_repeat(q->accept, q->n_accept) >= 0 ? "two accepted answers are the same" : NULL;
    case TV_Q_TRUEFALSE:
        return NULL;
    }
    return "unknown type";
}

bool tv_xlist_keep(tv_XList *list, const char *why, tv_XSkip skip, void *ud)
{
    if (list->n == 0)
        return false;
    const tv_Question *q = &list->questions[list->n - 1];
    if (!why)
        why = question_problem(q);
    if (!why)
        return true;
    if (skip)
        skip(ud, list->line[list->n - 1], q->id, why);
    list->n--;
    return false;
}

bool tv_xlist_add_failed(const tv_XList *list, const char *name, int line, tv_Error *err)
{
    if (list->n >= TV_X_MAX_QUESTIONS)
        return tv_error_set(err, TV_ERR_IO, name, line, "more than %d questions, a pack's limit", TV_X_MAX_QUESTIONS);
    return tv_error_set(err, TV_ERR_NOMEM, name, line, "out of memory");
}

static bool id_taken(const tv_XList *list, int upto, const char *id)
{
    for (int i = 0; i < upto; i++)
        if (strcmp(list->questions[i].id, id) == 0)
            return true;
    return false;
}

bool tv_xlist_finish_ids(tv_XList *list)
{
    char buf[TV_X_MAX_ID + 32];
    for (int i = 0; i < list->n; i++) {
        tv_Question *q = &list->questions[i];
        const char *base = q->id;
        if (!base[0]) {
            snprintf(buf, sizeof buf, "q%d", i + 1);
            base = buf;
        }
        char cand[sizeof buf + 16];
        snprintf(cand, sizeof cand, "%s", base);
        for (int k = 2; id_taken(list, i, cand); k++)
            snprintf(cand, sizeof cand, "%.90s-%d", base, k); /* within the id limit of 100 */
        if (strcmp(cand, q->id) != 0 && !(q->id = tv_arena_strdup(&list->arena, cand)))
            return false;
    }
    return true;
}

void tv_xnumber(char *buf, size_t size, double v)
{
    /* Plain decimals only: the readers (tv_text_parse_number) take no exponents. */
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, size, "%.0f", v);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (!strchr(buf, 'e') && strtod(buf, NULL) == v)
            return;
    }
    for (int dec = 1; dec <= 20; dec++) {
        snprintf(buf, size, "%.*f", dec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

size_t tv_xfind(const char *data, size_t len, size_t from, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = from; n && i + n <= len; i++)
        if (data[i] == needle[0] && memcmp(data + i, needle, n) == 0)
            return i;
    return len;
}

int tv_xlines(const char *data, size_t from, size_t to)
{
    int n = 0;
    for (size_t i = from; i < to; i++)
        n += data[i] == '\n';
    return n;
}

/* }====================================================================== */

/* {====================================================================== output buffer */

void tv_xbuf_init(tv_XBuf *b, tv_Alloc alloc)
{
    memset(b, 0, sizeof *b);
    b->alloc = alloc;
}

void tv_xbuf_free(tv_XBuf *b)
{
    if (b->data)
        tv_free(b->alloc, b->data, b->cap);
    b->data = NULL;
    b->len = b->cap = 0;
}

void tv_xbuf_add(tv_XBuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = tv_realloc(b->alloc, b->data, b->cap, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void tv_xbuf_puts(tv_XBuf *b, const char *s)
{
    tv_xbuf_add(b, s, strlen(s));
}

void tv_xbuf_printf(tv_XBuf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        tv_xbuf_add(b, small, (size_t)n);
        return;
    }
    char *big = tv_alloc(b->alloc, (size_t)n + 1);
    if (!big) {
        b->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    tv_xbuf_add(b, big, (size_t)n);
    tv_free(b->alloc, big, (size_t)n + 1);
}

/* }====================================================================== */

bool tv_xread(tv_XFormat f, const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
              tv_Error *err)
{
    if (len > TV_X_MAX_INPUT)
        return tv_error_set(err, TV_ERR_IO, name, 0, "larger than %u MiB", TV_X_MAX_INPUT >> 20);
    bool ok = false;
    switch (f) {
    case TV_X_OPENTDB: ok = tv_xread_opentdb(name, data, len, list, skip, ud, err); break;
    case TV_X_GIFT: ok = tv_xread_gift(name, data, len, list, skip, ud, err); break;
    case TV_X_AIKEN: ok = tv_xread_aiken(name, data, len, list, skip, ud, err); break;
    case TV_X_CSV: ok = tv_xread_csv(name, data, len, list, skip, ud, err); break;
    case TV_X_JSON: ok = tv_xread_json(name, data, len, list, skip, ud, err); break;
    }
    if (ok && !tv_xlist_finish_ids(list))
        return tv_error_set(err, TV_ERR_NOMEM, name, 0, "out of memory");
    return ok;
}

bool tv_xwrite(tv_XFormat f, const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud)
{
    switch (f) {
    case TV_X_OPENTDB: tv_xwrite_opentdb(list, out, skip, ud); break;
    case TV_X_GIFT: tv_xwrite_gift(list, out, skip, ud); break;
    case TV_X_AIKEN: tv_xwrite_aiken(list, out, skip, ud); break;
    case TV_X_CSV: tv_xwrite_csv(list, out, skip, ud); break;
    case TV_X_JSON: tv_xwrite_json(list, out, skip, ud); break;
    }
    return !out->failed;
}
