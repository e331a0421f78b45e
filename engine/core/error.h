/* error.h - errors about bad input, carried as data.
 *
 * Misuse of our own API is an assert; bad input (a pack, an answer script, a flag, a
 * file) becomes a tv_Error returned to the caller, naming the input's file and line.
 * Only engine/app turns a tv_Error into an exit code and prints it.
 * Depends on: libc only. */
#ifndef TV_ERROR_H
#define TV_ERROR_H

#include <stdbool.h>
#include <stddef.h>

typedef enum tv_ErrorCode {
    TV_ERR_NONE = 0,
    TV_ERR_USAGE = 2,  /* a flag or value on the command line */
    TV_ERR_PACK = 3,   /* a pack failed to load */
    TV_ERR_SCRIPT = 4, /* an answer script is wrong */
    TV_ERR_IO = 5,     /* a file could not be read or written */
    TV_ERR_NOMEM = 6,
} tv_ErrorCode;

typedef struct tv_Error {
    int code;       /* tv_ErrorCode */
    char file[256]; /* the input at fault ("" when none) */
    int line;       /* 1-based line in that input, 0 when unknown */
    char msg[1024];
} tv_Error;

/* Fills err (when not NULL) and returns false, so failing functions can end with
 * `return tv_error_set(...)`. Control characters in the message are replaced by '?'
 * so hostile input cannot drive the terminal that shows it. */
bool tv_error_set(tv_Error *err, int code, const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Formats "file:line: msg", "file: msg" or "msg" into buf (always NUL-terminated). */
void tv_error_format(const tv_Error *err, char *buf, size_t size);

/* Copies at most size-1 bytes of s into dst, replacing C0/C1 controls (except none) by '?'. */
void tv_copy_printable(char *dst, size_t size, const char *s);

#endif
