/* prefs.c - settings, high scores and question flags in the prefs folder.
 *
 * Trust boundary: the files are the player's own, but they may be hand-edited, cut
 * short by a crash or a full disk, or replaced by something that is not a file. Reading
 * opens with O_NOFOLLOW|O_NONBLOCK (no symbolic link is followed, a FIFO cannot hang
 * start-up), accepts only a regular file under a size cap, requires UTF-8 text and
 * parses numbers by hand (whole token, range-checked, no locale). A file that fails is
 * copied to <name>.bad before anything can save over it.
 * Writes are atomic (tv_file_write_atomic), except flags, which are appended one line
 * per write so that earlier flags are never rewritten.
 * Depends on: core (error), libc, POSIX. No SDL. Formats: docs/files.md. */
#include "prefs.h"

#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SETTINGS_MAX_BYTES (64u << 10)
#define SCORES_MAX_BYTES (1u << 20)
#define FLAGS_MAX_BYTES (16u << 20)
/* A corrupt file up to this size is copied to .bad; a bigger one is renamed there, so
 * keeping it can never fill the disk. */
#define BAD_COPY_MAX_BYTES (16u << 20)
#define FLAG_FIELD_MAX 256
#define SCORE_MAX 1000000000
#define ASKED_MAX 100000

/* {====================================================================== helpers */

typedef enum { READ_OK, READ_MISSING, READ_REFUSED, READ_TOO_BIG } ReadStatus;

/* Reads a whole regular file of at most cap bytes into a NUL-terminated buffer the
 * caller frees. why gets the reason for READ_REFUSED. */
