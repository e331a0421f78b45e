/* exchange_csv.c - CSV (RFC 4180) with a header row naming one column per field:
 *   id,type,prompt,answer,wrong1,wrong2,wrong3,wrong4,wrong5,tolerance,unit,difficulty,time,category,explain,source
 * A reader takes the columns in any order and needs type, prompt and answer; empty cells
 * are absent fields. truefalse answers are "true" or "false"; time is in seconds. Order
 * questions and text questions with more than one accepted answer have no columns and
 * are skipped by the writer.
 * Depends on: exchange list, core text (numbers). Trust boundary: the reader takes any
 * bytes; fields are sliced with explicit lengths, a record with the wrong field count or
 * a bad value is skipped with its line, and an unterminated quote fails the file there. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exchange/exchange.h"
#include "core/text.h"

enum { C_ID, C_TYPE, C_PROMPT, C_ANSWER, C_WRONG1, C_TOL = C_WRONG1 + 5, C_UNIT, C_DIFF, C_TIME, C_CAT, C_EXPLAIN,
       C_SOURCE, N_COLS };

static const char *const col_names[N_COLS] = {"id",     "type",   "prompt",    "answer", "wrong1",     "wrong2",
                                               "wrong3", "wrong4", "wrong5",    "tolerance", "unit",   "difficulty",
                                               "time",   "category", "explain", "source"};

/* {====================================================================== records */

typedef struct Field {
    char *s; /* unquoted, NUL-terminated, malloc'd */
    size_t n;
} Field;

typedef struct Record {
    int n;
    Field f[N_COLS + 1]; /* one past the columns, to notice a record that is too long */
    int extra;           /* fields beyond that */
} Record;

static void record_free(Record *r)
{
    for (int i = 0; i < r->n; i++)
        free(r->f[i].s);
    memset(r, 0, sizeof *r);
}

/* Fails the record being read: nothing of it is kept. */
static bool refuse(Record *r, char *buf, const char **bad, const char *why)
{
    free(buf);
    record_free(r);
    *bad = why;
    return false;
}

/* Reads one record at *at; false at the end of data, or with *bad set (an unterminated
 * quote, a quote inside an unquoted field, out of memory). Lines are counted. */
static bool next_record(const char *d, size_t len, size_t *at, int *line, Record *r, const char **bad)
{
    memset(r, 0, sizeof *r);
    if (*at >= len)
        return false;
    for (;;) {
        size_t i = *at, cap = 16, n = 0;
        char *buf = malloc(cap);
        if (!buf)
            return refuse(r, NULL, bad, "out of memory");
        bool quoted = i < len && d[i] == '"';
        if (quoted)
            i++;
        for (;;) {
            char c;
            if (i >= len) {
                if (quoted)
                    return refuse(r, buf, bad, "a quoted field is never closed");
                break;
            }
            c = d[i];
            if (quoted && c == '"') {
                if (i + 1 < len && d[i + 1] == '"')
                    i++; /* "" inside quotes is one quote */
                else {
                    i++;
                    quoted = false;
                    if (i < len && d[i] != ',' && d[i] != '\n' && d[i] != '\r')
                        return refuse(r, buf, bad, "text after a closing quote");
                    continue;
                }
            } else if (!quoted && (c == ',' || c == '\n' || c == '\r'))
                break;
            else if (!quoted && c == '"')
                return refuse(r, buf, bad, "a quote inside an unquoted field");
            if (c == '\n')
                (*line)++;
            if (n + 2 > cap) {
                char *p = realloc(buf, cap *= 2);
                if (!p)
                    return refuse(r, buf, bad, "out of memory");
                buf = p;
            }
            buf[n++] = d[i++];
        }
        buf[n] = '\0';
        if (r->n <= N_COLS)
            r->f[r->n++] = (Field){buf, n};
        else {
            free(buf);
            r->extra++;
        }
        if (i < len && d[i] == ',') {
            *at = i + 1;
            continue;
        }
        if (i < len && d[i] == '\r')
            i++;
        if (i < len && d[i] == '\n')
            i++;
        (*line)++;
        *at = i;
        return true;
    }
}

/* }====================================================================== */

/* {====================================================================== reader */

