/* answers.c - answer-script parser.
 * Trust boundary: untrusted bytes in, bounded by explicit lengths; no locale use.
 * Depends on: core (error, alloc, text), io (file: reading a script whole). */
#include "runner/answers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/file.h"
#include "core/text.h"

static bool is_space(char c) { return c == ' ' || c == '\t'; }

static bool fail(tv_Script *sc, int line, tv_Error *err, const char *what, const char *tok, size_t toklen)
{
    char shown[64];
    size_t n = toklen < sizeof shown - 4 ? toklen : sizeof shown - 4;
    memcpy(shown, tok, n);
    strcpy(shown + n, toklen > n ? "..." : "");
    return tv_error_set(err, TV_ERR_SCRIPT, sc->name, line, "%s: '%s'", what, shown);
}

static bool lower_eq(const char *s, size_t n, const char *word)
{
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

/* A plain decimal: [+-]? digits [. digits]? (or .digits), nothing else. The answer
 * format is fixed, so core parses it by hand and never depends on LC_NUMERIC. */
static bool parse_decimal(const char *s, size_t n, double *out)
{
    return tv_text_parse_number(s, n, TV_NUMBER_PLUS | TV_NUMBER_FRACTION, out);
}

/* @SECONDS as whole milliseconds, rounded half up, without floating point. */
static bool parse_seconds(const char *s, size_t n, int64_t *ms)
{
    size_t i = 0;
    int64_t whole = 0;
    int digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        whole = whole * 10 + (s[i] - '0');
        if (whole > TV_SCRIPT_MAX_SECONDS)
            return false;
        digits++, i++;
    }
    int64_t frac = 0;
    int fdigits = 0;
    bool round_up = false;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (fdigits < 3)
                frac = frac * 10 + (s[i] - '0');
            else if (fdigits == 3)
                round_up = s[i] >= '5';
            fdigits++, digits++, i++;
        }
    }
    if (i != n || digits == 0)
        return false;
    for (int f = fdigits; f < 3; f++)
        frac *= 10;
    *ms = whole * 1000 + frac + round_up;
    return true;
}

