/* cmd_test.c - `trivium test`: runs scenario files (runner/scenario.h, docs/testing.md)
 * and packs' tests.lua (plugin/pack_tests.h, docs/pack-api.md) as one run, and reports
 * one line per case, one summary, JSON or JUnit (runner/testrun.h). A pack test's
 * t.session is played as a scenario built from its table, by the same code.
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

#include <cjson/cJSON.h>

#include "app/cli.h"
#include "app/commands.h"
#include "io/file.h"
#include "plugin/pack_tests.h"
#include "plugin/wire.h"
#include "runner/report.h"
#include "runner/replay.h"
#include "runner/scenario.h"
#include "app/session_open.h"
#include "runner/testrun.h"

static const char *const usage_test =
    "usage: trivium test [SCENARIO.json|PACK|FOLDER ...] [--plugins DIR ...] [--junit FILE] [--format text|json]\n"
    "\n"
    "Runs scenario files (docs/testing.md) and packs' tests.lua (docs/pack-api.md) in one\n"
    "run. A scenario plays one session from its players' answers and compares totals,\n"
    "correct counts and points with its \"expect\"; a pack's tests.lua runs each test(...)\n"
    "in the pack's sandbox. PACK is a pack folder (or its pack.lua or tests.lua); a FOLDER\n"
    "runs every *.json in it, sorted by name, and the tests of every pack folder in it;\n"
    "with no argument, the tests of every pack found (--plugins, the installed packs).\n"
    "Prints \"ok NAME\" or \"FAIL NAME: why\" per case, then \"N passed, N failed\";\n"
    "--format json prints one JSON document instead, --junit FILE also writes a JUnit XML\n"
    "report. Exit codes: 0 all passed, 1 a case failed, 2 usage, 3 a pack failed to load\n"
    "(or its tests.lua could not run), 4 a bad scenario or answer line (file:line); when\n"
    "several apply, the first of 2, 4, 3, 1.\n";

static const tv_ArgSpec test_args[] = {
    {NULL, true, tv_cli_arg_path, 0, NULL, "a scenario file, a pack folder, or a folder of them"},
    TV_CLI_ROW_PLUGINS,
    {"--junit", true, tv_arg_string, offsetof(tv_Cli, junit), NULL, "also write a JUnit XML report to FILE"},
    TV_CLI_ROW_FORMAT,
};

/* {====== the files to run: each argument, a folder's *.json sorted by name */

typedef struct Files {
    char **paths;
    bool *pack; /* paths[i] is a pack folder whose tests.lua runs, not a scenario */
    int n, cap;
} Files;

static bool files_add(Files *f, const char *path, bool pack)
{
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 64;
        char **grown = realloc(f->paths, sizeof *grown * (size_t)cap);
        if (!grown)
            return false;
        f->paths = grown;
        bool *kinds = realloc(f->pack, sizeof *kinds * (size_t)cap);
        if (!kinds)
            return false;
        f->pack = kinds, f->cap = cap;
    }
    f->pack[f->n] = pack;
    return (f->paths[f->n] = strdup(path)) != NULL && ++f->n;
}

