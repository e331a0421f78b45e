/* kvtext.h - the `key = value` text shared by settings.txt and scores.txt, and the
 * one-line warnings their loaders return (docs/files.md, "Common rules").
 *
 * Internal to the prefs pieces (settings.c, scores.c, flags.c); not a general parser.
 * Text is UTF-8 with an optional BOM and CRLF line ends; numbers are whole decimal
 * tokens parsed without the locale.
 * Depends on: core (text), io (file), libc. */
#ifndef TV_KVTEXT_H
#define TV_KVTEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Line (1-based) of the first byte that makes data not text (NUL, a control other
 * than tab or a CR before LF, invalid UTF-8), or 0 when it is all text. */
int tv_kv_not_text_line(const char *data, size_t len);

/* Iterates over text that passed tv_kv_not_text_line: each line without its CR/LF and
 * without blanks at either end; line is the number of the line last returned. */
typedef struct tv_KvLines {
    const char *p, *end;
    int line;
} tv_KvLines;

void tv_kv_lines_init(tv_KvLines *ls, const char *data, size_t len);
bool tv_kv_lines_next(tv_KvLines *ls, const char **s, size_t *n);

/* Splits "key = value" and checks the key's shape ([a-z0-9_]+). */
bool tv_kv_split(const char *s, size_t n, const char **key, size_t *keylen, const char **val, size_t *vallen);
/* True when s[0..n) is exactly word. */
bool tv_kv_token_is(const char *s, size_t n, const char *word);
/* A whole token of decimal digits with an optional '-', in [min, max]. */
bool tv_kv_parse_int(const char *s, size_t n, long long min, long long max, long long *out);
/* A value quoted in a warning: at most 40 bytes, cut at a character boundary. */
void tv_kv_shown(char *dst, size_t size, const char *s, size_t n);
/* Copies s into dst (size bytes), dropping control characters, replacing invalid UTF-8
 * by '?', trimming spaces at both ends and cutting at a character boundary. */
void tv_kv_clean_copy(char *dst, size_t size, const char *s);

/* The first warning is kept in full; later ones are only counted. */
typedef struct tv_KvWarn {
    char *buf;
    size_t size;
    int count;
} tv_KvWarn;

void tv_kv_warn_init(tv_KvWarn *w, char *buf, size_t size);
/* "path:line: what" (or "path: what" for line 0). */
void tv_kv_warn_add(tv_KvWarn *w, const char *path, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Appends " (and N more)" when more than one warning came in. */
void tv_kv_warn_finish(tv_KvWarn *w);

/* Keeps a corrupt file as path.bad (io/file.h) and says where in note: "a copy is kept
 * at X", "moved to X" or "no copy kept (why)". data NULL: too big to have been read. */
void tv_kv_keep_bad(const char *path, const char *data, size_t len, char *note, size_t notesize);

/* The shared start of a loader: reads path under cap and checks it is text. Returns 1
 * with *data (caller frees) when there is text to parse, 0 when the file is missing
 * (no warning), and -1 after adding a warning such as "<path>: the settings file is a
 * symbolic link...; using the default settings" (what = "settings file", fallback =
 * "using the default settings"); corrupt files are kept as .bad first. */
int tv_kv_load(const char *path, size_t cap, const char *what, const char *fallback, tv_KvWarn *w, char **data,
               size_t *len);

#endif
