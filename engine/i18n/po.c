/* po.c - the .po parser behind i18n.c and the build's English table (see po.h).
 *
 * Trust boundary: a .po file is text a translator wrote, or a player who adds a
 * language, or (fuzzing) any bytes at all. It is parsed with explicit bounds and must
 * be UTF-8; nothing here trusts a length or a quote to be there.
 * Supported: msgid/msgstr, "..." continuation lines, the escapes \n \t \" \\, # comments
 * of every kind, the header entry (msgid ""), CRLF and a UTF-8 BOM. Refused with a
 * file:line error: msgctxt and plural forms (keys are unique, so neither is needed),
 * and any printf conversion but %d, %s and %%.
 * Depends on: core (error, text), io (file), libc. No SDL. */
#include "i18n/po.h"

#include "io/file.h"
#include "i18n/i18n.h"
#include "core/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PO_MAX_BYTES (1u << 20)

/* {====================================================================== reading */

/* O_NONBLOCK (in tv_file_read) so a FIFO put where a .po belongs cannot hang the game.
 * TV_FILE_FOLLOW: distributions commonly install assets as symbolic links. */
static bool read_file(const char *path, char **out, size_t *outlen, tv_Error *err)
{
    return tv_file_read(path, PO_MAX_BYTES, TV_FILE_FOLLOW, out, outlen, err) == TV_FILE_OK;
}

/* }====================================================================== */

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

/* {====================================================================== conversions */

/* The next printf conversion at or after *p: 'd', 's', '?' for anything else, or 0 at
 * the end. "%%" is a literal and is skipped. */
char tv_po_next_conversion(const char **p)
{
    const char *s = *p;
    while (*s) {
        if (*s++ != '%')
            continue;
        if (*s == '%') {
            s++;
            continue;
        }
        char c = *s;
        if (c)
            s++;
        *p = s;
        return c == 'd' || c == 's' ? c : '?';
    }
    *p = s;
    return 0;
}

bool tv_po_conversions_valid(const char *s)
{
    char c;
    while ((c = tv_po_next_conversion(&s)) != 0)
        if (c == '?')
            return false;
    return true;
}

bool tv_po_conversions_equal(const char *a, const char *b)
{
    for (;;) {
        char ca = tv_po_next_conversion(&a), cb = tv_po_next_conversion(&b);
        if (ca != cb)
            return false;
        if (!ca)
            return true;
    }
}

bool tv_po_conversions_are(const char *s, const char *want)
{
    for (;; want++) {
        char c = tv_po_next_conversion(&s);
        if (c != *want)
            return false;
        if (!c)
            return true;
    }
}

/* "%d %s" for messages; "none" when the string has none. */
void tv_po_describe_conversions(const char *s, char *out, size_t size)
{
    size_t n = 0;
    char c;
    out[0] = '\0';
    while ((c = tv_po_next_conversion(&s)) != 0 && n + 4 < size) {
        if (n)
            out[n++] = ' ';
        out[n++] = '%';
        out[n++] = c;
        out[n] = '\0';
    }
    if (!n)
        snprintf(out, size, "none");
}

/* }====================================================================== */

/* {====================================================================== parsing */

static bool buf_put(Buf *b, char c)
{
    if (b->n + 1 >= b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        char *p = realloc(b->p, cap);
        if (!p)
            return false;
        b->p = p, b->cap = cap;
    }
    b->p[b->n++] = c;
    b->p[b->n] = '\0';
    return true;
}

/* Takes the buffer's string (an empty one when nothing was added). */
static char *buf_take(Buf *b)
{
    char *s = b->p ? b->p : calloc(1, 1);
    b->p = NULL, b->n = b->cap = 0;
    return s;
}

void tv_po_free(tv_Po *po)
{
    for (int i = 0; i < po->n; i++) {
        free(po->v[i].key);
        free(po->v[i].text);
    }
    free(po->v);
    po->v = NULL, po->n = po->cap = 0;
}

/* Appends the quoted string at s (s[0] == '"') to b, checking that only blanks follow
 * the closing quote. */
static bool parse_string(const char *path, int line, const char *s, const char *end, Buf *b, tv_Error *err)
{
    const char *p = s + 1;
    for (;;) {
        if (p == end)
            return tv_error_set(err, TV_ERR_IO, path, line, "unterminated string (missing closing \")");
        unsigned char c = (unsigned char)*p++;
        if (c == '"')
            break;
        if (c < 0x20 || c == 0x7F)
            return tv_error_set(err, TV_ERR_IO, path, line,
                                "control character 0x%02X in a string (write \\n or \\t instead)", c);
        if (c == '\\') {
            if (p == end)
                return tv_error_set(err, TV_ERR_IO, path, line, "unterminated string (missing closing \")");
            char e = *p++;
            switch (e) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case '"': c = '"'; break;
            case '\\': c = '\\'; break;
            default:
                return tv_error_set(err, TV_ERR_IO, path, line,
                                    "unknown escape '\\%c' (expected \\n, \\t, \\\" or \\\\)", e);
            }
        }
        if (!buf_put(b, (char)c))
            return tv_error_set(err, TV_ERR_NOMEM, path, line, "out of memory");
    }
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p < end)
        return tv_error_set(err, TV_ERR_IO, path, line, "unexpected text after the closing quote");
    return true;
}