static bool parse_line(tv_Script *sc, int lineno, const char *s, size_t n, tv_Error *err)
{
    tv_Step st = {.line = lineno};
    st.raw = tv_arena_strndup(&sc->arena, s, n);
    if (!st.raw)
        return tv_error_set(err, TV_ERR_NOMEM, sc->name, lineno, "out of memory");
    if (!tv_utf8_valid(s, n))
        return tv_error_set(err, TV_ERR_SCRIPT, sc->name, lineno, "the line is not valid UTF-8");

    /* Optional leading 5050. */
    if (n >= 4 && memcmp(s, "5050", 4) == 0 && (n == 4 || is_space(s[4]))) {
        st.lifeline = true;
        s += 4, n -= 4;
        while (n && is_space(*s))
            s++, n--;
        if (n == 0)
            return fail(sc, lineno, err, "5050 must be followed by an answer", st.raw, strlen(st.raw));
    }
    /* Optional trailing @SECONDS: the last token, when it starts with '@'. */
    size_t end = n;
    size_t tok = end;
    while (tok > 0 && !is_space(s[tok - 1]))
        tok--;
    if (tok < end && s[tok] == '@') {
        if (!parse_seconds(s + tok + 1, end - tok - 1, &st.t_ms))
            return fail(sc, lineno, err, "a time must be @SECONDS, a number from 0 to 100000", s + tok, end - tok);
        n = tok;
        while (n && is_space(s[n - 1]))
            n--;
        if (n == 0)
            return fail(sc, lineno, err, "a time needs an answer before it", st.raw, strlen(st.raw));
    }

    if (s[0] == '=') {
        st.kind = TV_STEP_TEXT;
        st.text = tv_arena_strndup(&sc->arena, s + 1, n - 1);
        if (!st.text)
            return tv_error_set(err, TV_ERR_NOMEM, sc->name, lineno, "out of memory");
    } else {
        for (size_t i = 0; i < n; i++)
            if (is_space(s[i]))
                return fail(sc, lineno, err, "expected one answer (and an optional @SECONDS)", s, n);
        if (lower_eq(s, n, "correct"))
            st.kind = TV_STEP_CORRECT;
        else if (lower_eq(s, n, "wrong"))
            st.kind = TV_STEP_WRONG;
        else if (lower_eq(s, n, "timeout"))
            st.kind = TV_STEP_TIMEOUT;
        else if (lower_eq(s, n, "skip"))
            st.kind = TV_STEP_SKIP;
        else if ((s[0] >= 'A' && s[0] <= 'F') || (s[0] >= 'a' && s[0] <= 'f')) {
            if (n > 6)
                return fail(sc, lineno, err, "at most 6 letters (A-F)", s, n);
            st.kind = TV_STEP_LETTERS;
            for (size_t i = 0; i < n; i++) {
                char c = s[i];
                if (c >= 'a' && c <= 'f')
                    c = (char)(c - 'a' + 'A');
                if (c < 'A' || c > 'F')
                    return fail(sc, lineno, err,
                                "expected a letter A-F, a number, =TEXT, correct, wrong, timeout or skip", s, n);
                st.letters[st.n_letters++] = c - 'A';
            }
        } else if (parse_decimal(s, n, &st.number))
            st.kind = TV_STEP_NUMBER;
        else if (memchr(s, ',', n) && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')))
            return fail(sc, lineno, err, "numbers use a decimal point, not a comma", s, n);
        else
            return fail(sc, lineno, err, "expected a letter A-F, a number, =TEXT, correct, wrong, timeout or skip",
                        s, n);
    }
    if (st.lifeline && st.kind != TV_STEP_LETTERS && st.kind != TV_STEP_TEXT && st.kind != TV_STEP_CORRECT &&
        st.kind != TV_STEP_WRONG)
        return fail(sc, lineno, err, "5050 goes with an option answer", st.raw, strlen(st.raw));

    if (sc->n_steps % 64 == 0) {
        tv_Step *grown = tv_arena_alloc(&sc->arena, sizeof(tv_Step) * (size_t)(sc->n_steps + 64));
        if (!grown)
            return tv_error_set(err, TV_ERR_NOMEM, sc->name, lineno, "out of memory");
        if (sc->n_steps)
            memcpy(grown, sc->steps, sizeof(tv_Step) * (size_t)sc->n_steps);
        sc->steps = grown;
    }
    sc->steps[sc->n_steps++] = st;
    return true;
}

/* "#! key value": seed, pack (repeatable), count, lang, timer-percent, no-time-points,
 * no-streak. Unknown keys are errors, so a typo does not silently change a replay. */
static bool parse_directive(tv_Script *sc, int lineno, const char *s, size_t n, tv_Error *err)
{
    tv_ScriptDirectives *d = &sc->directives;
    size_t k = 0;
    while (k < n && !is_space(s[k]))
        k++;
    size_t v = k;
    while (v < n && is_space(s[v]))
        v++;
    char *value = tv_arena_strndup(&sc->arena, s + v, n - v);
    if (!value)
        return tv_error_set(err, TV_ERR_NOMEM, sc->name, lineno, "out of memory");
    char key[32];
    snprintf(key, sizeof key, "%.*s", (int)(k < 31 ? k : 31), s);
    char *end = NULL;
    unsigned long long num = strtoull(value, &end, 10);
    bool is_num = *value >= '0' && *value <= '9' && end && *end == '\0';
    if (strcmp(key, "seed") == 0 && is_num)
        d->have_seed = true, d->seed = num;
    else if (strcmp(key, "pack") == 0 && *value && d->n_packs < TV_SCRIPT_MAX_PACKS)
        d->packs[d->n_packs++] = value;
    else if (strcmp(key, "count") == 0 && is_num && num >= 1 && num <= 10000)
        d->count = (int)num;
    else if (strcmp(key, "lang") == 0 && (strcmp(value, "en") == 0 || strcmp(value, "nl") == 0))
        d->lang = value;
    else if (strcmp(key, "timer-percent") == 0 && is_num && num >= 10 && num <= 1000)
        d->timer_percent = (int)num;
    else if (strcmp(key, "no-time-points") == 0 && !*value)
        d->no_time_points = true;
    else if (strcmp(key, "no-streak") == 0 && !*value)
        d->no_streak = true;
    else if (strcmp(key, "types") == 0 && *value)
        d->types = value;
    else if (strcmp(key, "name") == 0 && *value)
        d->name = value; /* a party seat's name: shown, never changes a replay */
    else if (strcmp(key, "seat") == 0 && is_num && num >= 1 && num <= 10000)
        d->seat = (int)num;
    else
        return fail(sc, lineno, err,
                    "a #! directive is seed N, pack ID, count N, lang en|nl, timer-percent N, types LIST, "
                    "no-time-points, no-streak, name TEXT or seat N",
                    s, n);
    return true;
}

bool tv_script_parse(tv_Script *sc, const char *name, const char *data, size_t len, tv_Alloc alloc, tv_Error *err)
{
    memset(sc, 0, sizeof *sc);
    tv_arena_init(&sc->arena, alloc);
    tv_copy_printable(sc->name, sizeof sc->name, name);
    if (len > TV_SCRIPT_MAX_BYTES)
        return tv_error_set(err, TV_ERR_SCRIPT, sc->name, 0, "the script is larger than %u bytes",
                            TV_SCRIPT_MAX_BYTES);
    size_t pos = tv_text_bom_len(data, len); /* a UTF-8 byte-order mark, as some editors write */
    if (!pos && len >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE))
        return tv_error_set(err, TV_ERR_SCRIPT, sc->name, 1, "the script looks like UTF-16; save it as UTF-8");
    int lineno = 0;
    while (pos < len) {
        lineno++;
        size_t start = pos;
        while (pos < len && data[pos] != '\n' && data[pos] != '\r')
            pos++;
        size_t stop = pos;
        if (pos < len && data[pos] == '\r' && pos + 1 < len && data[pos + 1] == '\n')
            pos += 2;
        else if (pos < len)
            pos++;
        if (stop - start > TV_SCRIPT_MAX_LINE)
            return tv_error_set(err, TV_ERR_SCRIPT, sc->name, lineno, "the line is longer than %d bytes",
                                TV_SCRIPT_MAX_LINE);
        if (memchr(data + start, '\0', stop - start))
            return tv_error_set(err, TV_ERR_SCRIPT, sc->name, lineno, "the line holds a NUL byte");
        while (start < stop && is_space(data[start]))
            start++;
        while (stop > start && is_space(data[stop - 1]))
            stop--;
        if (stop - start >= 2 && data[start] == '#' && data[start + 1] == '!') {
            size_t d = start + 2;
            while (d < stop && is_space(data[d]))
                d++;
            if (!parse_directive(sc, lineno, data + d, stop - d, err))
                return false;
            continue;
        }
        if (start == stop || data[start] == '#')
            continue;
        /* A trailing comment: '#' after white space, except in =TEXT, which runs to the
         * end of the line (text may contain '#'). */
        size_t answer = start;
        if (stop - answer > 4 && memcmp(data + answer, "5050", 4) == 0 && is_space(data[answer + 4])) {
            answer += 4;
            while (answer < stop && is_space(data[answer]))
                answer++;
        }
        if (data[answer] != '=') {
            for (size_t i = start + 1; i < stop; i++)
                if (data[i] == '#' && is_space(data[i - 1])) {
                    stop = i;
                    while (stop > start && is_space(data[stop - 1]))
                        stop--;
                    break;
                }
        }
        if (!parse_line(sc, lineno, data + start, stop - start, err))
            return false;
    }
    return true;
}

