/* lint.c - `trivium lint`: loads each pack several times (two runs of the same seed to
 * prove the generator deterministic, other seeds and every declared language to reach
 * more generated questions) and prints each finding once as file:line: message.
 * A pack that fails its first load is not run again: its error is already known, and a
 * pack killed by its timer would pay that timer on every run.
 * Depends on: core, plugin host. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cli.h"
#include "app/lint_giveaways.h"
#include "plugin/wire.h"

typedef struct Finding {
    char *text; /* "file:line: severity: msg" */
} Finding;

typedef struct Findings {
    int n, cap, errors, warnings;
    Finding *items;
} Findings;

static void add(Findings *f, const char *file, int line, bool warning, bool strict, const char *msg)
{
    char buf[3000];
    bool error = !warning || strict;
    if (line > 0)
        snprintf(buf, sizeof buf, "%s:%d: %s: %s", file, line, error ? "error" : "warning", msg);
    else
        snprintf(buf, sizeof buf, "%s: %s: %s", file, error ? "error" : "warning", msg);
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->items[i].text, buf) == 0)
            return;
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 64;
        Finding *grown = realloc(f->items, sizeof *grown * (size_t)cap);
        if (!grown)
            return;
        f->items = grown, f->cap = cap;
    }
    f->items[f->n++].text = strdup(buf);
    if (error)
        f->errors++;
    else
        f->warnings++;
}

static bool build_set(tv_Cli *cli, tv_PackSet *set, tv_Error *err)
{
    tv_packset_init(set, tv_alloc_default());
    set->display_base = cli->cwd[0] ? cli->cwd : NULL;
    if (cli->n_paths == 0)
        return tv_cli_discover(cli, set, err);
    for (int i = 0; i < cli->n_paths; i++)
        if (!tv_packset_add(set, cli->paths[i], err))
            return false;
    return true;
}

typedef struct GiveawayFindings {
    Findings *f;
    bool strict;
} GiveawayFindings;

static void add_giveaway(void *ctx, const char *file, int line, const char *msg)
{
    GiveawayFindings *g = ctx;
    add(g->f, file, line, true, g->strict, msg);
}

/* want: the packs that were loaded (NULL: all). */
static void collect(Findings *f, const tv_PackSet *set, const bool *want, bool strict)
{
    for (int i = 0; i < set->n; i++) {
        const tv_Pack *p = &set->packs[i];
        if (want && !want[i])
            continue;
        for (int k = 0; k < p->n_diags; k++)
            add(f, p->diags[k].file, p->diags[k].line, p->diags[k].warning, strict, p->diags[k].msg);
        if (!p->loaded && p->n_diags == 0)
            add(f, p->error.file, p->error.line, false, strict, p->error.msg);
    }
    GiveawayFindings g = {f, strict};
    tv_lint_giveaways(set, want, add_giveaway, &g);
}

int tv_cmd_lint(tv_Cli *cli);
int tv_cmd_lint(tv_Cli *cli)
{
    tv_Error err = {0};
    tv_PackSet first, again;
    if (!build_set(cli, &first, &err)) {
        tv_packset_free(&first);
        return tv_cli_fail(&err);
    }
    if (first.n == 0) {
        tv_packset_free(&first);
        fprintf(stderr, "trivium lint: no packs found\n");
        return TV_EXIT_USAGE;
    }
    Findings f = {0};
    tv_LoadOptions opt = tv_cli_load_options(cli, 1, "en");
    tv_packset_load(&first, &opt, NULL);
    collect(&f, &first, NULL, cli->strict);
    bool *rerun = calloc((size_t)first.n, sizeof *rerun);
    if (!rerun) {
        tv_packset_free(&first);
        free(f.items);
        fprintf(stderr, "trivium lint: out of memory\n");
        return TV_EXIT_USAGE;
    }
    for (int i = 0; i < first.n; i++)
        rerun[i] = first.packs[i].loaded;

    /* The same seed again must give byte-identical output. The set is rebuilt the same
     * way, so its packs are in the same order as first's. */
    build_set(cli, &again, &err);
    bool same = again.n == first.n;
    tv_packset_load(&again, &opt, same ? rerun : NULL);
    for (int i = 0; i < first.n && i < again.n; i++)
        if (first.packs[i].loaded && again.packs[i].loaded &&
            strcmp(first.packs[i].raw_digest, again.packs[i].raw_digest) != 0) {
            char where[1100];
            tv_pack_file_path(where, sizeof where, first.packs[i].display);
            add(&f, where, 0, false, cli->strict,
                "generate is not deterministic: the same seed gave different questions (use ctx.rng, ipairs, and "
                "sort with a total order)");
        }
    tv_packset_free(&again);

    /* Other seeds and every declared language reach other generated questions. */
    const char *langs[8] = {"en"};
    int n_langs = 1;
    for (int i = 0; i < first.n; i++)
        for (int k = 0; k < first.packs[i].n_languages; k++) {
            bool known = false;
            for (int j = 0; j < n_langs; j++)
                known = known || strcmp(langs[j], first.packs[i].languages[k]) == 0;
            if (!known && n_langs < 8 && (strcmp(first.packs[i].languages[k], "nl") == 0))
                langs[n_langs++] = first.packs[i].languages[k];
        }
    for (int l = 0; l < n_langs; l++)
        for (uint64_t seed = 1; seed <= 3; seed++) {
            if (l == 0 && seed == 1)
                continue;
            tv_PackSet more;
            build_set(cli, &more, &err);
            tv_LoadOptions o = tv_cli_load_options(cli, seed, langs[l]);
            bool same_set = more.n == first.n;
            tv_packset_load(&more, &o, same_set ? rerun : NULL);
            collect(&f, &more, same_set ? rerun : NULL, cli->strict);
            tv_packset_free(&more);
        }

    for (int i = 0; i < f.n; i++) {
        puts(f.items[i].text);
        free(f.items[i].text);
    }
    free(f.items);
    int loaded = 0;
    for (int i = 0; i < first.n; i++)
        loaded += first.packs[i].loaded;
    fprintf(stderr, "lint: %d pack%s checked, %d error%s, %d warning%s\n", first.n, first.n == 1 ? "" : "s",
            f.errors, f.errors == 1 ? "" : "s", f.warnings, f.warnings == 1 ? "" : "s");
    tv_packset_free(&first);
    free(rerun);
    (void)loaded;
    return f.errors ? TV_EXIT_LINT : TV_EXIT_OK;
}
