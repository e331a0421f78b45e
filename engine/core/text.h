/* text.h - UTF-8 checks and the folding used to compare typed answers.
 *
 * Two texts match when their folded forms are equal. Folding (utf8proc): compatibility
 * decomposition, Unicode case folding, marks stripped (so "Šehović" folds like
 * "sehovic"), default-ignorable code points dropped, look-alike spaces and dashes lumped,
 * then runs of white space collapsed to one space and the ends trimmed.
 * Depends on: libc and utf8proc; never SDL or Lua. Input is untrusted: every function
 * takes explicit lengths and rejects invalid UTF-8. */
#ifndef TV_TEXT_H
#define TV_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"

/* True when s[0..len) is valid UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
bool tv_utf8_valid(const char *s, size_t len);

/* Byte length of the one valid UTF-8 character at s (n bytes available), or 0 when the
 * bytes there are not valid UTF-8 (overlong, surrogate, past U+10FFFF, truncated). */
size_t tv_utf8_char_len(const char *s, size_t n);

/* Folds s[0..len). On success returns a NUL-terminated string the caller frees with
 * tv_free(alloc, p, strlen(p) + 1); returns NULL on invalid UTF-8 or out of memory. */
char *tv_text_fold(tv_Alloc alloc, const char *s, size_t len);

/* True when both are valid UTF-8 and fold to the same text. */
bool tv_text_match(const char *a, const char *b);

#endif
