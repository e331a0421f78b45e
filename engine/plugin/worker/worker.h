/* worker.h - the hidden `trivium pack-worker` subcommand.
 *
 * Runs one pack's pack.lua and generate() under rlimits and hands the questions back as
 * JSON on stdout, framed as:  "phase loading\n" ... "phase generating\n" ...
 * "data <bytes>\n<json>". Exits without closing the Lua state: the process ending frees
 * everything, and no finalizer or close hazard of Lua 5.4.4 is ever reached.
 * Depends on: Lua 5.4, cJSON, core. */
#ifndef TV_WORKER_H
#define TV_WORKER_H

/* argv: pack-worker --dir DIR --display NAME --seed N --lang CODE
 * or:   pack-worker --dir DIR --display NAME --seeds N,N,... --lang CODE [--timeout-ms MS]
 *       (one record per seed, each from a child process of its own: wire.h)
 * or:   pack-worker --describe-api   (prints the pack API as JSON: describe.h) */
int tv_worker_main(int argc, char **argv);

#endif
