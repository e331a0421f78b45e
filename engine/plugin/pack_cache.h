/* pack_cache.h - keeps what a pack's worker wrote between runs of the game, so the game
 * can open without starting a process per pack when nothing changed.
 *
 * The key covers everything the output depends on: the worker executable (path, size,
 * modification time), the pack folder's path and every file in it (name, size,
 * modification time), the seed and the language. Editing any file of a pack, or
 * rebuilding the worker, is a miss. One file per pack folder, so the cache stays as
 * large as the packs themselves. The kept text is still worker output: the host
 * decodes it with the same checks, and anything that does not decode is a miss.
 * Reading refuses links and FIFOs and writing is atomic (engine/io/file.h), so nothing
 * planted in the cache folder can hang the game or be written through.
 * Depends on: io (file), core (rng), libc, POSIX. */
#ifndef TV_PACK_CACHE_H
#define TV_PACK_CACHE_H

#include <stddef.h>
#include <stdint.h>

/* 0 when the worker or the pack folder cannot be read (then nothing is cached). */
uint64_t tv_pack_cache_key(const char *worker_exe, const char *pack_dir, const char *display, uint64_t seed,
                           const char *lang);
/* The text kept for pack_dir under key (malloc'd, *len bytes, NUL-terminated), or NULL. */
char *tv_pack_cache_read(const char *cache_dir, const char *pack_dir, uint64_t key, size_t *len);
/* Keeps data for pack_dir under key, creating cache_dir as needed; a cache that cannot be
 * written is only a slower next start, so failures are silent. */
void tv_pack_cache_write(const char *cache_dir, const char *pack_dir, uint64_t key, const char *data, size_t len);

#endif
