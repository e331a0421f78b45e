/* front_end.h - the one seam between the `trivium` executable and the desktop front end.
 *
 * `trivium` itself links no SDL, SDL_ttf or fontconfig: headless, test, stats, lint,
 * list, dump, export, import and new start without them. The commands that need SDL
 * (play, screenshot, flags) are built into a shared module, trivium-ui.so, that main
 * dlopen()s only when one of them is asked for (front_end.c). The module exports one
 * symbol, TV_FRONT_END_SYMBOL, a tv_FrontEnd table (ui_module.c); main checks its abi
 * and cli_size and calls the command. The module carries its own copy of everything it
 * uses below app (it is linked like an executable), so nothing but this table crosses.
 *
 * Where the module is: beside the binary in a build tree, else
 * <exe dir>/../<libdir>/trivium/trivium-ui.so (app/paths.h tv_paths_find_ui).
 * A command that needs SDL: add it to tv_FrontEnd (bump TV_FRONT_END_ABI), to
 * ui_module.c, to front_end.c's dispatch and to cmd_no_ui.c.
 * Depends on: app/cli. */
#ifndef TV_FRONT_END_H
#define TV_FRONT_END_H

#include "app/cli.h"

#define TV_FRONT_END_ABI 1
#define TV_FRONT_END_SYMBOL "tv_front_end"
#define TV_FRONT_END_MODULE "trivium-ui.so"

typedef struct tv_FrontEnd {
    int abi;         /* TV_FRONT_END_ABI of the build that made the module */
    size_t cli_size; /* sizeof(tv_Cli) there: a module from another build is refused */
    int (*play)(tv_Cli *cli, int argc, char **argv, int first); /* argv[first..) are play's flags */
    int (*screenshot)(tv_Cli *cli, int argc, char **argv);
    int (*flags)(tv_Cli *cli, int argc, char **argv);
} tv_FrontEnd;

/* Runs the front-end command `name` ("play", "screenshot" or "flags") with argv[first..)
 * as its flags: loads the module (front_end.c), or says this build has none
 * (cmd_no_ui.c, -DTRIVIUM_UI=OFF). Returns the exit code. */
int tv_front_end_run(tv_Cli *cli, const char *name, int argc, char **argv, int first);

#endif
