/* main.c - the trivium command: finds its own executable and the pack worker, then
 * hands argv to one command (commands.h, play_cmd.h). Only engine/app turns errors
 * into exit codes and prints them.
 * Depends on: app commands. Never Lua: pack code runs in trivium-pack-worker. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cli.h"
#include "app/commands.h"
#include "app/play_cmd.h"

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
    "  test       run scenario files (golden scores) and report per case, JUnit too\n"
    "  stats      question-bank statistics over many seeds: draws, answer positions, skews\n"
    "  play       start the desktop game (the default without a command)\n"
    "  screenshot render one scene of the game offscreen to a PNG\n"
    "  flags      list the questions players flagged as wrong or unclear\n"
    "  export     write a pack's questions as Open Trivia DB, GIFT, Aiken, CSV or JSON\n"
    "  import     turn such a file into a new pack.lua\n"
    "  new        create a pack folder to start from, with a generator and tests\n"
    "  party      a party: everyone joins from their phone's browser on the local network\n"
    "\n"
    "trivium <command> --help shows a command's options; trivium --version the version.\n";

int main(int argc, char **argv)
{
    tv_Cli cli = {.lang = "en", .seed = 1};
    if (!tv_cli_init(&cli)) {
        fprintf(stderr, "trivium: cannot find my own executable to run pack workers\n");
        return 1;
    }
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
    if (strcmp(argv[1], "headless") == 0)
        return tv_cmd_headless(&cli, argc, argv);
    if (strcmp(argv[1], "list") == 0)
        return tv_cmd_list(&cli, argc, argv);
    if (strcmp(argv[1], "lint") == 0)
        return tv_cmd_lint_args(&cli, argc, argv);
    if (strcmp(argv[1], "test") == 0)
        return tv_cmd_test(&cli, argc, argv);
    if (strcmp(argv[1], "stats") == 0)
        return tv_cmd_stats(&cli, argc, argv);
    if (strcmp(argv[1], "dump") == 0)
        return tv_cmd_dump(&cli, argc, argv);
    if (strcmp(argv[1], "play") == 0)
        return tv_cmd_play(&cli, argc, argv, 2);
    if (strcmp(argv[1], "screenshot") == 0)
        return tv_cmd_screenshot(&cli, argc, argv);
    if (strcmp(argv[1], "flags") == 0)
        return tv_cmd_flags(&cli, argc, argv);
    if (strcmp(argv[1], "export") == 0)
        return tv_cmd_export(&cli, argc, argv);
    if (strcmp(argv[1], "import") == 0)
        return tv_cmd_import(&cli, argc, argv);
    if (strcmp(argv[1], "new") == 0)
        return tv_cmd_new(&cli, argc, argv);
    if (strcmp(argv[1], "party") == 0)
        return tv_cmd_party(&cli, argc, argv);
    fprintf(stderr, "trivium: unknown command '%s'\n\n%s", argv[1], usage_main);
    return TV_EXIT_USAGE;
}
