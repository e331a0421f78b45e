/* main.c - the trivium command: headless, list, lint, dump, and the hidden pack-worker.
 * Only this module turns errors into exit codes and prints them.
 * Depends on: core, runner, plugin host; the worker (Lua) only through pack-worker. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers.h"
#include "cli.h"
#include "play.h"
#include "play_cmd.h"
#include "report.h"
#include "session.h"
#include "worker.h"

#ifndef TRIVIUM_VERSION
#define TRIVIUM_VERSION "0.0.0"
#endif

static const char *const usage_main =
    "usage: trivium <command> [options]\n"
    "\n"
    "commands:\n"
    "  headless   play one session from answer scripts on a virtual clock\n"
    "  list       show the packs found, with question counts or errors\n"
    "  lint       check packs: schema, duplicates, determinism, translations, sources\n"
    "  dump       print every question of a session with its answer key\n"
    "  play       start the desktop game (the default without a command)\n"
    "  screenshot render one scene of the game offscreen to a PNG\n"
    "  flags      list the questions players flagged as wrong or unclear\n"
    "\n"
    "trivium <command> --help shows a command's options; trivium --version the version.\n";

static const char *const usage_headless =
    "usage: trivium headless --pack ID [--pack ID ...] --seed N --answers FILE|- [--answers FILE ...]\n"
    "                        [--count N] [--lang en|nl] [--format text|json]\n"
    "                        [--no-time-points] [--no-streak] [--timer-percent N]\n"
    "                        [--types choice,truefalse,...] [--plugins DIR ...]\n"
    "\n"
    "Plays one session on a virtual clock. Each --answers script (up to 4, one per player)\n"
    "has one line per question: A-F, a letter sequence (order), a number, =TEXT, correct,\n"
    "wrong, timeout or skip, with an optional leading 5050 and trailing @SECONDS.\n"
    "--pack all selects every pack. A script recorded by `trivium play --record` carries\n"
    "its seed, packs and switches in #! lines, so --answers alone replays it. Exit codes: 0 ok, 2 usage, 3 pack failed to load,\n"
    "4 answer-script error.\n";

static const char *const usage_list = "usage: trivium list [--plugins DIR ...] [--lang en|nl]\n"
                                      "\n"
                                      "Shows every pack found with id, title, version and question count\n"
                                      "(static + generated), or the error that rejected it.\n";

static const char *const usage_lint =
    "usage: trivium lint [PATH ...] [--strict] [--plugins DIR ...]\n"
    "\n"
    "Checks pack folders (all packs found when no PATH is given): schema, duplicate ids,\n"
    "duplicate options, the answer among the wrong options, generator determinism, missing\n"
    "translations and sources. Prints file:line: message. Warnings become errors with\n"
    "--strict. Exit 1 when there are errors.\n";

static const char *const usage_dump =
    "usage: trivium dump --pack ID [--pack ID ...] --seed N [--lang en|nl] [--format text|json]\n"
    "                    [--plugins DIR ...]\n"
    "\n"
    "Prints every question of the selected packs for that seed, in session order, with the\n"
    "options as shown and the answer key.\n";

enum {
    F_PLUGINS = 1 << 0,
    F_PACK = 1 << 1,
    F_SEED = 1 << 2,
    F_LANG = 1 << 3,
    F_FORMAT = 1 << 4,
    F_COUNT = 1 << 5,
    F_ANSWERS = 1 << 6,
    F_SWITCHES = 1 << 7,
    F_STRICT = 1 << 8,
    F_PATHS = 1 << 9,
    F_TIMER = 1 << 10,
    F_TYPES = 1 << 11,
};

/* Parses argv[2..] for the flags allowed; returns -1 to go on, or an exit code. */
static int parse_flags(tv_Cli *cli, int argc, char **argv, unsigned allowed, const char *usage)
{
    const char *cmd = cli->command;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes_value = strcmp(a, "--plugins") == 0 || strcmp(a, "--pack") == 0 || strcmp(a, "--seed") == 0 ||
                           strcmp(a, "--lang") == 0 || strcmp(a, "--format") == 0 || strcmp(a, "--count") == 0 ||
                           strcmp(a, "--answers") == 0 || strcmp(a, "--timer-percent") == 0 ||
                           strcmp(a, "--types") == 0;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return TV_EXIT_OK;
        }
        if (takes_value && !v)
            return tv_cli_usage(cmd, "%s needs a value", a);
        if (strcmp(a, "--plugins") == 0 && (allowed & F_PLUGINS)) {
            if (cli->n_plugin_dirs == TV_MAX_PLUGIN_DIRS)
                return tv_cli_usage(cmd, "--plugins: at most %d folders", TV_MAX_PLUGIN_DIRS);
            cli->plugin_dirs[cli->n_plugin_dirs++] = v, i++;
        } else if (strcmp(a, "--pack") == 0 && (allowed & F_PACK)) {
            if (cli->n_select == TV_MAX_SELECT)
                return tv_cli_usage(cmd, "--pack: at most %d packs", TV_MAX_SELECT);
            if (!*v)
                return tv_cli_usage(cmd, "--pack needs a pack id");
            cli->select[cli->n_select++] = v, i++;
        } else if (strcmp(a, "--seed") == 0 && (allowed & F_SEED)) {
            if (!tv_cli_parse_u64(v, &cli->seed))
                return tv_cli_usage(cmd, "--seed %s: expected a whole number from 0 to 18446744073709551615", v);
            cli->have_seed = true, i++;
        } else if (strcmp(a, "--lang") == 0 && (allowed & F_LANG)) {
            if (strcmp(v, "en") != 0 && strcmp(v, "nl") != 0)
                return tv_cli_usage(cmd, "--lang %s: expected en or nl", v);
            cli->lang = v, cli->lang_given = true, i++;
        } else if (strcmp(a, "--format") == 0 && (allowed & F_FORMAT)) {
            if (strcmp(v, "json") != 0 && strcmp(v, "text") != 0)
                return tv_cli_usage(cmd, "--format %s: expected text or json", v);
            cli->json = strcmp(v, "json") == 0, i++;
        } else if (strcmp(a, "--count") == 0 && (allowed & F_COUNT)) {
            uint64_t n;
            if (!tv_cli_parse_u64(v, &n) || n < 1 || n > 10000)
                return tv_cli_usage(cmd, "--count %s: expected a number from 1 to 10000", v);
            cli->count = (int)n, i++;
        } else if (strcmp(a, "--answers") == 0 && (allowed & F_ANSWERS)) {
            if (cli->n_answers == 4)
                return tv_cli_usage(cmd, "--answers: at most 4 players");
            cli->answers[cli->n_answers++] = v, i++;
        } else if (strcmp(a, "--timer-percent") == 0 && (allowed & F_TIMER)) {
            uint64_t n;
            if (!tv_cli_parse_u64(v, &n) || n < 10 || n > 1000)
                return tv_cli_usage(cmd, "--timer-percent %s: expected a number from 10 to 1000", v);
            cli->timer_percent = (int)n, i++;
        } else if (strcmp(a, "--types") == 0 && (allowed & F_TYPES)) {
            if (!tv_cli_parse_types(v, &cli->types))
                return tv_cli_usage(cmd, "--types %s: expected a comma-separated list of choice, truefalse, numeric, order, text", v);
            i++;
        } else if (strcmp(a, "--no-time-points") == 0 && (allowed & F_SWITCHES))
            cli->no_time_points = true;
        else if (strcmp(a, "--no-streak") == 0 && (allowed & F_SWITCHES))
            cli->no_streak = true;
        else if (strcmp(a, "--strict") == 0 && (allowed & F_STRICT))
            cli->strict = true;
        else if (a[0] != '-' && (allowed & F_PATHS)) {
            if (cli->n_paths == TV_MAX_SELECT)
                return tv_cli_usage(cmd, "at most %d paths", TV_MAX_SELECT);
            cli->paths[cli->n_paths++] = a;
        } else if (a[0] == '-')
            return tv_cli_usage(cmd, "unknown option %s", a);
        else
            return tv_cli_usage(cmd, "unexpected argument '%s'", a);
    }
    return -1;
}

