/* front_end.c - loads trivium-ui.so, the desktop front end, for the commands that need
 * SDL (front_end.h), so that every other command runs without SDL, SDL_ttf or
 * fontconfig mapped into the process.
 * Depends on: app/cli, app/paths, libdl (dlopen). */
#include "app/front_end.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "app/paths.h"

int tv_front_end_run(tv_Cli *cli, const char *name, int argc, char **argv, int first)
{
    char path[TV_PATHS_MAX], looked[2 * TV_PATHS_MAX];
    if (!tv_paths_find_ui(cli->self_exe, path, sizeof path, looked, sizeof looked)) {
        fprintf(stderr, "trivium %s: the desktop front end (" TV_FRONT_END_MODULE ") is not at %s\n", name, looked);
        return 1;
    }
    /* Never closed: SDL's threads and atexit handlers live in it until the process ends. */
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    const tv_FrontEnd *fe = lib ? dlsym(lib, TV_FRONT_END_SYMBOL) : NULL;
    if (!fe) {
        fprintf(stderr, "trivium %s: cannot load the desktop front end: %s\n", name, dlerror());
        return 1;
    }
    if (fe->abi != TV_FRONT_END_ABI || fe->cli_size != sizeof *cli) {
        fprintf(stderr, "trivium %s: %s is from another build of trivium; reinstall or rebuild both\n", name, path);
        return 1;
    }
    cli->command = name;
    if (strcmp(name, "play") == 0)
        return fe->play(cli, argc, argv, first);
    if (strcmp(name, "screenshot") == 0)
        return fe->screenshot(cli, argc, argv);
    return fe->flags(cli, argc, argv);
}
