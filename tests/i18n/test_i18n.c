/* i18n.strings: .po files parse exactly, a gap in a translation shows English, a bad or
 * missing file falls back to English with a warning (never a crash), and the
 * shipped en.po and nl.po hold the same keys with the same printf conversions. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "i18n/i18n.h"

static char dir[] = "/tmp/trivium-i18n-XXXXXX";

static void remove_dir(void)
{
    const char *names[] = {"t.po", "en.po", "nl.po", "de.po"};
    char path[512];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

static const char *write_po(const char *name, const char *text)
{
    static char path[512];
    static bool made;
    if (!made) {
        made = mkdtemp(dir) != NULL;
        CHECK(made);
        atexit(remove_dir);
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

static void free_po(char **keys, char **texts, int n)
{
    for (int i = 0; i < n; i++) {
        free(keys[i]);
        free(texts[i]);
    }
    free(keys);
    free(texts);
}

/* Parses text as a .po file; returns the count and keeps the arrays in the caller's. */
static int parse(const char *text, char ***keys, char ***texts, tv_Error *err)
{
    const char *path = write_po("t.po", text);
    memset(err, 0, sizeof *err);
    return tv_po_parse_file(path, keys, texts, err);
}

/* Expects text to be refused at line with a message containing what. */
static void check_refused(const char *text, int line, const char *what)
{
    char **k, **t;
    tv_Error err;
    int n = parse(text, &k, &t, &err);
    CHECK_INT(-1, n);
    CHECK_INT(line, err.line);
    CHECK(strstr(err.file, "t.po") != NULL);
    if (!strstr(err.msg, what))
        fprintf(stderr, "  expected a message containing \"%s\", got \"%s\"\n", what, err.msg);
    CHECK(strstr(err.msg, what) != NULL);
    if (n >= 0)
        free_po(k, t, n);
}

TEST("entries, continuation lines and the header entry parse; the header is skipped")
{
    char **k, **t;
    tv_Error err;
    int n = parse("# a comment\n"
                  "msgid \"\"\n"
                  "msgstr \"\"\n"
                  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                  "\n"
                  "#. extracted comment\n"
                  "#: file.c:12\n"
                  "#, c-format\n"
                  "msgid \"menu.play\"\n"
                  "msgstr \"Play\"\n"
                  "\n"
                  "msgid \"\"\n"
                  "\"long.\"\n"
                  "\"key\"\n"
                  "msgstr \"\"\n"
                  "\"first half, \"\n"
                  "   \"second half\"\n",
                  &k, &t, &err);
    CHECK_INT(2, n);
    if (n == 2) {
        CHECK_STR("menu.play", k[0]);
        CHECK_STR("Play", t[0]);
        CHECK_STR("long.key", k[1]);
        CHECK_STR("first half, second half", t[1]);
        free_po(k, t, n);
    }
}

TEST("the escapes \\n, \\t, \\\" and \\\\ become their characters")
{
    char **k, **t;
    tv_Error err;
    int n = parse("msgid \"e\"\nmsgstr \"a\\nb\\tc \\\"q\\\" back\\\\slash\"\n", &k, &t, &err);
    CHECK_INT(1, n);
    if (n == 1) {
        CHECK_STR("a\nb\tc \"q\" back\\slash", t[0]);
        free_po(k, t, n);
    }
}

TEST("CRLF line ends, a UTF-8 BOM and blanks around keywords are accepted")
{
    char **k, **t;
    tv_Error err;
    int n = parse("\xEF\xBB\xBFmsgid \"a\"\r\n\tmsgstr   \"Één\"  \r\n\r\nmsgid \"b\"\r\nmsgstr \"x\"", &k, &t, &err);
    CHECK_INT(2, n);
    if (n == 2) {
        CHECK_STR("a", k[0]);
        CHECK_STR("Één", t[0]);
        CHECK_STR("x", t[1]);
        free_po(k, t, n);
    }
}

