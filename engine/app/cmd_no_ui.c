/* cmd_no_ui.c - play, screenshot and flags in a build without the desktop front end
 * (-DTRIVIUM_UI=OFF): they say so and exit 2, so `trivium` keeps one set of commands
 * whichever way it was built. Linked instead of the SDL commands; links nothing of SDL.
 * Depends on: app/cli. */
#include <stdio.h>

#include "cli.h"
#include "play_cmd.h"

static int no_front_end(const char *command)
{
    fprintf(stderr,
            "trivium %s: this trivium was built without the desktop front end (-DTRIVIUM_UI=OFF); "
            "headless, test, list, lint and dump work\n",
            command);
    return TV_EXIT_USAGE;
}

int tv_cmd_play(tv_Cli *cli, int argc, char **argv, int first)
{
    (void)cli, (void)argc, (void)argv, (void)first;
    return no_front_end("play");
}

int tv_cmd_screenshot(tv_Cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return no_front_end("screenshot");
}

int tv_cmd_flags(tv_Cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return no_front_end("flags");
}
