/* cli.c - what the commands share: flag setters over tv_Cli, the plugin search path,
 * pack selection, and printing errors with their exit codes.
 * Depends on: core, plugin host, app/args, app/paths. */
#include "app/cli.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/paths.h"

int tv_cli_fail(const tv_Error *err)
{
    char buf[2048];
    tv_error_format(err, buf, sizeof buf);
    fprintf(stderr, "trivium: %s\n", buf);
    switch (err->code) {
    case TV_ERR_USAGE: return TV_EXIT_USAGE;
    case TV_ERR_PACK: return TV_EXIT_PACK;
    case TV_ERR_SCRIPT: return TV_EXIT_SCRIPT;
    default: return 1;
    }
}

int tv_cli_usage(const char *command, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char clean[1024];
    tv_copy_printable(clean, sizeof clean, msg);
    fprintf(stderr, "trivium %s: %s\n(see trivium %s --help)\n", command, clean, command);
    return TV_EXIT_USAGE;
}

int tv_cli_parse(const tv_Cli *cli, const char *usage, const tv_ArgSpec *specs, size_t n, void *dest, int argc,
                 char **argv, int first)
{
    /* The usage text is written by hand; a flag it does not mention is a flag nobody
     * can find, so a table and its usage must not drift apart. */
    bool only_plugins = false; /* the shared switch: its help line is added below */
    for (size_t i = 0; i < n; i++) {
        bool shared = specs[i].flag && strcmp(specs[i].flag, "--only-plugins") == 0;
        only_plugins = only_plugins || shared;
        assert(!specs[i].flag || shared || strstr(usage, specs[i].flag));
    }
    tv_Error err = {0};
    switch (tv_args_parse(specs, n, dest, argc, argv, first, &err)) {
    case TV_ARGS_OK: return -1;
    case TV_ARGS_HELP:
        fputs(usage, stdout);
        if (only_plugins)
            fputs("\n--plugins DIR also reads the packs in DIR (repeatable); --only-plugins reads those\n"
                  "folders alone: not $TRIVIUM_PLUGIN_PATH, not the built-in packs.\n",
                  stdout);
        return TV_EXIT_OK;
    case TV_ARGS_ERROR: break;
    }
    return tv_cli_usage(cli->command, "%s", err.msg);
}

/* Appends value to a list of at most max; what names the entries in the error. */
static bool append(const char **items, int *n, int max, const tv_ArgSpec *spec, const char *what, const char *value,
                   tv_Error *err)
{
    if (*n == max)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "%s%sat most %d %s", spec->flag ? spec->flag : "",
                            spec->flag ? ": " : "", max, what);
    items[(*n)++] = value;
    return true;
}

bool tv_cli_arg_plugins(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    if (!spec->takes_value) /* --only-plugins */
        return (cli->only_plugins = true);
    return append(cli->plugin_dirs, &cli->n_plugin_dirs, TV_MAX_PLUGIN_DIRS, spec, "folders", value, err);
}

bool tv_cli_arg_pack(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    if (cli->n_select < TV_MAX_SELECT && !*value)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "%s needs a pack id", spec->flag);
    return append(cli->select, &cli->n_select, TV_MAX_SELECT, spec, "packs", value, err);
}

bool tv_cli_arg_answers(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    return append(cli->answers, &cli->n_answers, TV_MAX_ANSWERS, spec, "players", value, err);
}

bool tv_cli_arg_path(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    return append(cli->paths, &cli->n_paths, TV_MAX_SELECT, spec, "paths", value, err);
}

bool tv_cli_arg_seed(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    if (!tv_args_parse_u64(value, &cli->seed))
        return tv_args_expected(err, spec, value);
    cli->have_seed = true;
    return true;
}

bool tv_cli_arg_lang(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    if (strcmp(value, "en") != 0 && strcmp(value, "nl") != 0)
        return tv_args_expected(err, spec, value);
    cli->lang = value, cli->lang_given = true;
    return true;
}

bool tv_cli_arg_format(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    if (strcmp(value, "json") != 0 && strcmp(value, "text") != 0)
        return tv_args_expected(err, spec, value);
    cli->json = strcmp(value, "json") == 0;
    return true;
}

/* A whole number in [lo, hi] into *out. */
static bool in_range(int *out, int lo, int hi, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    uint64_t v;
    if (!tv_args_parse_u64(value, &v) || v < (uint64_t)lo || v > (uint64_t)hi)
        return tv_args_expected(err, spec, value);
    *out = (int)v;
    return true;
}

bool tv_cli_arg_count(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    return in_range(&((tv_Cli *)dest)->count, 1, 10000, spec, value, err);
}