TEST("an empty file parses to no entries")
{
    char **k, **t;
    tv_Error err;
    CHECK_INT(0, parse("", &k, &t, &err));
    free_po(k, t, 0);
}

TEST("malformed files are refused with the line at fault")
{
    check_refused("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"\nmsgstr \"unterminated\n", 5, "unterminated string");
    check_refused("msgid \"a\"\nmsgstr \"bad \\q escape\"\n", 2, "unknown escape '\\q'");
    check_refused("msgid \"a\"\nmsgstr \"A\" trailing\n", 2, "after the closing quote");
    check_refused("msgstr \"A\"\n", 1, "msgstr without a msgid");
    check_refused("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"B\"\n", 1, "msgid 'a' has no msgstr");
    check_refused("msgid \"a\"\nmsgstr \"A\"\nmsgid \"b\"\n", 3, "msgid 'b' has no msgstr");
    check_refused("\"orphan\"\n", 1, "continues nothing");
    check_refused("msgid \"a\"\nmsgstr \"A\"\nmsgfoo \"x\"\n", 3, "unknown keyword 'msgfoo'");
    check_refused("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"a\"\nmsgstr \"B\"\n", 4,
                  "duplicate msgid 'a' (first at line 1)");
    check_refused("msgid \"a\"\nmsgstr \"A\"\nmsgid\n", 3, "expected a \"string\" after msgid");
    check_refused("msgid \"a\"\nmsgstr \"tab\tinside\"\n", 2, "control character");
    check_refused("msgid \"a\"\nmsgstr \"A\"\nmsgid \"b\"\nmsgstr \"\xC3(\"\n", 4, "not UTF-8");
    check_refused("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n", 2, "charset ISO-8859-1");
}

TEST("msgctxt and plural forms are refused, saying why")
{
    check_refused("msgctxt \"menu\"\nmsgid \"a\"\nmsgstr \"A\"\n", 1, "msgctxt is not supported");
    check_refused("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"A\"\n", 2, "plural forms are not supported");
}

TEST("conversions other than %d, %s and %% are refused, so printf can never see %n")
{
    check_refused("msgid \"a\"\nmsgstr \"%d of %n\"\n", 2, "conversion other than");
    check_refused("msgid \"a\"\nmsgstr \"100%\"\n", 2, "conversion other than");
    char **k, **t;
    tv_Error err;
    CHECK_INT(1, parse("msgid \"a\"\nmsgstr \"%d%% of %s\"\n", &k, &t, &err));
    free_po(k, t, 1);
}

TEST("a key missing in Dutch falls back to English; an unknown key shows the key")
{
    write_po("en.po", "msgid \"menu.play\"\nmsgstr \"Play\"\n\nmsgid \"menu.quit\"\nmsgstr \"Quit\"\n\n"
                      "msgid \"menu.todo\"\nmsgstr \"Later\"\n");
    write_po("nl.po", "msgid \"menu.play\"\nmsgstr \"Spelen\"\n\nmsgid \"menu.todo\"\nmsgstr \"\"\n");
    tv_Error err = {0};
    tv_I18n *i18n = tv_i18n_load(dir, "nl", &err);
    CHECK(i18n != NULL);
    if (!i18n) {
        fprintf(stderr, "  %s:%d: %s\n", err.file, err.line, err.msg);
        return;
    }
    CHECK_STR("nl", tv_i18n_lang(i18n));
    CHECK_STR("Spelen", tv_i18n_get(i18n, "menu.play"));
    CHECK_STR("Quit", tv_i18n_get(i18n, "menu.quit"));
    CHECK_STR("Later", tv_i18n_get(i18n, "menu.todo")); /* an empty msgstr is untranslated */
    CHECK_STR("menu.nothing", tv_i18n_get(i18n, "menu.nothing"));
    tv_i18n_free(i18n);
    CHECK_STR("menu.play", tv_i18n_get(NULL, "menu.play"));
}

