/* cmd_stats.c - `trivium stats`: question-bank statistics over many seeds
 * (runner/stats.h). The seeds' packs load as a `trivium headless --seeds` batch loads them
 * (tv_cli_each_seed) and each session opens as headless opens one (session_open.h), so
 * the draws counted are the draws players get.
 * Trust boundary: packs run only in workers (cli.c); the seed list is bounded by args.c.
 * Depends on: core, runner, plugin host (through cli.c), app/cli, app/session_open;
 * never Lua or SDL. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cli.h"
#include "app/commands.h"
#include "app/session_open.h"
#include "runner/stats.h"

static const char *const usage_stats =
    "usage: trivium stats [--plugins DIR ...] --pack ID|all [--pack ID ...] --seeds LIST\n"
    "                     [--lang en|nl] [--format text|json]\n"
    "\n"
    "Plays one 10-question session per seed (LIST: 1-1000, 1,5,9 or 1-3,7) and reports how\n"
    "often each question is drawn, where the correct option is shown, each pack's skews\n"
    "(flagged: the correct option the only longest one in more than 40% of its choice\n"
    "questions, or true/false answers outside 40% to 60% true), the expected totals of\n"
    "answering correct at 0 s and of guessing at random, and the category mix.\n";

static bool set_seeds(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    free(cli->seeds);
    return tv_args_parse_seeds(value, &cli->seeds, &cli->n_seeds) || tv_args_expected(err, spec, value);
}

static const tv_ArgSpec stats_args[] = {
    TV_CLI_ROW_PLUGINS, TV_CLI_ROW_PACK, TV_CLI_ROW_LANG, TV_CLI_ROW_FORMAT,
    {"--seeds", true, set_seeds, 0, "seeds and ranges like 1-1000, 1,5,9 or 1-3,7 (at most 100000 seeds)",
     "one session per seed"},
};

/* Counts one seed's pool and session over view (its packs). -1 to go on, else the exit
 * code after printing the error. */
static int one_seed(tv_Cli *cli, const tv_PackSet *view, const int *selected, int n_sel, int k, void *ud)
{
    (void)k;
    tv_Stats *st = ud;
    tv_Session s = {0};
    tv_Error err = {0};
    int n_ids = 0;
    const char *ids[TV_MAX_SELECT];
    bool ok = tv_open_session(cli, view, selected, n_sel, TV_DEFAULT_COUNT, 2, &s, ids, &n_ids, &err);
    for (int i = 0; ok && i < n_sel; i++) {
        const tv_Pack *p = &view->packs[selected[i]];
        const tv_Question **pool = malloc(sizeof *pool * (size_t)(p->n_questions ? p->n_questions : 1));
        for (int q = 0; pool && q < p->n_questions; q++)
            pool[q] = &p->questions[q];
        ok = pool && tv_stats_add_pool(st, pool, p->n_questions);
        if (!ok)
            tv_error_set(&err, TV_ERR_NOMEM, NULL, 0, "out of memory");
        free(pool);
    }
    ok = ok && tv_stats_add_session(st, &s, &err);
    tv_session_free(&s);
    return ok ? -1 : tv_cli_fail(&err);
}

static int stats(tv_Cli *cli, int argc, char **argv)
{
    int rc = tv_cli_parse(cli, usage_stats, stats_args, sizeof stats_args / sizeof stats_args[0], cli, argc, argv, 2);
    if (rc >= 0)
        return rc;
    if (cli->n_select == 0)
        return tv_cli_usage("stats", "--pack is required (a pack id, or all)");
    if (cli->n_seeds == 0)
        return tv_cli_usage("stats", "--seeds is required (for example 1-1000)");
    tv_Stats st;
    tv_stats_init(&st);
    /* Packs load once, and again per seed only where they depend on it (cli.h). */
    rc = tv_cli_each_seed(cli, cli->seeds, cli->n_seeds, one_seed, &st);
    if (rc < 0) {
        if (cli->json)
            rc = tv_stats_json(stdout, &st) ? TV_EXIT_OK : 1;
        else
            tv_stats_text(stdout, &st), rc = TV_EXIT_OK;
    }
    tv_stats_free(&st);
    return rc;
}

int tv_cmd_stats(tv_Cli *cli, int argc, char **argv)
{
    int rc = stats(cli, argc, argv);
    free(cli->seeds);
    cli->seeds = NULL;
    cli->n_seeds = 0;
    return rc;
}