static bool add_entry(tv_Po *po, tv_PoEntry *e, const char *path, tv_Error *err)
{
    if (po->n == po->cap) {
        int cap = po->cap ? po->cap * 2 : 64;
        tv_PoEntry *v = realloc(po->v, (size_t)cap * sizeof *v);
        if (!v)
            return tv_error_set(err, TV_ERR_NOMEM, path, e->id_line, "out of memory");
        po->v = v, po->cap = cap;
    }
    po->v[po->n++] = *e;
    memset(e, 0, sizeof *e);
    return true;
}

/* The header entry's Content-Type must not name a charset other than UTF-8: we never
 * convert, so a Latin-1 file would show as garbage. */
static bool check_header(const char *path, const tv_PoEntry *e, tv_Error *err)
{
    const char *cs = strstr(e->text, "charset=");
    if (!cs)
        return true;
    cs += strlen("charset=");
    size_t n = strcspn(cs, " ;\n");
    if ((n == 5 && strncasecmp(cs, "UTF-8", 5) == 0) || (n == 4 && strncasecmp(cs, "UTF8", 4) == 0))
        return true;
    return tv_error_set(err, TV_ERR_IO, path, e->str_line, "the header names charset %.*s; only UTF-8 is read",
                        (int)(n < 32 ? n : 32), cs);
}

/* Finishes the entry being read: checks it and moves it into po. The header entry
 * (empty msgid) is checked and dropped. */
static bool finish_entry(tv_Po *po, tv_PoEntry *e, Buf *id, Buf *str, const char *path, tv_Error *err)
{
    e->key = buf_take(id);
    e->text = buf_take(str);
    if (!e->key || !e->text)
        return tv_error_set(err, TV_ERR_NOMEM, path, e->id_line, "out of memory");
    bool ok = true;
    if (!e->key[0])
        ok = check_header(path, e, err);
    else if (!tv_po_conversions_valid(e->text))
        ok = tv_error_set(err, TV_ERR_IO, path, e->str_line,
                          "msgstr for '%s' holds a conversion other than %%d, %%s or %%%% (write a literal %% as %%%%)",
                          e->key);
    if (ok && e->key[0])
        return add_entry(po, e, path, err);
    free(e->key);
    free(e->text);
    memset(e, 0, sizeof *e);
    return ok;
}

int tv_po_cmp_entry(const void *a, const void *b)
{
    const tv_PoEntry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->id_line > y->id_line) - (x->id_line < y->id_line);
}

static bool check_duplicates(tv_Po *po, const char *path, tv_Error *err)
{
    if (po->n < 2)
        return true;
    tv_PoEntry *sorted = malloc((size_t)po->n * sizeof *sorted);
    if (!sorted)
        return tv_error_set(err, TV_ERR_NOMEM, path, 0, "out of memory");
    memcpy(sorted, po->v, (size_t)po->n * sizeof *sorted);
    qsort(sorted, (size_t)po->n, sizeof *sorted, tv_po_cmp_entry);
    /* Report the duplicate nearest the top of the file, so the message is the same
     * whatever order qsort leaves equal keys in. */
    int best = -1;
    for (int i = 1; i < po->n; i++)
        if (strcmp(sorted[i - 1].key, sorted[i].key) == 0 && (best < 0 || sorted[i].id_line < sorted[best].id_line))
            best = i;
    bool ok = true;
    if (best >= 0)
        ok = tv_error_set(err, TV_ERR_IO, path, sorted[best].id_line, "duplicate msgid '%s' (first at line %d)",
                          sorted[best].key, sorted[best - 1].id_line);
    free(sorted);
    return ok;
}

enum { IN_NONE, IN_ID, IN_STR };

