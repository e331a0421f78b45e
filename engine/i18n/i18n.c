/* i18n.c - UI strings from gettext .po files (assets/i18n/<lang>.po).
 *
 * Trust boundary: a .po file is text a translator wrote, or a player who adds a
 * language. It is parsed with explicit bounds and must be UTF-8. Because the UI passes
 * these strings to printf, a string may hold only %d, %s and %%, and a translation must
 * hold the same conversions in the same order as en.po: a "%s" where the caller passes
 * an int would be a crash, so such a file is refused at load instead.
 * Supported: msgid/msgstr, "..." continuation lines, the escapes \n \t \" \\, # comments
 * of every kind, the header entry (msgid ""), CRLF and a UTF-8 BOM. Refused with a
 * file:line error: msgctxt and plural forms (keys are unique, so neither is needed).
 * Depends on: core (error, text), io (file), libc. No SDL.
 * Limits: 1 MiB per file. */
#include "i18n/i18n.h"

#include "io/file.h"
#include "core/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PO_MAX_BYTES (1u << 20)

typedef struct Entry {
    char *key, *text;
    int id_line, str_line;
} Entry;

typedef struct Po {
    Entry *v;
    int n, cap;
} Po;

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

/* Keys sorted with strcmp, texts parallel, for bsearch. */
typedef struct Table {
    int n;
    char **keys, **texts;
} Table;

struct tv_I18n {
    char lang[16];
    Table en, tr; /* tr is empty when lang is "en" */
};

/* {====================================================================== reading */

/* O_NONBLOCK (in tv_file_read) so a FIFO put where a .po belongs cannot hang the game.
 * TV_FILE_FOLLOW: distributions commonly install assets as symbolic links. */
static bool read_file(const char *path, char **out, size_t *outlen, tv_Error *err)
{
    return tv_file_read(path, PO_MAX_BYTES, TV_FILE_FOLLOW, out, outlen, err) == TV_FILE_OK;
}

/* }====================================================================== */

/* {====================================================================== conversions */

/* The next printf conversion at or after *p: 'd', 's', '?' for anything else, or 0 at
 * the end. "%%" is a literal and is skipped. */
static char next_conversion(const char **p)
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

static bool conversions_valid(const char *s)
{
    char c;
    while ((c = next_conversion(&s)) != 0)
        if (c == '?')
            return false;
    return true;
}

static bool conversions_equal(const char *a, const char *b)
{
    for (;;) {
        char ca = next_conversion(&a), cb = next_conversion(&b);
        if (ca != cb)
            return false;
        if (!ca)
            return true;
    }
}

