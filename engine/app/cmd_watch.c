/* cmd_watch.c - `trivium watch PATH ...`: re-lints a pack and re-runs its tests each time
 * one of its files is saved, and prints a short summary. The pack author's loop: keep
 * this open beside the editor.
 *
 * Saves are seen through inotify on each pack folder (io/dirwatch.h); Ctrl-C arrives
 * through a signalfd, so the one wait covers both and nothing runs in a signal handler.
 * The checks are `trivium lint DIR` and, when the pack has a tests.lua, `trivium test
 * DIR`, run as child processes of this same executable: exactly what the author would
 * type, and a check that crashes or hangs cannot take the watch down.
 * Depends on: app/cli, io/dirwatch, plugin/children (to run the checks), Linux (signalfd). */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/cli.h"
#include "app/commands.h"
#include "io/dirwatch.h"
#include "plugin/children.h"

static const char *const usage_watch =
    "usage: trivium watch PATH ... [--strict]\n"
    "\n"
    "Watches pack folders (PATH: a pack folder, its pack.lua, or a folder of packs) and, at\n"
    "start and on every save of a .lua file in one, runs `trivium lint` on that pack and,\n"
    "when it has a tests.lua, `trivium test` on it. Prints what they found (file:line:\n"
    "message) and one summary line per pack, named by its folder:\n"
    "  watch: FOLDER: ok: lint clean; tests: 3 passed, 0 failed (120 ms)\n"
    "  watch: FOLDER: BROKEN: lint: 1 error, 0 warnings (40 ms); last good 14:02:11: ...\n"
    "A folder of packs is read once, at start: a pack added to it later is not watched.\n"
    "--strict is passed to lint (warnings count as errors). Ctrl-C stops it (exit 0).\n"
    "Exit codes: 0 stopped by Ctrl-C, 2 usage (a PATH that holds no pack).\n";

#define MAX_WATCHED TV_DIRWATCH_MAX
/* A check that takes longer than this is stuck; its pack's workers have their own limits. */
#define CHECK_TIMEOUT_MS 120000

typedef struct Watched {
    char dir[4096];
    bool dirty;       /* a file changed since the last run */
    char good[5100];  /* the last summary that passed, with its time; "" before any */
} Watched;

typedef struct Watch {
    const tv_Cli *cli;
    int n;
    Watched packs[MAX_WATCHED];
} Watch;

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool has_file(const char *dir, const char *name)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, F_OK) == 0;
}

static bool add_pack(Watch *w, const char *dir, tv_Error *err)
{
    for (int i = 0; i < w->n; i++)
        if (strcmp(w->packs[i].dir, dir) == 0)
            return true;
    if (w->n == MAX_WATCHED)
        return tv_error_set(err, TV_ERR_USAGE, dir, 0, "at most %d packs can be watched at once", MAX_WATCHED);
    Watched *p = &w->packs[w->n++];
    snprintf(p->dir, sizeof p->dir, "%s", dir);
    p->dirty = true; /* the first run */
    p->good[0] = '\0';
    return true;
}

/* PATH as lint takes it: a pack folder, its pack.lua, or a folder of pack folders. */
static bool add_path(Watch *w, const char *path, tv_Error *err)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        dir[--len] = '\0';
    if (!is_dir(dir)) {
        const char *base = strrchr(dir, '/');
        if (strcmp(base ? base + 1 : dir, "pack.lua") != 0 || access(dir, F_OK) != 0)
            return tv_error_set(err, TV_ERR_USAGE, path, 0, "not a pack folder, a pack.lua or a folder of packs");
        if (!base)
            snprintf(dir, sizeof dir, ".");
        else
            dir[base - dir] = '\0';
        return add_pack(w, dir, err);
    }
    if (has_file(dir, "pack.lua"))
        return add_pack(w, dir, err);
    tv_PackSet set;
    tv_packset_init(&set, tv_alloc_default());
    bool ok = tv_packset_scan(&set, dir, err);
    for (int i = 0; ok && i < set.n; i++)
        ok = add_pack(w, set.packs[i].dir, err);
    int found = set.n;
    tv_packset_free(&set);
    if (ok && found == 0)
        return tv_error_set(err, TV_ERR_USAGE, path, 0, "no pack.lua here or in its subfolders");
    return ok;
}

