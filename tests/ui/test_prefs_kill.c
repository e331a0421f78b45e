/* ui.prefs-kill: SIGKILL a process that is saving settings, high scores and flags
 * (prefs_kill_helper, the real save functions) at random moments, a few hundred times;
 * after every kill each file is a whole old or new version (it loads cleanly, and its
 * fields all come from one generation), no .bad copy appears, and the start-up
 * clean-up (tv_prefs_remove_stale_temps) leaves no temp file behind.
 * usage: test_prefs_kill HELPER */
#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "ui/prefs.h"

#define KILLS 300
#define MAX_SECONDS 20

static const char *helper;
static char dir[] = "/tmp/trivium-kill-XXXXXX";

static void remove_dir(void)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        char p[600];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (e->d_name[0] != '.')
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

static int count_names(const char *containing)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;)
        n += strstr(e->d_name, containing) != NULL;
    if (d)
        closedir(d);
    return n;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void check_flag(void *ud, const char *const f[5])
{
    int *bad = ud;
    *bad += strcmp(f[0], "kill-pack") != 0 || f[1][0] != 'q' || strcmp(f[2], "1.0.0") != 0;
}

/* False (and a message) when a file is not a whole version. */
static bool files_whole(const tv_Prefs *prefs, int kill)
{
    bool ok = true;
    char warn[1024];
    tv_Settings s;
    if (!tv_prefs_load_settings(prefs, &s, warn, sizeof warn)) {
        fprintf(stderr, "  kill %d: settings: %s\n", kill, warn);
        ok = false;
    } else if (access(tv_prefs_path(prefs, TV_PREFS_SETTINGS), F_OK) == 0) {
        int v = s.volume;
        if (s.timer_percent != 50 + v || s.text_size != v % 4 || s.count != 5 + v % 46 || s.mute != (v % 2 == 1)) {
            fprintf(stderr, "  kill %d: settings mix generations (volume %d, timer_percent %d)\n", kill, v,
                    s.timer_percent);
            ok = false;
        }
    }
    tv_Scores sc;
    if (!tv_prefs_load_scores(prefs, &sc, warn, sizeof warn)) {
        fprintf(stderr, "  kill %d: scores: %s\n", kill, warn);
        ok = false;
    } else if (sc.n) {
        const tv_ScoreTable *t = tv_scores_find(&sc, "kill+loop");
        char name[32];
        if (t && t->n == 1)
            snprintf(name, sizeof name, "g%d", t->entries[0].score);
        if (sc.n != 1 || !t || t->n != 1 || strcmp(name, t->entries[0].name) != 0 ||
            t->entries[0].correct != t->entries[0].score % 1000) {
            fprintf(stderr, "  kill %d: scores.txt is not one generation\n", kill);
            ok = false;
        }
    }
    tv_scores_free(&sc);
    tv_Error err = {0};
    int bad = 0;
    if (tv_prefs_list_flags(prefs, check_flag, &bad, &err) < 0 || bad) {
        fprintf(stderr, "  kill %d: flags: %s:%d: %s (%d bad)\n", kill, err.file, err.line, err.msg, bad);
        ok = false;
    }
    if (count_names(".bad")) {
        fprintf(stderr, "  kill %d: a .bad copy appeared\n", kill);
        ok = false;
    }
    return ok;
}

TEST("every file is a whole old or new version after each SIGKILL, and clean-up leaves no temp file")
{
    CHECK(mkdtemp(dir) != NULL);
    atexit(remove_dir);
    tv_Prefs prefs;
    tv_prefs_init(&prefs, dir);
    srand((unsigned)time(NULL));
    double start = now_s();
    int kills = 0, removed = 0, failures = 0;
    for (; kills < KILLS && now_s() - start < MAX_SECONDS && failures < 5; kills++) {
        char gen[32];
        snprintf(gen, sizeof gen, "%d", kills * 100000);
        pid_t pid = fork();
        if (pid == 0) {
            execl(helper, helper, dir, gen, (char *)NULL);
            _exit(127);
        }
        CHECK(pid > 0);
        if (pid <= 0)
            return;
        /* 0..20 ms: sometimes before the first save, mostly in the middle of one. */
        struct timespec nap = {0, (long)(rand() % 20000) * 1000};
        nanosleep(&nap, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFSIGNALED(status)) {
            fprintf(stderr, "  kill %d: the helper exited by itself (status %d)\n", kills, status);
            failures++;
            continue;
        }
        if (!files_whole(&prefs, kills))
            failures++;
        /* What the game does at start-up. */
        tv_Error err = {0};
        int n = tv_prefs_remove_stale_temps(&prefs, 0, &err);
        if (n < 0) {
            fprintf(stderr, "  kill %d: clean-up: %s: %s\n", kills, err.file, err.msg);
            failures++;
        }
        removed += n > 0 ? n : 0;
        if (count_names(".tmp.")) {
            fprintf(stderr, "  kill %d: a temp file is left after the clean-up\n", kills);
            failures++;
        }
    }
    printf("%d kills in %.1f s, %d temp files of cut-short saves removed\n", kills, now_s() - start, removed);
    CHECK_INT(0, failures);
    CHECK(kills >= 100);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_prefs_kill HELPER\n");
        return 2;
    }
    helper = argv[1];
    for (int i = 0; i < check_n; i++) {
        check_failed_here = 0;
        check_cases[i].fn();
        printf("%s: %s\n", check_failed_here ? "FAIL" : "ok", check_cases[i].name);
        check_failures += check_failed_here;
    }
    return check_failures ? 1 : 0;
}
