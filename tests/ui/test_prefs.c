/* ui.prefs: settings, high scores and flags survive a round trip, a damaged file falls
 * back to defaults without being lost, and saves are atomic. Runs in a mkdtemp folder. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "io/file.h"
#include "ui/prefs.h"

static char dir[] = "/tmp/trivium-prefs-XXXXXX";

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        unlink(path);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        chmod(sub, 0700);
        remove_tree(sub);
    }
    closedir(d);
    rmdir(path);
}

static void remove_dir(void) { remove_tree(dir); }

/* A fresh path in the test folder; each case uses its own names. */
static const char *at(const char *name)
{
    static char paths[8][512];
    static int next;
    static bool made;
    if (!made) {
        made = mkdtemp(dir) != NULL;
        CHECK(made);
        atexit(remove_dir);
    }
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/%s", dir, name);
    return p;
}

static void put(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fwrite(text, 1, len, f);
        fclose(f);
    }
}

static void put_str(const char *path, const char *text) { put(path, text, strlen(text)); }

/* The whole file as a string the caller frees; NULL when it cannot be read. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int count_entries(const char *path, const char *containing)
{
    DIR *d = opendir(path);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        if (strstr(e->d_name, containing))
            n++;
    if (d)
        closedir(d);
    return n;
}

#define CHECK_CONTAINS(hay, needle)                                                                         \
    do {                                                                                                    \
        const char *h_ = (hay);                                                                             \
        if (!h_ || !strstr(h_, needle)) {                                                                   \
            fprintf(stderr, "  %s:%d: expected \"%s\" in \"%s\"\n", __FILE__, __LINE__, needle,             \
                    h_ ? h_ : "(null)");                                                                    \
            check_failed_here = 1;                                                                          \
        }                                                                                                   \
    } while (0)

/* {====================================================================== settings */

/* Field by field: memcmp would also compare padding, which struct copies need not keep. */
static bool settings_equal(const tv_Settings *a, const tv_Settings *b)
{
    return a->time_points == b->time_points && a->streak_bonus == b->streak_bonus && strcmp(a->lang, b->lang) == 0 &&
           a->count == b->count && a->timer == b->timer && a->timer_percent == b->timer_percent &&
           a->volume == b->volume && a->mute == b->mute && a->fullscreen == b->fullscreen &&
           a->text_size == b->text_size && a->reduced_motion == b->reduced_motion && a->colorblind == b->colorblind &&
           a->auto_advance == b->auto_advance;
}

TEST("the documented defaults")
{
    tv_Settings s;
    tv_settings_default(&s);
    CHECK(s.time_points);
    CHECK(s.streak_bonus);
    CHECK_STR("en", s.lang);
    CHECK_INT(10, s.count);
    CHECK(s.timer);
    CHECK_INT(100, s.timer_percent);
    CHECK_INT(70, s.volume);
    CHECK(!s.mute);
    CHECK(!s.fullscreen);
    CHECK_INT(1, s.text_size);
    CHECK(!s.reduced_motion);
    CHECK(!s.colorblind);
    CHECK(!s.auto_advance);
}

TEST("every setting survives a save and a load, away from its default")
{
    const char *path = at("settings.txt");
    tv_Settings s = {
        .time_points = false, .streak_bonus = false, .lang = "nl", .count = 37, .timer = false,
        .timer_percent = 250, .volume = 0, .mute = true, .fullscreen = true, .text_size = 3,
        .reduced_motion = true, .colorblind = true, .auto_advance = true,
    };
    tv_Error err = {0};
    CHECK(tv_settings_save(path, &s, &err));
    tv_Settings got;
    char warn[256] = "x";
    CHECK(tv_settings_load(path, &got, warn, sizeof warn));
    CHECK_STR("", warn);
    CHECK(settings_equal(&s, &got));
    CHECK(!got.time_points && !got.streak_bonus && !got.timer);
    CHECK_STR("nl", got.lang);
    CHECK_INT(37, got.count);
    CHECK_INT(250, got.timer_percent);
    CHECK_INT(0, got.volume);
    CHECK(got.mute && got.fullscreen && got.reduced_motion && got.colorblind && got.auto_advance);
    CHECK_INT(3, got.text_size);
    /* and back to the defaults, so "on" and the other ends of each range are covered */
    tv_settings_default(&s);
    CHECK(tv_settings_save(path, &s, &err));
    CHECK(tv_settings_load(path, &got, warn, sizeof warn));
    CHECK(settings_equal(&s, &got));
}

