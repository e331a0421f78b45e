/* po.h - the .po parser and printf-conversion checks behind i18n.c, also linked into
 * the build tool that compiles en.po into the built-in English table (po2c.c).
 * Internal to the i18n module: callers outside it use i18n.h.
 * Depends on: core (error, text), io (file), libc. No SDL. */
#ifndef TV_PO_H
#define TV_PO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

typedef struct tv_PoEntry {
    char *key, *text;
    int id_line, str_line;
} tv_PoEntry;

/* The entries of one file in file order; the header entry (msgid "") is not kept. */
typedef struct tv_Po {
    tv_PoEntry *v;
    int n, cap;
} tv_Po;

/* Parses data[0..len) (any bytes; need not be NUL-terminated) into po; name is the
 * file name used in errors. False with err set (name:line: what) and po empty. */
bool tv_po_parse(const char *name, const char *data, size_t len, tv_Po *po, tv_Error *err);
/* Reads path (at most 1 MiB, regular file, links followed) and parses it. */
bool tv_po_load(const char *path, tv_Po *po, tv_Error *err);
void tv_po_free(tv_Po *po);
/* qsort order: by key, then by line. */
int tv_po_cmp_entry(const void *a, const void *b);

/* The next printf conversion at or after *p: 'd', 's', '?' for anything else, or 0 at
 * the end; "%%" is a literal and skipped. */
char tv_po_next_conversion(const char **p);
/* Only %d, %s and %%. */
bool tv_po_conversions_valid(const char *s);
/* The same conversions in the same order. */
bool tv_po_conversions_equal(const char *a, const char *b);
/* s's conversions are exactly want, a string like "dd" or "s" ("" for none). */
bool tv_po_conversions_are(const char *s, const char *want);
/* "%d %s" for messages; "none" when the string has none. */
void tv_po_describe_conversions(const char *s, char *out, size_t size);

#endif