bool tv_po_parse(const char *path, const char *data, size_t len, tv_Po *po, tv_Error *err)
{
    memset(po, 0, sizeof *po);
    Buf id = {0}, str = {0};
    tv_PoEntry cur = {0};
    int state = IN_NONE;
    bool ok = true;
    size_t pos = tv_text_bom_len(data, len);
    /* Check the encoding first, so every later message can quote text safely. */
    for (size_t i = pos, line = 1; ok && i < len;) {
        size_t n = tv_utf8_char_len(data + i, len - i);
        if (!n || data[i] == '\0')
            ok = tv_error_set(err, TV_ERR_IO, path, (int)line, "not UTF-8 text (byte 0x%02X)",
                              (unsigned char)data[i]);
        line += data[i] == '\n';
        i += n ? n : 1;
    }
    for (int line = 1; ok && pos < len; line++) {
        const char *s = data + pos;
        const char *nl = memchr(s, '\n', len - pos);
        const char *end = nl ? nl : data + len;
        pos = (size_t)(end - data) + (nl != NULL);
        if (end > s && end[-1] == '\r')
            end--;
        while (s < end && (*s == ' ' || *s == '\t'))
            s++;
        bool blank = s == end, comment = !blank && *s == '#';
        if (blank || comment) {
            /* A blank line or a comment ends an entry; inside one it means a msgid
             * lost its msgstr. */
            if (state == IN_ID)
                ok = tv_error_set(err, TV_ERR_IO, path, cur.id_line, "msgid '%s' has no msgstr", id.p ? id.p : "");
            else if (state == IN_STR)
                ok = finish_entry(po, &cur, &id, &str, path, err);
            state = IN_NONE;
            continue;
        }
        if (*s == '"') {
            if (state == IN_NONE)
                ok = tv_error_set(err, TV_ERR_IO, path, line, "a string continues nothing (expected msgid first)");
            else
                ok = parse_string(path, line, s, end, state == IN_ID ? &id : &str, err);
            continue;
        }
        const char *w = s;
        while (s < end && *s != ' ' && *s != '\t' && *s != '"')
            s++;
        size_t wl = (size_t)(s - w);
        while (s < end && (*s == ' ' || *s == '\t'))
            s++;
        if (wl == 5 && memcmp(w, "msgid", 5) == 0) {
            if (state == IN_ID) {
                ok = tv_error_set(err, TV_ERR_IO, path, cur.id_line, "msgid '%s' has no msgstr", id.p ? id.p : "");
                continue;
            }
            if (state == IN_STR && !(ok = finish_entry(po, &cur, &id, &str, path, err)))
                continue;
            cur.id_line = line;
            state = IN_ID;
            if (s == end || *s != '"')
                ok = tv_error_set(err, TV_ERR_IO, path, line, "expected a \"string\" after msgid");
            else
                ok = parse_string(path, line, s, end, &id, err);
        } else if (wl == 6 && memcmp(w, "msgstr", 6) == 0) {
            if (state != IN_ID) {
                ok = tv_error_set(err, TV_ERR_IO, path, line, "msgstr without a msgid before it");
                continue;
            }
            cur.str_line = line;
            state = IN_STR;
            if (s == end || *s != '"')
                ok = tv_error_set(err, TV_ERR_IO, path, line, "expected a \"string\" after msgstr");
            else
                ok = parse_string(path, line, s, end, &str, err);
        } else if (wl == 7 && memcmp(w, "msgctxt", 7) == 0) {
            ok = tv_error_set(err, TV_ERR_IO, path, line,
                              "msgctxt is not supported: every msgid is a unique key, so give it its own key");
        } else if ((wl == 12 && memcmp(w, "msgid_plural", 12) == 0) || (wl > 7 && memcmp(w, "msgstr[", 7) == 0)) {
            ok = tv_error_set(err, TV_ERR_IO, path, line, "plural forms are not supported: use one key per form");
        } else {
            int shown = wl < 40 ? (int)wl : 40;
            ok = tv_error_set(err, TV_ERR_IO, path, line,
                              "unknown keyword '%.*s' (expected msgid, msgstr or a \"string\")", shown, w);
        }
    }
    if (ok && state == IN_ID)
        ok = tv_error_set(err, TV_ERR_IO, path, cur.id_line, "msgid '%s' has no msgstr", id.p ? id.p : "");
    else if (ok && state == IN_STR)
        ok = finish_entry(po, &cur, &id, &str, path, err);
    if (ok)
        ok = check_duplicates(po, path, err);
    free(id.p);
    free(str.p);
    free(cur.key);
    free(cur.text);
    if (!ok)
        tv_po_free(po);
    return ok;
}

bool tv_po_load(const char *path, tv_Po *po, tv_Error *err)
{
    char *data;
    size_t len;
    memset(po, 0, sizeof *po);
    if (!read_file(path, &data, &len, err))
        return false;
    bool ok = tv_po_parse(path, data, len, po, err);
    free(data);
    return ok;
}

/* Hands po's strings over as two arrays, one slot more than needed so that an empty
 * file still gives non-NULL arrays. */
static int to_arrays(const char *name, tv_Po *po, char ***keys, char ***texts, tv_Error *err)
{
    char **k = malloc(((size_t)po->n + 1) * sizeof *k), **t = malloc(((size_t)po->n + 1) * sizeof *t);
    if (!k || !t) {
        free(k);
        free(t);
        tv_po_free(po);
        tv_error_set(err, TV_ERR_NOMEM, name, 0, "out of memory");
        return -1;
    }
    for (int i = 0; i < po->n; i++)
        k[i] = po->v[i].key, t[i] = po->v[i].text;
    int n = po->n;
    free(po->v);
    memset(po, 0, sizeof *po);
    *keys = k;
    *texts = t;
    return n;
}

int tv_po_parse_file(const char *path, char ***keys, char ***texts, tv_Error *err)
{
    *keys = *texts = NULL;
    tv_Po po;
    if (!tv_po_load(path, &po, err))
        return -1;
    return to_arrays(path, &po, keys, texts, err);
}

int tv_po_parse_buffer(const char *name, const char *data, size_t len, char ***keys, char ***texts, tv_Error *err)
{
    *keys = *texts = NULL;
    tv_Po po;
    if (!tv_po_parse(name, data, len, &po, err))
        return -1;
    return to_arrays(name, &po, keys, texts, err);
}

/* }====================================================================== */

