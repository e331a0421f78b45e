/* exchange.h - questions to and from other quiz formats: Open Trivia DB JSON, Moodle GIFT,
 * Aiken, CSV and Trivium's own JSON, plus a writer of readable pack.lua files.
 *
 * Every format goes through one neutral list (tv_XList) of tv_Question in one language.
 * Readers take untrusted bytes with explicit lengths; anything a format cannot carry into
 * Trivium (or Trivium into the format) is reported through a tv_XSkip callback with its
 * line or question id, never failing the whole file. docs/exchange.md describes each
 * format as implemented.
 * Depends on: core (question, alloc, error, text) and cJSON. Never Lua, SDL or the plugin
 * host: the app hands questions in and writes files out. */
#ifndef TV_EXCHANGE_H
#define TV_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/alloc.h"
#include "core/error.h"
#include "core/question.h"

typedef enum tv_XFormat {
    TV_X_OPENTDB,
    TV_X_GIFT,
    TV_X_AIKEN,
    TV_X_CSV,
    TV_X_JSON,
} tv_XFormat;

/* "opentdb", "gift", "aiken", "csv", "json". */
const char *tv_xformat_name(tv_XFormat f);
/* False when name is none of those. */
bool tv_xformat_parse(const char *name, tv_XFormat *out);

/* Reading limits: more than this is an error for the file, not a skip. */
#define TV_X_MAX_INPUT (16u << 20)
#define TV_X_MAX_QUESTIONS 2000 /* a pack's limit (docs/pack-api.md) */

/* A source as a pack declares it; "" for absent fields. */
typedef struct tv_XSource {
    const char *key, *publisher, *title, *date, *url;
} tv_XSource;

/* The neutral list. Every string is owned by arena; line[i] is where questions[i]
 * started in the file it was read from (0 when not read from a file). */
typedef struct tv_XList {
    tv_Arena arena;
    const char *pack; /* pack id the questions came from, "" when unknown */
    const char *lang; /* the language their texts are in */
    int n, cap;
    tv_Question *questions;
    int *line;
    int n_sources;
    tv_XSource *sources;
} tv_XList;

void tv_xlist_init(tv_XList *list, tv_Alloc alloc);
/* Releases everything; safe on a zeroed list and safe to call twice. */
void tv_xlist_free(tv_XList *list);
/* Appends a zeroed question with the defaults of docs/pack-api.md (difficulty 1, 20 s,
 * category "General", every optional text ""). NULL when out of memory or full. */
tv_Question *tv_xlist_add(tv_XList *list, int line);
/* Copies s[0..n) into the list's arena; NULL when out of memory. */
char *tv_xlist_str(tv_XList *list, const char *s, size_t n);
/* Copies questions (their strings too) and sources into list. False when out of memory. */
bool tv_xlist_copy(tv_XList *list, const tv_Question *q, int n, const tv_XSource *src, int n_src);

/* Told about each item left out: line (reading; 0 when writing), the question id when
 * known, and why, as a phrase ("matching questions have no Trivium type"). */
typedef void (*tv_XSkip)(void *ud, int line, const char *qid, const char *why);

/* A growing output buffer. */
typedef struct tv_XBuf {
    tv_Alloc alloc;
    char *data; /* NUL-terminated when not NULL */
    size_t len, cap;
    bool failed; /* out of memory at some append; data holds what came before */
} tv_XBuf;

void tv_xbuf_init(tv_XBuf *b, tv_Alloc alloc);
void tv_xbuf_free(tv_XBuf *b); /* safe twice */
void tv_xbuf_add(tv_XBuf *b, const char *s, size_t n);
void tv_xbuf_puts(tv_XBuf *b, const char *s);
void tv_xbuf_printf(tv_XBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Reads data[0..len) in format f into list (which must be initialised), calling skip for
 * every item left out. name is the file's name for errors. Fails with TV_ERR_IO, naming
 * name and the line, only when the file as a whole cannot be read (not UTF-8, not JSON,
 * not the format's outer shape, too big) or with TV_ERR_NOMEM. */
bool tv_xread(tv_XFormat f, const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
              tv_Error *err);

/* Writes list in format f to out, calling skip for every question the format cannot
 * hold. False only when out of memory. */
bool tv_xwrite(tv_XFormat f, const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud);

/* Writes a pack.lua for list: id, a title, languages, the sources, and one quiz.*{...}
 * call per question, texts as plain strings. comment (may be NULL) goes in the file's
 * opening lines. False when out of memory. */
bool tv_xwrite_lua(const tv_XList *list, const char *id, const char *comment, tv_XBuf *out);

/* The per-format halves, for tests and the fuzzer (exchange_*.c). */
bool tv_xread_opentdb(const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
                      tv_Error *err);
bool tv_xread_gift(const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
                   tv_Error *err);
bool tv_xread_aiken(const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
                    tv_Error *err);
bool tv_xread_csv(const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
                  tv_Error *err);
bool tv_xread_json(const char *name, const char *data, size_t len, tv_XList *list, tv_XSkip skip, void *ud,
                   tv_Error *err);
void tv_xwrite_opentdb(const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud);
void tv_xwrite_gift(const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud);
void tv_xwrite_aiken(const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud);
void tv_xwrite_csv(const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud);
void tv_xwrite_json(const tv_XList *list, tv_XBuf *out, tv_XSkip skip, void *ud);

/* {====================================================================== for the readers */

/* Text limits of the pack rules (engine/plugin/worker/convert.c), so an import lints. */
#define TV_X_MAX_PROMPT 1000 /* prompt and explain */
#define TV_X_MAX_TEXT 300    /* options, items, answers */
#define TV_X_MAX_CATEGORY 60
#define TV_X_MAX_UNIT 40
#define TV_X_MAX_ID 100

/* Checks a text read from outside before it becomes a question's: valid UTF-8, not
 * empty after trimming blanks, at most max bytes, no control characters (newline only
 * when allow_newline) and no bidi controls: the pack rules. Returns the trimmed copy in
 * the list's arena, or NULL with *why set to a static phrase. */
const char *tv_xlist_text(tv_XList *list, const char *s, size_t n, size_t max, bool allow_newline, const char **why);

/* Settles the question just added (the last one): when why is not NULL (the reader's
 * reason for not taking it), or when it breaks a pack rule a format cannot be trusted
 * with (option counts, distinct options, a finite number), it is removed and reported
 * through skip with its line. Returns whether it was kept. */
bool tv_xlist_keep(tv_XList *list, const char *why, tv_XSkip skip, void *ud);

/* Why tv_xlist_add returned NULL, as the reader's error: more questions than a pack may
 * hold (TV_ERR_IO) or out of memory. Returns false. */
bool tv_xlist_add_failed(const tv_XList *list, const char *name, int line, tv_Error *err);

/* Gives every question without an id one ("q" and its position) and makes repeated
 * ids unique with "-2", "-3", ... so the written pack has no duplicate ids. False when
 * out of memory. */
bool tv_xlist_finish_ids(tv_XList *list);

/* The shortest plain decimal (no exponent) that reads back as exactly v, so numbers
 * survive a round trip through any text format; v is within +-1e15 (the readers' limit).
 * buf needs 48 bytes. */
void tv_xnumber(char *buf, size_t size, double v);

/* Offset of the first needle in data[from..len), or len. With tv_xlines, how the JSON
 * readers name a line: cJSON keeps no positions. */
size_t tv_xfind(const char *data, size_t len, size_t from, const char *needle);
/* Newlines in data[from..to). */
int tv_xlines(const char *data, size_t from, size_t to);

/* }====================================================================== */

#endif