/* Runs `trivium ARGS...` to its end; false (with why) when it could not start. */
static bool run_self(const tv_Cli *cli, char **args, tv_Child *c, char *why, size_t size)
{
    char *argv[TV_CHILD_MAX_ARGS] = {(char *)cli->self_exe};
    int n = 1;
    for (int i = 0; args[i] && n < TV_CHILD_MAX_ARGS - 1; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    if (!tv_child_start(c, argv, CHECK_TIMEOUT_MS, false)) {
        snprintf(why, size, "cannot run %s: %s", cli->self_exe, strerror(errno));
        return false;
    }
    tv_children_wait(c, 1, 1);
    return true;
}

/* The line of text starting with prefix in buf[0..len), copied to out without it;
 * false when there is none. */
static bool find_line(const char *buf, size_t len, const char *prefix, char *out, size_t size)
{
    size_t plen = strlen(prefix);
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(buf + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - buf) : len;
        if (end - at >= plen && memcmp(buf + at, prefix, plen) == 0) {
            size_t n = end - at - plen;
            if (n >= size)
                n = size - 1;
            memcpy(out, buf + at + plen, n);
            out[n] = '\0';
            return true;
        }
        at = end + 1;
    }
    return false;
}

/* Prints what a check printed, except the lines that start with skip (its own summary,
 * which the watch's summary line repeats). */
static void echo_except(const char *buf, size_t len, const char *skip)
{
    size_t slen = skip ? strlen(skip) : 0;
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(buf + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - buf) : len;
        if (!skip || end - at < slen || memcmp(buf + at, skip, slen) != 0) {
            fwrite(buf + at, 1, end - at, stdout);
            fputc('\n', stdout);
        }
        at = end + 1;
    }
}

/* The pack's folder name, for the summary line. */
static const char *pack_name(const Watched *p)
{
    const char *slash = strrchr(p->dir, '/');
    return slash && slash[1] ? slash + 1 : p->dir;
}

/* Lints the pack and runs its tests, printing what they found and one summary line. */
static void check(const Watch *w, Watched *p)
{
    int64_t t0 = now_ms();
    char why[4400] = "", lint[256] = "", tests[256] = "";
    bool ok = true;

    tv_Child c;
    char *lint_args[] = {"lint", p->dir, w->cli->strict ? "--strict" : NULL, NULL};
    if (!run_self(w->cli, lint_args, &c, why, sizeof why))
        ok = false;
    else {
        echo_except(c.out, c.out_len, NULL);
        echo_except(c.err, c.err_len, "lint: ");
        char counts[200];
        /* "lint: 1 pack checked, 0 errors, 2 warnings": the part after the pack count. */
        if (find_line(c.err, c.err_len, "lint: ", counts, sizeof counts)) {
            const char *comma = strchr(counts, ',');
            snprintf(lint, sizeof lint, "lint: %s", comma ? comma + 2 : counts);
        }
        if (!tv_child_exited(&c) || WEXITSTATUS(c.status) != 0) {
            ok = false;
            if (!lint[0])
                tv_child_describe(&c, "lint", lint, sizeof lint);
        } else if (strstr(lint, " 0 warnings"))
            snprintf(lint, sizeof lint, "lint clean");
    }
    tv_child_free(&c);

    if (ok && has_file(p->dir, "tests.lua")) {
        char *test_args[] = {"test", p->dir, NULL};
        if (!run_self(w->cli, test_args, &c, why, sizeof why))
            ok = false;
        else {
            echo_except(c.out, c.out_len, NULL);
            echo_except(c.err, c.err_len, NULL);
            /* The runner's last line: "N passed, N failed". */
            char last[200] = "";
            for (size_t at = 0; at < c.out_len;) {
                const char *nl = memchr(c.out + at, '\n', c.out_len - at);
                size_t end = nl ? (size_t)(nl - c.out) : c.out_len;
                if (end > at && end - at < sizeof last) {
                    memcpy(last, c.out + at, end - at);
                    last[end - at] = '\0';
                }
                at = end + 1;
            }
            bool passed = tv_child_exited(&c) && WEXITSTATUS(c.status) == 0;
            if (strstr(last, " passed, "))
                snprintf(tests, sizeof tests, "tests: %s", last);
            else
                tv_child_describe(&c, "trivium test", tests, sizeof tests);
            ok = ok && passed;
        }
        tv_child_free(&c);
    }

    char summary[5000];
    snprintf(summary, sizeof summary, "%s%s%s%s%s", lint, tests[0] ? "; " : "", tests, why[0] ? "; " : "", why);
    long ms = (long)(now_ms() - t0);
    if (ok) {
        char clock[16] = "";
        time_t t = time(NULL);
        struct tm tm;
        if (localtime_r(&t, &tm))
            strftime(clock, sizeof clock, "%H:%M:%S", &tm);
        snprintf(p->good, sizeof p->good, "%s: %s", clock, summary);
        printf("watch: %s: ok: %s (%ld ms)\n", pack_name(p), summary, ms);
    } else
        /* The last good result stays in view: what worked before this save. */
        printf("watch: %s: BROKEN: %s (%ld ms); %s%s\n", pack_name(p), summary, ms,
               p->good[0] ? "last good " : "no good run yet", p->good);
    fflush(stdout);
}

