/* args.h - one table-driven command-line parser for every `trivium` command.
 *
 * A command describes its flags in a table of tv_ArgSpec, one row per flag: the flag,
 * whether it takes a value, what to do with it, what a good value looks like and a line
 * of help. tv_args_parse walks argv once against that table, so every command reports
 * the same errors in the same words:
 *   "--seed needs a value", "unknown option --frob", "unexpected argument 'x'",
 *   "--lang fr: expected en or nl" (a setter's own message, see tv_args_expected).
 * It prints nothing: the caller turns the outcome into output (cli.h tv_cli_parse).
 *
 * Porting a hand-written parser (app/play.c's parse_args, for one):
 *   - give the command a struct to parse into (PlayArgs); a static const table whose
 *     rows use tv_arg_string / tv_arg_u64 with offsetof(PlayArgs, field), a switch row
 *     ({"--gamepad", false, NULL, offsetof(PlayArgs, gamepad), ...}) and own setters for
 *     values with rules (--scene, --size, --bench);
 *   - flags that fill tv_Cli (--lang, --plugins) keep the setters of cli.h: put a
 *     `tv_Cli *cli` in the struct and forward, e.g.
 *       static bool set_plugins(void *dest, const tv_ArgSpec *s, const char *v, tv_Error *e)
 *       { return tv_cli_arg_plugins(((PlayArgs *)dest)->cli, s, v, e); }
 *     which also brings the "--plugins: at most 32 folders" error `play` lacks today;
 *   - replace the loop by `rc = tv_cli_parse(cli, usage, table, n, a, argc, argv, first)`.
 * Depends on: core (error). */
#ifndef TV_ARGS_H
#define TV_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

typedef struct tv_ArgSpec tv_ArgSpec;

/* Stores value (NULL for a switch) into dest, the struct given to tv_args_parse.
 * Returns false with err->msg saying what is wrong, flag included. */
typedef bool (*tv_ArgSet)(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);

struct tv_ArgSpec {
    const char *flag;   /* "--seed"; NULL: the row for positional arguments */
    bool takes_value;   /* the next argument is the value, even when it starts with '-' */
    tv_ArgSet set;      /* NULL: a switch that sets the bool at offset */
    size_t offset;      /* where in dest the generic setters write */
    const char *expect; /* what a good value is, for tv_args_expected; NULL when any is */
    const char *help;   /* one line on what the flag does, for a generated options list; the
                           usage texts stay hand-written for now, and tv_cli_parse asserts
                           that each mentions every flag of its table */
};

typedef enum tv_ArgsResult {
    TV_ARGS_OK,    /* every argument was taken */
    TV_ARGS_HELP,  /* --help or -h: show the usage, exit 0 */
    TV_ARGS_ERROR, /* err->msg says what is wrong (exit 2) */
} tv_ArgsResult;

/* Parses argv[first..argc) against specs[0..n). Arguments are taken in order, so the
 * first problem is the one reported, and --help wins only over what comes after it. */
tv_ArgsResult tv_args_parse(const tv_ArgSpec *specs, size_t n, void *dest, int argc, char **argv, int first,
                            tv_Error *err);

/* Fails with "FLAG VALUE: expected <spec->expect>"; returns false for `return ...`. */
bool tv_args_expected(tv_Error *err, const tv_ArgSpec *spec, const char *value);

/* Generic setters, writing at spec->offset in dest. */
bool tv_arg_string(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err); /* const char * */
/* uint64_t, the whole value in decimal (no sign, no blanks); else tv_args_expected. */
bool tv_arg_u64(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err);

/* Parses a decimal unsigned 64-bit value, the whole string. */
bool tv_args_parse_u64(const char *s, uint64_t *out);

/* A seed list: seeds and ascending ranges separated by commas ("1-1000", "1,5,9",
 * "1-3,7"), at most TV_SEEDS_MAX seeds in all, in the order written. The one parser
 * of seed lists (headless --seeds, and lint and stats after it). On success *seeds is
 * malloc'd (caller frees with free()) and *n > 0; false on anything else, with
 * *seeds NULL. */
#define TV_SEEDS_MAX 100000
bool tv_args_parse_seeds(const char *s, uint64_t **seeds, int *n);

#endif