static void files_free(Files *f)
{
    for (int i = 0; i < f->n; i++)
        free(f->paths[i]);
    free(f->paths);
    free(f->pack);
    *f = (Files){0};
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool is_file(const char *dir, const char *name)
{
    char path[4200];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A path ending in /NAME (or NAME itself): its folder into dir, else false. */
static bool folder_of(const char *path, const char *name, char *dir, size_t size)
{
    size_t n = strlen(path), k = strlen(name);
    if (n < k || strcmp(path + n - k, name) != 0 || (n > k && path[n - k - 1] != '/'))
        return false;
    size_t cut = n > k + 1 ? n - k - 1 : 0;
    snprintf(dir, size, "%.*s", (int)cut, cut ? path : ".");
    return true;
}

/* A folder's entries: *.json scenarios sorted by name, then its pack folders that have
 * a tests.lua, sorted by name. */
static int collect_folder(Files *f, const char *arg)
{
    DIR *d = opendir(arg);
    if (!d)
        return tv_cli_usage("test", "%s: cannot read the folder", arg);
    int first = f->n;
    Files packs = {0};
    const char *sep = arg[strlen(arg) - 1] == '/' ? "" : "/";
    bool oom = false;
    for (struct dirent *e; (e = readdir(d)) && !oom;) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s%s%s", arg, sep, e->d_name);
        if (stat(path, &st) != 0)
            continue;
        if (S_ISREG(st.st_mode) && n > 5 && strcmp(e->d_name + n - 5, ".json") == 0)
            oom = !files_add(f, path, false);
        else if (S_ISDIR(st.st_mode) && is_file(path, TV_PACK_FILE) && is_file(path, TV_TESTS_FILE))
            oom = !files_add(&packs, path, true);
    }
    closedir(d);
    /* f->pack[first..] are all false (scenarios), so sorting the paths alone is enough. */
    if (f->n > first)
        qsort(f->paths + first, (size_t)(f->n - first), sizeof *f->paths, by_name);
    if (packs.n)
        qsort(packs.paths, (size_t)packs.n, sizeof *packs.paths, by_name);
    for (int i = 0; i < packs.n && !oom; i++)
        oom = !files_add(f, packs.paths[i], true);
    files_free(&packs);
    return oom ? tv_cli_usage("test", "out of memory") : -1;
}

/* With no argument: every pack found that has a tests.lua. */
static int collect_found(Files *f, const tv_Cli *cli)
{
    tv_PackSet set;
    tv_Error err = {0};
    tv_packset_init(&set, tv_alloc_default());
    set.display_base = cli->cwd[0] ? cli->cwd : NULL;
    int rc = -1;
    if (!tv_cli_discover(cli, &set, &err))
        rc = tv_cli_fail(&err);
    for (int i = 0; rc < 0 && i < set.n; i++)
        if (is_file(set.packs[i].dir, TV_TESTS_FILE) && !files_add(f, set.packs[i].display, true))
            rc = tv_cli_usage("test", "out of memory");
    tv_packset_free(&set);
    if (rc < 0 && f->n == 0)
        rc = tv_cli_usage("test", "no pack found has a tests.lua; give scenario files, pack folders or folders of them");
    return rc;
}

/* Returns -1 to go on, else the usage exit code after printing why. */
static int files_collect(Files *f, const tv_Cli *cli)
{
    if (cli->n_paths == 0)
        return collect_found(f, cli);
    for (int i = 0; i < cli->n_paths; i++) {
        const char *arg = cli->paths[i];
        struct stat st;
        char dir[4096];
        int rc = -1;
        if (stat(arg, &st) != 0)
            return tv_cli_usage("test", "%s: no such file or folder", arg);
        if (!S_ISDIR(st.st_mode)) {
            bool pack = folder_of(arg, TV_TESTS_FILE, dir, sizeof dir) || folder_of(arg, TV_PACK_FILE, dir, sizeof dir);
            if (pack && !is_file(dir, TV_TESTS_FILE))
                return tv_cli_usage("test", "%s: the pack has no " TV_TESTS_FILE " (docs/pack-api.md, \"Testing a pack\")",
                                    dir);
            if (!files_add(f, pack ? dir : arg, pack))
                return tv_cli_usage("test", "out of memory");
        } else if (is_file(arg, TV_PACK_FILE)) {
            if (!is_file(arg, TV_TESTS_FILE))
                return tv_cli_usage("test", "%s: the pack has no " TV_TESTS_FILE " (docs/pack-api.md, \"Testing a pack\")",
                                    arg);
            snprintf(dir, sizeof dir, "%s", arg);
            size_t n = strlen(dir);
            while (n > 1 && dir[n - 1] == '/')
                dir[--n] = '\0';
            if (!files_add(f, dir, true))
                return tv_cli_usage("test", "out of memory");
        } else if ((rc = collect_folder(f, arg)) >= 0)
            return rc;
    }
    if (f->n == 0)
        return tv_cli_usage("test", "no scenario files (*.json) or packs with a tests.lua found");
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

/* Plays sc over packs from the cache and checks it; returns the case's code with msg.
 * report, when not NULL, gets the session's result as `trivium headless --format json`
 * prints it (malloc'd; for a pack test's t.session). */
static int run_scenario(const tv_Scenario *sc, tv_Cli *run, Cache *cache, const tv_Words *words, char *msg,
                        size_t size, char **report)
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
    if (scripts && code == 0 && report) {
        const char **names = calloc((size_t)sc->n_players, sizeof *names);
        size_t len = 0;
        FILE *mem = names ? open_memstream(report, &len) : NULL;
        for (int p = 0; names && p < sc->n_players; p++)
            names[p] = sc->players[p].name;
        tv_ReportInfo info = {.lang = run->lang, .labels = tv_words_of(words, run->lang), .n_packs = n_ids,
                              .packs = ids, .players = names, .one_line = true};
        bool ok = mem && tv_report_session_json(mem, &s, &info);
        if (mem)
            ok = fclose(mem) == 0 && ok;
        if (!ok) {
            free(*report);
            *report = NULL;
            code = 1, snprintf(msg, size, "out of memory");
        }
        free(names);
    }
    free(scripts);
    tv_session_free(&s);
    return code;
}

/* {====== a pack's tests.lua: the host's answers to t.questions and t.session */

typedef struct PackRun {
    const tv_Cli *cli;
    tv_Cli *run;
    Cache *cache;
    const tv_Words *words;
    char dir[4096], parent[4096], folder[4096], tests[4200];
    tv_TestRun *results;
    double last;
    bool print;
    bool failed_to_add;
} PackRun;

static char *reply_error(const char *msg, int code)
{
    cJSON *r = cJSON_CreateObject();
    cJSON_AddFalseToObject(r, "ok");
    cJSON_AddStringToObject(r, "error", msg);
    cJSON_AddNumberToObject(r, "code", code);
    char *text = cJSON_PrintUnformatted(r);
    cJSON_Delete(r);
    return text;
}

static cJSON *strings(const char *const *s, int n)
{
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < n; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(s[i]));
    return arr;
}

