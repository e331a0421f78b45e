/* cmd_headless.c - `trivium headless` (one session played from answer scripts on a
 * virtual clock) and `trivium dump` (every question of a session with its answer key),
 * with the session opening they share.
 * Depends on: core, runner, plugin host (through cli.c), ui/i18n (plain C, for the
 * true/false words); never Lua or SDL. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "cli.h"
#include "commands.h"
#include "i18n.h"
#include "paths.h"
#include "play.h"
#include "report.h"
#include "session.h"
#include "session_open.h"

static const char *const usage_headless =
    "usage: trivium headless --pack ID [--pack ID ...] --seed N --answers FILE|- [--answers FILE ...]\n"
    "                        [--count N] [--lang en|nl] [--format text|json]\n"
    "                        [--no-time-points] [--no-streak] [--timer-percent N]\n"
    "                        [--types choice,truefalse,...] [--plugins DIR ...]\n"
    "\n"
    "Plays one session on a virtual clock. Each --answers script (one per player, up to 10000)\n"
    "has one line per question: A-F, a letter sequence (order), a number, =TEXT, correct,\n"
    "wrong, timeout or skip, with an optional leading 5050 and trailing @SECONDS.\n"
    "--pack all selects every pack. A script recorded by `trivium play --record` carries\n"
    "its seed, packs and switches in #! lines, so --answers alone replays it. Exit codes: 0 ok, 2 usage, 3 pack failed to load,\n"
    "4 answer-script error.\n";

static const char *const usage_dump =
    "usage: trivium dump --pack ID [--pack ID ...] --seed N [--lang en|nl] [--format text|json]\n"
    "                    [--plugins DIR ...]\n"
    "\n"
    "Prints every question of the selected packs for that seed, in session order, with the\n"
    "options as shown and the answer key.\n";

static const tv_ArgSpec headless_args[] = {
    TV_CLI_ROW_PLUGINS, TV_CLI_ROW_PACK,  TV_CLI_ROW_SEED,          TV_CLI_ROW_LANG,  TV_CLI_ROW_FORMAT,
    TV_CLI_ROW_COUNT,   TV_CLI_ROW_ANSWERS, TV_CLI_ROW_TIMER_PERCENT, TV_CLI_ROW_TYPES,
    {"--no-time-points", false, NULL, offsetof(tv_Cli, no_time_points), NULL, "no points for answering fast"},
    {"--no-streak", false, NULL, offsetof(tv_Cli, no_streak), NULL, "no bonus for a run of right answers"},
};

static const tv_ArgSpec dump_args[] = {TV_CLI_ROW_PLUGINS, TV_CLI_ROW_PACK, TV_CLI_ROW_SEED, TV_CLI_ROW_LANG,
                                       TV_CLI_ROW_FORMAT};

/* Loads the selected packs and builds the session; shared by headless and dump.
 * Returns -1 to go on, else the exit code after printing the error. */
static int open_session(tv_Cli *cli, tv_PackSet *set, tv_Session *s, const char **ids, int *n_ids, int count,
                        int players)
{
    tv_Error err = {0};
    int selected[TV_MAX_SELECT * 8];
    int n_sel = 0;
    tv_packset_init(set, tv_alloc_default());
    if (!tv_cli_discover(cli, set, &err) || !tv_cli_select(cli, set, selected, &n_sel, &err) ||
        !tv_open_session(cli, set, selected, n_sel, count, players, s, ids, n_ids, &err))
        return tv_cli_fail(&err);
    return -1;
}

static int words_load(const tv_Cli *cli, tv_Words *w)
{
    tv_Error err = {0};
    return tv_words_load(cli, w, &err) ? -1 : tv_cli_fail(&err);
}

/* A recorded script names its seed, packs and switches in "#!" lines; the command
 * line wins where both say something. */
static void apply_directives(tv_Cli *cli, const tv_ScriptDirectives *d)
{
    if (cli->n_select == 0)
        for (int i = 0; i < d->n_packs && cli->n_select < TV_MAX_SELECT; i++)
            cli->select[cli->n_select++] = d->packs[i];
    if (!cli->have_seed && d->have_seed)
        cli->seed = d->seed, cli->have_seed = true;
    if (!cli->count && d->count)
        cli->count = d->count;
    if (!cli->lang_given && d->lang)
        cli->lang = d->lang;
    if (!cli->timer_percent && d->timer_percent)
        cli->timer_percent = d->timer_percent;
    if (!cli->types && d->types)
        tv_cli_parse_types(d->types, &cli->types);
    cli->no_time_points = cli->no_time_points || d->no_time_points;
    cli->no_streak = cli->no_streak || d->no_streak;
}

