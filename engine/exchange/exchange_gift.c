/* exchange_gift.c - Moodle GIFT. Questions are blocks separated by blank lines:
 * [::title::] text {answers} with answers
 *   {=right ~wrong ~wrong}     multiple choice          -> choice
 *   {T} {TRUE} {F} {FALSE}     true/false               -> truefalse
 *   {=a =b}                    short answer             -> text
 *   {#x:tol} {#x} {#lo..hi}    numeric (midpoint, half the width as tolerance) -> numeric
 * "#feedback" after an answer, "####general feedback", "$CATEGORY: name" lines, "//"
 * comment lines, the escapes \~ \= \# \{ \} \: (and \\, \n) and UTF-8. The right
 * answer's feedback, or the general feedback, becomes the explanation. Matching (->),
 * essay ({}), missing-word (text after the answers), descriptions and weighted answers
 * (%50%) have no Trivium type and are skipped.
 * Depends on: exchange list, core text. Trust boundary: the reader takes any bytes; it
 * works on explicit (pointer, length) slices of the input, unescapes into buffers no
 * longer than the slice, and skips a question it cannot take with the line it began on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "exchange/exchange.h"
#include "core/text.h"

typedef struct Slice {
    const char *s;
    size_t n;
} Slice;

/* {====================================================================== reader */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static Slice trim(Slice x)
{
    while (x.n && is_blank(x.s[0]))
        x.s++, x.n--;
    while (x.n && is_blank(x.s[x.n - 1]))
        x.n--;
    return x;
}

/* Offset of the first unescaped c (or of the two-byte pair c c when pair) in x, or x.n. */
static size_t find(Slice x, char c, bool pair)
{
    for (size_t i = 0; i < x.n; i++) {
        if (x.s[i] == '\\') {
            i++;
            continue;
        }
        if (x.s[i] == c && (!pair || (i + 1 < x.n && x.s[i + 1] == c)))
            return i;
    }
    return x.n;
}

/* The GIFT escapes undone into the list's arena, then checked as text. */
static const char *unescape(tv_XList *list, Slice x, size_t max, bool newline, const char **why)
{
    x = trim(x);
    char *buf = malloc(x.n + 1);
    if (!buf)
        return *why = "out of memory", NULL;
    size_t o = 0;
    for (size_t i = 0; i < x.n; i++) {
        char c = x.s[i], d = i + 1 < x.n ? x.s[i + 1] : '\0';
        if (c == '\\' && d && strchr("~=#{}:\\", d))
            buf[o++] = d, i++;
        else if (c == '\\' && d == 'n')
            buf[o++] = '\n', i++;
        else
            buf[o++] = c;
    }
    const char *s = tv_xlist_text(list, buf, o, max, newline, why);
    free(buf);
    return s;
}

typedef struct Answer {
    char kind; /* '=' or '~' */
    Slice text, feedback;
} Answer;

/* Splits "=a#fb ~b ~c" at unescaped = and ~ into at most max answers; returns the count,
 * or -1 when there are more or text comes before the first. */
static int split_answers(Slice body, Answer *out, int max)
{
    int n = 0;
    size_t i = 0;
    body = trim(body);
    while (i < body.n) {
        char c = body.s[i];
        if (c != '=' && c != '~')
            return -1;
        size_t j = i + 1;
        for (; j < body.n; j++) {
            if (body.s[j] == '\\') {
                j++;
                continue;
            }
            /* "->" inside a matching pair is not a new answer */
            if ((body.s[j] == '=' && !(j + 1 < body.n && body.s[j + 1] == '>')) || body.s[j] == '~')
                break;
        }
        if (j > body.n)
            j = body.n;
        if (n == max)
            return -1;
        Slice a = {body.s + i + 1, j - i - 1};
        size_t h = find(a, '#', false);
        out[n++] = (Answer){c, {a.s, h}, h < a.n ? (Slice){a.s + h + 1, a.n - h - 1} : (Slice){"", 0}};
        i = j;
    }
    return n;
}

