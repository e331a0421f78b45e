/* commands.h - the `trivium` commands main.c dispatches to that need no SDL. Each
 * parses argv[2..] itself and returns the process's exit code (cli.h TV_EXIT_*).
 * Depends on: app/cli. */
#ifndef TV_COMMANDS_H
#define TV_COMMANDS_H

#include "app/cli.h"

int tv_cmd_headless(tv_Cli *cli, int argc, char **argv); /* cmd_headless.c */
int tv_cmd_dump(tv_Cli *cli, int argc, char **argv);     /* cmd_headless.c */
int tv_cmd_list(tv_Cli *cli, int argc, char **argv);     /* cmd_list.c */
int tv_cmd_lint_args(tv_Cli *cli, int argc, char **argv); /* cmd_list.c: parses, then runs tv_cmd_lint */
int tv_cmd_lint(tv_Cli *cli);                             /* lint.c, on flags already parsed */
int tv_cmd_test(tv_Cli *cli, int argc, char **argv);     /* cmd_test.c */
int tv_cmd_stats(tv_Cli *cli, int argc, char **argv);    /* cmd_stats.c */
int tv_cmd_export(tv_Cli *cli, int argc, char **argv);   /* cmd_exchange.c */
int tv_cmd_import(tv_Cli *cli, int argc, char **argv);   /* cmd_exchange.c */
int tv_cmd_new(tv_Cli *cli, int argc, char **argv);      /* cmd_new.c */
int tv_cmd_party(tv_Cli *cli, int argc, char **argv);    /* cmd_party.c */

#endif