TEST("a missing settings file gives the defaults and no warning")
{
    tv_Settings s, def;
    char warn[256] = "x";
    tv_settings_default(&def);
    CHECK(tv_settings_load(at("no-such-settings.txt"), &s, warn, sizeof warn));
    CHECK_STR("", warn);
    CHECK(settings_equal(&s, &def));
}

TEST("CRLF, a BOM, comments, blank lines and unknown keys are accepted")
{
    const char *path = at("crlf.txt");
    put_str(path,
            "\xEF\xBB\xBF# hand-edited\r\n\r\n  volume=35  \r\nfuture_option = 7\r\nmute = on\r\n  # indented\r\n");
    tv_Settings s;
    char warn[256];
    CHECK(tv_settings_load(path, &s, warn, sizeof warn));
    CHECK_STR("", warn);
    CHECK_INT(35, s.volume);
    CHECK(s.mute);
    CHECK_INT(10, s.count);
}

TEST("a corrupt settings file gives the defaults, a .bad copy and a warning with its line")
{
    const char *path = at("corrupt.txt"), *bad = at("corrupt.txt.bad");
    const char *text = "volume = 20\ncount = 12\nthis line has no equals sign\nmute = on\n";
    put_str(path, text);
    tv_Settings s, def;
    tv_settings_default(&def);
    char warn[512];
    CHECK(!tv_settings_load(path, &s, warn, sizeof warn));
    CHECK(settings_equal(&s, &def));
    CHECK_CONTAINS(warn, "corrupt.txt:3: expected 'key = value'");
    CHECK_CONTAINS(warn, "corrupt.txt.bad");
    char *copy = slurp(bad), *orig = slurp(path);
    CHECK_STR(text, copy);
    CHECK_STR(text, orig); /* the original is left for the player until the next save */
    free(copy);
    free(orig);
}

TEST("a settings file that is not text is corrupt, naming the line of the bad byte")
{
    const char *path = at("binary.txt");
    put(path, "volume = 20\nmute = on\x01\n", 23);
    tv_Settings s;
    char warn[512];
    CHECK(!tv_settings_load(path, &s, warn, sizeof warn));
    CHECK_INT(70, s.volume);
    CHECK_CONTAINS(warn, "binary.txt:2: not text");
    CHECK(exists(at("binary.txt.bad")));
    put(path, "volume = 20\n\xC3\x28\n", 14);
    CHECK(!tv_settings_load(path, &s, warn, sizeof warn));
    CHECK_CONTAINS(warn, "binary.txt:2: not text");
}

TEST("a settings file over 64 KiB is refused and kept as .bad")
{
    const char *path = at("huge.txt");
    size_t n = (64u << 10) + 10;
    char *text = malloc(n);
    memset(text, '#', n);
    put(path, text, n);
    free(text);
    tv_Settings s;
    char warn[512];
    CHECK(!tv_settings_load(path, &s, warn, sizeof warn));
    CHECK_CONTAINS(warn, "larger than 64 KiB");
    struct stat st;
    CHECK(stat(at("huge.txt.bad"), &st) == 0 && st.st_size == (off_t)n);
}

TEST("a symbolic link or a folder in place of the settings file gives defaults and a warning")
{
    const char *target = at("real.txt"), *link = at("link.txt"), *folder = at("folder.txt");
    put_str(target, "volume = 5\n");
    CHECK(symlink(target, link) == 0);
    CHECK(mkdir(folder, 0700) == 0);
    tv_Settings s;
    char warn[512];
    CHECK(!tv_settings_load(link, &s, warn, sizeof warn));
    CHECK_INT(70, s.volume);
    CHECK_CONTAINS(warn, "symbolic link");
    CHECK(!tv_settings_load(folder, &s, warn, sizeof warn));
    CHECK_CONTAINS(warn, "not a regular file");
}

