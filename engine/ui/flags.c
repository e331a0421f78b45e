/* flags.c - flags.tsv: questions players flagged on the reveal screen (see prefs.h,
 * docs/files.md), read back by `trivium flags`.
 *
 * Appended one line per write (O_APPEND, then fsync) rather than rewritten, so an
 * earlier flag is never lost and two games flagging at once cannot interleave.
 * Fields are stripped of tabs and controls on the way in, and of escape sequences on
 * the way out, since `trivium flags` prints them to a terminal.
 * Depends on: kvtext, io (file), core (text, error), libc, POSIX. No SDL. */
#include "ui/prefs.h"

#include "io/file.h"
#include "ui/kvtext.h"
#include "core/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FLAGS_MAX_BYTES (16u << 20)
#define FLAG_FIELD_MAX 256

static bool valid_reason(const char *r) { return strcmp(r, "wrong") == 0 || strcmp(r, "unclear") == 0; }

/* Appends s without tabs, newlines or other controls, so a field can never split the
 * line; at most FLAG_FIELD_MAX bytes. */
static size_t put_field(char *dst, const char *s)
{
    size_t n = 0, len = strlen(s);
    for (size_t i = 0; i < len && n < FLAG_FIELD_MAX;) {
        const unsigned char *u = (const unsigned char *)s + i;
        size_t cl = tv_utf8_char_len((const char *)u, len - i);
        if (cl == 1 && (u[0] < 0x20 || u[0] == 0x7F)) {
            i++;
            continue;
        }
        if (!cl) {
            dst[n++] = '?';
            i++;
            continue;
        }
        if (n + cl > FLAG_FIELD_MAX)
            break;
        memcpy(dst + n, u, cl);
        n += cl, i += cl;
    }
    return n;
}

bool tv_flags_append(const char *path, const char *pack, const char *id, const char *version, const char *lang,
                     const char *reason, tv_Error *err)
{
    if (!valid_reason(reason))
        return tv_error_set(err, TV_ERR_USAGE, path, 0, "flag reason must be 'wrong' or 'unclear', got '%s'", reason);
    char line[1 + 5 * (FLAG_FIELD_MAX + 1)];
    size_t n = 1; /* line[0] is for a newline the previous writer may have lost */
    const char *fields[5] = {pack, id, version, lang, reason};
    for (int i = 0; i < 5; i++) {
        n += put_field(line + n, fields[i] ? fields[i] : "");
        line[n++] = i < 4 ? '\t' : '\n';
    }
    /* Read-write only to look at the last byte below. */
    int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    if (fd < 0)
        return tv_error_set(err, TV_ERR_IO, path, 0, "cannot open the flags file: %s",
                            errno == ELOOP ? "it is a symbolic link" : strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return tv_error_set(err, TV_ERR_IO, path, 0, "the flags file is not a regular file");
    }
    /* A crash in an earlier append can leave a line without its newline; start a fresh
     * line so this flag is not glued onto it. */
    char last = '\n';
    if (st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) != 1)
        last = '\n';
    size_t start = last == '\n' ? 1 : 0;
    line[0] = '\n';
    /* One write per flag: with O_APPEND, two games flagging at once cannot interleave. */
    bool ok = tv_file_write_all(fd, line + start, n - start) && fsync(fd) == 0;
    int e = errno;
    if (close(fd) != 0 && ok)
        ok = false, e = errno;
    if (!ok)
        return tv_error_set(err, TV_ERR_IO, path, 0, "cannot write the flags file: %s", strerror(e));
    return true;
}

/* Calls fn for each flag of data (len bytes plus a NUL, changed in place). */
static int list_flags(const char *path, char *data, size_t len, void (*fn)(void *ud, const char *const fields[5]),
                      void *ud, tv_Error *err)
{
    int count = 0, lineno = 0;
    for (char *p = data; p < data + len;) {
        char *nl = memchr(p, '\n', (size_t)(data + len - p));
        char *end = nl ? nl : data + len;
        char *next = nl ? nl + 1 : data + len;
        lineno++;
        if (end > p && end[-1] == '\r')
            end--;
        *end = '\0';
        if (end == p) {
            p = next;
            continue;
        }
        const char *fields[5];
        int nf = 0;
        for (char *f = p;; nf++) {
            char *tab = strchr(f, '\t');
            if (nf < 5)
                fields[nf] = f;
            if (!tab) {
                nf++;
                break;
            }
            *tab = '\0';
            f = tab + 1;
        }
        if (nf != 5 || !valid_reason(fields[4])) {
            char got[48];
            if (nf != 5) {
                tv_error_set(err, TV_ERR_IO, path, lineno,
                             "expected 5 tab-separated fields (pack, id, version, language, reason), got %d", nf);
            } else {
                tv_kv_shown(got, sizeof got, fields[4], strlen(fields[4]));
                tv_error_set(err, TV_ERR_IO, path, lineno, "the reason must be 'wrong' or 'unclear', got '%s'", got);
            }
            return -1;
        }
        /* The caller prints these: a hand-edited escape sequence or broken UTF-8 must
         * not reach a terminal. */
        for (char *c = p; c < end;) {
            size_t cl = tv_utf8_char_len(c, (size_t)(end - c));
            if (*c && (cl == 0 || (unsigned char)*c < 0x20 || *c == 0x7F))
                *c = '?', cl = 1;
            else if (cl == 2 && (unsigned char)c[0] == 0xC2 && (unsigned char)c[1] <= 0x9F)
                c[0] = c[1] = '?'; /* a C1 control (U+0080..U+009F; CSI is U+009B) */
            c += cl ? cl : 1;
        }
        fn(ud, fields);
        count++;
        p = next;
    }
    return count;
}

int tv_flags_list(const char *path, void (*fn)(void *ud, const char *const fields[5]), void *ud, tv_Error *err)
{
    char *data;
    size_t len;
    tv_Error rerr = {0};
    tv_FileStatus st = tv_file_read(path, FLAGS_MAX_BYTES, 0, &data, &len, &rerr);
    if (st == TV_FILE_MISSING)
        return 0;
    if (st != TV_FILE_OK) {
        if (st == TV_FILE_TOO_BIG)
            snprintf(rerr.msg, sizeof rerr.msg, "is larger than %u MiB", FLAGS_MAX_BYTES >> 20);
        tv_error_set(err, TV_ERR_IO, path, 0, "the flags file %s", rerr.msg);
        return -1;
    }
    int count = list_flags(path, data, len, fn, ud, err);
    free(data);
    return count;
}

int tv_flags_parse(const char *name, const char *data, size_t len, void (*fn)(void *ud, const char *const fields[5]),
                   void *ud, tv_Error *err)
{
    if (len > FLAGS_MAX_BYTES)
        return tv_error_set(err, TV_ERR_IO, name, 0, "the flags file is larger than %u MiB", FLAGS_MAX_BYTES >> 20), -1;
    char *copy = malloc(len + 1);
    if (!copy)
        return tv_error_set(err, TV_ERR_NOMEM, name, 0, "out of memory"), -1;
    memcpy(copy, data, len);
    copy[len] = '\0';
    int count = list_flags(name, copy, len, fn, ud, err);
    free(copy);
    return count;
}