static int cmd_list(tv_Cli *cli)
{
    tv_PackSet set;
    tv_Error err = {0};
    tv_packset_init(&set, tv_alloc_default());
    if (!tv_cli_discover(cli, &set, &err)) {
        tv_packset_free(&set);
        return tv_cli_fail(&err);
    }
    tv_LoadOptions opt = {.worker_exe = cli->pack_worker, .seed = cli->seed, .lang = cli->lang};
    tv_packset_load(&set, &opt, NULL);
    if (set.n == 0)
        printf("no packs found (search path: --plugins, $TRIVIUM_PLUGIN_PATH, the installed packs)\n");
    else
        printf("%-22s %-36s %-8s %s\n", "ID", "TITLE", "VERSION", "QUESTIONS");
    for (int i = 0; i < set.n; i++) {
        const tv_Pack *p = &set.packs[i];
        if (p->loaded)
            printf("%-22s %-36.36s %-8s %d (%d static + %d generated)\n", p->id, p->title, p->version, p->n_questions,
                   p->n_static, p->n_generated);
        else {
            char buf[2048], folder[256];
            tv_error_format(&p->error, buf, sizeof buf);
            tv_copy_printable(folder, sizeof folder, p->folder); /* a folder name can hold escapes */
            printf("%-22s ERROR: %s\n", folder, buf);
        }
    }
    tv_packset_free(&set);
    return TV_EXIT_OK;
}