typedef struct Row {
    tv_XList *list;
    const Field *cell[N_COLS]; /* NULL: no such column, or the cell is empty */
    const char *why;
} Row;

static const char *text(Row *r, int col, size_t max, bool newline)
{
    const Field *f = r->cell[col];
    if (!f || r->why)
        return "";
    const char *s = tv_xlist_text(r->list, f->s, f->n, max, newline, &r->why);
    return s ? s : "";
}

static double number(Row *r, int col, double def, double lo, double hi, const char *what)
{
    const Field *f = r->cell[col];
    double v;
    if (!f || r->why)
        return def;
    if (!tv_text_parse_number(f->s, f->n, TV_NUMBER_PLUS | TV_NUMBER_FRACTION, &v) || v < lo || v > hi)
        return r->why = what, def;
    return v;
}

static void read_row(Row *r, tv_Question *q)
{
    const char *type = text(r, C_TYPE, 20, false);
    if (!r->why && (!tv_qtype_parse(type, &q->type) || q->type == TV_Q_ORDER))
        r->why = "type is not choice, truefalse, numeric or text";
    q->id = text(r, C_ID, TV_X_MAX_ID, false);
    q->prompt = text(r, C_PROMPT, TV_X_MAX_PROMPT, true);
    double d = number(r, C_DIFF, 1, 1, 3, "difficulty is not 1, 2 or 3");
    if (d != floor(d) && !r->why)
        r->why = "difficulty is not 1, 2 or 3";
    q->difficulty = (int)d;
    q->time_limit_ms = (int)lround(number(r, C_TIME, 20, 5, 120, "time is not 5 to 120 seconds") * 1000);
    if (r->cell[C_CAT])
        q->category = text(r, C_CAT, TV_X_MAX_CATEGORY, false);
    q->explain = text(r, C_EXPLAIN, TV_X_MAX_PROMPT, true);
    q->source = text(r, C_SOURCE, TV_X_MAX_ID, false);
    if (r->why)
        return;
    if (!r->cell[C_ANSWER])
        return (void)(r->why = "the answer cell is empty");
    switch (q->type) {
    case TV_Q_CHOICE:
        q->options[q->n_options++] = text(r, C_ANSWER, TV_X_MAX_TEXT, false);
        for (int k = 0; k < 5; k++)
            if (r->cell[C_WRONG1 + k])
                q->options[q->n_options++] = text(r, C_WRONG1 + k, TV_X_MAX_TEXT, false);
        break;
    case TV_Q_TRUEFALSE: {
        const char *a = text(r, C_ANSWER, 10, false);
        if (strcmp(a, "true") != 0 && strcmp(a, "false") != 0)
            r->why = "a truefalse answer is not true or false";
        q->truth = a[0] == 't';
        break;
    }
    case TV_Q_NUMERIC:
        q->number = number(r, C_ANSWER, 0, -1e15, 1e15, "a numeric answer is not a number");
        q->tolerance = number(r, C_TOL, 0, 0, 1e15, "tolerance is not a number of at least 0");
        q->unit = text(r, C_UNIT, TV_X_MAX_UNIT, false);
        break;
    case TV_Q_TEXT: q->accept[q->n_accept++] = text(r, C_ANSWER, TV_X_MAX_TEXT, false); break;
    case TV_Q_ORDER: break;
    }
}

