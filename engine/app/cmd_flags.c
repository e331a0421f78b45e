/* cmd_flags.c - `trivium flags`: the questions players flagged as wrong or unclear,
 * listed from flags.tsv in the prefs folder for pack authors.
 * Depends on: app/play_setup (the prefs folder), ui (prefs), SDL2. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <SDL.h>

#include "app/play_cmd.h"
#include "app/play_setup.h"

static void print_flag(void *ud, const char *const fields[5])
{
    int *n = ud;
    if ((*n)++ == 0)
        printf("%-20s %-28s %-8s %-4s %s\n", "PACK", "QUESTION", "VERSION", "LANG", "REASON");
    printf("%-20s %-28s %-8s %-4s %s\n", fields[0], fields[1], fields[2], fields[3], fields[4]);
}

static const char *const usage_flags =
    "usage: trivium flags\n\nLists the questions players flagged as wrong or unclear (kept in\n"
    "flags.tsv in the prefs folder), so pack authors hear about mistakes.\n";

int tv_cmd_flags(tv_Cli *cli, int argc, char **argv)
{
    int rc = tv_cli_parse(cli, usage_flags, NULL, 0, NULL, argc, argv, 2); /* no flags but --help */
    if (rc >= 0)
        return rc;
    char *prefs = tv_play_prefs_folder();
    if (!prefs) {
        fprintf(stderr, "trivium flags: no prefs folder (%s)\n", SDL_GetError());
        return 1;
    }
    tv_Prefs files;
    tv_prefs_init(&files, prefs);
    SDL_free(prefs);
    int n = 0;
    tv_Error err = {0};
    if (tv_prefs_list_flags(&files, print_flag, &n, &err) < 0 && err.code != 0 && errno != ENOENT)
        return tv_cli_fail(&err);
    if (n == 0)
        printf("no flagged questions (%s)\n", tv_prefs_path(&files, TV_PREFS_FLAGS));
    return TV_EXIT_OK;
}