static const tv_ArgSpec watch_args[] = {
    {"--strict", false, NULL, offsetof(tv_Cli, strict), NULL, "lint with warnings as errors"},
    {NULL, true, tv_cli_arg_path, 0, NULL, "a pack folder, pack.lua or folder of packs to watch (repeatable)"},
};

int tv_cmd_watch(tv_Cli *cli, int argc, char **argv)
{
    int rc = tv_cli_parse(cli, usage_watch, watch_args, sizeof watch_args / sizeof watch_args[0], cli, argc, argv, 2);
    if (rc >= 0)
        return rc;
    if (cli->n_paths == 0)
        return tv_cli_usage("watch", "name at least one pack folder to watch");
    static Watch w; /* 64 folders of paths: off the stack */
    memset(&w, 0, sizeof w);
    w.cli = cli;
    tv_Error err = {0};
    for (int i = 0; i < cli->n_paths; i++)
        if (!add_path(&w, cli->paths[i], &err))
            return tv_cli_fail(&err);

    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigprocmask(SIG_BLOCK, &stop, NULL);
    int sfd = signalfd(-1, &stop, SFD_CLOEXEC);
    tv_DirWatch dw;
    if (sfd < 0 || !tv_dirwatch_init(&dw, &err)) {
        if (sfd < 0)
            tv_error_set(&err, TV_ERR_IO, NULL, 0, "cannot catch Ctrl-C (signalfd): %s", strerror(errno));
        else
            close(sfd);
        return tv_cli_fail(&err);
    }
    for (int i = 0; i < w.n; i++)
        if (tv_dirwatch_add(&dw, w.packs[i].dir, &err) < 0) {
            tv_dirwatch_free(&dw);
            close(sfd);
            return tv_cli_fail(&err);
        }
    printf("watch: watching %d pack%s; Ctrl-C stops\n", w.n, w.n == 1 ? "" : "s");
    fflush(stdout);

    bool changed[MAX_WATCHED], gone[MAX_WATCHED];
    for (;;) {
        for (int i = 0; i < w.n; i++)
            if (w.packs[i].dirty) {
                w.packs[i].dirty = false;
                check(&w, &w.packs[i]);
            }
        int rc_wait = tv_dirwatch_wait(&dw, sfd, -1, changed, gone);
        if (rc_wait < 0)
            break; /* Ctrl-C */
        for (int i = 0; i < w.n; i++) {
            w.packs[i].dirty = changed[i];
            if (gone[i])
                printf("watch: %s: the folder %s is gone; no longer watched\n", pack_name(&w.packs[i]),
                       w.packs[i].dir);
        }
    }
    printf("watch: stopped\n");
    fflush(stdout);
    tv_dirwatch_free(&dw);
    close(sfd);
    return TV_EXIT_OK;
}
