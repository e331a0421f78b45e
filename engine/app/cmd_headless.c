/* cmd_headless.c - `trivium headless` (one session played from answer scripts on a
 * virtual clock) and `trivium dump` (every question of a session with its answer key),
 * with the session opening they share.
 * Depends on: core, runner, plugin host (through cli.c), ui/i18n (plain C, for the
 * true/false words); never Lua or SDL. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner/answers.h"
#include "app/cli.h"
#include "io/file.h"
#include "app/commands.h"
#include "app/paths.h"
#include "runner/replay.h"
#include "runner/report.h"
#include "runner/scenario.h"
#include "core/session.h"
#include "app/session_open.h"

static const char *const usage_headless =
    "usage: trivium headless --pack ID [--pack ID ...] --seed N|--seeds LIST --answers FILE|- [--answers FILE ...]\n"
    "                        [--count N] [--lang en|nl] [--format text|json|jsonl] [--summary]\n"
    "                        [--no-time-points] [--no-streak] [--timer-percent N]\n"
    "                        [--types choice,truefalse,...] [--plugins DIR ...] [--write-scenario FILE]\n"
    "                        [--no-cache]\n"
    "\n"
    "Plays one session on a virtual clock. Each --answers script (one per player, up to 10000)\n"
    "has one line per question: A-F, a letter sequence (order), a number, =TEXT, correct,\n"
    "wrong, timeout or skip, with an optional leading 5050 and trailing @SECONDS.\n"
    "--pack all selects every pack. A script recorded by `trivium play --record` carries\n"
    "its seed, packs and switches in #! lines, so --answers alone replays it.\n"
    "--seeds 1-1000 (or 1,5,9, or 1-3,7) plays one session per seed with the same scripts;\n"
    "--format jsonl prints one JSON line per session, --summary the min, median, max and\n"
    "mean of each player's totals instead. --write-scenario FILE writes the session played\n"
    "as a scenario expecting its result, for `trivium test` (docs/testing.md).\n"
    "Pack results are kept in the pack cache the game uses (docs/files.md) and read back,\n"
    "checked like a worker's, while no file of the pack changed; --no-cache runs every pack.\n"
    "Exit codes: 0 ok, 2 usage, 3 pack failed to load, 4 answer-script error.\n";

static const char *const usage_dump =
    "usage: trivium dump --pack ID [--pack ID ...] --seed N [--lang en|nl] [--format text|json]\n"
    "                    [--plugins DIR ...] [--only-plugins]\n"
    "       trivium dump --pack ID --question QID [--seed N] [--lang en|nl] [--format text|json]\n"
    "\n"
    "Prints every question of the selected packs for that seed, in session order, with the\n"
    "options as shown and the answer key. --question QID prints that one question of the\n"
    "pack (a generated one as the seed generates it; the seed defaults to 1 then).\n";

/* --format for headless also takes jsonl: one line per session of a batch. */
static bool set_format(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    cli->jsonl = strcmp(value, "jsonl") == 0;
    return cli->jsonl ? (cli->json = true) : tv_cli_arg_format(dest, spec, value, err);
}

static bool set_seeds(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    tv_Cli *cli = dest;
    free(cli->seeds);
    return tv_args_parse_seeds(value, &cli->seeds, &cli->n_seeds) || tv_args_expected(err, spec, value);
}

static const tv_ArgSpec headless_args[] = {
    TV_CLI_ROW_PLUGINS, TV_CLI_ROW_PACK,  TV_CLI_ROW_SEED,          TV_CLI_ROW_LANG,
    {"--format", true, set_format, 0, "text, json or jsonl", "text for people, json or jsonl for tools"},
    TV_CLI_ROW_COUNT,   TV_CLI_ROW_ANSWERS, TV_CLI_ROW_TIMER_PERCENT, TV_CLI_ROW_TYPES,
    {"--seeds", true, set_seeds, 0, "seeds and ranges like 1-1000, 1,5,9 or 1-3,7 (at most 100000 seeds)",
     "play one session per seed"},
    {"--summary", false, NULL, offsetof(tv_Cli, summary), NULL, "print the distribution of each player's totals"},
    {"--write-scenario", true, tv_arg_string, offsetof(tv_Cli, write_scenario), NULL,
     "write the session as a scenario for trivium test"},
    {"--no-time-points", false, NULL, offsetof(tv_Cli, no_time_points), NULL, "no points for answering fast"},
    {"--no-streak", false, NULL, offsetof(tv_Cli, no_streak), NULL, "no bonus for a run of right answers"},
    {"--no-cache", false, NULL, offsetof(tv_Cli, no_cache), NULL, "run every pack's worker; keep nothing"},
};

static const tv_ArgSpec dump_args[] = {
    TV_CLI_ROW_PLUGINS, TV_CLI_ROW_PACK, TV_CLI_ROW_SEED, TV_CLI_ROW_LANG, TV_CLI_ROW_FORMAT,
    {"--question", true, tv_arg_string, offsetof(tv_Cli, question), NULL, "print only this question of the pack"}};

