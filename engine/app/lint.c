/* lint.c - `trivium lint`: runs each pack over every seed of --seeds (default 1-20) in
 * every language it declares that Trivium plays, once more on the first seed to prove
 * the generator deterministic, and prints each finding once: file:line: severity:
 * message, or with --format json one {file, line, severity, message, seed} per finding.
 * A finding made while generate ran, or one only later seeds give, names the first seed
 * (and language) that gave it; a source counts as used when any load used it. A pack
 * the seed cannot change (tv_Pack.seeded false) loads once per language.
 * A pack that fails its first load is not run again: its error is already known, and a
 * pack killed by its timer would pay that timer on every run.
 * Depends on: core, plugin host, cJSON. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "app/cli.h"
#include "app/commands.h"
#include "app/lint_giveaways.h"
#include "plugin/wire.h"

static const char *const usage_lint =
    "usage: trivium lint [PATH ...] [--strict] [--seeds LIST] [--format text|json] [--plugins DIR ...]\n"
    "\n"
    "Checks packs (all packs found when no PATH is given; a PATH is a pack folder, its\n"
    "pack.lua, or a folder of packs): schema, duplicate ids, duplicate options, the answer\n"
    "among the wrong options, generator determinism, translations and sources. Each pack\n"
    "runs over every seed of LIST (ranges and commas: 1-50, 1,5,9; default 1-20) in every\n"
    "language it declares that Trivium plays; a finding made while generating (or on\n"
    "some seeds only) names its seed. Prints file:line: severity: message (--format\n"
    "json: a list of {file, line, severity, message, seed}); the count goes to stderr.\n"
    "Warnings become errors with --strict. Exit 1 when there are errors, 2 for usage.\n";

static const tv_ArgSpec lint_args[] = {
    TV_CLI_ROW_PLUGINS,
    {"--strict", false, NULL, offsetof(tv_Cli, strict), NULL, "warnings count as errors"},
    {"--seeds", true, tv_cli_arg_seeds, 0, "seeds and ranges like 1-50, 1,5,9 or 1-3,7 (at most 100000 seeds)",
     "run each pack's generator on these seeds (default 1-20)"},
    TV_CLI_ROW_FORMAT,
    {NULL, true, tv_cli_arg_path, 0, NULL, "a pack folder, its pack.lua, or a folder of packs (repeatable)"},
};

/* The languages Trivium plays; a pack's other languages are not loaded. */
static const char *const played[] = {"en", "nl"};

typedef struct Finding {
    char *file, *msg; /* msg as printed: the worker's, after "seed N: " when seed-specific */
    char *raw;        /* the worker's message: one finding however many seeds give it */
    int line;
    bool error;
    uint64_t seed; /* the first seed that gave it, when have_seed */
    bool have_seed;
    const char *lang;
} Finding;

typedef struct Findings {
    int n, cap, errors, warnings;
    Finding *items;
} Findings;

static void add(Findings *f, const char *file, int line, bool error, const char *raw, const char *msg,
                const uint64_t *seed, const char *lang)
{
    for (int i = 0; i < f->n; i++)
        if (f->items[i].line == line && strcmp(f->items[i].file, file) == 0 && strcmp(f->items[i].raw, raw) == 0)
            return; /* the same on another seed or language: the first one says it */
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 64;
        Finding *grown = realloc(f->items, sizeof *grown * (size_t)cap);
        if (!grown)
            return;
        f->items = grown, f->cap = cap;
    }
    Finding *it = &f->items[f->n];
    *it = (Finding){strdup(file), strdup(msg), strdup(raw), line, error, seed ? *seed : 0, seed != NULL, lang};
    if (!it->file || !it->msg || !it->raw) {
        free(it->file), free(it->msg), free(it->raw);
        return;
    }
    f->n++;
    if (error)
        f->errors++;
    else
        f->warnings++;
}

/* The worker reports the sources one load left unused; lint judges over all loads. */
static bool unused_source(const char *msg, char *key, size_t size)
{
    static const char tail[] = "' is not used by any question";
    size_t n = strlen(msg), t = sizeof tail - 1;
    if (strncmp(msg, "source '", 8) != 0 || n < 8 + t || strcmp(msg + n - t, tail) != 0 || n - 8 - t >= size)
        return false;
    memcpy(key, msg + 8, n - 8 - t);
    key[n - 8 - t] = '\0';
    return true;
}

