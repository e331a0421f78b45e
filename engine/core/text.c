/* text.c - UTF-8 validation and answer folding over utf8proc. Depends on: libc, utf8proc. */
#include "core/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

bool tv_utf8_valid(const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0 || !utf8proc_codepoint_valid(cp))
            return false;
        i += (size_t)n;
    }
    return true;
}

size_t tv_utf8_char_len(const char *s, size_t n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    return r > 0 && utf8proc_codepoint_valid(cp) ? (size_t)r : 0;
}

tv_TextFault tv_text_check_display(const char *s, size_t len, size_t max)
{
    if (len == 0)
        return TV_TEXT_EMPTY;
    if (len > max)
        return TV_TEXT_TOO_LONG;
    if (!tv_utf8_valid(s, len) || memchr(s, '\0', len))
        return TV_TEXT_NOT_UTF8;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch < 0x20 && ch != '\n') || ch == 0x7f)
            return TV_TEXT_CONTROL;
        /* U+202A..U+202E are E2 80 AA..AE, U+2066..U+2069 are E2 81 A6..A9. */
        if (ch == 0xE2 && i + 2 < len) {
            unsigned char b1 = (unsigned char)s[i + 1], b2 = (unsigned char)s[i + 2];
            if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9))
                return TV_TEXT_BIDI;
        }
    }
    return TV_TEXT_OK;
}

const char *tv_text_fault_name(tv_TextFault fault)
{
    switch (fault) {
    case TV_TEXT_OK: return "is fine";
    case TV_TEXT_EMPTY: return "is empty";
    case TV_TEXT_TOO_LONG: return "is too long";
    case TV_TEXT_NOT_UTF8: return "is not valid UTF-8 text";
    case TV_TEXT_CONTROL: return "holds a control character";
    case TV_TEXT_BIDI: return "holds a bidirectional control character";
    }
    return "is unusable";
}

char *tv_text_fold(tv_Alloc alloc, const char *s, size_t len)
{
    if (!tv_utf8_valid(s, len) || memchr(s, '\0', len))
        return NULL;
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                          UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP);
    if (n < 0)
        return NULL;
    char *out = tv_alloc(alloc, (size_t)n + 1);
    if (!out) {
        free(mapped); /* utf8proc allocates with malloc */
        return NULL;
    }
    /* Collapse white space: utf8proc's LUMP has already turned Unicode spaces into ' ',
     * so only ASCII white space remains to be handled here. */
    size_t o = 0;
    bool pending_space = false;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        unsigned char c = mapped[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            pending_space = o > 0;
            continue;
        }
        if (pending_space)
            out[o++] = ' ';
        pending_space = false;
        out[o++] = (char)c;
    }
    out[o] = '\0';
    free(mapped);
    /* Give back what collapsing saved, so the caller's size (strlen + 1) is exact. */
    char *shrunk = tv_realloc(alloc, out, (size_t)n + 1, o + 1);
    return shrunk ? shrunk : out;
}

bool tv_text_match(const char *a, const char *b)
{
    tv_Alloc al = tv_alloc_default();
    size_t la = strlen(a), lb = strlen(b);
    char *fa = tv_text_fold(al, a, la);
    char *fb = tv_text_fold(al, b, lb);
    bool eq = fa && fb && strcmp(fa, fb) == 0;
    if (fa)
        tv_free(al, fa, strlen(fa) + 1);
    if (fb)
        tv_free(al, fb, strlen(fb) + 1);
    return eq;
}

/* {====================================================================== small shared rules */

size_t tv_text_bom_len(const char *s, size_t n) { return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; }

bool tv_text_lang_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= 'a' && s[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return false;
    if (i == n)
        return true;
    return n == i + 3 && s[i] == '_' && s[i + 1] >= 'A' && s[i + 1] <= 'Z' && s[i + 2] >= 'A' && s[i + 2] <= 'Z';
}

size_t tv_utf8_drop_last(char *s)
{
    size_t n = strlen(s);
    /* Back over continuation bytes to the lead byte, then drop it too. */
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0)
        s[--n] = '\0';
    return n;
}

bool tv_text_parse_number(const char *s, size_t n, unsigned opts, double *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '-' || (s[i] == '+' && (opts & TV_NUMBER_PLUS))))
        neg = s[i++] == '-';
    double v = 0, scale = 1;
    int digits = 0;
    /* Digit by digit rather than strtod: strtod follows LC_NUMERIC and also takes
     * blanks, hex, exponents, "inf" and "nan", none of which our formats allow. */
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (digits == 18)
            return false; /* too long to be a setting or a quiz answer */
        v = v * 10 + (s[i] - '0');
        digits++, i++;
    }
    if (i < n && s[i] == '.' && (opts & TV_NUMBER_FRACTION)) {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (digits < 18) {
                scale /= 10;
                v += (s[i] - '0') * scale;
            }
            digits++, i++;
        }
    }
    if (i != n || digits == 0)
        return false;
    *out = neg ? -v : v;
    return true;
}

/* }====================================================================== */

/* Levenshtein distance with a row of at most 64 + 1 cells: longer words are never typos
 * of the short names this serves. */
static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 1000;
    int row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            char ca = a[i - 1], cb = b[j - 1];
            if (ca >= 'A' && ca <= 'Z')
                ca = (char)(ca - 'A' + 'a');
            if (cb >= 'A' && cb <= 'Z')
                cb = (char)(cb - 'A' + 'a');
            int best = diag + (ca != cb);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *tv_text_closest(const char *word, const char *const *names)
{
    const char *best = NULL;
    int best_d = 3;
    for (; *names; names++) {
        int d = edit_distance(word, *names);
        if (d < best_d && (size_t)d * 2 < strlen(word))
            best = *names, best_d = d;
    }
    return best;
}
