/* cmd_no_ui.c - play, screenshot and flags in a build without the desktop front end
 * (-DTRIVIUM_UI=OFF): --help says what the command is and that this build lacks it; any
 * other use says so and exits 2. `trivium` keeps one set of commands whichever way it
 * was built. Linked instead of the SDL commands; links nothing of SDL.
 * Depends on: app/cli. */
#include <stdio.h>
#include <string.h>

#include "app/cli.h"
#include "app/play_cmd.h"

static int no_front_end(const char *command, const char *what, int argc, char **argv, int first)
{
    for (int i = first; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: trivium %s ...\n\n%s. This trivium was built without the desktop front end\n"
                   "(-DTRIVIUM_UI=OFF), so the command is not available here.\n",
                   command, what);
            return TV_EXIT_OK;
        }
    fprintf(stderr,
            "trivium %s: this trivium was built without the desktop front end (-DTRIVIUM_UI=OFF); "
            "headless, test, list, lint and dump work\n",
            command);
    return TV_EXIT_USAGE;
}

int tv_cmd_play(tv_Cli *cli, int argc, char **argv, int first)
{
    (void)cli;
    return no_front_end("play", "Starts the desktop game", argc, argv, first);
}

int tv_cmd_screenshot(tv_Cli *cli, int argc, char **argv)
{
    (void)cli;
    return no_front_end("screenshot", "Renders one scene of the game to a PNG", argc, argv, 2);
}

int tv_cmd_flags(tv_Cli *cli, int argc, char **argv)
{
    (void)cli;
    return no_front_end("flags", "Lists the questions players flagged", argc, argv, 2);
}
