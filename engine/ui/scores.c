/* scores.c - scores.txt: the high-score tables, one per pack combination (see prefs.h,
 * docs/files.md).
 *
 * A table only ever grows by tv_scores_add, which keeps it sorted best first; loading
 * sorts too, so a hand-edited file in any order still loads. The file ends with an
 * `end = N` line, so a file cut short anywhere is noticed and kept as .bad.
 * Depends on: kvtext, io (file), core (text, error), libc. No SDL. */
#include "ui/prefs.h"

#include "io/file.h"
#include "ui/kvtext.h"
#include "core/text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCORES_MAX_BYTES (1u << 20)
#define SCORE_MAX 1000000000
#define ASKED_MAX 100000

void tv_scores_free(tv_Scores *scores)
{
    free(scores->tables);
    scores->tables = NULL;
    scores->n = 0;
}

static tv_ScoreTable *find_table(const tv_Scores *scores, const char *key)
{
    for (int i = 0; i < scores->n; i++)
        if (strcmp(scores->tables[i].key, key) == 0)
            return &scores->tables[i];
    return NULL;
}

const tv_ScoreTable *tv_scores_find(const tv_Scores *scores, const char *key) { return find_table(scores, key); }

/* A table key is one token on its line: printable, no spaces, shorter than key[]. */
static bool valid_key(const char *s, size_t n)
{
    if (n == 0 || n >= sizeof((tv_ScoreTable *)0)->key)
        return false;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c <= 0x20 || c == 0x7F)
            return false;
        size_t cl = tv_utf8_char_len(s + i, n - i);
        if (!cl)
            return false;
        i += cl;
    }
    return true;
}

static tv_ScoreTable *add_table(tv_Scores *scores, const char *key, size_t n)
{
    tv_ScoreTable *t = realloc(scores->tables, ((size_t)scores->n + 1) * sizeof *t);
    if (!t)
        return NULL;
    scores->tables = t;
    t = &scores->tables[scores->n++];
    memset(t, 0, sizeof *t);
    memcpy(t->key, key, n);
    return t;
}

/* Inserts e in t's best-first order after every entry with the same score: an equal
 * score does not push an earlier one down. Returns the rank or -1. */
static int insert_entry(tv_ScoreTable *t, const tv_ScoreEntry *e)
{
    int at = 0;
    while (at < t->n && t->entries[at].score >= e->score)
        at++;
    if (at >= TV_SCORES_PER_TABLE)
        return -1;
    int keep = t->n < TV_SCORES_PER_TABLE ? t->n : TV_SCORES_PER_TABLE - 1;
    memmove(&t->entries[at + 1], &t->entries[at], (size_t)(keep - at) * sizeof *e);
    t->entries[at] = *e;
    t->n = keep + 1;
    return at;
}

int tv_scores_add(tv_Scores *scores, const char *key, const tv_ScoreEntry *entry)
{
    size_t kn = strlen(key);
    if (!valid_key(key, kn) || entry->score < 0 || entry->score > SCORE_MAX || entry->asked < 0 ||
        entry->asked > ASKED_MAX || entry->correct < 0 || entry->correct > entry->asked)
        return -1;
    tv_ScoreTable *t = find_table(scores, key);
    if (!t && !(t = add_table(scores, key, kn)))
        return -1;
    tv_ScoreEntry e = *entry;
    tv_kv_clean_copy(e.name, sizeof e.name, entry->name);
    return insert_entry(t, &e);
}

/* Splits off the next blank-separated token of [*s, end). */
static bool next_token(const char **s, const char *end, const char **tok, size_t *n)
{
    const char *p = *s;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *b = p;
    while (p < end && *p != ' ' && *p != '\t')
        p++;
    *tok = b, *n = (size_t)(p - b), *s = p;
    return *n > 0;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool fail_why(char *why, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, size, fmt, ap);
    va_end(ap);
    return false;
}

