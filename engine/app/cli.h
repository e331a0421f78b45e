/* cli.h - what the `trivium` commands share: the parsed command line (tv_Cli) and the
 * args.h setters that fill it, the plugin search path, pack selection, and error
 * printing with the exit codes (0 ok, 1 lint findings, 2 usage, 3 pack, 4 answer script).
 * Depends on: core, plugin host, app/args (never Lua or SDL directly). */
#ifndef TV_CLI_H
#define TV_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "app/args.h"
#include "core/error.h"
#include "plugin/packs.h"
#include "core/session.h"

#define TV_EXIT_OK 0
#define TV_EXIT_LINT 1
#define TV_EXIT_USAGE 2
#define TV_EXIT_PACK 3
#define TV_EXIT_SCRIPT 4

#define TV_MAX_SELECT 64
#define TV_MAX_PLUGIN_DIRS 32
/* One --answers per player: a session seats as many as the core does. */
#define TV_MAX_ANSWERS TV_SESSION_MAX_PLAYERS

typedef struct tv_Cli {
    const char *command;
    int n_plugin_dirs;
    const char *plugin_dirs[TV_MAX_PLUGIN_DIRS]; /* from --plugins */
    bool only_plugins; /* --only-plugins: those folders alone, no search path or built-in packs */
    int n_select;
    const char *select[TV_MAX_SELECT]; /* --pack */
    uint64_t seed;
    bool have_seed;
    const char *lang;
    bool lang_given;
    bool json;
    int count;
    int n_answers;
    const char *answers[TV_MAX_ANSWERS];
    bool no_time_points, no_streak, strict;
    int timer_percent; /* 0 = as the packs say */
    unsigned types;    /* bit per tv_QType asked; 0 = all */
    int evening_rounds; /* stats --evening N: each seed starts a film night of N rounds */
    int evening_round; /* `#! round K`: the seed's session is round K of a film night (core/session.h) */
    int n_paths;
    const char *paths[TV_MAX_SELECT]; /* lint PATH ..., test PATH ... */
    const char *junit;                /* test --junit FILE */
    const char *question;             /* dump --question QID */
    bool jsonl, summary;              /* headless --format jsonl, --summary */
    const char *write_scenario;       /* headless --write-scenario FILE */
    uint64_t *seeds;                  /* headless --seeds LIST (malloc'd, args.h); freed by the command */
    int n_seeds;
    bool no_cache;                    /* headless --no-cache */
    const char *cache_dir;            /* where loads keep and find worker output; NULL: nowhere */
    char self_exe[4096];    /* this executable: where the share folder and the worker are */
    char pack_worker[4096]; /* trivium-pack-worker, which runs pack code; "" when not found */
    int worker_timeout_ms;  /* $TRIVIUM_WORKER_TIMEOUT_MS; 0 = the plugin host's default */
    const char *default_category; /* round.category_default in --lang, borrowed; NULL: the host's */
    char cwd[4096];               /* the working folder: packs below it are named relative to it */
} tv_Cli;

