/* cmd_test.c - `trivium test`: runs scenario files (runner/scenario.h, docs/testing.md)
 * and reports one line per case, a summary, JSON or JUnit (runner/testrun.h).
 * Packs are loaded once per distinct (plugin folders, seed, language) and reused by
 * every scenario that asks for the same, so a thousand scenarios over a few seeds start
 * a few workers, not thousands. Sessions open exactly as `trivium headless` opens them
 * (session_open.h).
 * Trust boundary: the scenario files, parsed and checked in runner/scenario.c; here only
 * folder listings are read (regular *.json files, no dot files, not recursive).
 * Depends on: core, runner, plugin host (through cli.c), app/cli, app/session_open;
 * never Lua or SDL. */
#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "app/cli.h"
#include "app/commands.h"
#include "io/file.h"
#include "runner/replay.h"
#include "runner/scenario.h"
#include "app/session_open.h"
#include "runner/testrun.h"

static const char *const usage_test =
    "usage: trivium test SCENARIO.json|FOLDER ... [--junit FILE] [--format text|json]\n"
    "\n"
    "Runs scenario files (docs/testing.md): each plays one session from its players'\n"
    "answers and compares totals, correct counts and points with its \"expect\". A FOLDER\n"
    "runs every *.json in it, sorted by name. Prints \"ok NAME\" or \"FAIL NAME: why\" per\n"
    "scenario, then \"N passed, N failed\"; --format json prints one JSON document instead,\n"
    "--junit FILE also writes a JUnit XML report. Exit codes: 0 all passed, 1 a scenario\n"
    "failed, 2 usage, 3 a pack failed to load, 4 a bad scenario or answer line (file:line);\n"
    "when several apply, the first of 2, 4, 3, 1.\n";

static const tv_ArgSpec test_args[] = {
    {NULL, true, tv_cli_arg_path, 0, NULL, "a scenario file, or a folder of them"},
    {"--junit", true, tv_arg_string, offsetof(tv_Cli, junit), NULL, "also write a JUnit XML report to FILE"},
    TV_CLI_ROW_FORMAT,
};

/* {====== the files to run: each argument, a folder's *.json sorted by name */

typedef struct Files {
    char **paths;
    int n, cap;
} Files;

static bool files_add(Files *f, const char *path)
{
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 64;
        char **grown = realloc(f->paths, sizeof *grown * (size_t)cap);
        if (!grown)
            return false;
        f->paths = grown, f->cap = cap;
    }
    return (f->paths[f->n] = strdup(path)) != NULL && ++f->n;
}

static void files_free(Files *f)
{
    for (int i = 0; i < f->n; i++)
        free(f->paths[i]);
    free(f->paths);
    *f = (Files){0};
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Returns -1 to go on, else the usage exit code after printing why. */
static int files_collect(Files *f, const tv_Cli *cli)
{
    for (int i = 0; i < cli->n_paths; i++) {
        const char *arg = cli->paths[i];
        struct stat st;
        if (stat(arg, &st) != 0)
            return tv_cli_usage("test", "%s: no such file or folder", arg);
        if (!S_ISDIR(st.st_mode)) {
            if (!files_add(f, arg))
                return tv_cli_usage("test", "out of memory");
            continue;
        }
        DIR *d = opendir(arg);
        if (!d)
            return tv_cli_usage("test", "%s: cannot read the folder", arg);
        int first = f->n;
        for (struct dirent *e; (e = readdir(d));) {
            size_t n = strlen(e->d_name);
            if (n <= 5 || e->d_name[0] == '.' || strcmp(e->d_name + n - 5, ".json") != 0)
                continue;
            char path[4096];
            snprintf(path, sizeof path, "%s%s%s", arg, arg[strlen(arg) - 1] == '/' ? "" : "/", e->d_name);
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && !files_add(f, path)) {
                closedir(d);
                return tv_cli_usage("test", "out of memory");
            }
        }
        closedir(d);
        qsort(f->paths + first, (size_t)(f->n - first), sizeof *f->paths, by_name);
    }
    if (f->n == 0)
        return tv_cli_usage("test", "no scenario files (*.json) found");
    return -1;
}