/* dump --question: s becomes a session of that one question, as the seed shuffles it.
 * Returns -1 to go on, else the exit code after printing the error. */
static int narrow_to_question(const tv_Cli *cli, const tv_PackSet *set, tv_Session *s)
{
    tv_Error err = {0};
    const tv_Question *q = tv_cli_find_question(set, cli->select[0], cli->question, &err);
    if (!q)
        return tv_cli_fail(&err);
    tv_SessionConfig cfg = s->cfg;
    cfg.count = 1;
    cfg.types = 0;
    tv_session_free(s);
    const tv_Question *pool[1] = {q};
    return tv_session_init(s, &cfg, pool, 1, tv_alloc_default(), &err) ? -1 : tv_cli_fail(&err);
}

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

static int words_load(tv_Cli *cli, tv_Words *w)
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
    if (!cli->evening_round)
        cli->evening_round = d->evening_round;
    cli->no_time_points = cli->no_time_points || d->no_time_points;
    cli->no_streak = cli->no_streak || d->no_streak;
}

/* Writes the session just played as a scenario beside which `trivium test` passes:
 * its plugin folders relative to the file's folder. Returns -1, or the exit code. */
static int write_scenario(const tv_Cli *cli, const tv_Session *s, const tv_Script *scripts, const char **ids,
                          int n_ids)
{
    char dir[TV_PATHS_MAX];
    snprintf(dir, sizeof dir, "%s", cli->write_scenario);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    char rel[TV_MAX_PLUGIN_DIRS][TV_PATHS_MAX];
    const char *plugins[TV_MAX_PLUGIN_DIRS];
    tv_Error err = {0};
    for (int i = 0; i < cli->n_plugin_dirs; i++) {
        if (!tv_paths_relative(dir, cli->plugin_dirs[i], rel[i], sizeof rel[i]))
            snprintf(rel[i], sizeof rel[i], "%s", cli->plugin_dirs[i]);
        plugins[i] = rel[i];
    }
    char name[256];
    const char *base = strrchr(cli->write_scenario, '/');
    snprintf(name, sizeof name, "%s", base ? base + 1 : cli->write_scenario);
    size_t n = strlen(name);
    if (n > 5 && strcmp(name + n - 5, ".json") == 0)
        name[n - 5] = '\0';
    tv_ScenarioSource src = {.name = name,
                             .n_packs = n_ids,
                             .packs = ids,
                             .n_plugins = cli->n_plugin_dirs,
                             .plugins = plugins,
                             .lang = cli->lang,
                             .count = cli->count ? cli->count : TV_DEFAULT_COUNT,
                             .scripts = scripts};
    char *text = tv_scenario_write(s, &src);
    bool ok = text && tv_file_write_atomic(cli->write_scenario, text, strlen(text), &err);
    if (!text)
        tv_error_set(&err, TV_ERR_NOMEM, NULL, 0, "out of memory");
    free(text);
    return ok ? -1 : tv_cli_fail(&err);
}

/* Plays one session over view (the packs for cli->seed) and prints it as the format
 * asks; totals[] gets each player's total. Returns -1 to go on, or the exit code. */
static int play_one(tv_Cli *cli, const tv_PackSet *view, const int *selected, int n_sel, const tv_Script *scripts,
                    const tv_Words *words, int *totals)
{
    tv_Session s = {0};
    const char *ids[TV_MAX_SELECT];
    int n_ids = 0;
    tv_Error err = {0};
    int rc = -1;
    if (!tv_open_session(cli, view, selected, n_sel, cli->count ? cli->count : TV_DEFAULT_COUNT, cli->n_answers, &s,
                         ids, &n_ids, &err))
        rc = tv_cli_fail(&err);
    else if (!tv_play_scripts(&s, scripts, cli->n_answers, words->labels, words->n, &err)) {
        if (cli->n_seeds) {
            char msg[sizeof err.msg];
            snprintf(msg, sizeof msg, "%s", err.msg);
            tv_error_set(&err, err.code, err.file, err.line, "seed %llu: %.990s", (unsigned long long)cli->seed, msg);
        }
        rc = tv_cli_fail(&err);
    }
    if (rc < 0) {
        tv_ReportInfo info = {.lang = cli->lang,
                              .labels = tv_words_of(words, cli->lang),
                              .n_packs = n_ids,
                              .packs = ids,
                              .players = cli->answers,
                              .one_line = cli->jsonl};
        for (int p = 0; p < cli->n_answers; p++)
            totals[p] = tv_session_result(&s, p).total;
        if (cli->summary)
            ;
        else if (cli->json)
            rc = tv_report_session_json(stdout, &s, &info) ? -1 : 1;
        else
            tv_report_session_text(stdout, &s, &info);
    }
    if (rc < 0 && cli->write_scenario)
        rc = write_scenario(cli, &s, scripts, ids, n_ids);
    tv_session_free(&s);
    return rc;
}

/* One seed of the batch: plays it and keeps its totals. */
typedef struct Batch {
    const tv_Script *scripts;
    const tv_Words *words;
    int *totals;
} Batch;