static bool contains(Slice x, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= x.n; i++)
        if (memcmp(x.s + i, needle, k) == 0)
            return true;
    return false;
}

static bool number(Slice x, double *out)
{
    x = trim(x);
    return tv_text_parse_number(x.s, x.n, TV_NUMBER_PLUS | TV_NUMBER_FRACTION, out);
}

static const char *numeric(Slice body, tv_Question *q)
{
    if (find(body, '=', false) < body.n) {
        Answer a[2];
        int n = split_answers(body, a, 2);
        if (n != 1)
            return "a numeric question with several answers has no Trivium type";
        body = a[0].text;
    } else
        body.n = find(body, '#', false);
    body = trim(body);
    if (body.n && body.s[0] == '%')
        return "weighted answers (%50%) have no Trivium type";
    q->type = TV_Q_NUMERIC;
    size_t colon = find(body, ':', false);
    for (size_t i = 0; i + 1 < body.n; i++)
        if (body.s[i] == '.' && body.s[i + 1] == '.') {
            double lo, hi;
            if (!number((Slice){body.s, i}, &lo) || !number((Slice){body.s + i + 2, body.n - i - 2}, &hi) || hi < lo)
                return "a numeric range is not lo..hi";
            q->number = lo + (hi - lo) / 2;
            q->tolerance = (hi - lo) / 2;
            return NULL;
        }
    if (!number((Slice){body.s, colon}, &q->number) ||
        (colon < body.n && !number((Slice){body.s + colon + 1, body.n - colon - 1}, &q->tolerance)))
        return "a numeric answer is not a number (x, x:tolerance or lo..hi)";
    return NULL;
}

static bool is_truth(Slice x, bool *truth)
{
    static const char *const words[] = {"T", "TRUE", "F", "FALSE"};
    for (int i = 0; i < 4; i++)
        if (x.n == strlen(words[i]) && strncasecmp(x.s, words[i], x.n) == 0)
            return *truth = i < 2, true;
    return false;
}

/* Fills q from the part between the braces; returns why it cannot, or NULL. */
static const char *answers(tv_XList *list, Slice body, tv_Question *q, Slice *feedback)
{
    size_t gen = find(body, '#', false);
    while (gen < body.n && !(gen + 3 < body.n && memcmp(body.s + gen, "####", 4) == 0)) {
        Slice rest = {body.s + gen + 1, body.n - gen - 1};
        size_t k = find(rest, '#', false);
        gen = k < rest.n ? gen + 1 + k : body.n;
    }
    if (gen < body.n) {
        *feedback = (Slice){body.s + gen + 4, body.n - gen - 4};
        body.n = gen;
    }
    body = trim(body);
    if (body.n == 0)
        return "essay questions ({}) have no Trivium type";
    bool truth;
    Slice head = trim((Slice){body.s, find(body, '#', false)});
    if (is_truth(head, &truth)) {
        q->type = TV_Q_TRUEFALSE;
        q->truth = truth;
        /* {T#shown when wrong#shown when right}: the latter explains the answer */
        size_t h = find(body, '#', false);
        if (!feedback->n && h < body.n) {
            Slice fb = {body.s + h + 1, body.n - h - 1};
            size_t h2 = find(fb, '#', false);
            *feedback = h2 < fb.n ? (Slice){fb.s + h2 + 1, fb.n - h2 - 1} : fb;
        }
        return NULL;
    }
    if (body.s[0] == '#')
        return numeric((Slice){body.s + 1, body.n - 1}, q);
    Answer a[TV_MAX_ACCEPT + 1];
    int n = split_answers(body, a, TV_MAX_ACCEPT + 1), right = 0, wrong = 0;
    if (n < 0)
        return "the answers are not =right and ~wrong entries (or more than 16)";
    for (int i = 0; i < n; i++) {
        if (contains(a[i].text, "->"))
            return "matching questions (->) have no Trivium type";
        if (trim(a[i].text).n && trim(a[i].text).s[0] == '%')
            return "weighted answers (%50%) have no Trivium type";
        right += a[i].kind == '=';
        wrong += a[i].kind == '~';
    }
    if (right == 0)
        return "no answer is marked right with =";
    if (wrong > 0 && right > 1)
        return "a multiple-choice question with several right answers has no Trivium type";
    if (wrong > TV_MAX_OPTIONS - 1)
        return "more than 5 wrong options";
    const char *why = NULL;
    q->type = wrong ? TV_Q_CHOICE : TV_Q_TEXT;
    const char **dst = wrong ? q->options : q->accept;
    int *count = wrong ? &q->n_options : &q->n_accept;
    for (int pass = 0; pass < 2; pass++) /* the right answer first */
        for (int i = 0; i < n; i++)
            if ((a[i].kind == '=') == (pass == 0)) {
                if (!(dst[(*count)++] = unescape(list, a[i].text, TV_X_MAX_TEXT, false, &why)))
                    return why;
                if (pass == 0 && !feedback->n && a[i].feedback.n)
                    *feedback = a[i].feedback;
            }
    return NULL;
}