/* }====== {====== packs, loaded once per (plugin folders, seed, language) */

#define CACHE_MAX 64

typedef struct Entry {
    char *key;
    tv_PackSet set;
    bool discovered;
    tv_Error discover_err;
} Entry;

typedef struct Cache {
    Entry entries[CACHE_MAX];
    int n, next; /* next: the slot to reuse when full, oldest first */
} Cache;

static void entry_free(Entry *e)
{
    free(e->key);
    tv_packset_free(&e->set);
    *e = (Entry){0};
}

/* The set for run's folders, seed and language, discovered (and partly loaded) already
 * when a scenario before asked for the same; NULL when out of memory. */
static Entry *cache_get(Cache *c, const tv_Cli *run)
{
    size_t len = 64;
    for (int i = 0; i < run->n_plugin_dirs; i++)
        len += strlen(run->plugin_dirs[i]) + 1;
    char *key = malloc(len);
    if (!key)
        return NULL;
    size_t at = (size_t)snprintf(key, len, "%llu %s", (unsigned long long)run->seed, run->lang);
    for (int i = 0; i < run->n_plugin_dirs; i++)
        at += (size_t)snprintf(key + at, len - at, "\n%s", run->plugin_dirs[i]);
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->entries[i].key, key) == 0) {
            free(key);
            return &c->entries[i];
        }
    Entry *e;
    if (c->n < CACHE_MAX)
        e = &c->entries[c->n++];
    else {
        e = &c->entries[c->next];
        c->next = (c->next + 1) % CACHE_MAX;
        entry_free(e);
    }
    e->key = key;
    tv_packset_init(&e->set, tv_alloc_default());
    e->discovered = tv_cli_discover(run, &e->set, &e->discover_err);
    return e;
}

/* }====== */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The case's code for err: 3 for a pack, 4 for anything wrong in the scenario. */
static int code_of(const tv_Error *err, char *msg, size_t size)
{
    tv_error_format(err, msg, size);
    /* tv_cli_select words an unknown pack as the headless flag would be. */
    if (strncmp(msg, "--pack ", 7) == 0)
        memmove(msg, msg + 2, strlen(msg + 2) + 1);
    return err->code == TV_ERR_PACK || err->code == TV_ERR_USAGE ? TV_EXIT_PACK : TV_EXIT_SCRIPT;
}

/* Plays sc over packs from the cache and checks it; returns the case's code with msg. */
static int run_scenario(const tv_Scenario *sc, tv_Cli *run, Cache *cache, const tv_Words *words, char *msg,
                        size_t size)
{
    run->n_plugin_dirs = sc->n_plugins;
    memcpy(run->plugin_dirs, sc->plugins, sizeof *sc->plugins * (size_t)sc->n_plugins);
    run->n_select = sc->n_packs;
    memcpy(run->select, sc->packs, sizeof *sc->packs * (size_t)sc->n_packs);
    run->seed = sc->seed, run->have_seed = true;
    run->lang = sc->lang;
    run->timer_percent = sc->timer_percent;
    run->types = sc->types;
    run->no_time_points = !sc->time_points;
    run->no_streak = !sc->streak;
    tv_Error err = {0};
    Entry *e = cache_get(cache, run);
    if (!e)
        return snprintf(msg, size, "out of memory"), 1;
    if (!e->discovered)
        return code_of(&e->discover_err, msg, size);
    int selected[TV_MAX_SELECT * 8], n_sel = 0, n_ids = 0;
    const char *ids[TV_MAX_SELECT];
    tv_Session s = {0};
    if (!tv_cli_select(run, &e->set, selected, &n_sel, &err) ||
        !tv_open_session(run, &e->set, selected, n_sel, sc->count ? sc->count : TV_DEFAULT_COUNT, sc->n_players, &s,
                         ids, &n_ids, &err))
        return tv_session_free(&s), code_of(&err, msg, size);
    /* tv_play_scripts takes the scripts side by side; these are shallow copies. */
    tv_Script *scripts = malloc(sizeof *scripts * (size_t)sc->n_players);
    int code = 0;
    if (!scripts)
        code = 1, snprintf(msg, size, "out of memory");
    for (int p = 0; scripts && p < sc->n_players; p++)
        scripts[p] = sc->players[p].script;
    if (scripts && !tv_play_scripts(&s, scripts, sc->n_players, words->labels, words->n, &err))
        code = code_of(&err, msg, size);
    else if (scripts && !tv_scenario_check(sc, &s, msg, size))
        code = 1;
    free(scripts);
    tv_session_free(&s);
    return code;
}