/* A question as tests.lua sees it: the constructor's own field names, in the language
 * asked, after the host's checks (what the game would play). */
static cJSON *question_data(const tv_Question *q, bool generated)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", q->id);
    cJSON_AddStringToObject(o, "type", tv_qtype_name(q->type));
    cJSON_AddBoolToObject(o, "generated", generated);
    cJSON_AddStringToObject(o, "prompt", q->prompt);
    switch (q->type) {
    case TV_Q_CHOICE:
        cJSON_AddStringToObject(o, "answer", q->options[0]);
        cJSON_AddItemToObject(o, "wrong", strings(q->options + 1, q->n_options - 1));
        break;
    case TV_Q_TRUEFALSE: cJSON_AddBoolToObject(o, "answer", q->truth); break;
    case TV_Q_NUMERIC:
        cJSON_AddNumberToObject(o, "answer", q->number);
        cJSON_AddNumberToObject(o, "tolerance", q->tolerance);
        cJSON_AddStringToObject(o, "unit", q->unit);
        break;
    case TV_Q_ORDER: cJSON_AddItemToObject(o, "items", strings(q->items, q->n_items)); break;
    case TV_Q_TEXT: cJSON_AddItemToObject(o, "answer", strings(q->accept, q->n_accept)); break;
    }
    cJSON_AddNumberToObject(o, "difficulty", q->difficulty);
    cJSON_AddStringToObject(o, "category", q->category);
    cJSON_AddNumberToObject(o, "time", q->time_limit_ms / 1000.0);
    cJSON_AddStringToObject(o, "explain", q->explain);
    cJSON_AddStringToObject(o, "source", q->source);
    cJSON_AddStringToObject(o, "asks", q->asks ? q->asks : "");
    cJSON_AddItemToObject(o, "shows", strings(q->shows, q->n_shows));
    cJSON_AddStringToObject(o, "where", q->where);
    return o;
}