bool tv_cli_arg_timer_percent(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    return in_range(&((tv_Cli *)dest)->timer_percent, 10, 1000, spec, value, err);
}

bool tv_cli_arg_seeds(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    free(cli->seeds);
    return tv_args_parse_seeds(value, &cli->seeds, &cli->n_seeds) || tv_args_expected(err, spec, value);
}

bool tv_cli_arg_types(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    if (!tv_cli_parse_types(value, &((tv_Cli *)dest)->types))
        return tv_args_expected(err, spec, value);
    return true;
}

bool tv_cli_init(tv_Cli *cli)
{
    if (!tv_paths_self(cli->self_exe, sizeof cli->self_exe))
        return false;
    char looked[2 * TV_PATHS_MAX];
    tv_paths_find_worker(cli->self_exe, cli->pack_worker, sizeof cli->pack_worker, looked, sizeof looked);
    const char *env = getenv("TRIVIUM_WORKER_TIMEOUT_MS");
    if (env && atoi(env) > 0)
        cli->worker_timeout_ms = atoi(env);
    if (!getcwd(cli->cwd, sizeof cli->cwd))
        cli->cwd[0] = '\0';
    return true;
}

tv_LoadOptions tv_cli_load_options(const tv_Cli *cli, uint64_t seed, const char *lang)
{
    /* quiz.log is the author's print: shown by the commands an author runs on a pack,
     * never in the game or in the runs that play sessions. Those commands run the
     * workers (no cache), or a cached load would print nothing. */
    static const char *const logging[] = {"lint", "dump", "test", "watch"};
    bool show_logs = false;
    for (size_t i = 0; i < sizeof logging / sizeof logging[0]; i++)
        show_logs = show_logs || (cli->command && strcmp(cli->command, logging[i]) == 0);
    return (tv_LoadOptions){.worker_exe = cli->pack_worker,
                            .seed = seed,
                            .lang = lang,
                            .timeout_ms = cli->worker_timeout_ms,
                            .default_category = cli->default_category,
                            .cache_dir = show_logs ? NULL : cli->cache_dir,
                            .show_logs = show_logs};
}

bool tv_cli_parse_types(const char *list, unsigned *out)
{
    *out = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *save = NULL, *name = strtok_r(buf, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        tv_QType t;
        if (!tv_qtype_parse(name, &t))
            return false;
        *out |= 1u << t;
    }
    return *out != 0;
}

typedef struct Scan {
    tv_PackSet *set;
    tv_Error *err;
} Scan;

static bool scan(const char *dir, void *ud)
{
    Scan *sc = ud;
    return tv_packset_scan(sc->set, dir, sc->err);
}

bool tv_cli_discover(const tv_Cli *cli, tv_PackSet *set, tv_Error *err)
{
    set->display_base = cli->cwd[0] ? cli->cwd : NULL;
    for (int i = 0; i < cli->n_plugin_dirs; i++)
        if (!tv_packset_scan(set, cli->plugin_dirs[i], err))
            return false;
    Scan sc = {set, err};
    if (!cli->only_plugins && !tv_paths_each_plugin_dir(cli->self_exe, scan, &sc))
        return false;
    /* Every pack found is about to be loaded, and only the worker runs pack code. */
    char worker[TV_PATHS_MAX], looked[2 * TV_PATHS_MAX];
    if (set->n > 0 && !cli->pack_worker[0]) {
        tv_paths_find_worker(cli->self_exe, worker, sizeof worker, looked, sizeof looked);
        return tv_error_set(err, TV_ERR_PACK, NULL, 0,
                            "cannot load packs: trivium-pack-worker, which runs their code, is not at %s", looked);
    }
    return true;
}

/* A generator can go wrong on some seeds only, so what it did wrong names the seed: a
 * generated question the worker's schema check refused was left out (the pack plays on,
 * with a warning on stderr), and a pack that failed while generating says so. */
static void note_generator_faults(const tv_Cli *cli, tv_Pack *p)
{
    for (int i = 0; i < p->n_diags; i++) {
        const tv_Diag *d = &p->diags[i];
        if (d->dropped)
            fprintf(stderr, "trivium: warning: pack %s, seed %llu: %s:%d: %s\n", p->loaded ? p->id : p->folder,
                    (unsigned long long)cli->seed, d->file, d->line, d->msg);
        else if (!p->loaded && !d->warning && d->generating && strcmp(d->msg, p->error.msg) == 0 &&
                 strncmp(p->error.msg, "seed ", 5) != 0) {
            char msg[sizeof p->error.msg];
            snprintf(msg, sizeof msg, "seed %llu%s: %s", (unsigned long long)cli->seed,
                     strstr(d->msg, "while generating") ? "" : ", while generating", d->msg);
            snprintf(p->error.msg, sizeof p->error.msg, "%s", msg);
            return;
        }
    }
}

