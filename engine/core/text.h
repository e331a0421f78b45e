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

/* What makes a text unfit to show a player, as tv_text_check_display finds it. */
typedef enum tv_TextFault {
    TV_TEXT_OK,
    TV_TEXT_EMPTY,    /* len == 0 */
    TV_TEXT_TOO_LONG, /* len > max */
    TV_TEXT_NOT_UTF8, /* invalid UTF-8, or a NUL byte inside */
    TV_TEXT_CONTROL,  /* a C0 control other than '\n', or DEL */
    TV_TEXT_BIDI,     /* a bidi override or isolate (U+202A..U+202E, U+2066..U+2069) */
} tv_TextFault;

/* The one rule for text a player sees (prompts, options, titles), applied by the pack
 * worker when it reads a pack and again by the host when it decodes the worker's output.
 * Checks s[0..len) in the order of the enum and returns the first fault, or TV_TEXT_OK.
 * Bidi controls are refused because they can hide which option is which. */
tv_TextFault tv_text_check_display(const char *s, size_t len, size_t max);
/* The fault as the end of a sentence naming the text: "is empty", "is not valid UTF-8
 * text", "holds a control character"...; for TV_TEXT_TOO_LONG the caller says the sizes.
 * A static string. */
const char *tv_text_fault_name(tv_TextFault fault);

/* Folds s[0..len). On success returns a NUL-terminated string the caller frees with
 * tv_free(alloc, p, strlen(p) + 1); returns NULL on invalid UTF-8 or out of memory. */
char *tv_text_fold(tv_Alloc alloc, const char *s, size_t len);

/* True when both are valid UTF-8 and fold to the same text. */
bool tv_text_match(const char *a, const char *b);

#endif
