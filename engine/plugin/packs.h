/* packs.h - finding packs and loading them through pack workers.
 *
 * The host never calls into Lua: it spawns one `trivium-pack-worker` process per pack
 * (all at once, so start-up costs about one pack's time), reads plain JSON back, and
 * turns it into tv_Question data. A worker that crashes, hangs, floods or is killed
 * gives that pack an error naming it; the other packs are unaffected.
 * Depends on: core, cJSON, POSIX. Never SDL or Lua. */
#ifndef TV_PACKS_H
#define TV_PACKS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/error.h"
#include "plugin/pack.h"

typedef struct tv_PackSet {
    tv_Alloc alloc;
    int n;
    tv_Pack *packs; /* in discovery order */
    /* Packs found below this folder are named relative to it in messages (the caller's
     * working folder); NULL names them as found. Borrowed; set before adding packs. */
    const char *display_base;
} tv_PackSet;

typedef struct tv_LoadOptions {
    const char *worker_exe; /* trivium-pack-worker, found by the caller */
    uint64_t seed;          /* session seed; each pack derives its own stream from it */
    const char *lang;       /* "en" or "nl" */
    int timeout_ms;         /* wall-clock limit per worker; 0 = TV_WORKER_TIMEOUT_DEFAULT_MS */
    bool background;        /* the caller has more urgent work meanwhile (opening the window):
                               workers run at a lower CPU priority (nice +10) */
    const char *cache_dir;  /* packs whose files, worker and language are unchanged are read
                               from here for a seed kept there instead of run, and what the
                               workers write is kept (pack_cache.h); NULL always runs the
                               workers. Must outlive the load. */
    const char *default_category; /* for questions whose pack gives none: the caller's
                                     translation of "round.category_default"; NULL gives
                                     "General". Must outlive the load. */
    bool show_logs;         /* pass the packs' quiz.log output on to stderr (lint, dump,
                               test, watch); otherwise the workers discard it (the game) */
} tv_LoadOptions;

#define TV_WORKER_TIMEOUT_DEFAULT_MS 5000

void tv_packset_init(tv_PackSet *set, tv_Alloc alloc);
/* Adds every subfolder of dir holding a pack.lua, sorted by name, skipping folder names
 * already present (earlier search folders win). A missing dir is not an error. */
bool tv_packset_scan(tv_PackSet *set, const char *dir, tv_Error *err);
/* Adds one pack folder (lint PATH). Fails when it holds no pack.lua. */
bool tv_packset_add(tv_PackSet *set, const char *dir, tv_Error *err);
/* Loads the packs whose want[i] is true (all when want is NULL), in parallel. Never
 * fails as a whole: each pack ends loaded or with its error. */
void tv_packset_load(tv_PackSet *set, const tv_LoadOptions *opt, const bool *want);
/* The same in two halves, so a caller can do other work while the workers run (the
 * game opens its window meanwhile). begin spawns the workers and returns a handle
 * (NULL only when out of memory, with every pack's error set); end waits for them and
 * frees the handle (NULL is fine). The set must not change in between. */
typedef struct tv_PackLoad tv_PackLoad;
tv_PackLoad *tv_packset_load_begin(tv_PackSet *set, const tv_LoadOptions *opt, const bool *want);
void tv_packset_load_end(tv_PackLoad *load);
/* A batch: for each pack i with want[i] (loaded already, for another seed), loads it
 * again for each of seeds[0..n_seeds) into out[k * set->n + i] (n_seeds * set->n packs,
 * the others left zeroed), from the cache where it holds the seed, else from workers
 * that serve many seeds each (a fresh process and lua_State per seed, the same limits
 * as one seed), at least two per pack so a batch uses both cores. Each ends loaded or
 * with its error, as tv_packset_load leaves a pack; one whose id differs from the set's
 * for that pack is refused. Free them with tv_packs_free. */
void tv_packset_load_seeds(const tv_PackSet *set, const tv_LoadOptions *opt, const bool *want, const uint64_t *seeds,
                           int n_seeds, tv_Pack *out);
/* Frees packs[0..n) loaded by tv_packset_load_seeds (zeroed ones too). */
void tv_packs_free(tv_Pack *packs, size_t n);
/* Index of the pack whose id or folder name is name, or -1. */
int tv_packset_find(const tv_PackSet *set, const char *name);
void tv_packset_free(tv_PackSet *set);

#endif
