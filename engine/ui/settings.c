/* settings.c - settings.txt: the player's options (see prefs.h, docs/files.md).
 *
 * One table, settings_keys, drives the defaults, equality, loading, saving and the
 * warnings, so adding a setting is one line here plus its field in tv_Settings.
 * Depends on: kvtext, io (file), core (text, error), libc. No SDL. */
#include "ui/prefs.h"

#include "io/file.h"
#include "ui/kvtext.h"
#include "core/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SETTINGS_MAX_BYTES (64u << 10)

typedef enum { K_BOOL, K_INT, K_LANG } Kind;

/* The order is the file's order; def is the default (0/1 for a switch), def_lang the
 * default of the one K_LANG key. */
static const struct {
    const char *key;
    Kind kind;
    size_t off;
    int min, max, def;
} settings_keys[] = {
    {"time_points", K_BOOL, offsetof(tv_Settings, time_points), 0, 1, 1},
    {"streak_bonus", K_BOOL, offsetof(tv_Settings, streak_bonus), 0, 1, 1},
    {"lang", K_LANG, offsetof(tv_Settings, lang), 0, 0, 0},
    {"count", K_INT, offsetof(tv_Settings, count), 5, 50, 10},
    {"timer", K_BOOL, offsetof(tv_Settings, timer), 0, 1, 1},
    {"timer_percent", K_INT, offsetof(tv_Settings, timer_percent), 50, 300, 100},
    {"volume", K_INT, offsetof(tv_Settings, volume), 0, 100, 70},
    {"mute", K_BOOL, offsetof(tv_Settings, mute), 0, 1, 0},
    {"fullscreen", K_BOOL, offsetof(tv_Settings, fullscreen), 0, 1, 0},
    {"text_size", K_INT, offsetof(tv_Settings, text_size), 0, 3, 1},
    {"reduced_motion", K_BOOL, offsetof(tv_Settings, reduced_motion), 0, 1, 0},
    {"colorblind", K_BOOL, offsetof(tv_Settings, colorblind), 0, 1, 0},
    {"auto_advance", K_BOOL, offsetof(tv_Settings, auto_advance), 0, 1, 0},
};
#define N_SETTINGS (sizeof settings_keys / sizeof settings_keys[0])
static const char def_lang[] = "en";

static void reset_value(tv_Settings *s, size_t k)
{
    char *field = (char *)s + settings_keys[k].off;
    switch (settings_keys[k].kind) {
    case K_BOOL: *(bool *)field = settings_keys[k].def != 0; break;
    case K_INT: *(int *)field = settings_keys[k].def; break;
    case K_LANG: snprintf(field, sizeof s->lang, "%s", def_lang); break;
    }
}

void tv_settings_default(tv_Settings *s)
{
    memset(s, 0, sizeof *s);
    for (size_t k = 0; k < N_SETTINGS; k++)
        reset_value(s, k);
}

bool tv_settings_equal(const tv_Settings *a, const tv_Settings *b)
{
    /* Field by field: memcmp would also compare padding and bytes after lang's NUL. */
    for (size_t k = 0; k < N_SETTINGS; k++) {
        const char *fa = (const char *)a + settings_keys[k].off, *fb = (const char *)b + settings_keys[k].off;
        bool same = settings_keys[k].kind == K_BOOL  ? *(const bool *)fa == *(const bool *)fb
                    : settings_keys[k].kind == K_INT ? *(const int *)fa == *(const int *)fb
                                                     : strncmp(fa, fb, sizeof a->lang) == 0;
        if (!same)
            return false;
    }
    return true;
}

/* The text of setting k in s, as saved and as quoted in a warning. */
static void describe(size_t k, const tv_Settings *s, char *out, size_t size)
{
    const char *field = (const char *)s + settings_keys[k].off;
    if (settings_keys[k].kind == K_BOOL)
        snprintf(out, size, "%s", *(const bool *)field ? "on" : "off");
    else if (settings_keys[k].kind == K_INT)
        snprintf(out, size, "%d", *(const int *)field);
    else
        snprintf(out, size, "%.7s", field);
}

/* Sets one setting from its text; false (and no change) when the value is bad. */
static bool set_value(tv_Settings *s, size_t k, const char *v, size_t n)
{
    char *field = (char *)s + settings_keys[k].off;
    switch (settings_keys[k].kind) {
    case K_BOOL:
        if (tv_kv_token_is(v, n, "on") || tv_kv_token_is(v, n, "off")) {
            *(bool *)field = tv_kv_token_is(v, n, "on");
            return true;
        }
        return false;
    case K_INT: {
        long long x;
        if (!tv_kv_parse_int(v, n, settings_keys[k].min, settings_keys[k].max, &x))
            return false;
        *(int *)field = (int)x;
        return true;
    }
    case K_LANG:
        /* The code names a .po file, so it is held to the i18n loader's rule. */
        if (!tv_text_lang_valid(v, n))
            return false;
        memcpy(field, v, n);
        field[n] = '\0';
        return true;
    }
    return false;
}