TEST("a bad value falls back to that key's default with a warning; the others are kept")
{
    const char *path = at("badvalue.txt");
    put_str(path, "volume = 20\ncount = 51\nmute = yes\nlang = ../../etc\ntimer_percent = 1e2\ntext_size = 2\n"
                  "time_points = off\n");
    tv_Settings s;
    char warn[512];
    CHECK(!tv_settings_load(path, &s, warn, sizeof warn));
    CHECK_INT(20, s.volume);
    CHECK_INT(10, s.count);
    CHECK(!s.mute);
    CHECK_STR("en", s.lang);
    CHECK_INT(100, s.timer_percent);
    CHECK_INT(2, s.text_size);
    CHECK(!s.time_points);
    CHECK_STR("badvalue.txt:2: count must be a whole number from 5 to 50, got '51'; using 10 (and 3 more)",
              strstr(warn, "badvalue.txt"));
    CHECK(!exists(at("badvalue.txt.bad"))); /* not corrupt: the rest of the file was used */
}

TEST("a well-formed language the game has no file for loads and saves as the player wrote it")
{
    /* The UI shows English for it (tv_i18n_load's fallback); the player's choice stays
     * in the file, so installing xx_YY.po later is enough. */
    const char *path = at("lang.txt");
    put_str(path, "lang = pt_BR\n");
    tv_Settings s;
    char warn[512];
    CHECK(tv_settings_load(path, &s, warn, sizeof warn));
    CHECK_STR("", warn);
    CHECK_STR("pt_BR", s.lang);
    tv_Error err = {0};
    CHECK(tv_settings_save(path, &s, &err));
    char *text = slurp(path);
    CHECK_CONTAINS(text, "\nlang = pt_BR\n");
    free(text);
}

TEST("numbers are whole tokens: signs, spaces inside, hex and overflow are refused")
{
    const char *bad[] = {"+20", "2 0", "0x20", "20.0", "99999999999999999999", "-0", ""};
    const char *path = at("numbers.txt");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[64];
        snprintf(text, sizeof text, "volume = %s\n", bad[i]);
        put_str(path, text);
        tv_Settings s;
        char warn[256];
        bool ok = tv_settings_load(path, &s, warn, sizeof warn);
        if (!strcmp(bad[i], "-0")) {
            CHECK(ok); /* -0 is zero, in range */
            CHECK_INT(0, s.volume);
            continue;
        }
        if (ok || s.volume != 70)
            fprintf(stderr, "  volume = '%s' was accepted\n", bad[i]);
        CHECK(!ok);
        CHECK_INT(70, s.volume);
        CHECK_CONTAINS(warn, "numbers.txt:1: volume must be a whole number from 0 to 100");
    }
}

/* }====================================================================== */

/* {====================================================================== atomic writes */

TEST("an atomic save replaces the content and leaves no temporary file")
{
    const char *path = at("atomic.txt");
    put_str(path, "old content that is longer than the new one\n");
    tv_Error err = {0};
    CHECK(tv_file_write_atomic(path, "new\n", 4, &err));
    char *got = slurp(path);
    CHECK_STR("new\n", got);
    free(got);
    CHECK_INT(0, count_entries(dir, ".tmp."));
    tv_Settings s;
    tv_settings_default(&s);
    CHECK(tv_settings_save(path, &s, &err));
    CHECK_INT(0, count_entries(dir, ".tmp."));
    CHECK_INT(1, count_entries(dir, "atomic.txt"));
}

TEST("a save into a missing folder fails naming the path")
{
    const char *path = at("missing/settings.txt");
    tv_Settings s;
    tv_settings_default(&s);
    tv_Error err = {0};
    CHECK(!tv_settings_save(path, &s, &err));
    CHECK_STR(path, err.file);
    CHECK_INT(TV_ERR_IO, err.code);
    CHECK_CONTAINS(err.msg, "No such file or directory");
}

