/* sandbox.h - one pack's Lua state inside the pack worker process.
 *
 * Trust boundary: everything here runs pack code, which is untrusted. This file is
 * linked into the worker only; the game and the headless runner never call into Lua
 * (see docs/architecture.md for why: Lua 5.4.4 can be crashed or hung from pack code in
 * ways no in-process guard stops). The guards below turn most attacks into a precise
 * file:line message; the worker's rlimits and the host's kill timer catch the rest.
 * Depends on: Lua 5.4, cJSON, core (rng, text, error). */
#ifndef TV_SANDBOX_H
#define TV_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>
#include <lua.h>

#include "plugin/wire.h"

#include "core/rng.h"

#define TV_SB_MEMORY_LIMIT (64u << 20)
#define TV_SB_INSTRUCTIONS 50000000LL
#define TV_SB_HOOK_STEP 1000
/* CPU time per phase. The instruction budget counts the VM's work and the library calls
 * that charge theirs; this catches what neither sees (each comparison of two long equal
 * strings is one instruction, say) at the next count hook, well before the host's kill
 * timer. Good packs use a few milliseconds; sanitizer builds get 3 times as long. */
#define TV_SB_CPU_LIMIT_MS 1000
#define TV_SB_MAX_FILE (1u << 20)
#define TV_SB_MAX_INCLUDE_DEPTH 8
#define TV_SB_MAX_FILES 32
#define TV_SB_MAX_CLOSE_DEPTH 100
/* The pack's files read by include (pack.lua too) in one phase: 8 files of the largest size. */
#define TV_SB_MAX_INCLUDE_BYTES (8u << 20)
/* What C work costs in instructions, measured against the VM's speed: bytes made per
 * instruction (the allocator; memcpy speed), bytes scanned per instruction (tonumber,
 * utf8.len: decoding is slower than a copy, ~5 ns a byte), and instructions per byte of Lua
 * source parsed (load, include). */
#define TV_SB_BYTES_PER_STEP 32
#define TV_SB_SCAN_BYTES_PER_STEP 1
#define TV_SB_PARSE_STEPS_PER_BYTE 1

typedef struct tv_SbFile {
    char *name; /* display path, e.g. plugins/x/facts.lua */
    char *text;
    size_t len;
} tv_SbFile;

typedef struct tv_Sandbox {
    lua_State *L;
    size_t mem_used, mem_limit;
    bool mem_exceeded;
    long long instructions, budget;
    bool budget_exceeded;
    bool cpu_exceeded;              /* it was the CPU time (TV_SB_CPU_LIMIT_MS), not the count */
    long long cpu_deadline_ns;      /* CLOCK_PROCESS_CPUTIME_ID at which this phase stops */
    char stopped_at[1100]; /* "file:line: " where the budget ran out, or "" */
    const char *stopped_in; /* the library function whose work spent it, or NULL */
    size_t include_bytes;   /* file bytes include read in this phase */
    int dirfd;
    char display_dir[1024]; /* how messages name the pack folder */
    int include_depth;
    int close_depth; /* coroutine.close calls in progress */
    tv_Rng rng; /* behind ctx.rng and math.random */
    int n_files;
    tv_SbFile files[TV_SB_MAX_FILES]; /* sources read so far, to find a question's line */
    int env_ref;                      /* registry ref of the pack's _ENV */
    int builtins_ref;                 /* registry ref of the table behind _ENV: every built-in global */
    const char *phase;                /* "loading" or "generating" */
    char include_nil[1300];           /* "file:line" of the first include() that returned nil
                                         (a facts file without its return), or "" */
    char include_nil_name[72];        /* the file it included */
    /* The Lua frames of the last error tv_sandbox_call caught, innermost first
     * ("file:line: in function 'f'", as Lua's traceback words them); none for a syntax
     * error. Kept apart, not joined by newlines: a folder name may hold one. */
    int n_trace;
    char trace[TV_WIRE_MAX_TRACE][300];
} tv_Sandbox;

/* Creates the state with the counting allocator and the count hook armed before any pack
 * code runs (coroutines copy their creator's hook), and the locked environment.
 * display_dir names the folder in messages. Returns false with msg filled on failure. */
bool tv_sandbox_open(tv_Sandbox *sb, const char *dir, const char *display_dir, char *msg, size_t msgsize);

/* Resets the instruction budget and the include bytes (for each of loading and generate). */
void tv_sandbox_reset_budget(tv_Sandbox *sb);

/* Charges cost instructions of work done in C (by the library function what, such as
 * "string.find") to the budget; when it is spent, stops the pack with the budget error
 * naming the pack's line and what. Call only from a C function called by pack code. */
void tv_sandbox_charge(lua_State *L, long long cost, const char *what);

/* Runs the function on top of the stack with nargs arguments under a message handler,
 * leaving one result. On error fills file/line/msg and returns false (stack popped). */
bool tv_sandbox_call(tv_Sandbox *sb, int nargs, char *file, size_t filesize, int *line, char *msg, size_t msgsize);

/* Loads name (a file in the pack folder) as a chunk in the pack's environment and
 * pushes it. Raises a Lua error on failure: call it from Lua (include) or through
 * tv_sandbox_call. */
int tv_sandbox_push_file(lua_State *L, tv_Sandbox *sb, const char *name, size_t namelen);

/* Where a question id is first written as a quoted literal: a file of sb->files and its
 * line, or file -1 when it is not written anywhere. */
typedef struct tv_SbPlace {
    int file, line;
} tv_SbPlace;

/* Finds where each of the n ids (ids[i], lens[i] bytes) is first written as 'id' or "id"
 * in the pack's files, in one pass over them. */
void tv_sandbox_find_ids(const tv_Sandbox *sb, const char *const *ids, const size_t *lens, int n, tv_SbPlace *places);

/* "file:line" of a place into out, or the pack file without a line. */
void tv_sandbox_place_name(const tv_Sandbox *sb, tv_SbPlace place, char *out, size_t outsize);

tv_Sandbox *tv_sandbox_get(lua_State *L);

/* Closes the state and the pack folder. Only safe when no pack code has run, or in a
 * process about to exit: after pack code, lua_close runs the pack's __gc and __close
 * metamethods (the worker _exits instead, see worker.c). Safe on a zeroed or closed
 * sandbox and twice. */
void tv_sandbox_close(tv_Sandbox *sb);

#endif