static int play_seed(tv_Cli *cli, const tv_PackSet *view, const int *selected, int n_sel, int k, void *ud)
{
    Batch *b = ud;
    return play_one(cli, view, selected, n_sel, b->scripts, b->words, b->totals + (size_t)k * (size_t)cli->n_answers);
}

/* Checks the flags that go together, after the scripts' directives are in. */
static int check_flags(const tv_Cli *cli, bool seed_flag)
{
    if (cli->n_select == 0)
        return tv_cli_usage("headless", "--pack is required (a pack id, or all)");
    if (seed_flag && cli->n_seeds)
        return tv_cli_usage("headless", "--seed and --seeds: give one of them");
    if (!cli->have_seed && !cli->n_seeds)
        return tv_cli_usage("headless", "--seed is required (or --seeds for a batch)");
    if (cli->n_seeds > 1 && cli->json && !cli->jsonl && !cli->summary)
        return tv_cli_usage("headless", "--seeds plays many sessions: use --format jsonl (one line each)");
    if (cli->n_seeds > 1 && cli->write_scenario)
        return tv_cli_usage("headless", "--write-scenario writes one session: give --seed, not --seeds");
    return -1;
}

static int headless(tv_Cli *cli, int argc, char **argv)
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

    tv_Script *scripts = calloc((size_t)cli->n_answers, sizeof *scripts);
    int n_sessions = cli->n_seeds ? cli->n_seeds : 1;
    int *totals = calloc((size_t)n_sessions * (size_t)cli->n_answers, sizeof *totals);
    tv_Error err = {0};
    if (!scripts || !totals) {
        free(scripts), free(totals);
        return tv_cli_fail(&(tv_Error){.code = TV_ERR_NOMEM, .msg = "out of memory"});
    }
    for (int i = 0; i < cli->n_answers && rc < 0; i++)
        if (!tv_script_load(&scripts[i], cli->answers[i], tv_alloc_default(), &err))
            rc = tv_cli_fail(&err);
    bool seed_flag = cli->have_seed;
    if (rc < 0) {
        apply_directives(cli, &scripts[0].directives);
        rc = check_flags(cli, seed_flag);
    }
    tv_Words words = {0};
    if (rc < 0)
        rc = words_load(cli, &words);
    /* The pack cache the game keeps (docs/files.md), unless --no-cache. */
    char cache_dir[TV_PATHS_MAX];
    if (!cli->no_cache && tv_paths_cache_dir(cache_dir, sizeof cache_dir)) {
        cli->cache_dir = cache_dir;
        tv_Error cerr = {0};
        if (tv_file_remove_stale_temps(cache_dir, 10, &cerr) < 0)
            fprintf(stderr, "trivium: %s: %s\n", cerr.file, cerr.msg);
    }
    if (rc < 0)
        rc = tv_cli_each_seed(cli, cli->n_seeds ? cli->seeds : &cli->seed, n_sessions, play_seed,
                              &(Batch){scripts, &words, totals});
    cli->cache_dir = NULL;
    if (rc < 0 && cli->summary) {
        tv_SummaryInfo info = {.players = cli->answers, .json = cli->json, .one_line = cli->jsonl};
        rc = tv_report_summary(stdout, totals, n_sessions, cli->n_answers, &info) ? TV_EXIT_OK : 1;
    }
    if (rc < 0)
        rc = TV_EXIT_OK;
    tv_words_free(&words);
    for (int i = 0; i < cli->n_answers; i++)
        tv_script_free(&scripts[i]);
    free(scripts);
    free(totals);
    return rc;
}

int tv_cmd_headless(tv_Cli *cli, int argc, char **argv)
{
    int rc = headless(cli, argc, argv);
    free(cli->seeds);
    cli->seeds = NULL;
    cli->n_seeds = 0;
    return rc;
}

int tv_cmd_dump(tv_Cli *cli, int argc, char **argv)
{
    int rc = tv_cli_parse(cli, usage_dump, dump_args, sizeof dump_args / sizeof dump_args[0], cli, argc, argv, 2);
    if (rc >= 0)
        return rc;
    if (cli->n_select == 0)
        return tv_cli_usage("dump", "--pack is required (a pack id, or all)");
    if (cli->question && (cli->n_select != 1 || strcmp(cli->select[0], "all") == 0))
        return tv_cli_usage("dump", "--question needs exactly one --pack ID, the question's pack");
    if (cli->question && !cli->have_seed)
        cli->seed = 1, cli->have_seed = true;
    if (!cli->have_seed)
        return tv_cli_usage("dump", "--seed is required");
    tv_PackSet set = {0};
    tv_Session s = {0};
    const char *ids[TV_MAX_SELECT];
    int n_ids = 0;
    tv_Words words = {0};
    rc = words_load(cli, &words);
    if (rc < 0)
        rc = open_session(cli, &set, &s, ids, &n_ids, 0, 1);
    if (rc < 0 && cli->question)
        rc = narrow_to_question(cli, &set, &s);
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