TEST("failed saves of scores and flags name the file, directly and through the prefs handle")
{
    const char *path = at("missing/scores.txt");
    tv_Scores sc = {0};
    tv_Error err = {0};
    CHECK(!tv_scores_save(path, &sc, &err));
    CHECK_STR(path, err.file);
    CHECK_CONTAINS(err.msg, "No such file or directory");
    path = at("missing/flags.tsv");
    memset(&err, 0, sizeof err);
    CHECK(!tv_flags_append(path, "p", "q1", "1.0.0", "en", "wrong", &err));
    CHECK_STR(path, err.file);
    CHECK_CONTAINS(err.msg, "No such file or directory");
    tv_Prefs prefs;
    tv_prefs_init(&prefs, at("missing"));
    tv_Settings s;
    tv_settings_default(&s);
    memset(&err, 0, sizeof err);
    CHECK(!tv_prefs_save_settings(&prefs, &s, &err));
    CHECK_STR(tv_prefs_path(&prefs, TV_PREFS_SETTINGS), err.file);
    memset(&err, 0, sizeof err);
    CHECK(!tv_prefs_save_scores(&prefs, &sc, &err));
    CHECK_STR(tv_prefs_path(&prefs, TV_PREFS_SCORES), err.file);
    memset(&err, 0, sizeof err);
    CHECK(!tv_prefs_append_flag(&prefs, "p", "q1", "1.0.0", "en", "unclear", &err));
    CHECK_STR(tv_prefs_path(&prefs, TV_PREFS_FLAGS), err.file);
}

TEST("the prefs handle's clean-up removes temp files of killed saves and nothing else")
{
    tv_Prefs prefs;
    const char *sub = at("cleanup");
    CHECK(mkdir(sub, 0700) == 0);
    tv_prefs_init(&prefs, sub);
    char tmp[700], keep[700];
    snprintf(tmp, sizeof tmp, "%s/settings.txt.tmp.k1ll3d", sub);
    snprintf(keep, sizeof keep, "%s/settings.txt", sub);
    put_str(tmp, "volume = 1\n");
    put_str(keep, "volume = 2\n");
    tv_Error err = {0};
    CHECK_INT(1, tv_prefs_remove_stale_temps(&prefs, 0, &err));
    CHECK(!exists(tmp));
    CHECK(exists(keep));
    tv_Prefs none;
    tv_prefs_init(&none, NULL);
    CHECK_INT(0, tv_prefs_remove_stale_temps(&none, 0, &err));
}

static void count_flag(void *ud, const char *const fields[5])
{
    (void)fields;
    ++*(int *)ud;
}

TEST("text in memory parses by the same rules as the files, and no file is written")
{
    tv_Settings s;
    char warn[512];
    const char set[] = "volume = 20\ncount = 51\n";
    CHECK(!tv_settings_parse("mem.txt", set, sizeof set - 1, &s, warn, sizeof warn));
    CHECK_INT(20, s.volume);
    CHECK_INT(10, s.count);
    CHECK_STR("mem.txt:2: count must be a whole number from 5 to 50, got '51'; using 10", warn);
    CHECK(!tv_settings_parse("mem.txt", "volume = 1\nnot a line\n", 22, &s, warn, sizeof warn));
    CHECK_INT(70, s.volume);
    CHECK_STR("mem.txt:2: expected 'key = value', got 'not a line'; using the default settings", warn);
    CHECK(!tv_settings_parse("mem.txt", "a\0b", 3, &s, warn, sizeof warn));
    CHECK(!exists("mem.txt.bad"));
    tv_Scores sc;
    const char good[] = "scores = 1\ntable = t\nentry = 5 1 2 Ann\nend = 1\n";
    CHECK(tv_scores_parse("mem.txt", good, sizeof good - 1, &sc, warn, sizeof warn));
    CHECK_INT(1, sc.n);
    tv_scores_free(&sc);
    CHECK(!tv_scores_parse("mem.txt", good, sizeof good - 10, &sc, warn, sizeof warn));
    CHECK_INT(0, sc.n);
    CHECK_CONTAINS(warn, "truncated");
    const char flags[] = "p\tq1\t1\ten\twrong\np\tq2\t1\ten\tunclear";
    char copy[sizeof flags];
    memcpy(copy, flags, sizeof flags);
    int n = 0;
    tv_Error err = {0};
    CHECK_INT(2, tv_flags_parse("mem.tsv", copy, sizeof copy - 1, count_flag, &n, &err));
    CHECK_INT(2, n);
    CHECK(memcmp(copy, flags, sizeof flags) == 0); /* the caller's text is not changed */
    CHECK_INT(-1, tv_flags_parse("mem.tsv", "p\tq\n", 4, count_flag, &n, &err));
    CHECK_STR("mem.tsv", err.file);
    CHECK_INT(1, err.line);
}

/* The read-only case must run without root's override of file permissions, so as root
 * it runs in a child that has switched to nobody. */