static ReadStatus read_capped(const char *path, size_t cap, char **data, size_t *len, char *why, size_t whysize)
{
    *data = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return READ_MISSING;
        snprintf(why, whysize, "%s", errno == ELOOP ? "is a symbolic link, which is not followed" : strerror(errno));
        return READ_REFUSED;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        snprintf(why, whysize, "is not a regular file");
        return READ_REFUSED;
    }
    if (st.st_size > (off_t)cap) {
        close(fd);
        return READ_TOO_BIG;
    }
    /* One byte more than the cap, so a file that grew since fstat is caught. */
    char *buf = malloc(cap + 2);
    if (!buf) {
        close(fd);
        snprintf(why, whysize, "out of memory");
        return READ_REFUSED;
    }
    size_t got = 0;
    while (got < cap + 1) {
        ssize_t n = read(fd, buf + got, cap + 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            snprintf(why, whysize, "cannot be read: %s", strerror(errno));
            close(fd);
            free(buf);
            return READ_REFUSED;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (got > cap) {
        free(buf);
        return READ_TOO_BIG;
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
    return READ_OK;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

bool tv_file_write_atomic(const char *path, const char *data, size_t len, tv_Error *err)
{
    char tmp[4096], dir[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", path) >= (int)sizeof tmp)
        return tv_error_set(err, TV_ERR_IO, path, 0, "the path is too long");
    /* The temp file sits next to the target, so rename() stays on one filesystem and
     * replaces the old file in one step: a crash leaves the old or the new file, never
     * half of one. */
    int fd = mkstemp(tmp);
    if (fd < 0)
        return tv_error_set(err, TV_ERR_IO, path, 0, "cannot create a temporary file in its folder: %s",
                            strerror(errno));
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    const char *what = NULL;
    if (!write_all(fd, data, len))
        what = "cannot write";
    else if (fsync(fd) != 0)
        what = "cannot flush to disk";
    int e = errno;
    if (close(fd) != 0 && !what) {
        what = "cannot write";
        e = errno;
    }
    if (!what && rename(tmp, path) != 0) {
        what = "cannot replace the old file";
        e = errno;
    }
    if (what) {
        unlink(tmp);
        return tv_error_set(err, TV_ERR_IO, path, 0, "%s: %s", what, strerror(e));
    }
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        dir[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    /* Flushing the folder makes the rename itself durable. It is best effort: the new
     * file is already in place, and some filesystems refuse fsync on a folder. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    return true;
}

/* Length of the valid UTF-8 character at s (n bytes available), or 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n) { return tv_utf8_char_len((const char *)s, n); }

/* Copies s into dst (size bytes), dropping control characters, replacing invalid UTF-8
 * by '?', trimming spaces at both ends and cutting at a character boundary. What we
 * write must pass our own text check when it is read back. */
static void clean_copy(char *dst, size_t size, const char *s)
{
    size_t n = 0, len = strlen(s);
    for (size_t i = 0; i < len;) {
        const unsigned char *u = (const unsigned char *)s + i;
        size_t cl = utf8_len(u, len - i);
        if (cl == 1 && (u[0] < 0x20 || u[0] == 0x7F)) {
            i++;
            continue;
        }
        if (cl == 0) {
            u = (const unsigned char *)"?";
            cl = 1;
            i++;
        } else {
            i += cl;
        }
        if (n + cl >= size)
            break;
        if (n == 0 && cl == 1 && u[0] == ' ')
            continue;
        memcpy(dst + n, u, cl);
        n += cl;
    }
    while (n > 0 && dst[n - 1] == ' ')
        n--;
    dst[n] = '\0';
}

/* Line of the first byte that makes data not text (NUL, a control other than tab or
 * a CR before LF, invalid UTF-8), or 0 when it is all text. A leading BOM is allowed. */
static int not_text_line(const char *data, size_t len)
{
    int line = 1;
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len) {
        unsigned char c = (unsigned char)data[i];
        if (c == '\n') {
            line++, i++;
            continue;
        }
        if (c == '\r' && i + 1 < len && data[i + 1] == '\n') {
            i++;
            continue;
        }
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            return line;
        size_t n = utf8_len((const unsigned char *)data + i, len - i);
        if (!n)
            return line;
        i += n;
    }
    return 0;
}

/* Line iteration over text that passed not_text_line: yields each line without its
 * CR/LF and without blanks at either end. */
typedef struct Lines {
    const char *p, *end;
    int line;
} Lines;

static void lines_init(Lines *ls, const char *data, size_t len)
{
    ls->p = data;
    ls->end = data + len;
    ls->line = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        ls->p += 3;
}

static bool lines_next(Lines *ls, const char **s, size_t *n)
{
    if (ls->p >= ls->end)
        return false;
    const char *b = ls->p;
    const char *nl = memchr(b, '\n', (size_t)(ls->end - b));
    const char *e = nl ? nl : ls->end;
    ls->p = nl ? nl + 1 : ls->end;
    ls->line++;
    if (e > b && e[-1] == '\r')
        e--;
    while (b < e && (*b == ' ' || *b == '\t'))
        b++;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    *s = b;
    *n = (size_t)(e - b);
    return true;
}

/* "key = value": splits a line and checks the key's shape ([a-z0-9_]+). */
static bool split_kv(const char *s, size_t n, const char **key, size_t *keylen, const char **val, size_t *vallen)
{
    const char *eq = memchr(s, '=', n);
    if (!eq)
        return false;
    const char *ke = eq;
    while (ke > s && (ke[-1] == ' ' || ke[-1] == '\t'))
        ke--;
    if (ke == s)
        return false;
    for (const char *k = s; k < ke; k++)
        if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_'))
            return false;
    const char *v = eq + 1;
    while (v < s + n && (*v == ' ' || *v == '\t'))
        v++;
    *key = s, *keylen = (size_t)(ke - s);
    *val = v, *vallen = (size_t)(s + n - v);
    return true;
}

static bool token_is(const char *s, size_t n, const char *word) { return strlen(word) == n && memcmp(s, word, n) == 0; }

/* A whole token of decimal digits with an optional '-', in [min, max]. Parsed by hand:
 * strtol would accept "+5", " 5" and "5x" and depends on the locale. */
static bool parse_int(const char *s, size_t n, long long min, long long max, long long *out)
{
    size_t i = 0;
    bool neg = n > 0 && s[0] == '-';
    if (neg)
        i++;
    if (i == n || n - i > 12)
        return false;
    long long v = 0;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    v = neg ? -v : v;
    if (v < min || v > max)
        return false;
    *out = v;
    return true;
}

/* A value quoted in a warning: at most 40 bytes, cut at a character boundary. */
static void shown(char *dst, size_t size, const char *s, size_t n)
{
    size_t max = size - 4 < 40 ? size - 4 : 40, k = n < max ? n : max;
    while (k > 0 && k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    memcpy(dst, s, k);
    strcpy(dst + k, k < n ? "..." : "");
}

/* The first warning is kept in full; later ones are only counted, so the message the
 * player sees stays one line. */
typedef struct Warn {
    char *buf;
    size_t size;
    int count;
} Warn;

static void warn_init(Warn *w, char *buf, size_t size)
{
    w->buf = size ? buf : NULL;
    w->size = size;
    w->count = 0;
    if (w->buf)
        w->buf[0] = '\0';
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void warn_add(Warn *w, const char *path, int line, const char *fmt, ...)
{
    if (w->count++ || !w->buf)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        snprintf(w->buf, w->size, "%s:%d: %s", path, line, msg);
    else
        snprintf(w->buf, w->size, "%s: %s", path, msg);
}

static void warn_finish(Warn *w)
{
    if (w->count > 1 && w->buf) {
        size_t n = strlen(w->buf);
        snprintf(w->buf + n, w->size - n, " (and %d more)", w->count - 1);
    }
}

/* Keeps a corrupt file as path.bad and says where in note. data is its content when
 * already read; NULL for one too big to read under its cap. */
static void keep_bad(const char *path, const char *data, size_t len, char *note, size_t notesize)
{
    char bad[4096 + 8], why[128];
    if (snprintf(bad, sizeof bad, "%s.bad", path) >= (int)sizeof bad) {
        snprintf(note, notesize, "no copy kept (path too long)");
        return;
    }
    char *big = NULL;
    size_t biglen = 0;
    if (!data) {
        ReadStatus st = read_capped(path, BAD_COPY_MAX_BYTES, &big, &biglen, why, sizeof why);
        if (st == READ_TOO_BIG) {
            if (rename(path, bad) == 0)
                snprintf(note, notesize, "moved to %s", bad);
            else
                snprintf(note, notesize, "no copy kept (%s)", strerror(errno));
            return;
        }
        if (st != READ_OK) {
            snprintf(note, notesize, "no copy kept (it %s)", st == READ_MISSING ? "vanished" : why);
            return;
        }
        data = big, len = biglen;
    }
    tv_Error err = {0};
    if (tv_file_write_atomic(bad, data, len, &err))
        snprintf(note, notesize, "a copy is kept at %s", bad);
    else
        snprintf(note, notesize, "no copy kept (%s)", err.msg);
    free(big);
}

/* }====================================================================== */

/* {====================================================================== settings */

typedef enum { K_BOOL, K_INT, K_LANG } Kind;

/* One list drives loading, saving and docs/files.md's table, so they cannot drift. */
static const struct {
    const char *key;
    Kind kind;
    size_t off;
    int min, max;
} settings_keys[] = {
    {"time_points", K_BOOL, offsetof(tv_Settings, time_points), 0, 1},
    {"streak_bonus", K_BOOL, offsetof(tv_Settings, streak_bonus), 0, 1},
    {"lang", K_LANG, offsetof(tv_Settings, lang), 0, 0},
    {"count", K_INT, offsetof(tv_Settings, count), 5, 50},
    {"timer", K_BOOL, offsetof(tv_Settings, timer), 0, 1},
    {"timer_percent", K_INT, offsetof(tv_Settings, timer_percent), 50, 300},
    {"volume", K_INT, offsetof(tv_Settings, volume), 0, 100},
    {"mute", K_BOOL, offsetof(tv_Settings, mute), 0, 1},
    {"fullscreen", K_BOOL, offsetof(tv_Settings, fullscreen), 0, 1},
    {"text_size", K_INT, offsetof(tv_Settings, text_size), 0, 3},
    {"reduced_motion", K_BOOL, offsetof(tv_Settings, reduced_motion), 0, 1},
    {"colorblind", K_BOOL, offsetof(tv_Settings, colorblind), 0, 1},
    {"auto_advance", K_BOOL, offsetof(tv_Settings, auto_advance), 0, 1},
};
#define N_SETTINGS (sizeof settings_keys / sizeof settings_keys[0])

void tv_settings_default(tv_Settings *s)
{
    memset(s, 0, sizeof *s);
    s->time_points = true;
    s->streak_bonus = true;
    snprintf(s->lang, sizeof s->lang, "en");
    s->count = 10;
    s->timer = true;
    s->timer_percent = 100;
    s->volume = 70;
    s->text_size = 1;
}

bool tv_settings_equal(const tv_Settings *a, const tv_Settings *b)
{
    return a->time_points == b->time_points && a->streak_bonus == b->streak_bonus && strcmp(a->lang, b->lang) == 0 &&
           a->count == b->count && a->timer == b->timer && a->timer_percent == b->timer_percent &&
           a->volume == b->volume && a->mute == b->mute && a->fullscreen == b->fullscreen &&
           a->text_size == b->text_size && a->reduced_motion == b->reduced_motion && a->colorblind == b->colorblind &&
           a->auto_advance == b->auto_advance;
}

/* Same rule as the i18n loader: the code names a .po file, so only "en" / "pt_BR"
 * shapes are accepted. */
static bool valid_lang(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= 'a' && s[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return false;
    if (i == n)
        return true;
    return n == i + 3 && s[i] == '_' && s[i + 1] >= 'A' && s[i + 1] <= 'Z' && s[i + 2] >= 'A' && s[i + 2] <= 'Z';
}

static void describe_default(size_t k, const tv_Settings *def, char *out, size_t size)
{
    const char *field = (const char *)def + settings_keys[k].off;
    if (settings_keys[k].kind == K_BOOL)
        snprintf(out, size, "%s", *(const bool *)field ? "on" : "off");
    else if (settings_keys[k].kind == K_INT)
        snprintf(out, size, "%d", *(const int *)field);
    else
        snprintf(out, size, "%s", field);
}

/* Sets one setting from its text; false (and no change) when the value is bad. */
static bool set_value(tv_Settings *s, size_t k, const char *v, size_t n)
{
    char *field = (char *)s + settings_keys[k].off;
    switch (settings_keys[k].kind) {
    case K_BOOL:
        if (token_is(v, n, "on") || token_is(v, n, "off")) {
            *(bool *)field = token_is(v, n, "on");
            return true;
        }
        return false;
    case K_INT: {
        long long x;
        if (!parse_int(v, n, settings_keys[k].min, settings_keys[k].max, &x))
            return false;
        *(int *)field = (int)x;
        return true;
    }
    case K_LANG:
        if (!valid_lang(v, n))
            return false;
        memcpy(field, v, n);
        field[n] = '\0';
        return true;
    }
    return false;
}

static void reset_value(tv_Settings *s, size_t k)
{
    tv_Settings def;
    tv_settings_default(&def);
    char *field = (char *)s + settings_keys[k].off;
    const char *from = (const char *)&def + settings_keys[k].off;
    switch (settings_keys[k].kind) {
    case K_BOOL: *(bool *)field = *(const bool *)from; break;
    case K_INT: *(int *)field = *(const int *)from; break;
    case K_LANG: memcpy(field, from, sizeof s->lang); break;
    }
}

static void bad_value(Warn *w, const char *path, int line, size_t k, const char *v, size_t n)
{
    tv_Settings def;
    tv_settings_default(&def);
    char got[48], was[16];
    shown(got, sizeof got, v, n);
    describe_default(k, &def, was, sizeof was);
    const char *key = settings_keys[k].key;
    if (settings_keys[k].kind == K_BOOL)
        warn_add(w, path, line, "%s must be on or off, got '%s'; using %s", key, got, was);
    else if (settings_keys[k].kind == K_INT)
        warn_add(w, path, line, "%s must be a whole number from %d to %d, got '%s'; using %s", key,
                 settings_keys[k].min, settings_keys[k].max, got, was);
    else
        warn_add(w, path, line, "%s must be a language code like en or nl, got '%s'; using %s", key, got, was);
}

bool tv_settings_load(const char *path, tv_Settings *s, char *warn, size_t warnsize)
{
    Warn w;
    warn_init(&w, warn, warnsize);
    tv_settings_default(s);
    char *data, why[160], note[4200];
    size_t len;
    ReadStatus st = read_capped(path, SETTINGS_MAX_BYTES, &data, &len, why, sizeof why);
    if (st == READ_MISSING)
        return true;
    if (st == READ_REFUSED) {
        warn_add(&w, path, 0, "the settings file %s; using the default settings", why);
        return false;
    }
    if (st == READ_TOO_BIG) {
        keep_bad(path, NULL, 0, note, sizeof note);
        warn_add(&w, path, 0, "larger than %u KiB, so not a settings file; using the default settings, %s",
                 SETTINGS_MAX_BYTES / 1024, note);
        return false;
    }
    int bad_line = not_text_line(data, len);
    if (bad_line) {
        keep_bad(path, data, len, note, sizeof note);
        warn_add(&w, path, bad_line, "not text; using the default settings, %s", note);
        free(data);
        return false;
    }
    tv_Settings got = *s;
    Lines ls;
    lines_init(&ls, data, len);
    const char *line, *key, *val;
    size_t n, keylen, vallen;
    while (lines_next(&ls, &line, &n)) {
        if (n == 0 || line[0] == '#')
            continue;
        if (!split_kv(line, n, &key, &keylen, &val, &vallen)) {
            char text[48];
            shown(text, sizeof text, line, n);
            keep_bad(path, data, len, note, sizeof note);
            warn_add(&w, path, ls.line, "expected 'key = value', got '%s'; using the default settings, %s", text,
                     note);
            free(data);
            return false;
        }
        /* Unknown keys are skipped, so a settings file from a newer version still loads. */
        for (size_t k = 0; k < N_SETTINGS; k++)
            if (token_is(key, keylen, settings_keys[k].key) && !set_value(&got, k, val, vallen)) {
                /* A bad value restores that key's default, even over an earlier good
                 * line for the same key: the last line is the one the player edited. */
                reset_value(&got, k);
                bad_value(&w, path, ls.line, k, val, vallen);
            }
    }
    free(data);
    *s = got;
    warn_finish(&w);
    return w.count == 0;
}

bool tv_settings_save(const char *path, const tv_Settings *s, tv_Error *err)
{
    char buf[2048];
    size_t n = (size_t)snprintf(buf, sizeof buf, "# Trivium settings (format: docs/files.md)\n");
    for (size_t k = 0; k < N_SETTINGS; k++) {
        const char *field = (const char *)s + settings_keys[k].off;
        char v[16];
        if (settings_keys[k].kind == K_BOOL)
            snprintf(v, sizeof v, "%s", *(const bool *)field ? "on" : "off");
        else if (settings_keys[k].kind == K_INT)
            snprintf(v, sizeof v, "%d", *(const int *)field);
        else
            snprintf(v, sizeof v, "%.7s", field);
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s = %s\n", settings_keys[k].key, v);
    }
    return tv_file_write_atomic(path, buf, n, err);
}

/* }====================================================================== */

/* {====================================================================== scores */

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
        size_t cl = utf8_len((const unsigned char *)s + i, n - i);
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
    clean_copy(e.name, sizeof e.name, entry->name);
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
    Lines ls;
    lines_init(&ls, data, len);
    const char *line, *key, *val;
    size_t n, keylen, vallen;
    bool seen_version = false, seen_end = false;
    tv_ScoreTable *t = NULL;
    while (lines_next(&ls, &line, &n)) {
        *bad_line = ls.line;
        if (n == 0 || line[0] == '#')
            continue;
        if (seen_end)
            return fail_why(why, whysize, "text after the 'end' line");
        if (!split_kv(line, n, &key, &keylen, &val, &vallen))
            return fail_why(why, whysize, "expected 'key = value'");
        const char *vend = val + vallen;
        if (!seen_version) {
            long long v;
            if (!token_is(key, keylen, "scores") || !parse_int(val, vallen, 1, 1, &v))
                return fail_why(why, whysize, "expected 'scores = 1' first");
            seen_version = true;
        } else if (token_is(key, keylen, "table")) {
            if (!valid_key(val, vallen))
                return fail_why(why, whysize, "a table key is one word of at most 255 bytes");
            char k[256];
            memcpy(k, val, vallen);
            k[vallen] = '\0';
            if (tv_scores_find(out, k))
                return fail_why(why, whysize, "table '%s' appears twice", k);
            if (!(t = add_table(out, val, vallen)))
                return fail_why(why, whysize, "out of memory");
        } else if (token_is(key, keylen, "entry")) {
            if (!t)
                return fail_why(why, whysize, "an entry before any 'table' line");
            if (t->n == TV_SCORES_PER_TABLE)
                return fail_why(why, whysize, "more than %d entries in table '%s'", TV_SCORES_PER_TABLE, t->key);
            const char *p = val, *tok;
            size_t tn;
            long long score, correct, asked;
            if (!next_token(&p, vend, &tok, &tn) || !parse_int(tok, tn, 0, SCORE_MAX, &score) ||
                !next_token(&p, vend, &tok, &tn) || !parse_int(tok, tn, 0, ASKED_MAX, &correct) ||
                !next_token(&p, vend, &tok, &tn) || !parse_int(tok, tn, correct, ASKED_MAX, &asked))
                return fail_why(why, whysize, "expected 'entry = SCORE CORRECT ASKED NAME' with 0 <= CORRECT <= ASKED");
            tv_ScoreEntry e = {.score = (int)score, .correct = (int)correct, .asked = (int)asked};
            while (p < vend && (*p == ' ' || *p == '\t'))
                p++;
            char name[sizeof e.name * 4];
            size_t nn = (size_t)(vend - p) < sizeof name - 1 ? (size_t)(vend - p) : sizeof name - 1;
            memcpy(name, p, nn);
            name[nn] = '\0';
            clean_copy(e.name, sizeof e.name, name);
            /* Sorted on the way in, so a hand-edited table in any order still loads. */
            insert_entry(t, &e);
        } else if (token_is(key, keylen, "end")) {
            long long count;
            if (!parse_int(val, vallen, 0, INT32_MAX, &count) || count != out->n)
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
    Warn w;
    warn_init(&w, warn, warnsize);
    memset(scores, 0, sizeof *scores);
    char *data, why[160], note[4200];
    size_t len;
    ReadStatus st = read_capped(path, SCORES_MAX_BYTES, &data, &len, why, sizeof why);
    if (st == READ_MISSING)
        return true;
    if (st == READ_REFUSED) {
        warn_add(&w, path, 0, "the high-score file %s; starting without high scores", why);
        return false;
    }
    if (st == READ_TOO_BIG) {
        keep_bad(path, NULL, 0, note, sizeof note);
        warn_add(&w, path, 0, "larger than %u KiB, so not a high-score file; starting without high scores, %s",
                 SCORES_MAX_BYTES / 1024, note);
        return false;
    }
    int bad_line = not_text_line(data, len);
    if (bad_line)
        snprintf(why, sizeof why, "not text");
    else if (parse_scores(data, len, scores, &bad_line, why, sizeof why)) {
        free(data);
        return true;
    }
    tv_scores_free(scores);
    keep_bad(path, data, len, note, sizeof note);
    warn_add(&w, path, bad_line, "%s; starting without high scores, %s", why, note);
    free(data);
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
            clean_copy(name, sizeof name, e->name);
            n += (size_t)snprintf(buf + n, cap - n, "entry = %d %d %d %s\n", e->score, e->correct, e->asked, name);
        }
    }
    n += (size_t)snprintf(buf + n, cap - n, "\nend = %d\n", scores->n);
    bool ok = tv_file_write_atomic(path, buf, n, err);
    free(buf);
    return ok;
}

/* }====================================================================== */

/* {====================================================================== flags */

static bool valid_reason(const char *r) { return strcmp(r, "wrong") == 0 || strcmp(r, "unclear") == 0; }

/* Appends s without tabs, newlines or other controls, so a field can never split the
 * line; at most FLAG_FIELD_MAX bytes. */
static size_t put_field(char *dst, const char *s)
{
    size_t n = 0, len = strlen(s);
    for (size_t i = 0; i < len && n < FLAG_FIELD_MAX;) {
        const unsigned char *u = (const unsigned char *)s + i;
        size_t cl = utf8_len(u, len - i);
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
    bool ok = write_all(fd, line + start, n - start) && fsync(fd) == 0;
    int e = errno;
    if (close(fd) != 0 && ok)
        ok = false, e = errno;
    if (!ok)
        return tv_error_set(err, TV_ERR_IO, path, 0, "cannot write the flags file: %s", strerror(e));
    return true;
}

int tv_flags_list(const char *path, void (*fn)(void *ud, const char *const fields[5]), void *ud, tv_Error *err)
{
    char *data, why[160];
    size_t len;
    ReadStatus st = read_capped(path, FLAGS_MAX_BYTES, &data, &len, why, sizeof why);
    if (st == READ_MISSING)
        return 0;
    if (st != READ_OK) {
        if (st == READ_TOO_BIG)
            snprintf(why, sizeof why, "is larger than %u MiB", FLAGS_MAX_BYTES >> 20);
        tv_error_set(err, TV_ERR_IO, path, 0, "the flags file %s", why);
        return -1;
    }
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
                shown(got, sizeof got, fields[4], strlen(fields[4]));
                tv_error_set(err, TV_ERR_IO, path, lineno, "the reason must be 'wrong' or 'unclear', got '%s'", got);
            }
            free(data);
            return -1;
        }
        /* The caller prints these: a hand-edited escape sequence or broken UTF-8 must
         * not reach a terminal. */
        for (char *c = p; c < end;) {
            size_t cl = utf8_len((const unsigned char *)c, (size_t)(end - c));
            if (*c && (cl == 0 || (unsigned char)*c < 0x20 || *c == 0x7F))
                *c = '?', cl = 1;
            c += cl ? cl : 1;
        }
        fn(ud, fields);
        count++;
        p = next;
    }
    free(data);
    return count;
}

/* }====================================================================== */