static void bad_value(tv_KvWarn *w, const char *path, int line, size_t k, const char *v, size_t n)
{
    tv_Settings def;
    tv_settings_default(&def);
    char got[48], was[16];
    tv_kv_shown(got, sizeof got, v, n);
    describe(k, &def, was, sizeof was);
    const char *key = settings_keys[k].key;
    if (settings_keys[k].kind == K_BOOL)
        tv_kv_warn_add(w, path, line, "%s must be on or off, got '%s'; using %s", key, got, was);
    else if (settings_keys[k].kind == K_INT)
        tv_kv_warn_add(w, path, line, "%s must be a whole number from %d to %d, got '%s'; using %s", key,
                       settings_keys[k].min, settings_keys[k].max, got, was);
    else
        tv_kv_warn_add(w, path, line, "%s must be a language code like en or nl, got '%s'; using %s", key, got, was);
}

/* Parses text that passed the text check into *s (defaults first). Returns 0, or the
 * line that is not `key = value` (the file is then corrupt and *s the defaults); bad
 * values only add warnings. */
static int parse_settings(const char *path, const char *data, size_t len, tv_Settings *s, tv_KvWarn *w)
{
    tv_settings_default(s);
    tv_Settings got = *s;
    tv_KvLines ls;
    tv_kv_lines_init(&ls, data, len);
    const char *line, *key, *val;
    size_t n, keylen, vallen;
    while (tv_kv_lines_next(&ls, &line, &n)) {
        if (n == 0 || line[0] == '#')
            continue;
        if (!tv_kv_split(line, n, &key, &keylen, &val, &vallen))
            return ls.line;
        /* Unknown keys are skipped, so a settings file from a newer version still loads. */
        for (size_t k = 0; k < N_SETTINGS; k++)
            if (tv_kv_token_is(key, keylen, settings_keys[k].key) && !set_value(&got, k, val, vallen)) {
                /* A bad value restores that key's default, even over an earlier good
                 * line for the same key: the last line is the one the player edited. */
                reset_value(&got, k);
                bad_value(w, path, ls.line, k, val, vallen);
            }
    }
    *s = got;
    return 0;
}

/* The warning for a line that is not `key = value`. */
static void warn_corrupt(tv_KvWarn *w, const char *path, const char *data, size_t len, int bad, const char *note)
{
    tv_KvLines ls;
    tv_kv_lines_init(&ls, data, len);
    const char *line = "";
    size_t n = 0;
    while (ls.line < bad && tv_kv_lines_next(&ls, &line, &n))
        ;
    char text[48];
    tv_kv_shown(text, sizeof text, line, n);
    tv_kv_warn_add(w, path, bad, "expected 'key = value', got '%s'; using the default settings%s%s", text,
                   note[0] ? ", " : "", note);
}

bool tv_settings_load(const char *path, tv_Settings *s, char *warn, size_t warnsize)
{
    tv_KvWarn w;
    tv_kv_warn_init(&w, warn, warnsize);
    tv_settings_default(s);
    char *data, note[4200];
    size_t len;
    int got_text = tv_kv_load(path, SETTINGS_MAX_BYTES, "settings file", "using the default settings", &w, &data, &len);
    if (got_text <= 0)
        return got_text == 0;
    int bad = parse_settings(path, data, len, s, &w);
    if (bad) {
        tv_kv_keep_bad(path, data, len, note, sizeof note);
        warn_corrupt(&w, path, data, len, bad, note);
    }
    free(data);
    tv_kv_warn_finish(&w);
    return w.count == 0;
}

bool tv_settings_parse(const char *name, const char *data, size_t len, tv_Settings *s, char *warn, size_t warnsize)
{
    tv_KvWarn w;
    tv_kv_warn_init(&w, warn, warnsize);
    tv_settings_default(s);
    int bad_text = len > SETTINGS_MAX_BYTES ? -1 : tv_kv_not_text_line(data, len);
    if (bad_text) {
        tv_kv_warn_add(&w, name, bad_text > 0 ? bad_text : 0, "not a settings file; using the default settings");
        return false;
    }
    int bad = parse_settings(name, data, len, s, &w);
    if (bad)
        warn_corrupt(&w, name, data, len, bad, "");
    tv_kv_warn_finish(&w);
    return w.count == 0;
}

bool tv_settings_save(const char *path, const tv_Settings *s, tv_Error *err)
{
    char buf[2048];
    size_t n = (size_t)snprintf(buf, sizeof buf, "# Trivium settings (format: docs/files.md)\n");
    for (size_t k = 0; k < N_SETTINGS; k++) {
        char v[16];
        describe(k, s, v, sizeof v);
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s = %s\n", settings_keys[k].key, v);
    }
    return tv_file_write_atomic(path, buf, n, err);
}
