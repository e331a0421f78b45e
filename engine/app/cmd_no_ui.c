/* cmd_no_ui.c - play, screenshot and flags in a build without the desktop front end
 * (-DTRIVIUM_UI=OFF): --help says what the command is and that this build lacks it; any
 * other use says so and exits 2. `trivium` keeps one set of commands whichever way it
 * was built. Linked instead of front_end.c (the loader of trivium-ui.so); links nothing
 * of SDL. Depends on: app/front_end. */
#include <stdio.h>
#include <string.h>

#include "app/cli.h"
#include "app/front_end.h"

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

int tv_front_end_run(tv_Cli *cli, const char *name, int argc, char **argv, int first)
{
    (void)cli;
    if (strcmp(name, "play") == 0)
        return no_front_end("play", "Starts the desktop game", argc, argv, first);
    if (strcmp(name, "screenshot") == 0)
        return no_front_end("screenshot", "Renders one scene of the game to a PNG", argc, argv, first);
    return no_front_end("flags", "Lists the questions players flagged", argc, argv, first);
}