static bool save_into_readonly(const char *path, const char *old_text)
{
    tv_Settings s;
    tv_settings_default(&s);
    s.volume = 1;
    tv_Error err = {0};
    bool ok = true;
    if (tv_settings_save(path, &s, &err)) {
        fprintf(stderr, "  the save into a read-only folder succeeded\n");
        ok = false;
    }
    if (strcmp(err.file, path) != 0 || !strstr(err.msg, "Permission denied")) {
        fprintf(stderr, "  expected an error naming %s with 'Permission denied', got %s: %s\n", path, err.file,
                err.msg);
        ok = false;
    }
    char *got = slurp(path);
    if (!got || strcmp(got, old_text) != 0) {
        fprintf(stderr, "  the old file changed: \"%s\"\n", got ? got : "(missing)");
        ok = false;
    }
    free(got);
    return ok;
}

TEST("a save into a read-only folder fails naming the path and leaves the old file intact")
{
    const char *ro = at("readonly");
    char path[600];
    snprintf(path, sizeof path, "%s/settings.txt", ro);
    const char *old_text = "volume = 42\n";
    CHECK(mkdir(ro, 0755) == 0);
    put_str(path, old_text);
    CHECK(chmod(path, 0644) == 0);
    CHECK(chmod(ro, 0555) == 0);
    if (geteuid() != 0) {
        CHECK(save_into_readonly(path, old_text));
    } else {
        CHECK(chmod(dir, 0755) == 0); /* so nobody can reach the folder */
        pid_t pid = fork();
        if (pid == 0) {
            bool ok = setgid(65534) == 0 && setuid(65534) == 0 && save_into_readonly(path, old_text);
            _exit(ok ? 0 : 1);
        }
        int status = 0;
        CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        CHECK(chmod(dir, 0700) == 0);
    }
    CHECK_INT(0, count_entries(ro, ".tmp."));
    chmod(ro, 0755);
}

/* }====================================================================== */

/* {====================================================================== scores */

static tv_ScoreEntry entry(const char *name, int score)
{
    tv_ScoreEntry e = {.score = score, .correct = 3, .asked = 10};
    snprintf(e.name, sizeof e.name, "%s", name);
    return e;
}

TEST("high scores are kept best first; an equal score ranks below the earlier one")
{
    tv_Scores sc = {0};
    tv_ScoreEntry a = entry("Anna", 3000), b = entry("Bram", 5000), c = entry("Cas", 3000), d = entry("Dewi", 100);
    CHECK_INT(0, tv_scores_add(&sc, "film+geo", &a));
    CHECK_INT(0, tv_scores_add(&sc, "film+geo", &b));
    CHECK_INT(2, tv_scores_add(&sc, "film+geo", &c));
    CHECK_INT(3, tv_scores_add(&sc, "film+geo", &d));
    const tv_ScoreTable *t = tv_scores_find(&sc, "film+geo");
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(4, t->n);
        CHECK_STR("Bram", t->entries[0].name);
        CHECK_STR("Anna", t->entries[1].name);
        CHECK_STR("Cas", t->entries[2].name);
        CHECK_STR("Dewi", t->entries[3].name);
    }
    CHECK(tv_scores_find(&sc, "film") == NULL);
    tv_scores_free(&sc);
    tv_scores_free(&sc); /* safe twice */
}

TEST("a table holds at most ten entries; a score below the tenth does not make it")
{
    tv_Scores sc = {0};
    for (int i = 1; i <= 10; i++) {
        tv_ScoreEntry e = entry("p", i * 100);
        CHECK_INT(0, tv_scores_add(&sc, "geo", &e));
    }
    tv_ScoreEntry low = entry("low", 100), tie = entry("tie", 100), mid = entry("mid", 550);
    CHECK_INT(-1, tv_scores_add(&sc, "geo", &low));
    CHECK_INT(-1, tv_scores_add(&sc, "geo", &tie));
    CHECK_INT(5, tv_scores_add(&sc, "geo", &mid));
    const tv_ScoreTable *t = tv_scores_find(&sc, "geo");
    CHECK_INT(TV_SCORES_PER_TABLE, t->n);
    CHECK_INT(1000, t->entries[0].score);
    CHECK_INT(550, t->entries[5].score);
    CHECK_INT(200, t->entries[9].score); /* 100 fell off the end */
    tv_scores_free(&sc);
}

