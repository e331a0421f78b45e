/* error.c - tv_Error helpers. Depends on: libc. */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void tv_copy_printable(char *dst, size_t size, const char *s)
{
    if (size == 0)
        return;
    size_t i = 0;
    for (; s && s[i] && i + 1 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        /* C0 controls and DEL; C1 controls are U+0080..U+009F, encoded as C2 80..C2 9F. */
        if (c < 0x20 || c == 0x7f)
            dst[i] = '?';
        else if (c == 0xC2 && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F &&
                 i + 2 < size) {
            dst[i] = '?';
            dst[++i] = '?';
        } else
            dst[i] = (char)c;
    }
    dst[i] = '\0';
}

bool tv_error_set(tv_Error *err, int code, const char *file, int line, const char *fmt, ...)
{
    if (!err)
        return false;
    char raw[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    err->code = code;
    tv_copy_printable(err->file, sizeof err->file, file ? file : "");
    err->line = line;
    tv_copy_printable(err->msg, sizeof err->msg, raw);
    return false;
}

void tv_error_format(const tv_Error *err, char *buf, size_t size)
{
    if (err->file[0] && err->line > 0)
        snprintf(buf, size, "%s:%d: %s", err->file, err->line, err->msg);
    else if (err->file[0])
        snprintf(buf, size, "%s: %s", err->file, err->msg);
    else
        snprintf(buf, size, "%s", err->msg);
}