TEST("a translation whose conversions differ from English is not used: English shows, saying why")
{
    write_po("en.po", "msgid \"q\"\nmsgstr \"Question %d of %d\"\n\nmsgid \"p\"\nmsgstr \"%s: %d\"\n");
    write_po("de.po", "msgid \"q\"\nmsgstr \"Frage %d von %d\"\n\nmsgid \"p\"\nmsgstr \"%d: %s\"\n");
    tv_Error err = {0};
    tv_I18n *i18n = tv_i18n_load(dir, "de", &err);
    CHECK(i18n != NULL);
    if (!i18n)
        return;
    CHECK_STR("en", tv_i18n_lang(i18n));
    CHECK_STR("Question %d of %d", tv_i18n_get(i18n, "q"));
    const char *w = tv_i18n_warning(i18n);
    CHECK(strstr(w, "de.po:5: msgstr for 'p' has conversions %d %s, but en.po has %s %d") != NULL);
    CHECK(strstr(w, "showing English") != NULL);
    tv_i18n_free(i18n);
}

TEST("an en.po whose conversions differ from what the code passes gives the built-in English")
{
    /* The crash of issue 10: "Player %s" where the code passes an int. */
    write_po("en.po", "msgid \"menu.play\"\nmsgstr \"Go\"\n\nmsgid \"players.name\"\nmsgstr \"Player %s\"\n");
    tv_Error err = {0};
    tv_I18n *i18n = tv_i18n_load(dir, "en", &err);
    CHECK(i18n != NULL);
    if (!i18n)
        return;
    CHECK_STR("Player %d", tv_i18n_get(i18n, "players.name"));
    CHECK_STR("Play", tv_i18n_get(i18n, "menu.play")); /* the whole file is refused, not just the key */
    const char *w = tv_i18n_warning(i18n);
    CHECK(strstr(w, "en.po:5: msgstr for 'players.name' has conversions %s, but the game formats it with %d") !=
          NULL);
    CHECK(strstr(w, "using the built-in English") != NULL);
    char name[64];
    snprintf(name, sizeof name, tv_i18n_get(i18n, "players.name"), 2);
    CHECK_STR("Player 2", name);
    tv_i18n_free(i18n);
}

TEST("a translation is checked against the code even for a key en.po lacks")
{
    write_po("en.po", "msgid \"menu.play\"\nmsgstr \"Play\"\n");
    write_po("de.po", "msgid \"menu.play\"\nmsgstr \"Spielen\"\n\nmsgid \"round.question_of\"\nmsgstr \"%s von %d\"\n");
    tv_Error err = {0};
    tv_I18n *i18n = tv_i18n_load(dir, "de", &err);
    CHECK(i18n != NULL);
    if (!i18n)
        return;
    CHECK_STR("Play", tv_i18n_get(i18n, "menu.play"));
    CHECK_STR("round.question_of", tv_i18n_get(i18n, "round.question_of"));
    CHECK(strstr(tv_i18n_warning(i18n), "de.po:5: msgstr for 'round.question_of' has conversions %s %d") != NULL);
    tv_i18n_free(i18n);
}