/* {====== the packs: each PATH is a pack folder, its pack.lua, or a folder of packs */

static bool add_path(tv_PackSet *set, const char *path, tv_Error *err)
{
    char dir[4096];
    size_t n = strlen(path);
    snprintf(dir, sizeof dir, "%s", path);
    if (n >= sizeof TV_PACK_FILE && strcmp(path + n - (sizeof TV_PACK_FILE - 1), TV_PACK_FILE) == 0 &&
        (n == sizeof TV_PACK_FILE - 1 || path[n - sizeof TV_PACK_FILE] == '/')) {
        size_t cut = n - (sizeof TV_PACK_FILE - 1);
        if (cut > 1)
            cut--; /* the slash, unless the file is at the root */
        snprintf(dir, sizeof dir, "%.*s", (int)cut, cut ? path : ".");
    }
    char probe[4200];
    struct stat st;
    if (stat(dir, &st) != 0)
        return tv_error_set(err, TV_ERR_USAGE, path, 0, "no such file or folder");
    snprintf(probe, sizeof probe, "%s/" TV_PACK_FILE, dir);
    if (stat(probe, &st) == 0)
        return tv_packset_add(set, dir, err);
    int before = set->n;
    if (!tv_packset_scan(set, dir, err))
        return false;
    if (set->n == before)
        return tv_error_set(err, TV_ERR_USAGE, path, 0,
                            "neither a pack folder (no pack.lua in it) nor a folder of packs");
    return true;
}

static bool build_set(const tv_Cli *cli, tv_PackSet *set, tv_Error *err)
{
    tv_packset_init(set, tv_alloc_default());
    set->display_base = cli->cwd[0] ? cli->cwd : NULL;
    if (cli->n_paths == 0)
        return tv_cli_discover(cli, set, err);
    for (int i = 0; i < cli->n_paths; i++)
        if (!add_path(set, cli->paths[i], err))
            return false;
    return true;
}

/* }====== {====== one load's findings */

/* The keys of the sources each pack's questions used, over every load. */
typedef struct Used {
    int n, cap;
    char **keys; /* "PACKINDEX\nkey" */
} Used;

static bool used_has(const Used *u, int pack, const char *key)
{
    char k[400];
    snprintf(k, sizeof k, "%d\n%s", pack, key);
    for (int i = 0; i < u->n; i++)
        if (strcmp(u->keys[i], k) == 0)
            return true;
    return false;
}

static void used_add(Used *u, int pack, const char *key)
{
    if (!key[0] || used_has(u, pack, key))
        return;
    if (u->n == u->cap) {
        int cap = u->cap ? u->cap * 2 : 64;
        char **grown = realloc(u->keys, sizeof *grown * (size_t)cap);
        if (!grown)
            return;
        u->keys = grown, u->cap = cap;
    }
    char k[400];
    snprintf(k, sizeof k, "%d\n%s", pack, key);
    if ((u->keys[u->n] = strdup(k)))
        u->n++;
}

/* The unused-source warnings of the first load, kept until every load has been seen. */
typedef struct Unused {
    int pack, line;
    char *file, *key;
} Unused;

typedef struct Lint {
    const tv_Cli *cli;
    Findings f;
    Used used;
    int n_unused, cap_unused;
    Unused *unused;
} Lint;

static void note_unused(Lint *l, int pack, const tv_Diag *d, const char *key)
{
    for (int i = 0; i < l->n_unused; i++)
        if (l->unused[i].pack == pack && strcmp(l->unused[i].key, key) == 0)
            return;
    if (l->n_unused == l->cap_unused) {
        int cap = l->cap_unused ? l->cap_unused * 2 : 16;
        Unused *grown = realloc(l->unused, sizeof *grown * (size_t)cap);
        if (!grown)
            return;
        l->unused = grown, l->cap_unused = cap;
    }
    l->unused[l->n_unused++] = (Unused){pack, d->line, strdup(d->file), strdup(key)};
}

/* want: the packs that were loaded (NULL: all). first: this is the first seed of lang,
 * so a finding seen now holds for the pack as written, not for one seed. */
static void add_giveaway(void *ctx, const char *file, int line, const char *msg)
{
    Lint *l = ctx;
    add(&l->f, file, line, l->cli->strict, msg, msg, NULL, NULL); /* a warning unless --strict */
}