/* Prints "trivium: file:line: message" to stderr and returns the exit code for err. */
int tv_cli_fail(const tv_Error *err);
/* Prints "trivium <command>: message" and returns TV_EXIT_USAGE. */
int tv_cli_usage(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Fills self_exe, pack_worker (paths.h) and worker_timeout_ms, the things found
 * outside the command line. False when this executable cannot be found. */
bool tv_cli_init(tv_Cli *cli);

/* Load options carrying what tv_cli_init found (the worker, its time limit) and
 * cli->cache_dir for a load with this seed and language; the caller adds background. */
tv_LoadOptions tv_cli_load_options(const tv_Cli *cli, uint64_t seed, const char *lang);


/* Parses argv[first..) against specs into dest (usually cli itself). Returns -1 to go
 * on, TV_EXIT_OK after printing usage for --help, or TV_EXIT_USAGE after printing
 * "trivium <command>: message". */
int tv_cli_parse(const tv_Cli *cli, const char *usage, const tv_ArgSpec *specs, size_t n, void *dest, int argc,
                 char **argv, int first);

/* args.h setters for the tv_Cli fields the commands share; dest is a tv_Cli. */
/* --plugins DIR (up to 32), and --only-plugins (a switch: value NULL). */
bool tv_cli_arg_plugins(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);
bool tv_cli_arg_pack(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);    /* up to 64 */
bool tv_cli_arg_answers(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err); /* up to 10000 */
bool tv_cli_arg_path(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);    /* positional */
bool tv_cli_arg_seed(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);    /* + have_seed */
bool tv_cli_arg_lang(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);    /* en or nl */
bool tv_cli_arg_format(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);  /* text or json */
bool tv_cli_arg_count(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);   /* 1..10000 */
bool tv_cli_arg_timer_percent(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err); /* 10..1000 */
bool tv_cli_arg_types(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);
/* seeds/n_seeds from a seed list (args.h tv_args_parse_seeds); the command frees seeds. */
bool tv_cli_arg_seeds(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);

/* Table rows for those flags, so each flag reads and fails the same in every command. */
/* Two rows: --plugins DIR and the --only-plugins switch, which every command with
 * --plugins takes (its --help gets a line on it from tv_cli_parse). */
#define TV_CLI_ROW_PLUGINS                                                                                      \
    {"--plugins", true, tv_cli_arg_plugins, 0, NULL, "also look for packs in DIR (repeatable)"},                \
        TV_CLI_ROW_ONLY_PLUGINS(tv_cli_arg_plugins)
/* The --only-plugins row for a table whose --plugins setter is set (it forwards to
 * tv_cli_arg_plugins, which tells the two flags apart). */
#define TV_CLI_ROW_ONLY_PLUGINS(set)                                                                            \
    {"--only-plugins", false, set, 0, NULL, "use only the --plugins folders: no search path, no built-in packs"}
#define TV_CLI_ROW_PACK {"--pack", true, tv_cli_arg_pack, 0, NULL, "play pack ID, or all (repeatable)"}
#define TV_CLI_ROW_SEED                                                                                         \
    {"--seed", true, tv_cli_arg_seed, 0, "a whole number from 0 to 18446744073709551615", "the session's seed"}
#define TV_CLI_ROW_LANG {"--lang", true, tv_cli_arg_lang, 0, "en or nl", "the packs' language"}
#define TV_CLI_ROW_FORMAT {"--format", true, tv_cli_arg_format, 0, "text or json", "text for people, json for tools"}
#define TV_CLI_ROW_COUNT {"--count", true, tv_cli_arg_count, 0, "a number from 1 to 10000", "ask N questions"}
#define TV_CLI_ROW_ANSWERS {"--answers", true, tv_cli_arg_answers, 0, NULL, "a player's answer script, or -"}
#define TV_CLI_ROW_TIMER_PERCENT                                                                                \
    {"--timer-percent", true, tv_cli_arg_timer_percent, 0, "a number from 10 to 1000", "scale every time limit"}
#define TV_CLI_ROW_TYPES                                                                                        \
    {"--types", true, tv_cli_arg_types, 0,                                                                      \
     "a comma-separated list of choice, truefalse, numeric, order, text", "ask only these question types"}

/* Parses "choice,truefalse" into a bit per tv_QType; false on an unknown name. */
bool tv_cli_parse_types(const char *list, unsigned *out);

/* Discovers packs along the search path: --plugins dirs, then (unless --only-plugins)
 * tv_paths_each_plugin_dir.
 * Fails with TV_ERR_PACK, naming where it looked, when packs were found but no
 * trivium-pack-worker to load them. */
bool tv_cli_discover(const tv_Cli *cli, tv_PackSet *set, tv_Error *err);

/* Loads what cli->select names ("all" for every pack) and fills selected[] with pack
 * indices in the order named. Fails with TV_ERR_USAGE for an unknown name and
 * TV_ERR_PACK for a selected pack that failed to load. */
bool tv_cli_select(const tv_Cli *cli, tv_PackSet *set, int *selected, int *n_selected, tv_Error *err);

/* The question --question names in pack --pack, or NULL with err set (screenshot and
 * dump --question): TV_ERR_PACK when the pack did not load (its own error), TV_ERR_USAGE
 * for an unknown id (naming some of the ids there are). */
const tv_Question *tv_cli_find_question(const tv_PackSet *packs, const char *pack, const char *question,
                                         tv_Error *err);

/* A batch over seeds[0..n_seeds): the packs cli selects are found and loaded once (for
 * seeds[0]); a pack whose result depends on the seed (tv_Pack.seeded) is loaded again for
 * the other seeds in blocks (tv_packset_load_seeds: workers serving many seeds, two or
 * more per pack, the cache when cli->cache_dir is set). Then visit runs for each seed in
 * order with cli->seed set, view holding that seed's packs and selected[0..n_sel) the
 * ones to play (exactly the packs a one-seed run selects: a pack failing for one seed is
 * skipped, with a note, under --pack all and fails the batch otherwise). k is the seed's
 * index. Stops at the first visit that returns an exit code (>= 0) and returns it, after
 * printing any error of its own; -1 when every seed went on. */
typedef int (*tv_CliSeedFn)(tv_Cli *cli, const tv_PackSet *view, const int *selected, int n_sel, int k, void *ud);
int tv_cli_each_seed(tv_Cli *cli, const uint64_t *seeds, int n_seeds, tv_CliSeedFn visit, void *ud);

#endif