bool tv_cli_select(const tv_Cli *cli, tv_PackSet *set, int *selected, int *n_selected, tv_Error *err)
{
    *n_selected = 0;
    bool all = false;
    for (int i = 0; i < cli->n_select; i++)
        all = all || strcmp(cli->select[i], "all") == 0;
    /* Spawn workers only for the packs named, when every name is a folder name. */
    bool *want = calloc((size_t)(set->n ? set->n : 1), sizeof *want);
    if (!want)
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
    bool by_folder = !all;
    for (int i = 0; i < cli->n_select && by_folder; i++) {
        int found = -1;
        for (int k = 0; k < set->n; k++)
            if (strcmp(set->packs[k].folder, cli->select[i]) == 0)
                found = k;
        if (found < 0)
            by_folder = false;
        else
            want[found] = true;
    }
    /* A pack already tried (loaded, or failed with its error) is not run again: `trivium
     * test` selects from one set, loaded once per seed and language, for many scenarios. */
    bool any = false;
    for (int k = 0; k < set->n; k++) {
        want[k] = (want[k] || !by_folder) && !set->packs[k].loaded && !set->packs[k].error.code;
        any = any || want[k];
    }
    tv_LoadOptions opt = tv_cli_load_options(cli, cli->seed, cli->lang);
    if (any)
        tv_packset_load(set, &opt, want);
    for (int k = 0; any && k < set->n; k++)
        if (want[k])
            note_generator_faults(cli, &set->packs[k]);
    free(want);

    if (all) {
        for (int k = 0; k < set->n; k++) {
            if (set->packs[k].loaded)
                selected[(*n_selected)++] = k;
            else {
                char buf[2048];
                tv_error_format(&set->packs[k].error, buf, sizeof buf);
                fprintf(stderr, "trivium: skipping pack %s: %s\n", set->packs[k].folder, buf);
            }
        }
        if (*n_selected == 0)
            return tv_error_set(err, TV_ERR_PACK, NULL, 0, "no pack could be loaded");
        return true;
    }
    for (int i = 0; i < cli->n_select; i++) {
        int k = tv_packset_find(set, cli->select[i]);
        if (k < 0) {
            char known[1024] = "";
            for (int j = 0; j < set->n && strlen(known) < 900; j++) {
                strcat(known, j ? ", " : "");
                strcat(known, set->packs[j].loaded ? set->packs[j].id : set->packs[j].folder);
            }
            return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "--pack %s: no such pack (found: %s%s)", cli->select[i],
                                known[0] ? known : "none", set->n ? ", or all" : "");
        }
        if (!set->packs[k].loaded) {
            *err = set->packs[k].error;
            err->code = TV_ERR_PACK;
            return false;
        }
        bool dup = false;
        for (int j = 0; j < *n_selected; j++)
            dup = dup || selected[j] == k;
        if (!dup)
            selected[(*n_selected)++] = k;
    }
    return true;
}

const tv_Question *tv_cli_find_question(const tv_PackSet *packs, const char *pack, const char *question,
                                         tv_Error *err)
{
    int k = tv_packset_find(packs, pack);
    if (k < 0) {
        char known[600] = "";
        for (int i = 0; i < packs->n && strlen(known) < 500; i++)
            snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", i ? ", " : "",
                     packs->packs[i].loaded ? packs->packs[i].id : packs->packs[i].folder);
        tv_error_set(err, TV_ERR_USAGE, NULL, 0, "--pack %s: no such pack (found: %s)", pack, known[0] ? known : "none");
        return NULL;
    }
    const tv_Pack *p = &packs->packs[k];
    if (!p->loaded) {
        *err = p->error;
        err->code = TV_ERR_PACK;
        return NULL;
    }
    char known[600] = "";
    for (int i = 0; i < p->n_questions; i++) {
        if (strcmp(p->questions[i].id, question) == 0)
            return &p->questions[i];
        if (strlen(known) < 500)
            snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", i ? ", " : "", p->questions[i].id);
    }
    tv_error_set(err, TV_ERR_USAGE, NULL, 0, "--question %s: pack %s has no such question for this seed (it has: %s%s)",
                 question, p->id, known, strlen(known) >= 500 ? ", ..." : "");
    return NULL;
}

/* Seeds per round of loading in a batch: bounds the packs held in memory at once. */
#define BATCH_BLOCK 256

/* The packs for one seed of a batch: the set's own for packs that do not depend on the
 * seed (or for the seed the set was loaded with), else that seed's load. A selected pack
 * that failed for this seed is skipped under --pack all (as a one-seed run skips it) and
 * an error otherwise. Returns -1 to go on, or the exit code. */