/* Parses scores text into out; false with the line and reason when it is corrupt. */
static bool parse_scores(const char *data, size_t len, tv_Scores *out, int *bad_line, char *why, size_t whysize)
{
    tv_KvLines ls;
    tv_kv_lines_init(&ls, data, len);
    const char *line, *key, *val;
    size_t n, keylen, vallen;
    bool seen_version = false, seen_end = false;
    tv_ScoreTable *t = NULL;
    while (tv_kv_lines_next(&ls, &line, &n)) {
        *bad_line = ls.line;
        if (n == 0 || line[0] == '#')
            continue;
        if (seen_end)
            return fail_why(why, whysize, "text after the 'end' line");
        if (!tv_kv_split(line, n, &key, &keylen, &val, &vallen))
            return fail_why(why, whysize, "expected 'key = value'");
        const char *vend = val + vallen;
        if (!seen_version) {
            long long v;
            if (!tv_kv_token_is(key, keylen, "scores") || !tv_kv_parse_int(val, vallen, 1, 1, &v))
                return fail_why(why, whysize, "expected 'scores = 1' first");
            seen_version = true;
        } else if (tv_kv_token_is(key, keylen, "table")) {
            if (!valid_key(val, vallen))
                return fail_why(why, whysize, "a table key is one word of at most 255 bytes");
            char k[256];
            memcpy(k, val, vallen);
            k[vallen] = '\0';
            if (tv_scores_find(out, k))
                return fail_why(why, whysize, "table '%s' appears twice", k);
            if (!(t = add_table(out, val, vallen)))
                return fail_why(why, whysize, "out of memory");
        } else if (tv_kv_token_is(key, keylen, "entry")) {
            if (!t)
                return fail_why(why, whysize, "an entry before any 'table' line");
            if (t->n == TV_SCORES_PER_TABLE)
                return fail_why(why, whysize, "more than %d entries in table '%s'", TV_SCORES_PER_TABLE, t->key);
            const char *p = val, *tok;
            size_t tn;
            long long score, correct, asked;
            if (!next_token(&p, vend, &tok, &tn) || !tv_kv_parse_int(tok, tn, 0, SCORE_MAX, &score) ||
                !next_token(&p, vend, &tok, &tn) || !tv_kv_parse_int(tok, tn, 0, ASKED_MAX, &correct) ||
                !next_token(&p, vend, &tok, &tn) || !tv_kv_parse_int(tok, tn, correct, ASKED_MAX, &asked))
                return fail_why(why, whysize, "expected 'entry = SCORE CORRECT ASKED NAME' with 0 <= CORRECT <= ASKED");
            tv_ScoreEntry e = {.score = (int)score, .correct = (int)correct, .asked = (int)asked};
            while (p < vend && (*p == ' ' || *p == '\t'))
                p++;
            char name[sizeof e.name * 4];
            size_t nn = (size_t)(vend - p) < sizeof name - 1 ? (size_t)(vend - p) : sizeof name - 1;
            memcpy(name, p, nn);
            name[nn] = '\0';
            tv_kv_clean_copy(e.name, sizeof e.name, name);
            /* Sorted on the way in, so a hand-edited table in any order still loads. */
            insert_entry(t, &e);
        } else if (tv_kv_token_is(key, keylen, "end")) {
            long long count;
            if (!tv_kv_parse_int(val, vallen, 0, INT32_MAX, &count) || count != out->n)
                return fail_why(why, whysize, "'end' must give the number of tables, %d", out->n);
            seen_end = true;
        } else {
            return fail_why(why, whysize, "unknown key (expected table, entry or end)");
        }
    }
    /* We always write 'end' last, so its absence means the file was cut short. */
    if (!seen_end) {
        *bad_line = ls.line + 1;
        return fail_why(why, whysize, "the file ends before its 'end' line (truncated)");
    }
    return true;
}

bool tv_scores_load(const char *path, tv_Scores *scores, char *warn, size_t warnsize)
{
    tv_KvWarn w;
    tv_kv_warn_init(&w, warn, warnsize);
    memset(scores, 0, sizeof *scores);
    char *data, why[160], note[4200];
    size_t len;
    int got_text =
        tv_kv_load(path, SCORES_MAX_BYTES, "high-score file", "starting without high scores", &w, &data, &len);
    if (got_text <= 0)
        return got_text == 0;
    int bad_line = 0;
    if (parse_scores(data, len, scores, &bad_line, why, sizeof why)) {
        free(data);
        return true;
    }
    tv_scores_free(scores);
    tv_kv_keep_bad(path, data, len, note, sizeof note);
    tv_kv_warn_add(&w, path, bad_line, "%s; starting without high scores, %s", why, note);
    free(data);
    return false;
}

bool tv_scores_parse(const char *name, const char *data, size_t len, tv_Scores *scores, char *warn, size_t warnsize)
{
    tv_KvWarn w;
    tv_kv_warn_init(&w, warn, warnsize);
    memset(scores, 0, sizeof *scores);
    int bad_line = len > SCORES_MAX_BYTES ? -1 : tv_kv_not_text_line(data, len);
    if (bad_line) {
        tv_kv_warn_add(&w, name, bad_line > 0 ? bad_line : 0, "not a high-score file; starting without high scores");
        return false;
    }
    char why[160];
    if (parse_scores(data, len, scores, &bad_line, why, sizeof why))
        return true;
    tv_scores_free(scores);
    tv_kv_warn_add(&w, name, bad_line, "%s; starting without high scores", why);
    return false;
}

bool tv_scores_save(const char *path, const tv_Scores *scores, tv_Error *err)
{
    /* Bounded: each entry line is at most 3 numbers and a 31-byte name. */
    size_t cap = 64 + (size_t)scores->n * (300 + TV_SCORES_PER_TABLE * 80);
    char *buf = malloc(cap);
    if (!buf)
        return tv_error_set(err, TV_ERR_NOMEM, path, 0, "out of memory");
    size_t n = (size_t)snprintf(buf, cap, "# Trivium high scores (format: docs/files.md)\nscores = 1\n");
    for (int i = 0; i < scores->n; i++) {
        const tv_ScoreTable *t = &scores->tables[i];
        if (!valid_key(t->key, strnlen(t->key, sizeof t->key))) {
            free(buf);
            return tv_error_set(err, TV_ERR_IO, path, 0, "table %d has an empty key or one with spaces", i + 1);
        }
        n += (size_t)snprintf(buf + n, cap - n, "\ntable = %s\n", t->key);
        int count = t->n < 0 ? 0 : t->n > TV_SCORES_PER_TABLE ? TV_SCORES_PER_TABLE : t->n;
        for (int j = 0; j < count; j++) {
            const tv_ScoreEntry *e = &t->entries[j];
            char name[sizeof e->name];
            tv_kv_clean_copy(name, sizeof name, e->name);
            n += (size_t)snprintf(buf + n, cap - n, "entry = %d %d %d %s\n", e->score, e->correct, e->asked, name);
        }
    }
    n += (size_t)snprintf(buf + n, cap - n, "\nend = %d\n", scores->n);
    bool ok = tv_file_write_atomic(path, buf, n, err);
    free(buf);
    return ok;
}
