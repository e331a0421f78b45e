/* kvtext.c - the `key = value` line reader and the loaders' warnings (see kvtext.h).
 *
 * Trust boundary: the text is the player's own file, possibly hand-edited, cut short
 * or not text at all. Everything is bounded by explicit lengths; numbers are parsed
 * by hand (core's tv_text_parse_number), never with strtol or the locale.
 * Depends on: core (text, error), io (file), libc. No SDL. */
#include "ui/kvtext.h"

#include "io/file.h"
#include "core/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int tv_kv_not_text_line(const char *data, size_t len)
{
    int line = 1;
    size_t i = tv_text_bom_len(data, len);
    while (i < len) {
        unsigned char c = (unsigned char)data[i];
        if (c == '\n') {
            line++, i++;
            continue;
        }
        if (c == '\r' && i + 1 < len && data[i + 1] == '\n') {
            i++;
            continue;
        }
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            return line;
        size_t n = tv_utf8_char_len(data + i, len - i);
        if (!n)
            return line;
        i += n;
    }
    return 0;
}

void tv_kv_lines_init(tv_KvLines *ls, const char *data, size_t len)
{
    ls->p = data + tv_text_bom_len(data, len);
    ls->end = data + len;
    ls->line = 0;
}

bool tv_kv_lines_next(tv_KvLines *ls, const char **s, size_t *n)
{
    if (ls->p >= ls->end)
        return false;
    const char *b = ls->p;
    const char *nl = memchr(b, '\n', (size_t)(ls->end - b));
    const char *e = nl ? nl : ls->end;
    ls->p = nl ? nl + 1 : ls->end;
    ls->line++;
    if (e > b && e[-1] == '\r')
        e--;
    while (b < e && (*b == ' ' || *b == '\t'))
        b++;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    *s = b;
    *n = (size_t)(e - b);
    return true;
}

bool tv_kv_split(const char *s, size_t n, const char **key, size_t *keylen, const char **val, size_t *vallen)
{
    const char *eq = memchr(s, '=', n);
    if (!eq)
        return false;
    const char *ke = eq;
    while (ke > s && (ke[-1] == ' ' || ke[-1] == '\t'))
        ke--;
    if (ke == s)
        return false;
    for (const char *k = s; k < ke; k++)
        if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_'))
            return false;
    const char *v = eq + 1;
    while (v < s + n && (*v == ' ' || *v == '\t'))
        v++;
    *key = s, *keylen = (size_t)(ke - s);
    *val = v, *vallen = (size_t)(s + n - v);
    return true;
}

bool tv_kv_token_is(const char *s, size_t n, const char *word) { return strlen(word) == n && memcmp(s, word, n) == 0; }

bool tv_kv_parse_int(const char *s, size_t n, long long min, long long max, long long *out)
{
    /* No '+' and no fraction (docs/files.md); 18 digits at most, and every value in
     * our formats is far below 2^53, so the double holds it exactly. */
    double v;
    if (!tv_text_parse_number(s, n, 0, &v) || v < (double)min || v > (double)max)
        return false;
    *out = (long long)v;
    return true;
}

void tv_kv_shown(char *dst, size_t size, const char *s, size_t n)
{
    size_t max = size - 4 < 40 ? size - 4 : 40, k = n < max ? n : max;
    while (k > 0 && k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    memcpy(dst, s, k);
    strcpy(dst + k, k < n ? "..." : "");
}

void tv_kv_clean_copy(char *dst, size_t size, const char *s)
{
    /* What we write must pass our own text check when it is read back. */
    size_t n = 0, len = strlen(s);
    for (size_t i = 0; i < len;) {
        const unsigned char *u = (const unsigned char *)s + i;
        size_t cl = tv_utf8_char_len((const char *)u, len - i);
        if (cl == 1 && (u[0] < 0x20 || u[0] == 0x7F)) {
            i++;
            continue;
        }
        if (cl == 0) {
            u = (const unsigned char *)"?";
            cl = 1;
            i++;
        } else {
            i += cl;
        }
        if (n + cl >= size)
            break;
        if (n == 0 && cl == 1 && u[0] == ' ')
            continue;
        memcpy(dst + n, u, cl);
        n += cl;
    }
    while (n > 0 && dst[n - 1] == ' ')
        n--;
    dst[n] = '\0';
}

void tv_kv_warn_init(tv_KvWarn *w, char *buf, size_t size)
{
    w->buf = size ? buf : NULL;
    w->size = size;
    w->count = 0;
    if (w->buf)
        w->buf[0] = '\0';
}

void tv_kv_warn_add(tv_KvWarn *w, const char *path, int line, const char *fmt, ...)
{
    /* Only the first is kept, so the message the player sees stays one line. */
    if (w->count++ || !w->buf)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        snprintf(w->buf, w->size, "%s:%d: %s", path, line, msg);
    else
        snprintf(w->buf, w->size, "%s: %s", path, msg);
}

void tv_kv_warn_finish(tv_KvWarn *w)
{
    if (w->count > 1 && w->buf) {
        size_t n = strlen(w->buf);
        snprintf(w->buf + n, w->size - n, " (and %d more)", w->count - 1);
    }
}

void tv_kv_keep_bad(const char *path, const char *data, size_t len, char *note, size_t notesize)
{
    char bad[4096 + 8];
    tv_Error err = {0};
    switch (tv_file_keep_bad(path, data, len, bad, sizeof bad, &err)) {
    case TV_BAD_COPIED: snprintf(note, notesize, "a copy is kept at %s", bad); break;
    case TV_BAD_MOVED: snprintf(note, notesize, "moved to %s", bad); break;
    default: snprintf(note, notesize, "no copy kept (%s)", err.msg); break;
    }
}

int tv_kv_load(const char *path, size_t cap, const char *what, const char *fallback, tv_KvWarn *w, char **data,
               size_t *len)
{
    char note[4200];
    tv_Error err = {0};
    tv_FileStatus st = tv_file_read(path, cap, 0, data, len, &err);
    if (st == TV_FILE_MISSING)
        return 0;
    if (st == TV_FILE_REFUSED) {
        tv_kv_warn_add(w, path, 0, "the %s %s; %s", what, err.msg, fallback);
        return -1;
    }
    if (st == TV_FILE_TOO_BIG) {
        tv_kv_keep_bad(path, NULL, 0, note, sizeof note);
        tv_kv_warn_add(w, path, 0, "larger than %zu KiB, so not a %s; %s, %s", cap / 1024, what, fallback, note);
        return -1;
    }
    int bad_line = tv_kv_not_text_line(*data, *len);
    if (bad_line) {
        tv_kv_keep_bad(path, *data, *len, note, sizeof note);
        tv_kv_warn_add(w, path, bad_line, "not text; %s, %s", fallback, note);
        free(*data);
        *data = NULL;
        return -1;
    }
    return 1;
}
