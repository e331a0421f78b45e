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

#include "core/alloc.h"

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

/* {====================================================================== small shared rules */

/* 3 when s[0..n) starts with a UTF-8 byte order mark, else 0: how many bytes to skip.
 * Every text format we read accepts one, because some editors write it. */
size_t tv_text_bom_len(const char *s, size_t n);

/* True when s[0..n) is a language code of the shape "en", "nap" or "pt_BR": 2-3 of a-z,
 * optionally '_' and 2 of A-Z. The code names a .po file, so no '/' or '.' can pass. */
bool tv_text_lang_valid(const char *s, size_t n);

/* Removes the last UTF-8 character (all of its bytes) from the NUL-terminated s, as a
 * backspace does; returns the new length. An empty s stays empty. */
size_t tv_utf8_drop_last(char *s);

/* Options for tv_text_parse_number. */
enum {
    TV_NUMBER_PLUS = 1,     /* a leading '+' is allowed ('-' always is) */
    TV_NUMBER_FRACTION = 2, /* a '.' and decimals are allowed: "2.5", "2.", ".5" */
};
/* Parses the whole of s[0..n) as a plain decimal number: an optional sign, digits, and
 * (with TV_NUMBER_FRACTION) a fraction. No blanks, exponents, hex, inf or nan, and no
 * locale: '.' is the only decimal point, whatever LC_NUMERIC says. At most 18
 * significant digits before the point. Returns false and leaves *out alone otherwise. */
bool tv_text_parse_number(const char *s, size_t n, unsigned opts, double *out);

/* }====================================================================== */

/* The entry of the NULL-terminated names closest to word by edit distance (letters
 * compared case-insensitively), when it is close enough to be the name meant (at most 2
 * edits, and fewer than half the word's length); NULL otherwise. For "did you mean". */
const char *tv_text_closest(const char *word, const char *const *names);

#endif