static const cJSON *member(const cJSON *o, const char *k) { return cJSON_GetObjectItemCaseSensitive(o, k); }

static char *serve_questions(PackRun *pr, const cJSON *req)
{
    const cJSON *seed = member(req, "seed"), *lang = member(req, "lang");
    tv_Cli *run = pr->run;
    *run = *pr->cli;
    run->n_plugin_dirs = 1;
    run->plugin_dirs[0] = pr->parent;
    run->n_select = 1;
    run->select[0] = pr->folder;
    run->seed = cJSON_IsNumber(seed) && seed->valuedouble >= 0 ? (uint64_t)seed->valuedouble : 1;
    run->lang = cJSON_IsString(lang) && strcmp(lang->valuestring, "nl") == 0 ? "nl" : "en";
    Entry *e = cache_get(pr->cache, run);
    if (!e)
        return NULL;
    char msg[2048];
    if (!e->discovered)
        return code_of(&e->discover_err, msg, sizeof msg), reply_error(msg, TV_EXIT_PACK);
    int selected[TV_MAX_SELECT * 8], n_sel = 0;
    tv_Error err = {0};
    if (!tv_cli_select(run, &e->set, selected, &n_sel, &err)) {
        tv_error_format(&err, msg, sizeof msg);
        return reply_error(msg, TV_EXIT_PACK);
    }
    const tv_Pack *p = &e->set.packs[selected[0]];
    cJSON *r = cJSON_CreateObject();
    cJSON_AddTrueToObject(r, "ok");
    cJSON *list = cJSON_AddArrayToObject(r, "result");
    for (int k = 0; k < p->n_questions; k++)
        cJSON_AddItemToArray(list, question_data(&p->questions[k], k >= p->n_static));
    char *text = cJSON_PrintUnformatted(r);
    cJSON_Delete(r);
    return text;
}

/* t.session's table, as the worker sent it, becomes a scenario of this one pack: parsed
 * and checked by the scenario reader and played by run_scenario, like any other. */
static char *serve_session(PackRun *pr, cJSON *req)
{
    cJSON_DeleteItemFromObjectCaseSensitive(req, "what");
    cJSON_AddStringToObject(req, "name", "t.session");
    cJSON *packs = cJSON_AddArrayToObject(req, "packs");
    cJSON_AddItemToArray(packs, cJSON_CreateString(pr->folder));
    char *text = cJSON_PrintUnformatted(req);
    if (!text)
        return NULL;
    tv_Scenario sc;
    tv_Error err = {0};
    char msg[2048];
    char *reply = NULL;
    if (!tv_scenario_parse(&sc, pr->tests, text, strlen(text), tv_alloc_default(), &err)) {
        /* The scenario is the worker's one-line rendering of the table: its file:line
         * would say nothing; the test's own line comes with the error in tests.lua. */
        snprintf(msg, sizeof msg, "t.session: %s", err.msg);
        reply = reply_error(msg, TV_EXIT_SCRIPT);
    } else {
        sc.plugins[0] = pr->parent; /* the folder above the pack, as found (not relative to tests.lua) */
        sc.n_plugins = 1;
        *pr->run = *pr->cli;
        char *report = NULL;
        int code = run_scenario(&sc, pr->run, pr->cache, pr->words, msg, sizeof msg, &report);
        if (code)
            reply = reply_error(msg, code);
        else if (report) {
            size_t n = strlen(report) + 32;
            reply = malloc(n);
            if (reply)
                snprintf(reply, n, "{\"ok\":true,\"result\":%s}", report);
        }
        free(report);
    }
    tv_scenario_free(&sc);
    free(text);
    return reply;
}