/* Loads the selected packs and builds the session; shared by headless and dump. The
 * session applies --timer-percent and --types itself, as it does for the game. */
static int open_session(tv_Cli *cli, tv_PackSet *set, tv_Session *s, const char **ids, int *n_ids, int count,
                        int players)
{
    tv_Error err = {0};
    int selected[TV_MAX_SELECT * 8];
    int n_sel = 0;
    tv_packset_init(set, tv_alloc_default());
    if (!tv_cli_discover(cli, set, &err) || !tv_cli_select(cli, set, selected, &n_sel, &err))
        return tv_cli_fail(&err);
    int total = 0;
    for (int i = 0; i < n_sel; i++)
        total += set->packs[selected[i]].n_questions;
    const tv_Question **pool = malloc(sizeof *pool * (size_t)(total ? total : 1));
    if (!pool) {
        tv_error_set(&err, TV_ERR_NOMEM, NULL, 0, "out of memory");
        return tv_cli_fail(&err);
    }
    int n = 0;
    *n_ids = 0;
    for (int i = 0; i < n_sel && *n_ids < TV_MAX_SELECT; i++) {
        const tv_Pack *p = &set->packs[selected[i]];
        ids[(*n_ids)++] = p->id;
        for (int k = 0; k < p->n_questions; k++)
            pool[n++] = &p->questions[k];
    }
    tv_SessionConfig cfg = {.seed = cli->seed,
                            .count = count ? count : n,
                            .players = players,
                            .rules = {.time_points = !cli->no_time_points, .streak_bonus = !cli->no_streak},
                            .timer_percent = cli->timer_percent,
                            .types = cli->types};
    bool ok = tv_session_init(s, &cfg, pool, n, tv_alloc_default(), &err);
    free(pool); /* the session keeps pointers to the questions, not to the pool */
    if (!ok) {
        if (err.code == TV_ERR_USAGE && n == 0)
            err.code = TV_ERR_PACK;
        return tv_cli_fail(&err);
    }
    return -1;
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

static int cmd_headless(tv_Cli *cli)
{
    if (cli->n_answers == 0)
        return tv_cli_usage("headless", "--answers is required (a file, or - for standard input)");
    int stdin_uses = 0;
    for (int i = 0; i < cli->n_answers; i++)
        stdin_uses += strcmp(cli->answers[i], "-") == 0;
    if (stdin_uses > 1)
        return tv_cli_usage("headless", "--answers -: standard input can feed only one player");

    tv_Script scripts[4] = {0};
    tv_Error err = {0};
    int rc = -1;
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
    if (rc < 0 && !tv_play_scripts(&s, scripts, cli->n_answers, &err))
        rc = tv_cli_fail(&err);
    if (rc < 0) {
        tv_ReportInfo info = {.lang = cli->lang, .n_packs = n_ids, .packs = ids, .players = cli->answers};
        if (cli->json)
            rc = tv_report_session_json(stdout, &s, &info) ? TV_EXIT_OK : 1;
        else {
            tv_report_session_text(stdout, &s, &info);
            rc = TV_EXIT_OK;
        }
    }
    tv_session_free(&s);
    tv_packset_free(&set);
    for (int i = 0; i < 4; i++)
        tv_script_free(&scripts[i]);
    return rc;
}

static int cmd_dump(tv_Cli *cli)
{
    if (cli->n_select == 0)
        return tv_cli_usage("dump", "--pack is required (a pack id, or all)");
    if (!cli->have_seed)
        return tv_cli_usage("dump", "--seed is required");
    tv_PackSet set = {0};
    tv_Session s = {0};
    const char *ids[TV_MAX_SELECT];
    int n_ids = 0;
    int rc = open_session(cli, &set, &s, ids, &n_ids, 0, 1);
    if (rc < 0) {
        tv_ReportInfo info = {.lang = cli->lang, .n_packs = n_ids, .packs = ids};
        if (cli->json)
            rc = tv_report_dump_json(stdout, &s, &info) ? TV_EXIT_OK : 1;
        else {
            tv_report_dump_text(stdout, &s, &info);
            rc = TV_EXIT_OK;
        }
    }
    tv_session_free(&s);
    tv_packset_free(&set);
    return rc;
}

int tv_cmd_lint(tv_Cli *cli);

int main(int argc, char **argv)
{
    tv_Cli cli = {.lang = "en", .seed = 1};
    if (argc >= 2 && strcmp(argv[1], "pack-worker") == 0)
        return tv_worker_main(argc - 1, argv + 1);
    ssize_t n = readlink("/proc/self/exe", cli.self_exe, sizeof cli.self_exe - 1);
    if (n <= 0) {
        fprintf(stderr, "trivium: cannot find my own executable to run pack workers\n");
        return 1;
    }
    cli.self_exe[n] = '\0';
    tv_cli_find_worker(&cli);
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            fputs(usage_main, stdout);
            return TV_EXIT_OK;
        }
        if (argc < 2 || strcmp(argv[1], "--version") != 0) {
            cli.command = "play";
            return tv_cmd_play(&cli, argc, argv, 1); /* plain `trivium [flags]` plays */
        }
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("trivium %s\n", TRIVIUM_VERSION);
        return TV_EXIT_OK;
    }
    cli.command = argv[1];
    int rc;
    if (strcmp(argv[1], "headless") == 0) {
        rc = parse_flags(&cli, argc, argv,
                         F_PLUGINS | F_PACK | F_SEED | F_LANG | F_FORMAT | F_COUNT | F_ANSWERS | F_SWITCHES | F_TIMER | F_TYPES,
                         usage_headless);
        return rc >= 0 ? rc : cmd_headless(&cli);
    }
    if (strcmp(argv[1], "list") == 0) {
        rc = parse_flags(&cli, argc, argv, F_PLUGINS | F_LANG, usage_list);
        return rc >= 0 ? rc : cmd_list(&cli);
    }
    if (strcmp(argv[1], "lint") == 0) {
        rc = parse_flags(&cli, argc, argv, F_PLUGINS | F_STRICT | F_PATHS, usage_lint);
        return rc >= 0 ? rc : tv_cmd_lint(&cli);
    }
    if (strcmp(argv[1], "dump") == 0) {
        rc = parse_flags(&cli, argc, argv, F_PLUGINS | F_PACK | F_SEED | F_LANG | F_FORMAT, usage_dump);
        return rc >= 0 ? rc : cmd_dump(&cli);
    }
    if (strcmp(argv[1], "play") == 0)
        return tv_cmd_play(&cli, argc, argv, 2);
    if (strcmp(argv[1], "screenshot") == 0)
        return tv_cmd_screenshot(&cli, argc, argv);
    if (strcmp(argv[1], "flags") == 0)
        return tv_cmd_flags(&cli, argc, argv);
    fprintf(stderr, "trivium: unknown command '%s'\n\n%s", argv[1], usage_main);
    return TV_EXIT_USAGE;
}