TEST("bad keys and impossible entries are not added")
{
    tv_Scores sc = {0};
    tv_ScoreEntry e = entry("x", 10);
    CHECK_INT(-1, tv_scores_add(&sc, "", &e));
    CHECK_INT(-1, tv_scores_add(&sc, "two words", &e));
    char longkey[300];
    memset(longkey, 'k', sizeof longkey - 1);
    longkey[sizeof longkey - 1] = '\0';
    CHECK_INT(-1, tv_scores_add(&sc, longkey, &e));
    e.correct = 11;
    CHECK_INT(-1, tv_scores_add(&sc, "geo", &e));
    e = entry("x", -5);
    CHECK_INT(-1, tv_scores_add(&sc, "geo", &e));
    CHECK_INT(0, sc.n);
    tv_scores_free(&sc);
}

TEST("high scores survive a save and a load; names lose control characters")
{
    const char *path = at("scores.txt");
    tv_Scores sc = {0};
    tv_ScoreEntry a = entry("  Anna de Vries  ", 4454), b = entry("Zoë\tline\nbreak", 3100);
    b.correct = 0, b.asked = 0;
    CHECK_INT(0, tv_scores_add(&sc, "film+geo", &a));
    CHECK_INT(1, tv_scores_add(&sc, "film+geo", &b));
    tv_ScoreEntry c = entry("", 7);
    CHECK_INT(0, tv_scores_add(&sc, "ihostage-cast", &c));
    tv_Error err = {0};
    CHECK(tv_scores_save(path, &sc, &err));
    tv_Scores got;
    char warn[256] = "x";
    CHECK(tv_scores_load(path, &got, warn, sizeof warn));
    CHECK_STR("", warn);
    CHECK_INT(2, got.n);
    const tv_ScoreTable *t = tv_scores_find(&got, "film+geo");
    CHECK(t && t->n == 2);
    if (t && t->n == 2) {
        CHECK_STR("Anna de Vries", t->entries[0].name);
        CHECK_INT(4454, t->entries[0].score);
        CHECK_INT(3, t->entries[0].correct);
        CHECK_INT(10, t->entries[0].asked);
        CHECK_STR("Zoëlinebreak", t->entries[1].name);
        CHECK_INT(0, t->entries[1].asked);
    }
    t = tv_scores_find(&got, "ihostage-cast");
    CHECK(t && t->n == 1 && t->entries[0].name[0] == '\0' && t->entries[0].score == 7);
    tv_scores_free(&got);
    tv_scores_free(&sc);
    CHECK_INT(0, count_entries(dir, ".tmp."));
}

TEST("a missing high-score file is an empty list and no warning")
{
    tv_Scores sc;
    char warn[64] = "x";
    CHECK(tv_scores_load(at("no-scores.txt"), &sc, warn, sizeof warn));
    CHECK_INT(0, sc.n);
    CHECK_STR("", warn);
    tv_scores_free(&sc);
}

TEST("a truncated high-score file is refused, kept as .bad, and names the line")
{
    const char *path = at("cut.txt");
    const char *text = "scores = 1\ntable = geo\nentry = 500 2 5 Anna\nentry = 400 1 5 Bram\n";
    put_str(path, text);
    tv_Scores sc;
    char warn[512];
    CHECK(!tv_scores_load(path, &sc, warn, sizeof warn));
    CHECK_INT(0, sc.n);
    CHECK_CONTAINS(warn, "cut.txt:5: the file ends before its 'end' line");
    char *copy = slurp(at("cut.txt.bad"));
    CHECK_STR(text, copy);
    free(copy);
    tv_scores_free(&sc);
}