bool tv_xread_csv(const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
                  tv_Error *err)
{
    size_t at = tv_text_bom_len(data, len);
    int line = 1, start, col_of[N_COLS + 1], n_head;
    const char *bad = NULL;
    Record rec;
    if (!next_record(data, len, &at, &line, &rec, &bad))
        return tv_error_set(err, TV_ERR_IO, name, 1, "%s", bad ? bad : "no header row");
    n_head = rec.n;
    bool have[N_COLS] = {0};
    for (int i = 0; i < rec.n; i++) {
        col_of[i] = -1;
        for (int c = 0; c < N_COLS; c++)
            if (strcmp(rec.f[i].s, col_names[c]) == 0 && !have[c])
                col_of[i] = c, have[c] = true;
        if (col_of[i] < 0 || rec.extra) {
            record_free(&rec);
            return tv_error_set(err, TV_ERR_IO, name, 1,
                                "the header has an unknown or repeated column (docs/exchange.md lists them)");
        }
    }
    record_free(&rec);
    if (!have[C_TYPE] || !have[C_PROMPT] || !have[C_ANSWER])
        return tv_error_set(err, TV_ERR_IO, name, 1, "the header needs the columns type, prompt and answer");
    for (;;) {
        start = line;
        if (!next_record(data, len, &at, &line, &rec, &bad)) {
            if (bad)
                return tv_error_set(err, TV_ERR_IO, name, start, "%s", bad);
            return true;
        }
        if (rec.n == 1 && rec.f[0].n == 0) { /* a blank line */
            record_free(&rec);
            continue;
        }
        Row r = {list, {0}, NULL};
        if (rec.n != n_head || rec.extra)
            r.why = "the record's field count differs from the header's";
        for (int i = 0; i < rec.n && !r.why; i++)
            if (rec.f[i].n > 0)
                r.cell[col_of[i]] = &rec.f[i];
        tv_Question *q = tv_xlist_add(list, start);
        if (!q) {
            record_free(&rec);
            return tv_xlist_add_failed(list, name, start, err);
        }
        if (!r.why)
            read_row(&r, q);
        record_free(&rec);
        tv_xlist_keep(list, r.why, skip, ud);
    }
}

/* }====================================================================== */

/* {====================================================================== writer */

static void cell(tv_XBuf *b, const char *s, bool last)
{
    if (strpbrk(s, ",\"\r\n")) {
        tv_xbuf_puts(b, "\"");
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                tv_xbuf_add(b, "\"", 1); /* RFC 4180: a quote inside quotes is doubled */
            tv_xbuf_add(b, p, 1);
        }
        tv_xbuf_puts(b, "\"");
    } else
        tv_xbuf_puts(b, s);
    tv_xbuf_puts(b, last ? "\r\n" : ",");
}

void tv_xwrite_csv(const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud)
{
    for (int c = 0; c < N_COLS; c++)
        cell(out, col_names[c], c + 1 == N_COLS);
    for (int i = 0; i < list->n; i++) {
        const tv_Question *q = &list->questions[i];
        const char *why = q->type == TV_Q_ORDER ? "CSV has no columns for the items of an order question"
                          : q->type == TV_Q_TEXT && q->n_accept > 1
                              ? "CSV holds one accepted answer per text question"
                              : NULL;
        if (why) {
            if (skip)
                skip(ud, 0, q->id, why);
            continue;
        }
        char nb[3][48] = {"", "", ""};
        const char *v[N_COLS] = {0};
        v[C_ID] = q->id, v[C_TYPE] = tv_qtype_name(q->type), v[C_PROMPT] = q->prompt;
        if (q->type == TV_Q_CHOICE) {
            v[C_ANSWER] = q->options[0];
            for (int k = 1; k < q->n_options; k++)
                v[C_WRONG1 + k - 1] = q->options[k];
        } else if (q->type == TV_Q_TRUEFALSE)
            v[C_ANSWER] = q->truth ? "true" : "false";
        else if (q->type == TV_Q_NUMERIC) {
            tv_xnumber(nb[0], sizeof nb[0], q->number), v[C_ANSWER] = nb[0];
            tv_xnumber(nb[1], sizeof nb[1], q->tolerance), v[C_TOL] = q->tolerance > 0 ? nb[1] : "";
            v[C_UNIT] = q->unit;
        } else
            v[C_ANSWER] = q->accept[0];
        snprintf(nb[2], sizeof nb[2], "%d", q->difficulty);
        v[C_DIFF] = nb[2];
        char tb[48] = "";
        if (q->time_limit_ms != TV_TIME_DEFAULT_MS)
            tv_xnumber(tb, sizeof tb, q->time_limit_ms / 1000.0);
        v[C_TIME] = tb, v[C_CAT] = q->category, v[C_EXPLAIN] = q->explain, v[C_SOURCE] = q->source;
        for (int c = 0; c < N_COLS; c++)
            cell(out, v[c] ? v[c] : "", c + 1 == N_COLS);
    }
}

/* }====================================================================== */