/* "%d %s" for messages; "none" when the string has none. */
static void describe_conversions(const char *s, char *out, size_t size)
{
    size_t n = 0;
    char c;
    out[0] = '\0';
    while ((c = next_conversion(&s)) != 0 && n + 4 < size) {
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

static void po_free(Po *po)
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

static bool add_entry(Po *po, Entry *e, const char *path, tv_Error *err)
{
    if (po->n == po->cap) {
        int cap = po->cap ? po->cap * 2 : 64;
        Entry *v = realloc(po->v, (size_t)cap * sizeof *v);
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
static bool check_header(const char *path, const Entry *e, tv_Error *err)
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
static bool finish_entry(Po *po, Entry *e, Buf *id, Buf *str, const char *path, tv_Error *err)
{
    e->key = buf_take(id);
    e->text = buf_take(str);
    if (!e->key || !e->text)
        return tv_error_set(err, TV_ERR_NOMEM, path, e->id_line, "out of memory");
    bool ok = true;
    if (!e->key[0])
        ok = check_header(path, e, err);
    else if (!conversions_valid(e->text))
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

static int cmp_entry(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->id_line > y->id_line) - (x->id_line < y->id_line);
}

static bool check_duplicates(Po *po, const char *path, tv_Error *err)
{
    if (po->n < 2)
        return true;
    Entry *sorted = malloc((size_t)po->n * sizeof *sorted);
    if (!sorted)
        return tv_error_set(err, TV_ERR_NOMEM, path, 0, "out of memory");
    memcpy(sorted, po->v, (size_t)po->n * sizeof *sorted);
    qsort(sorted, (size_t)po->n, sizeof *sorted, cmp_entry);
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

static bool parse_po(const char *path, const char *data, size_t len, Po *po, tv_Error *err)
{
    memset(po, 0, sizeof *po);
    Buf id = {0}, str = {0};
    Entry cur = {0};
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
        po_free(po);
    return ok;
}

static bool load_po(const char *path, Po *po, tv_Error *err)
{
    char *data;
    size_t len;
    memset(po, 0, sizeof *po);
    if (!read_file(path, &data, &len, err))
        return false;
    bool ok = parse_po(path, data, len, po, err);
    free(data);
    return ok;
}

int tv_po_parse_file(const char *path, char ***keys, char ***texts, tv_Error *err)
{
    *keys = *texts = NULL;
    Po po;
    if (!load_po(path, &po, err))
        return -1;
    /* One slot more than needed, so an empty file still gives non-NULL arrays. */
    char **k = malloc(((size_t)po.n + 1) * sizeof *k), **t = malloc(((size_t)po.n + 1) * sizeof *t);
    if (!k || !t) {
        free(k);
        free(t);
        po_free(&po);
        tv_error_set(err, TV_ERR_NOMEM, path, 0, "out of memory");
        return -1;
    }
    for (int i = 0; i < po.n; i++)
        k[i] = po.v[i].key, t[i] = po.v[i].text;
    int n = po.n;
    free(po.v);
    *keys = k;
    *texts = t;
    return n;
}

/* }====================================================================== */

/* {====================================================================== lookup */

/* Moves po's strings into t, sorted by key (keys are unique by now). */
static bool make_table(Table *t, Po *po)
{
    memset(t, 0, sizeof *t);
    t->keys = malloc(((size_t)po->n + 1) * sizeof *t->keys);
    t->texts = malloc(((size_t)po->n + 1) * sizeof *t->texts);
    if (!t->keys || !t->texts) {
        free(t->keys);
        free(t->texts);
        memset(t, 0, sizeof *t);
        return false;
    }
    if (po->n)
        qsort(po->v, (size_t)po->n, sizeof *po->v, cmp_entry);
    for (int i = 0; i < po->n; i++) {
        t->keys[i] = po->v[i].key;
        t->texts[i] = po->v[i].text;
    }
    t->n = po->n;
    free(po->v);
    memset(po, 0, sizeof *po);
    return true;
}

static void table_free(Table *t)
{
    for (int i = 0; i < t->n; i++) {
        free(t->keys[i]);
        free(t->texts[i]);
    }
    free(t->keys);
    free(t->texts);
    memset(t, 0, sizeof *t);
}

static int cmp_key(const void *key, const void *elem) { return strcmp(key, *(char *const *)elem); }

static const char *table_get(const Table *t, const char *key)
{
    if (!t->n)
        return NULL;
    char *const *k = bsearch(key, t->keys, (size_t)t->n, sizeof *t->keys, cmp_key);
    return k ? t->texts[k - t->keys] : NULL;
}

/* Every translated string must carry en.po's conversions in en.po's order, since the
 * caller formats it with arguments meant for the English text. */
static bool check_against_english(const char *path, const Po *tr, const Table *en, tv_Error *err)
{
    for (int i = 0; i < tr->n; i++) {
        const char *english = table_get(en, tr->v[i].key);
        if (!english || !tr->v[i].text[0] || conversions_equal(english, tr->v[i].text))
            continue;
        char want[64], got[64];
        describe_conversions(english, want, sizeof want);
        describe_conversions(tr->v[i].text, got, sizeof got);
        return tv_error_set(err, TV_ERR_IO, path, tr->v[i].str_line,
                            "msgstr for '%s' has conversions %s, but en.po has %s (same ones, same order)",
                            tr->v[i].key, got, want);
    }
    return true;
}

tv_I18n *tv_i18n_load(const char *dir, const char *lang, tv_Error *err)
{
    /* A language code is also a file name, so it is held to "en" / "pt_BR" shapes: no
     * path separators or dots can reach open(). */
    if (!tv_text_lang_valid(lang, strlen(lang))) {
        tv_error_set(err, TV_ERR_USAGE, "", 0, "language code '%s' is not like 'en', 'nl' or 'pt_BR'", lang);
        return NULL;
    }
    tv_I18n *i18n = calloc(1, sizeof *i18n);
    if (!i18n) {
        tv_error_set(err, TV_ERR_NOMEM, "", 0, "out of memory");
        return NULL;
    }
    snprintf(i18n->lang, sizeof i18n->lang, "%s", lang);
    char path[4096];
    Po po;
    snprintf(path, sizeof path, "%s/en.po", dir);
    if (!load_po(path, &po, err))
        goto fail;
    if (!make_table(&i18n->en, &po)) {
        po_free(&po);
        tv_error_set(err, TV_ERR_NOMEM, path, 0, "out of memory");
        goto fail;
    }
    if (strcmp(lang, "en") != 0) {
        /* A missing <lang>.po is an error too, not a silent switch to English: the
         * caller can say so and load "en" instead. */
        snprintf(path, sizeof path, "%s/%s.po", dir, lang);
        if (!load_po(path, &po, err))
            goto fail;
        if (!check_against_english(path, &po, &i18n->en, err)) {
            po_free(&po);
            goto fail;
        }
        if (!make_table(&i18n->tr, &po)) {
            po_free(&po);
            tv_error_set(err, TV_ERR_NOMEM, path, 0, "out of memory");
            goto fail;
        }
    }
    return i18n;
fail:
    tv_i18n_free(i18n);
    return NULL;
}

void tv_i18n_free(tv_I18n *i18n)
{
    if (!i18n)
        return;
    table_free(&i18n->en);
    table_free(&i18n->tr);
    free(i18n);
}

const char *tv_i18n_get(const tv_I18n *i18n, const char *key)
{
    if (!i18n || !key)
        return key;
    /* An empty msgstr is gettext's "not translated yet", so it falls through too. */
    const char *s = table_get(&i18n->tr, key);
    if (s && s[0])
        return s;
    s = table_get(&i18n->en, key);
    return s && s[0] ? s : key;
}

const char *tv_i18n_lang(const tv_I18n *i18n) { return i18n ? i18n->lang : "en"; }

/* }====================================================================== */