static const char *question(tv_XList *list, Slice x, tv_Question *q, const char *category)
{
    const char *why = NULL;
    x = trim(x);
    if (x.n >= 2 && x.s[0] == ':' && x.s[1] == ':') {
        Slice rest = {x.s + 2, x.n - 2};
        size_t end = find(rest, ':', true);
        if (end == rest.n)
            return "a title ::...:: is not closed";
        const char *id = unescape(list, (Slice){rest.s, end}, TV_X_MAX_ID, false, &why);
        q->id = id ? id : "";
        x = trim((Slice){rest.s + end + 2, rest.n - end - 2});
    }
    static const char *const markers[] = {"[html]", "[moodle]", "[plain]", "[markdown]"};
    for (int i = 0; i < 4; i++)
        if (x.n >= strlen(markers[i]) && memcmp(x.s, markers[i], strlen(markers[i])) == 0)
            x = (Slice){x.s + strlen(markers[i]), x.n - strlen(markers[i])};
    size_t open = find(x, '{', false);
    if (open == x.n)
        return "a description (no {answers}) is no question";
    Slice rest = {x.s + open + 1, x.n - open - 1};
    size_t close = find(rest, '}', false);
    if (close == rest.n)
        return "the answers' { is never closed";
    if (trim((Slice){rest.s + close + 1, rest.n - close - 1}).n)
        return "missing-word questions (text after the answers) have no Trivium type";
    if (trim((Slice){x.s, open}).n == 0)
        return "it has no question text before the {answers}";
    if (!(q->prompt = unescape(list, (Slice){x.s, open}, TV_X_MAX_PROMPT, true, &why)))
        return why;
    Slice fb = {"", 0};
    if ((why = answers(list, (Slice){rest.s, close}, q, &fb)))
        return why;
    if (trim(fb).n && !(q->explain = unescape(list, fb, TV_X_MAX_PROMPT, true, &why)))
        return why;
    if (category)
        q->category = category;
    return NULL;
}