bool tv_script_load(tv_Script *sc, const char *path, tv_Alloc alloc, tv_Error *err)
{
    memset(sc, 0, sizeof *sc);
    tv_arena_init(&sc->arena, alloc);
    /* A file or a pipe (`--answers <(...)`, which is a link to one), or stdin; never a
     * folder or a device. The cap holds for pipes too, so an endless one is refused
     * rather than read forever. */
    char *buf;
    size_t len;
    tv_Error rerr = {0};
    tv_FileStatus st = strcmp(path, "-") == 0
                           ? tv_file_read_fd(STDIN_FILENO, path, TV_SCRIPT_MAX_BYTES, &buf, &len, &rerr)
                           : tv_file_read(path, TV_SCRIPT_MAX_BYTES, TV_FILE_FOLLOW | TV_FILE_PIPE, &buf, &len, &rerr);
    if (st == TV_FILE_TOO_BIG)
        return tv_error_set(err, TV_ERR_SCRIPT, path, 0, "the script is larger than %u bytes", TV_SCRIPT_MAX_BYTES);
    if (st != TV_FILE_OK)
        return tv_error_set(err, rerr.code == TV_ERR_NOMEM ? TV_ERR_NOMEM : TV_ERR_SCRIPT, path, 0,
                            "the answer script %s", rerr.msg);
    bool ok = tv_script_parse(sc, path, buf, len, alloc, err);
    free(buf);
    return ok;
}

void tv_script_free(tv_Script *sc)
{
    tv_arena_free(&sc->arena);
    sc->steps = NULL;
    sc->n_steps = 0;
}
