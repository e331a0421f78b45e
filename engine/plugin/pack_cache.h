/* pack_cache.h - keeps what a pack's worker wrote between runs, so the game can open,
 * and `trivium headless` play, without starting a process per unchanged pack.
 *
 * The key covers everything the output depends on but the seed: the worker executable
 * (path, size, modification time), the pack folder's path and every file in it (name,
 * size, modification time) and the language. One file per pack folder holds entries:
 * one per seed, or a single one for every seed when the worker saw the pack draw no
 * random number (its result cannot depend on the seed: tv_Pack.seeded). Editing any file
 * of a pack, or rebuilding the worker, is a miss for every seed. The kept text is still
 * worker output: the host decodes it with the same checks as a worker's, and anything
 * that does not decode is a miss.
 * Reading refuses links and FIFOs and writing is atomic (engine/io/file.h), so nothing
 * planted in the cache folder can hang the game or be written through.
 * Depends on: io (file), core (rng), libc, POSIX. */
#ifndef TV_PACK_CACHE_H
#define TV_PACK_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A file keeps at most this many seeds' results and bytes; saving more keeps the newest. */
#define TV_PACK_CACHE_MAX_SEEDS 4096
#define TV_PACK_CACHE_MAX_BYTES (32u << 20)

typedef struct tv_PackCacheEntry {
    bool any;      /* serves every seed */
    bool owned;    /* data was put (malloc'd), not read with the file */
    uint64_t seed;
    const char *data; /* NUL-terminated */
    size_t len;
} tv_PackCacheEntry;

/* Which of a pack folder's two files: the one a one-seed load reads and writes (the
 * game's start, `headless --seed`), holding the newest result only, so it stays as
 * large as the pack's output; and the one batches read and write (`headless --seeds`),
 * holding up to TV_PACK_CACHE_MAX_SEEDS seeds. */
typedef enum tv_PackCacheKind { TV_PACK_CACHE_ONE, TV_PACK_CACHE_MANY } tv_PackCacheKind;

/* One pack folder's file, read whole, changed in memory and written back by save. */
typedef struct tv_PackCache {
    char path[4600];
    uint64_t key;
    int max_entries;
    int n, cap;
    tv_PackCacheEntry *entries; /* oldest first */
    char *text;                 /* the file as read; entries not owned point into it */
    bool dirty;
} tv_PackCache;

/* 0 when the worker or the pack folder cannot be read (then nothing is cached). */
uint64_t tv_pack_cache_key(const char *worker_exe, const char *pack_dir, const char *display, const char *lang);
/* Reads pack_dir's file of that kind in cache_dir. A missing, refused or damaged file, or one kept
 * under another key, opens empty (only misses). Always leaves c fit for close. */
void tv_pack_cache_open(tv_PackCache *c, const char *cache_dir, const char *pack_dir, uint64_t key,
                        tv_PackCacheKind kind);
/* The text kept for seed (its own entry, or the one for every seed), borrowed until close. */
bool tv_pack_cache_find(const tv_PackCache *c, uint64_t seed, const char **data, size_t *len);
/* Keeps data (copied) for seed, or for every seed when any (dropping the others); a file
 * of kind ONE keeps only the newest. */
void tv_pack_cache_put(tv_PackCache *c, uint64_t seed, bool any, const char *data, size_t len);
/* Writes the file when something was put, creating cache_dir as needed; a cache that
 * cannot be written is only a slower next run, so failures are silent. */
void tv_pack_cache_save(tv_PackCache *c, const char *cache_dir);
void tv_pack_cache_close(tv_PackCache *c);

#endif