static int seed_view(const tv_Cli *cli, const tv_PackSet *set, const tv_Pack *loaded, const int *selected, int n_sel,
                     tv_PackSet *view, int *sel, int *n_out)
{
    bool all = false;
    for (int i = 0; i < cli->n_select; i++)
        all = all || strcmp(cli->select[i], "all") == 0;
    for (int i = 0; i < set->n; i++) {
        view->packs[i] = loaded && loaded[i].dir ? loaded[i] : set->packs[i];
        if (loaded && loaded[i].dir) /* the first seed's packs were noted by tv_cli_select */
            note_generator_faults(cli, &view->packs[i]);
    }
    *n_out = 0;
    for (int j = 0; j < n_sel; j++) {
        const tv_Pack *p = &view->packs[selected[j]];
        if (p->loaded) {
            sel[(*n_out)++] = selected[j];
            continue;
        }
        if (!all) {
            tv_Error err = p->error;
            err.code = TV_ERR_PACK;
            return tv_cli_fail(&err);
        }
        char buf[2048];
        tv_error_format(&p->error, buf, sizeof buf);
        fprintf(stderr, "trivium: skipping pack %s for seed %llu: %s\n", p->folder, (unsigned long long)cli->seed,
                buf);
    }
    if (*n_out == 0) {
        tv_Error err = {0};
        tv_error_set(&err, TV_ERR_PACK, NULL, 0, "no pack could be loaded");
        return tv_cli_fail(&err);
    }
    return -1;
}

int tv_cli_each_seed(tv_Cli *cli, const uint64_t *seeds, int n_seeds, tv_CliSeedFn visit, void *ud)
{
    tv_PackSet set;
    tv_packset_init(&set, tv_alloc_default());
    tv_Error err = {0};
    int selected[TV_MAX_SELECT * 8];
    int n_sel = 0;
    uint64_t base_seed = seeds[0];
    cli->seed = base_seed, cli->have_seed = true;
    if (!tv_cli_discover(cli, &set, &err) || !tv_cli_select(cli, &set, selected, &n_sel, &err)) {
        tv_packset_free(&set);
        return tv_cli_fail(&err);
    }
    size_t n = (size_t)(set.n ? set.n : 1);
    bool *want = calloc(n, sizeof *want);
    int *sel = calloc((size_t)n_sel + 1, sizeof *sel);
    tv_Pack *view_packs = calloc(n, sizeof *view_packs);
    uint64_t *others = calloc(BATCH_BLOCK, sizeof *others);
    tv_Pack *loaded = n_seeds > 1 ? calloc(n * BATCH_BLOCK, sizeof *loaded) : NULL;
    int rc = -1;
    if (!want || !sel || !view_packs || !others || (n_seeds > 1 && !loaded))
        rc = tv_cli_fail(&(tv_Error){.code = TV_ERR_NOMEM, .msg = "out of memory"});
    bool any_seeded = false;
    for (int j = 0; rc < 0 && j < n_sel; j++) {
        want[selected[j]] = set.packs[selected[j]].seeded;
        any_seeded = any_seeded || want[selected[j]];
    }
    tv_PackSet view = set;
    view.packs = view_packs;
    tv_LoadOptions opt = tv_cli_load_options(cli, base_seed, cli->lang);
    for (int b = 0; rc < 0 && b < n_seeds; b += BATCH_BLOCK) {
        int count = n_seeds - b < BATCH_BLOCK ? n_seeds - b : BATCH_BLOCK;
        int slot[BATCH_BLOCK], n_others = 0;
        for (int k = 0; k < count; k++) {
            slot[k] = any_seeded && seeds[b + k] != base_seed ? n_others : -1;
            if (slot[k] >= 0)
                others[n_others++] = seeds[b + k];
        }
        if (n_others)
            tv_packset_load_seeds(&set, &opt, want, others, n_others, loaded);
        for (int k = 0; rc < 0 && k < count; k++) {
            cli->seed = seeds[b + k];
            int n_use = 0;
            rc = seed_view(cli, &set, slot[k] >= 0 ? loaded + (size_t)slot[k] * (size_t)set.n : NULL, selected,
                           n_sel, &view, sel, &n_use);
            if (rc < 0)
                rc = visit(cli, &view, sel, n_use, b + k, ud);
        }
        if (n_others)
            tv_packs_free(loaded, (size_t)n_others * (size_t)set.n);
    }
    free(want), free(sel), free(view_packs), free(others), free(loaded);
    tv_packset_free(&set);
    return rc;
}