TEST("a missing en.po, a missing language file and a bad language code fall back to English with a warning")
{
    tv_Error err = {0};
    tv_I18n *i18n = tv_i18n_load("/nonexistent-trivium-dir", "en", &err);
    CHECK(i18n != NULL);
    if (i18n) {
        CHECK(strstr(tv_i18n_warning(i18n), "/nonexistent-trivium-dir/en.po: does not exist") != NULL);
        CHECK_STR("Play", tv_i18n_get(i18n, "menu.play"));
        tv_i18n_free(i18n);
    }
    write_po("en.po", "msgid \"a\"\nmsgstr \"A\"\n");
    i18n = tv_i18n_load(dir, "fr", &err);
    CHECK(i18n != NULL);
    if (i18n) {
        CHECK_STR("en", tv_i18n_lang(i18n));
        CHECK_STR("A", tv_i18n_get(i18n, "a"));
        CHECK(strstr(tv_i18n_warning(i18n), "fr.po: does not exist; showing English") != NULL);
        tv_i18n_free(i18n);
    }
    i18n = tv_i18n_load(dir, "../en", &err);
    CHECK(i18n != NULL);
    if (i18n) {
        CHECK(strstr(tv_i18n_warning(i18n), "language code '../en'") != NULL);
        tv_i18n_free(i18n);
    }
    i18n = tv_i18n_load(dir, "en", &err);
    CHECK(i18n != NULL);
    if (i18n) {
        CHECK_STR("", tv_i18n_warning(i18n));
        tv_i18n_free(i18n);
    }
}

TEST("a broken en.po and a broken translation give one warning and a count of the rest")
{
    write_po("en.po", "msgid \"a\"\nmsgstr \"unterminated\n");
    write_po("de.po", "garbage\n");
    tv_Error err = {0};
    tv_I18n *i18n = tv_i18n_load(dir, "de", &err);
    CHECK(i18n != NULL);
    if (!i18n)
        return;
    const char *w = tv_i18n_warning(i18n);
    CHECK(strstr(w, "en.po:2: unterminated string") != NULL);
    CHECK(strstr(w, "(and 1 more)") != NULL);
    CHECK_STR("Play", tv_i18n_get(i18n, "menu.play"));
    tv_i18n_free(i18n);
}

TEST("a .po buffer parses like the same file")
{
    char **k, **t;
    tv_Error err = {0};
    const char text[] = "msgid \"a\"\nmsgstr \"A\"\n";
    CHECK_INT(1, tv_po_parse_buffer("buf.po", text, sizeof text - 1, &k, &t, &err));
    free_po(k, t, 1);
    CHECK_INT(-1, tv_po_parse_buffer("buf.po", text, 12, &k, &t, &err)); /* cut inside msgstr's line */
    CHECK(strstr(err.file, "buf.po") != NULL);
}

/* {====================================================================== shipped files */

/* The printf conversions of s as a string like "ds", written independently of the
 * loader's own check so a bug there cannot hide here. */
static void conversions(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s; s++) {
        if (*s != '%')
            continue;
        s++;
        if (*s == '%')
            continue;
        if (n + 1 < size)
            out[n++] = *s ? *s : '!';
        if (!*s)
            break;
    }
    out[n] = '\0';
}

static int find(char **keys, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (strcmp(keys[i], key) == 0)
            return i;
    return -1;
}

/* Every key of a is in b with the same conversions and a non-empty text. */
static int compare(const char *aname, char **ak, char **at, int an, const char *bname, char **bk, char **bt, int bn)
{
    int problems = 0;
    for (int i = 0; i < an; i++) {
        int j = find(bk, bn, ak[i]);
        if (j < 0) {
            fprintf(stderr, "  key '%s' is in %s but not in %s\n", ak[i], aname, bname);
            problems++;
            continue;
        }
        char ca[32], cb[32];
        conversions(at[i], ca, sizeof ca);
        conversions(bt[j], cb, sizeof cb);
        if (strcmp(ca, cb) != 0) {
            fprintf(stderr, "  key '%s': %s has conversions \"%s\", %s has \"%s\"\n", ak[i], aname, ca, bname, cb);
            problems++;
        }
        if (!at[i][0]) {
            fprintf(stderr, "  key '%s' has an empty text in %s\n", ak[i], aname);
            problems++;
        }
    }
    return problems;
}