static void collect(Lint *l, const tv_PackSet *set, const bool *want, uint64_t seed, const char *lang, bool first)
{
    for (int i = 0; i < set->n; i++) {
        const tv_Pack *p = &set->packs[i];
        if (want && !want[i])
            continue;
        for (int k = 0; k < p->n_questions; k++)
            for (int j = 0; j < p->questions[k].n_sources; j++)
                used_add(&l->used, i, p->questions[k].sources[j]);
        for (int k = 0; k < p->n_diags; k++) {
            const tv_Diag *d = &p->diags[k];
            char key[300];
            if (unused_source(d->msg, key, sizeof key)) {
                note_unused(l, i, d, key);
                continue;
            }
            bool error = !d->warning || d->dropped || l->cli->strict;
            if (!d->generating && first) {
                add(&l->f, d->file, d->line, error, d->msg, d->msg, NULL, NULL);
                continue;
            }
            /* Made while generating, or on a later seed only (loading drew from
             * math.random): name the seed that shows it, and the language unless English.
             * The worker's budget messages already say "while generating". */
            char msg[2200], in_lang[16] = "";
            if (strcmp(lang, "en") != 0)
                snprintf(in_lang, sizeof in_lang, " (%s)", lang);
            bool says = !d->generating || strstr(d->msg, "while generating") != NULL;
            snprintf(msg, sizeof msg, "seed %llu%s%s: %s", (unsigned long long)seed, in_lang,
                     says ? "" : ", while generating", d->msg);
            add(&l->f, d->file, d->line, error, d->msg, msg, &seed, lang);
        }
        if (!p->loaded && p->n_diags == 0)
            add(&l->f, p->error.file, p->error.line, true, p->error.msg, p->error.msg, NULL, NULL);
    }
    tv_lint_giveaways(set, want, add_giveaway, l);
}

/* }====== {====== output */

static void print_text(const Findings *f)
{
    for (int i = 0; i < f->n; i++) {
        const Finding *it = &f->items[i];
        const char *sev = it->error ? "error" : "warning";
        if (it->line > 0)
            printf("%s:%d: %s: %s\n", it->file, it->line, sev, it->msg);
        else
            printf("%s: %s: %s\n", it->file, sev, it->msg);
    }
}

static void print_json(const Findings *f)
{
    cJSON *list = cJSON_CreateArray();
    for (int i = 0; i < f->n; i++) {
        const Finding *it = &f->items[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "file", it->file);
        if (it->line > 0)
            cJSON_AddNumberToObject(o, "line", it->line);
        else
            cJSON_AddNullToObject(o, "line");
        cJSON_AddStringToObject(o, "severity", it->error ? "error" : "warning");
        cJSON_AddStringToObject(o, "message", it->msg);
        if (it->have_seed)
            cJSON_AddNumberToObject(o, "seed", (double)it->seed); /* exact below 2^53 */
        else
            cJSON_AddNullToObject(o, "seed");
        if (it->have_seed)
            cJSON_AddStringToObject(o, "lang", it->lang);
        cJSON_AddItemToArray(list, o);
    }
    char *text = cJSON_Print(list);
    cJSON_Delete(list);
    if (text)
        puts(text);
    free(text);
}

/* }====== */

static bool declares(const tv_Pack *p, const char *lang)
{
    for (int k = 0; k < p->n_languages; k++)
        if (strcmp(p->languages[k], lang) == 0)
            return true;
    return strcmp(lang, "en") == 0; /* every pack is loaded in English */
}