int tv_cmd_headless(tv_Cli *cli, int argc, char **argv)
{
    int rc = tv_cli_parse(cli, usage_headless, headless_args, sizeof headless_args / sizeof headless_args[0], cli,
                          argc, argv, 2);
    if (rc >= 0)
        return rc;
    if (cli->n_answers == 0)
        return tv_cli_usage("headless", "--answers is required (a file, or - for standard input)");
    int stdin_uses = 0;
    for (int i = 0; i < cli->n_answers; i++)
        stdin_uses += strcmp(cli->answers[i], "-") == 0;
    if (stdin_uses > 1)
        return tv_cli_usage("headless", "--answers -: standard input can feed only one player");

    tv_Script *scripts = calloc(cli->n_answers > 0 ? (size_t)cli->n_answers : 1, sizeof *scripts);
    tv_Error err = {0};
    if (!scripts) {
        tv_error_set(&err, TV_ERR_NOMEM, NULL, 0, "out of memory");
        return tv_cli_fail(&err);
    }
    for (int i = 0; i < cli->n_answers && rc < 0; i++)
        if (!tv_script_load(&scripts[i], cli->answers[i], tv_alloc_default(), &err))
            rc = tv_cli_fail(&err);
    if (rc < 0)
        apply_directives(cli, &scripts[0].directives);
    if (rc < 0 && cli->n_select == 0)
        rc = tv_cli_usage("headless", "--pack is required (a pack id, or all)");
    if (rc < 0 && !cli->have_seed)
        rc = tv_cli_usage("headless", "--seed is required");
    tv_PackSet set = {0};
    tv_Session s = {0};
    const char *ids[TV_MAX_SELECT];
    int n_ids = 0;
    if (rc < 0)
        rc = open_session(cli, &set, &s, ids, &n_ids, cli->count ? cli->count : TV_DEFAULT_COUNT,
                          cli->n_answers);
    tv_Words words = {0};
    if (rc < 0)
        rc = words_load(cli, &words);
    if (rc < 0 && !tv_play_scripts(&s, scripts, cli->n_answers, words.labels, words.n, &err))
        rc = tv_cli_fail(&err);
    if (rc < 0) {
        tv_ReportInfo info = {.lang = cli->lang,
                              .labels = tv_words_of(&words, cli->lang),
                              .n_packs = n_ids,
                              .packs = ids,
                              .players = cli->answers};
        if (cli->json)
            rc = tv_report_session_json(stdout, &s, &info) ? TV_EXIT_OK : 1;
        else {
            tv_report_session_text(stdout, &s, &info);
            rc = TV_EXIT_OK;
        }
    }
    tv_words_free(&words);
    tv_session_free(&s);
    tv_packset_free(&set);
    for (int i = 0; i < cli->n_answers; i++)
        tv_script_free(&scripts[i]);
    free(scripts);
    return rc;
}

int tv_cmd_dump(tv_Cli *cli, int argc, char **argv)
{
    int rc = tv_cli_parse(cli, usage_dump, dump_args, sizeof dump_args / sizeof dump_args[0], cli, argc, argv, 2);
    if (rc >= 0)
        return rc;
    if (cli->n_select == 0)
        return tv_cli_usage("dump", "--pack is required (a pack id, or all)");
    if (!cli->have_seed)
        return tv_cli_usage("dump", "--seed is required");
    tv_PackSet set = {0};
    tv_Session s = {0};
    const char *ids[TV_MAX_SELECT];
    int n_ids = 0;
    rc = open_session(cli, &set, &s, ids, &n_ids, 0, 1);
    tv_Words words = {0};
    if (rc < 0)
        rc = words_load(cli, &words);
    if (rc < 0) {
        tv_ReportInfo info = {.lang = cli->lang, .labels = tv_words_of(&words, cli->lang), .n_packs = n_ids, .packs = ids};
        if (cli->json)
            rc = tv_report_dump_json(stdout, &s, &info) ? TV_EXIT_OK : 1;
        else {
            tv_report_dump_text(stdout, &s, &info);
            rc = TV_EXIT_OK;
        }
    }
    tv_words_free(&words);
    tv_session_free(&s);
    tv_packset_free(&set);
    return rc;
}