TEST("high-score files with a wrong count, a bad entry or a duplicate table are refused at the line")
{
    const char *path = at("badscores.txt");
    struct {
        const char *text, *want;
    } cases[] = {
        {"scores = 1\ntable = geo\nentry = 500 2 5 A\nend = 2\n", "badscores.txt:4: 'end' must give"},
        {"scores = 1\ntable = geo\nentry = 500 6 5 A\nend = 1\n", "badscores.txt:3: expected 'entry = SCORE"},
        {"scores = 1\ntable = geo\nentry = 5x0 2 5 A\nend = 1\n", "badscores.txt:3: expected 'entry = SCORE"},
        {"scores = 1\ntable = geo\ntable = geo\nend = 2\n", "badscores.txt:3: table 'geo' appears twice"},
        {"scores = 1\nentry = 1 1 1 A\nend = 0\n", "badscores.txt:2: an entry before any 'table' line"},
        {"scores = 2\nend = 0\n", "badscores.txt:1: expected 'scores = 1' first"},
        {"scores = 1\nend = 0\ntable = x\n", "badscores.txt:3: text after the 'end' line"},
        {"scores = 1\ntable = geo\nentry = 1 0 1 a\nentry = 1 0 1 b\nentry = 1 0 1 c\nentry = 1 0 1 d\n"
         "entry = 1 0 1 e\nentry = 1 0 1 f\nentry = 1 0 1 g\nentry = 1 0 1 h\nentry = 1 0 1 i\nentry = 1 0 1 j\n"
         "entry = 1 0 1 k\nend = 1\n",
         "badscores.txt:13: more than 10 entries"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        put_str(path, cases[i].text);
        tv_Scores sc;
        char warn[512];
        CHECK(!tv_scores_load(path, &sc, warn, sizeof warn));
        CHECK_INT(0, sc.n);
        CHECK_CONTAINS(warn, cases[i].want);
        tv_scores_free(&sc);
    }
}

TEST("a hand-edited table in any order loads best first, with CRLF")
{
    const char *path = at("handscores.txt");
    put_str(path, "scores = 1\r\ntable = geo\r\nentry = 100 1 5 Low\r\nentry = 900 5 5 High\r\nend = 1\r\n");
    tv_Scores sc;
    char warn[256];
    CHECK(tv_scores_load(path, &sc, warn, sizeof warn));
    const tv_ScoreTable *t = tv_scores_find(&sc, "geo");
    CHECK(t && t->n == 2);
    if (t && t->n == 2) {
        CHECK_STR("High", t->entries[0].name);
        CHECK_STR("Low", t->entries[1].name);
    }
    tv_scores_free(&sc);
}

/* }====================================================================== */

/* {====================================================================== flags */

typedef struct Seen {
    int n;
    char lines[4][600];
} Seen;

static void collect(void *ud, const char *const f[5])
{
    Seen *s = ud;
    if (s->n < 4)
        snprintf(s->lines[s->n], sizeof s->lines[0], "%s|%s|%s|%s|%s", f[0], f[1], f[2], f[3], f[4]);
    s->n++;
}

TEST("flags are appended one per line and listed back with tabs and newlines stripped")
{
    const char *path = at("flags.tsv");
    tv_Error err = {0};
    CHECK(tv_flags_append(path, "ihostage-film", "q7", "1.0.0", "nl", "wrong", &err));
    CHECK(tv_flags_append(path, "evil\tpack", "id\nwith\r\nbreaks", "2.0", "en", "unclear", &err));
    Seen seen = {0};
    CHECK_INT(2, tv_flags_list(path, collect, &seen, &err));
    CHECK_INT(2, seen.n);
    CHECK_STR("ihostage-film|q7|1.0.0|nl|wrong", seen.lines[0]);
    CHECK_STR("evilpack|idwithbreaks|2.0|en|unclear", seen.lines[1]);
    char *text = slurp(path);
    CHECK_STR("ihostage-film\tq7\t1.0.0\tnl\twrong\nevilpack\tidwithbreaks\t2.0\ten\tunclear\n", text);
    free(text);
}

TEST("escape sequences, C1 controls and broken UTF-8 in a hand-edited flags file never reach the terminal")
{
    const char *path = at("flags-controls.tsv");
    /* ESC [2J, a C1 CSI (U+009B, C2 9B) with "31m", a lone continuation byte; é stays. */
    put_str(path, "p\x1b[2J\tq\xC2\x9B" "31m\tv\x80\tcaf\xC3\xA9\twrong\n");
    tv_Error err = {0};
    Seen seen = {0};
    CHECK_INT(1, tv_flags_list(path, collect, &seen, &err));
    CHECK_STR("p?[2J|q??31m|v?|caf\xC3\xA9|wrong", seen.lines[0]);
}

TEST("a flag after a line that lost its newline starts a line of its own")
{
    const char *path = at("flags-cut.tsv");
    put_str(path, "a\tb\tc\ten\twrong");
    tv_Error err = {0};
    CHECK(tv_flags_append(path, "p", "i", "v", "nl", "unclear", &err));
    Seen seen = {0};
    CHECK_INT(2, tv_flags_list(path, collect, &seen, &err));
    CHECK_STR("p|i|v|nl|unclear", seen.lines[1]);
}

TEST("a flag with an unknown reason is refused; a damaged flags file names its line")
{
    const char *path = at("flags-bad.tsv");
    tv_Error err = {0};
    CHECK(!tv_flags_append(path, "p", "i", "v", "en", "boring", &err));
    CHECK_CONTAINS(err.msg, "'wrong' or 'unclear'");
    put_str(path, "p\ti\tv\ten\twrong\n\np\ti\tv\n");
    Seen seen = {0};
    CHECK_INT(-1, tv_flags_list(path, collect, &seen, &err));
    CHECK_INT(3, err.line);
    CHECK_CONTAINS(err.file, "flags-bad.tsv");
    CHECK_CONTAINS(err.msg, "got 3");
    put_str(path, "p\ti\tv\ten\twrong\x1b[2J\n");
    CHECK_INT(-1, tv_flags_list(path, collect, &seen, &err));
    CHECK_CONTAINS(err.msg, "got 'wrong?[2J'");
}

TEST("a missing flags file lists nothing")
{
    tv_Error err = {0};
    Seen seen = {0};
    CHECK_INT(0, tv_flags_list(at("no-flags.tsv"), collect, &seen, &err));
    CHECK_INT(0, seen.n);
}

/* }====================================================================== */

/* {====================================================================== the folder handle */

TEST("equality notices a change in any one setting")
{
    tv_Settings a, b;
    tv_settings_default(&a);
    b = a;
    CHECK(tv_settings_equal(&a, &b));
    b.auto_advance = true;
    CHECK(!tv_settings_equal(&a, &b));
    b = a;
    b.text_size = 3;
    CHECK(!tv_settings_equal(&a, &b));
    b = a;
    snprintf(b.lang, sizeof b.lang, "nl");
    CHECK(!tv_settings_equal(&a, &b));
}

TEST("the prefs handle names the three files in its folder and saves there")
{
    tv_Prefs p;
    at("x"); /* makes the folder */
    tv_prefs_init(&p, dir);
    char want[600];
    snprintf(want, sizeof want, "%s/settings.txt", dir);
    CHECK_STR(want, tv_prefs_path(&p, TV_PREFS_SETTINGS));
    snprintf(want, sizeof want, "%s/scores.txt", dir);
    CHECK_STR(want, tv_prefs_path(&p, TV_PREFS_SCORES));
    snprintf(want, sizeof want, "%s/flags.tsv", dir);
    CHECK_STR(want, tv_prefs_path(&p, TV_PREFS_FLAGS));
    tv_Settings s, got;
    tv_settings_default(&s);
    s.volume = 33;
    tv_Error err = {0};
    CHECK(tv_prefs_save_settings(&p, &s, &err));
    char warn[256];
    CHECK(tv_prefs_load_settings(&p, &got, warn, sizeof warn));
    CHECK_INT(33, got.volume);
    tv_prefs_free(&p);
    tv_prefs_free(&p); /* safe twice */
}

TEST("a prefs handle without a folder keeps nothing and reports nothing")
{
    tv_Prefs p;
    tv_prefs_init(&p, NULL);
    CHECK(tv_prefs_path(&p, TV_PREFS_SETTINGS) == NULL);
    tv_Settings s;
    char warn[64] = "x";
    CHECK(tv_prefs_load_settings(&p, &s, warn, sizeof warn));
    CHECK_STR("", warn);
    CHECK_INT(70, s.volume);
    tv_Error err = {0};
    CHECK(tv_prefs_save_settings(&p, &s, &err));
    tv_Scores sc;
    CHECK(tv_prefs_load_scores(&p, &sc, warn, sizeof warn));
    CHECK_INT(0, sc.n);
    CHECK(tv_prefs_save_scores(&p, &sc, &err));
    CHECK(tv_prefs_append_flag(&p, "p", "i", "v", "en", "wrong", &err));
    CHECK_INT(0, tv_prefs_list_flags(&p, NULL, NULL, &err));
    tv_Prefs zero = {0};
    CHECK(tv_prefs_path(&zero, TV_PREFS_FLAGS) == NULL);
    tv_prefs_free(&zero);
}

/* }====================================================================== */

TEST_MAIN()