static int write_junit(const char *path, const tv_TestRun *run)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    tv_Error err = {0};
    bool ok = mem && tv_testrun_junit(mem, run);
    if (mem)
        ok = fclose(mem) == 0 && ok;
    if (!ok)
        tv_error_set(&err, TV_ERR_NOMEM, path, 0, "out of memory");
    else
        ok = tv_file_write_atomic(path, buf, len, &err);
    free(buf);
    return ok ? -1 : tv_cli_fail(&err);
}

int tv_cmd_test(tv_Cli *cli, int argc, char **argv)
{
    int rc = tv_cli_parse(cli, usage_test, test_args, sizeof test_args / sizeof test_args[0], cli, argc, argv, 2);
    if (rc >= 0)
        return rc;
    if (cli->n_paths == 0)
        return tv_cli_usage("test", "give a scenario file or a folder of them");
    Files files = {0};
    rc = files_collect(&files, cli);
    tv_Words words = {0};
    tv_Error err = {0};
    if (rc < 0 && !tv_words_load(cli, &words, &err))
        rc = tv_cli_fail(&err);
    tv_Cli *run = rc < 0 ? malloc(sizeof *run) : NULL;
    Cache *cache = run ? calloc(1, sizeof *cache) : NULL;
    tv_TestRun results;
    tv_testrun_init(&results);
    for (int i = 0; cache && i < files.n; i++) {
        *run = *cli; /* what tv_cli_init found: the worker and its time limit */
        double start = now_s();
        tv_Scenario sc;
        char msg[2048];
        int code = 0;
        if (!tv_scenario_load(&sc, files.paths[i], tv_alloc_default(), &err))
            code_of(&err, msg, sizeof msg), code = TV_EXIT_SCRIPT; /* the file itself is at fault */
        else
            code = run_scenario(&sc, run, cache, &words, msg, sizeof msg);
        char classname[4096];
        snprintf(classname, sizeof classname, "%s", files.paths[i]);
        size_t n = strlen(classname);
        if (n > 5 && strcmp(classname + n - 5, ".json") == 0)
            classname[n - 5] = '\0';
        const tv_TestCase *c = tv_testrun_add(&results, sc.name ? sc.name : files.paths[i], classname, code, msg,
                                              now_s() - start);
        tv_scenario_free(&sc);
        if (!c) {
            rc = 1;
            break;
        }
        if (!cli->json)
            tv_testrun_print_case(stdout, c);
    }
    if (rc < 0 && !cache)
        rc = tv_cli_fail(&(tv_Error){.code = TV_ERR_NOMEM, .msg = "out of memory"});
    if (rc < 0) {
        if (cli->json)
            tv_testrun_json(stdout, &results);
        else
            tv_testrun_print_summary(stdout, &results);
        if (cli->junit)
            rc = write_junit(cli->junit, &results);
        if (rc < 0)
            rc = tv_testrun_exit_code(&results);
    }
    for (int i = 0; cache && i < cache->n; i++)
        entry_free(&cache->entries[i]);
    free(cache);
    free(run);
    tv_testrun_free(&results);
    tv_words_free(&words);
    files_free(&files);
    return rc;
}