int tv_cmd_lint(tv_Cli *cli)
{
    static const uint64_t default_seeds[20] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
    const uint64_t *seeds = cli->n_seeds ? cli->seeds : default_seeds;
    int n_seeds = cli->n_seeds ? cli->n_seeds : 20;
    tv_Error err = {0};
    tv_PackSet first, again;
    if (!build_set(cli, &first, &err)) {
        tv_packset_free(&first);
        return err.code == TV_ERR_USAGE ? tv_cli_usage("lint", "%s: %s", err.file, err.msg) : tv_cli_fail(&err);
    }
    if (first.n == 0) {
        tv_packset_free(&first);
        fprintf(stderr, "trivium lint: no packs found\n");
        return TV_EXIT_USAGE;
    }
    Lint l = {.cli = cli};
    tv_LoadOptions opt = tv_cli_load_options(cli, seeds[0], "en");
    tv_packset_load(&first, &opt, NULL);
    collect(&l, &first, NULL, seeds[0], "en", true);
    bool *want = calloc((size_t)first.n, sizeof *want);
    if (!want) {
        tv_packset_free(&first);
        free(l.f.items);
        fprintf(stderr, "trivium lint: out of memory\n");
        return TV_EXIT_USAGE;
    }

    /* The same seed again must give byte-identical output. The set is rebuilt the same
     * way, so its packs are in the same order as first's. */
    for (int i = 0; i < first.n; i++)
        want[i] = first.packs[i].loaded;
    build_set(cli, &again, &err);
    bool same = again.n == first.n;
    tv_packset_load(&again, &opt, same ? want : NULL);
    for (int i = 0; i < first.n && i < again.n; i++)
        if (first.packs[i].loaded && again.packs[i].loaded &&
            strcmp(first.packs[i].raw_digest, again.packs[i].raw_digest) != 0) {
            char where[1100];
            tv_pack_file_path(where, sizeof where, first.packs[i].display);
            const char *msg = "generate is not deterministic: the same seed gave different questions (use ctx.rng, "
                              "ipairs, and sort with a total order)";
            add(&l.f, where, 0, true, msg, msg, &seeds[0], "en");
        }
    tv_packset_free(&again);

    /* Every other seed, and every played language a pack declares, reach other
     * generated questions; a pack the seed cannot change runs once per language. */
    for (size_t li = 0; li < sizeof played / sizeof *played; li++)
        for (int s = 0; s < n_seeds; s++) {
            if (li == 0 && s == 0)
                continue;
            bool any = false;
            for (int i = 0; i < first.n; i++) {
                const tv_Pack *p = &first.packs[i];
                any |= want[i] = p->loaded && declares(p, played[li]) && (s == 0 || p->seeded);
            }
            if (!any)
                break;
            tv_PackSet more;
            build_set(cli, &more, &err);
            tv_LoadOptions o = tv_cli_load_options(cli, seeds[s], played[li]);
            bool same_set = more.n == first.n;
            tv_packset_load(&more, &o, same_set ? want : NULL);
            collect(&l, &more, same_set ? want : NULL, seeds[s], played[li], s == 0);
            tv_packset_free(&more);
        }

    /* A source is unused only when no question of any load cited it. */
    for (int i = 0; i < l.n_unused; i++) {
        Unused *u = &l.unused[i];
        if (u->file && u->key && !used_has(&l.used, u->pack, u->key)) {
            char msg[400];
            snprintf(msg, sizeof msg,
                     "source '%s' is not used by any question on any seed linted (cite it with source = \"%s\", or "
                     "remove it)",
                     u->key, u->key);
            add(&l.f, u->file, u->line, true, msg, msg, NULL, NULL);
            if (!cli->strict)
                l.f.items[l.f.n - 1].error = false, l.f.errors--, l.f.warnings++;
        }
        free(u->file), free(u->key);
    }

    if (cli->json)
        print_json(&l.f);
    else
        print_text(&l.f);
    fflush(stdout); /* the findings before the count, also with 2>&1 */
    fprintf(stderr, "lint: %d pack%s checked, %d error%s, %d warning%s\n", first.n, first.n == 1 ? "" : "s",
            l.f.errors, l.f.errors == 1 ? "" : "s", l.f.warnings, l.f.warnings == 1 ? "" : "s");
    int rc = l.f.errors ? TV_EXIT_LINT : TV_EXIT_OK;
    for (int i = 0; i < l.f.n; i++)
        free(l.f.items[i].file), free(l.f.items[i].msg), free(l.f.items[i].raw);
    free(l.f.items);
    for (int i = 0; i < l.used.n; i++)
        free(l.used.keys[i]);
    free(l.used.keys);
    free(l.unused);
    tv_packset_free(&first);
    free(want);
    free(cli->seeds);
    cli->seeds = NULL, cli->n_seeds = 0;
    return rc;
}

int tv_cmd_lint_args(tv_Cli *cli, int argc, char **argv)
{
    int rc = tv_cli_parse(cli, usage_lint, lint_args, sizeof lint_args / sizeof lint_args[0], cli, argc, argv, 2);
    if (rc >= 0) {
        free(cli->seeds);
        cli->seeds = NULL;
        return rc;
    }
    return tv_cmd_lint(cli);
}
