/* ui_module.c - what trivium-ui.so exports: the table of the SDL commands (front_end.h).
 * Everything else in the module is hidden (-fvisibility=hidden, --exclude-libs), so its
 * copies of the engine libraries never stand in for the executable's.
 * Depends on: app/front_end, app/play_cmd. */
#include "app/front_end.h"
#include "app/play_cmd.h"

__attribute__((visibility("default"))) extern const tv_FrontEnd tv_front_end;
const tv_FrontEnd tv_front_end = {
    .abi = TV_FRONT_END_ABI,
    .cli_size = sizeof(tv_Cli),
    .play = tv_cmd_play,
    .screenshot = tv_cmd_screenshot,
    .flags = tv_cmd_flags,
};
