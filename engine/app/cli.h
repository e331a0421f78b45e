/* cli.h - shared command-line plumbing: flag parsing helpers, the plugin search path,
 * pack selection and error printing with the exit codes of docs/cli.md.
 * Depends on: core, plugin host (never Lua or SDL directly). */
#ifndef TV_CLI_H
#define TV_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "packs.h"

#define TV_EXIT_OK 0
#define TV_EXIT_LINT 1
#define TV_EXIT_USAGE 2
#define TV_EXIT_PACK 3
#define TV_EXIT_SCRIPT 4

#define TV_MAX_SELECT 64
#define TV_MAX_PLUGIN_DIRS 32

typedef struct tv_Cli {
    const char *command;
    int n_plugin_dirs;
    const char *plugin_dirs[TV_MAX_PLUGIN_DIRS]; /* from --plugins */
    int n_select;
    const char *select[TV_MAX_SELECT]; /* --pack */
    uint64_t seed;
    bool have_seed;
    const char *lang;
    bool lang_given;
    bool json;
    int count;
    int n_answers;
    const char *answers[4];
    bool no_time_points, no_streak, strict;
    int timer_percent; /* 0 = as the packs say */
    unsigned types;    /* bit per tv_QType asked; 0 = all */
    int n_paths;
    const char *paths[TV_MAX_SELECT]; /* lint PATH ... */
    char self_exe[4096];    /* this executable: where the share folder and the worker are */
    char pack_worker[4096]; /* what runs pack code: trivium-pack-worker, or this executable */
} tv_Cli;

/* Prints "trivium: file:line: message" to stderr and returns the exit code for err. */
int tv_cli_fail(const tv_Error *err);
/* Prints "trivium <command>: message" and returns TV_EXIT_USAGE. */
int tv_cli_usage(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The installed share folder for sub ("plugins", "assets"), found next to the
 * executable as ../share/trivium/<sub>, so `cmake --install --prefix P` works from any
 * folder; falls back to the compiled-in path. */
void tv_cli_share_dir(const tv_Cli *cli, const char *sub, const char *fallback, char *out, size_t size);
/* Finds trivium-pack-worker beside this executable (build tree) or in
 * ../libexec/trivium (installed); falls back to this executable's own pack-worker. */
void tv_cli_find_worker(tv_Cli *cli);
/* Parses "choice,truefalse" into a bit per tv_QType; false on an unknown name. */
bool tv_cli_parse_types(const char *list, unsigned *out);
/* Parses a decimal unsigned 64-bit value, the whole string. */
bool tv_cli_parse_u64(const char *s, uint64_t *out);

/* Discovers packs along the search path: --plugins dirs, $TRIVIUM_PLUGIN_PATH, the
 * installed share folder, then the source tree's plugins/ when run from a build tree. */
bool tv_cli_discover(const tv_Cli *cli, tv_PackSet *set, tv_Error *err);

/* Loads what cli->select names ("all" for every pack) and fills selected[] with pack
 * indices in the order named. Fails with TV_ERR_USAGE for an unknown name and
 * TV_ERR_PACK for a selected pack that failed to load. */
bool tv_cli_select(const tv_Cli *cli, tv_PackSet *set, int *selected, int *n_selected, tv_Error *err);

#endif