TEST("en.po and nl.po hold exactly the same keys with the same printf conversions")
{
    char **ek, **et, **nk, **nt;
    tv_Error err = {0};
    int en = tv_po_parse_file(TV_ASSETS_DIR "/i18n/en.po", &ek, &et, &err);
    if (en < 0)
        fprintf(stderr, "  %s:%d: %s\n", err.file, err.line, err.msg);
    int nl = tv_po_parse_file(TV_ASSETS_DIR "/i18n/nl.po", &nk, &nt, &err);
    if (nl < 0)
        fprintf(stderr, "  %s:%d: %s\n", err.file, err.line, err.msg);
    CHECK(en > 100);
    CHECK_INT(en, nl);
    if (en < 0 || nl < 0)
        return;
    CHECK_INT(0, compare("en.po", ek, et, en, "nl.po", nk, nt, nl));
    CHECK_INT(0, compare("nl.po", nk, nt, nl, "en.po", ek, et, en));
    free_po(ek, et, en);
    free_po(nk, nt, nl);
}

TEST("the built-in English is the shipped en.po, key for key")
{
    char **ek, **et;
    tv_Error err = {0};
    int en = tv_po_parse_file(TV_ASSETS_DIR "/i18n/en.po", &ek, &et, &err);
    CHECK(en > 100);
    tv_I18n *builtin = tv_i18n_load("/nonexistent-trivium-dir", "en", &err);
    CHECK(builtin != NULL);
    if (en < 0 || !builtin)
        return;
    CHECK(tv_i18n_warning(builtin)[0] != '\0');
    for (int i = 0; i < en; i++)
        if (et[i][0])
            CHECK_STR(et[i], tv_i18n_get(builtin, ek[i]));
    tv_i18n_free(builtin);
    free_po(ek, et, en);
}

TEST("every key the code formats is in en.po with exactly the conversions listed")
{
    char **ek, **et;
    tv_Error err = {0};
    int en = tv_po_parse_file(TV_ASSETS_DIR "/i18n/en.po", &ek, &et, &err);
    CHECK(en > 100);
    size_t i = 0;
    for (; tv_i18n_format_key(i); i++) {
        const char *key = tv_i18n_format_key(i), *want = tv_i18n_format_of(key);
        int j = find(ek, en, key);
        char got[32] = "";
        if (j >= 0)
            conversions(et[j], got, sizeof got);
        if (j < 0 || strcmp(got, want) != 0)
            fprintf(stderr, "  key '%s': the code passes \"%s\", en.po has \"%s\"\n", key, want, j < 0 ? "(missing)" : got);
        CHECK(j >= 0 && strcmp(got, want) == 0);
    }
    CHECK(i >= 15);
    CHECK(tv_i18n_format_of("menu.play") == NULL);
    free_po(ek, et, en);
}

TEST("the shipped Dutch reads as Dutch and loads without falling back")
{
    tv_Error err = {0};
    tv_I18n *i18n = tv_i18n_load(TV_ASSETS_DIR "/i18n", "nl", &err);
    CHECK(i18n != NULL);
    if (!i18n) {
        fprintf(stderr, "  %s:%d: %s\n", err.file, err.line, err.msg);
        return;
    }
    CHECK_STR("Vraag %d van %d", tv_i18n_get(i18n, "round.question_of"));
    CHECK_STR("Goed!", tv_i18n_get(i18n, "reveal.correct"));
    CHECK_STR("Fout", tv_i18n_get(i18n, "reveal.wrong"));
    CHECK_STR("De tijd is om", tv_i18n_get(i18n, "reveal.timeout"));
    CHECK_STR("Speler %d", tv_i18n_get(i18n, "players.name"));
    CHECK_STR("Nederlands", tv_i18n_get(i18n, "lang.name"));
    tv_i18n_free(i18n);
    i18n = tv_i18n_load(TV_ASSETS_DIR "/i18n", "en", &err);
    CHECK(i18n != NULL);
    CHECK_STR("Question %d of %d", tv_i18n_get(i18n, "round.question_of"));
    CHECK_STR("could not load: %s", tv_i18n_get(i18n, "packs.error"));
    tv_i18n_free(i18n);
}

/* }====================================================================== */

TEST_MAIN()
