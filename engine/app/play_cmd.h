/* play_cmd.h - the commands that need SDL: play (cmd_play.c), screenshot
 * (cmd_screenshot.c), flags (cmd_flags.c). */
#ifndef TV_PLAY_CMD_H
#define TV_PLAY_CMD_H

#include "app/cli.h"

int tv_cmd_play(tv_Cli *cli, int argc, char **argv, int first);
int tv_cmd_screenshot(tv_Cli *cli, int argc, char **argv);
int tv_cmd_flags(tv_Cli *cli, int argc, char **argv);

#endif