static char *serve(void *ctx, const char *request, size_t len)
{
    PackRun *pr = ctx;
    cJSON *req = cJSON_ParseWithLength(request, len);
    const cJSON *what = member(req, "what");
    char *reply;
    if (cJSON_IsString(what) && strcmp(what->valuestring, "questions") == 0)
        reply = serve_questions(pr, req);
    else if (cJSON_IsString(what) && strcmp(what->valuestring, "session") == 0)
        reply = serve_session(pr, req);
    else
        reply = reply_error("unknown request", 1);
    cJSON_Delete(req);
    return reply;
}

/* A case is named "PACK: test name": packs often share test names ("every order question
 * has distinct items"), and the text report has no other column for the pack. */
static void add_case(PackRun *pr, const char *name, int code, const char *message)
{
    char classname[4300], full[4700];
    snprintf(classname, sizeof classname, "%s/tests", pr->dir);
    snprintf(full, sizeof full, "%s: %s", pr->folder, name);
    double now = now_s();
    const tv_TestCase *c = tv_testrun_add(pr->results, full, classname, code, message, now - pr->last);
    pr->last = now;
    if (!c)
        pr->failed_to_add = true;
    else if (pr->print)
        tv_testrun_print_case(stdout, c);
}

static void on_case(void *ctx, const char *name, int code, const char *message)
{
    add_case(ctx, name, code, message);
}

/* Runs the tests.lua of the pack folder dir into results; false when out of memory. */
static bool run_pack_tests(const tv_Cli *cli, tv_Cli *run, Cache *cache, const tv_Words *words, const char *dir,
                           tv_TestRun *results)
{
    PackRun *pr = calloc(1, sizeof *pr);
    if (!pr)
        return false;
    *pr = (PackRun){.cli = cli, .run = run, .cache = cache, .words = words, .results = results, .print = !cli->json};
    snprintf(pr->dir, sizeof pr->dir, "%s", dir);
    const char *slash = strrchr(pr->dir, '/');
    snprintf(pr->folder, sizeof pr->folder, "%s", slash ? slash + 1 : pr->dir);
    if (slash)
        snprintf(pr->parent, sizeof pr->parent, "%.*s", (int)(slash - pr->dir), slash == pr->dir ? "/" : pr->dir);
    else
        snprintf(pr->parent, sizeof pr->parent, ".");
    snprintf(pr->tests, sizeof pr->tests, "%s/" TV_TESTS_FILE, pr->dir);
    pr->last = now_s();
    tv_PackTestHost host = {pr, serve, on_case};
    tv_Error err = {0};
    if (!tv_pack_tests_run(cli->pack_worker, pr->dir, pr->dir, cli->worker_timeout_ms, &host, &err)) {
        char msg[2048];
        tv_error_format(&err, msg, sizeof msg);
        add_case(pr, TV_TESTS_FILE, TV_EXIT_PACK, msg);
    }
    bool ok = !pr->failed_to_add;
    free(pr);
    return ok;
}

/* }====== */

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
        if (files.pack[i]) {
            if (!run_pack_tests(cli, run, cache, &words, files.paths[i], &results)) {
                rc = 1;
                break;
            }
            continue;
        }
        double start = now_s();
        tv_Scenario sc;
        char msg[2048];
        int code = 0;
        if (!tv_scenario_load(&sc, files.paths[i], tv_alloc_default(), &err))
            code_of(&err, msg, sizeof msg), code = TV_EXIT_SCRIPT; /* the file itself is at fault */
        else
            code = run_scenario(&sc, run, cache, &words, msg, sizeof msg, NULL);
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