bool tv_xread_gift(const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
                   tv_Error *err)
{
    if (!tv_utf8_valid(data, len) || memchr(data, 0, len))
        return tv_error_set(err, TV_ERR_IO, name, 0, "not valid UTF-8 text");
    /* Blocks are copied without their comment lines into buf, which never outgrows the input. */
    char *buf = malloc(len + 1);
    if (!buf)
        return tv_error_set(err, TV_ERR_NOMEM, name, 0, "out of memory");
    const char *category = NULL;
    size_t bn = 0;
    int line = 0, start = 0;
    bool ok = true;
    for (size_t at = tv_text_bom_len(data, len); ok && at <= len;) {
        const char *s = data + at, *nl = at < len ? memchr(s, '\n', len - at) : NULL;
        size_t n = at < len ? (nl ? (size_t)(nl - s) : len - at) : 0;
        bool eof = at == len;
        at = nl || eof ? at + n + 1 : len; /* a last line without newline: one more pass flushes it */
        line++;
        Slice t = trim((Slice){s, n});
        if (t.n >= 2 && t.s[0] == '/' && t.s[1] == '/')
            continue;
        if (t.n && !eof && !(t.n >= 10 && memcmp(t.s, "$CATEGORY:", 10) == 0 && bn == 0)) {
            if (bn == 0)
                start = line;
            memcpy(buf + bn, s, n);
            bn += n;
            buf[bn++] = '\n';
            continue;
        }
        if (t.n) { /* $CATEGORY: path; a Moodle "$course$/" root is not part of the name */
            Slice c = trim((Slice){t.s + 10, t.n - 10});
            if (c.n > 1 && c.s[0] == '$') {
                const char *root = memchr(c.s + 1, '$', c.n - 1);
                if (root && (size_t)(root - c.s) + 2 <= c.n && root[1] == '/')
                    c = (Slice){root + 2, c.n - (size_t)(root + 2 - c.s)};
            }
            const char *why = NULL;
            category = c.n ? unescape(list, c, TV_X_MAX_CATEGORY, false, &why) : NULL;
            if (!category && skip)
                skip(ud, line, NULL, why ? why : "an empty $CATEGORY");
            continue;
        }
        if (bn == 0)
            continue;
        tv_Question *q = tv_xlist_add(list, start);
        if (!q) {
            ok = tv_xlist_add_failed(list, name, start, err);
            break;
        }
        tv_xlist_keep(list, question(list, (Slice){buf, bn}, q, category), skip, ud);
        bn = 0;
    }
    free(buf);
    return ok;
}

/* }====================================================================== */

/* {====================================================================== writer */

static void escaped(tv_XBuf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("~=#{}:\\", *s))
            tv_xbuf_add(b, "\\", 1);
        if (*s == '\n')
            tv_xbuf_puts(b, "\\n");
        else
            tv_xbuf_add(b, s, 1);
    }
}

static void number_text(tv_XBuf *b, double v)
{
    char buf[48];
    tv_xnumber(buf, sizeof buf, v);
    tv_xbuf_puts(b, buf);
}

void tv_xwrite_gift(const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud)
{
    const char *category = NULL;
    for (int i = 0; i < list->n; i++) {
        const tv_Question *q = &list->questions[i];
        if (q->type == TV_Q_ORDER) {
            if (skip)
                skip(ud, 0, q->id, "GIFT has no ordering question");
            continue;
        }
        if (!category || strcmp(category, q->category) != 0) {
            tv_xbuf_puts(out, "$CATEGORY: ");
            escaped(out, q->category);
            tv_xbuf_puts(out, "\n\n");
            category = q->category;
        }
        tv_xbuf_puts(out, "::");
        escaped(out, q->id);
        tv_xbuf_puts(out, ":: ");
        escaped(out, q->prompt);
        tv_xbuf_puts(out, " {");
        switch (q->type) {
        case TV_Q_CHOICE:
        case TV_Q_TEXT: {
            int n = q->type == TV_Q_CHOICE ? q->n_options : q->n_accept;
            const char *const *v = q->type == TV_Q_CHOICE ? q->options : q->accept;
            for (int k = 0; k < n; k++) {
                tv_xbuf_puts(out, k == 0 ? "=" : q->type == TV_Q_CHOICE ? " ~" : " =");
                escaped(out, v[k]);
            }
            break;
        }
        case TV_Q_TRUEFALSE: tv_xbuf_puts(out, q->truth ? "TRUE" : "FALSE"); break;
        case TV_Q_NUMERIC:
            tv_xbuf_puts(out, "#");
            number_text(out, q->number);
            if (q->tolerance > 0) {
                tv_xbuf_puts(out, ":");
                number_text(out, q->tolerance);
            }
            break;
        case TV_Q_ORDER: break;
        }
        if (q->explain[0]) {
            tv_xbuf_puts(out, " ####");
            escaped(out, q->explain);
        }
        tv_xbuf_puts(out, "}\n\n");
    }
}

/* }====================================================================== */
