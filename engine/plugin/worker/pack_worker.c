/* pack_worker.c - trivium-pack-worker: the pack worker as a small executable of its own,
 * so starting one per pack does not load the game's graphics libraries, and the game
 * process never links Lua. Run by the plugin host, not by people.
 * Depends on: worker. */
#include <string.h>

#include "plugin/worker/worker.h"

int main(int argc, char **argv)
{
    /* Accept both "trivium-pack-worker --dir ..." and "... pack-worker --dir ...". */
    if (argc >= 2 && strcmp(argv[1], "pack-worker") == 0)
        return tv_worker_main(argc - 1, argv + 1);
    return tv_worker_main(argc, argv);
}
