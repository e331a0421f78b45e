/* pack_cache.c - the game's cache of pack worker output (see pack_cache.h).
 *
 * Trust boundary: the cache folder is the player's, but anything may have been put
 * there (a symbolic link to a file elsewhere, a FIFO, a huge file). Reads go through
 * tv_file_read (no link followed, no FIFO waited on, capped); writes through
 * tv_file_write_atomic (an unpredictable mkstemp temp file, fsync, rename), so the
 * game can neither hang on nor write through something planted there.
 * Depends on: io (file), core (rng: tv_hash64), libc, POSIX. */
#include "plugin/pack_cache.h"

#include "io/file.h"
#include "core/rng.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CACHE_MAX_BYTES (16u << 20) /* the host's cap on a worker's output */
#define CACHE_MAGIC "trivium-pack-cache 1"

/* Folds one piece into h. Each piece is hashed on its own (FNV-1a, core's tv_hash64)
 * and mixed in with an odd multiply, so the pieces' boundaries and order count: "ab"
 * then "c" is not "a" then "bc". If core gains a length-taking tv_hash64_bytes, the
 * numbers could be hashed as bytes instead of as text. */
static uint64_t mix(uint64_t h, const char *piece) { return (h ^ tv_hash64(piece)) * 1099511628211u; }

static uint64_t mix_stat(uint64_t h, const struct stat *st)
{
    char text[80];
    snprintf(text, sizeof text, "%lld %lld %lld", (long long)st->st_size, (long long)st->st_mtim.tv_sec,
             (long long)st->st_mtim.tv_nsec);
    return mix(h, text);
}

uint64_t tv_pack_cache_key(const char *worker_exe, const char *pack_dir, const char *display, uint64_t seed,
                           const char *lang)
{
    struct stat st;
    if (stat(worker_exe, &st) != 0)
        return 0;
    char text[32];
    snprintf(text, sizeof text, "%" PRIu64, seed);
    uint64_t h = tv_hash64(CACHE_MAGIC);
    h = mix_stat(mix(h, worker_exe), &st);
    h = mix(mix(mix(mix(h, pack_dir), display), lang), text);
    DIR *d = opendir(pack_dir);
    if (!d)
        return 0;
    /* Summed per file, so the order readdir gives does not matter. */
    uint64_t files = 0;
    char path[4600];
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", pack_dir, e->d_name);
        if (stat(path, &st) != 0)
            continue;
        files += mix_stat(tv_hash64(e->d_name), &st);
    }
    closedir(d);
    snprintf(text, sizeof text, "%" PRIu64, files);
    h = mix(h, text);
    return h ? h : 1;
}

static void cache_path(const char *cache_dir, const char *pack_dir, char *out, size_t size)
{
    snprintf(out, size, "%s/pack-%016" PRIx64 ".txt", cache_dir, tv_hash64(pack_dir));
}

char *tv_pack_cache_read(const char *cache_dir, const char *pack_dir, uint64_t key, size_t *len)
{
    char path[4600], want[64];
    cache_path(cache_dir, pack_dir, path, sizeof path);
    size_t head = (size_t)snprintf(want, sizeof want, CACHE_MAGIC " %016" PRIx64 "\n", key);
    char *data;
    size_t n;
    /* Any refusal (missing, a link, a FIFO, too big) is just a miss. */
    if (tv_file_read(path, CACHE_MAX_BYTES + head, 0, &data, &n, NULL) != TV_FILE_OK)
        return NULL;
    if (n <= head || memcmp(data, want, head) != 0) {
        free(data);
        return NULL;
    }
    memmove(data, data + head, n - head + 1); /* with the NUL */
    *len = n - head;
    return data;
}

void tv_pack_cache_write(const char *cache_dir, const char *pack_dir, uint64_t key, const char *data, size_t len)
{
    char path[4600];
    /* A fresh home may have no ~/.cache yet. */
    if (!tv_file_mkdirs(cache_dir, 0700, NULL))
        return;
    cache_path(cache_dir, pack_dir, path, sizeof path);
    char *text = malloc(len + 64);
    if (!text)
        return;
    int head = snprintf(text, 64, CACHE_MAGIC " %016" PRIx64 "\n", key);
    memcpy(text + head, data, len);
    (void)tv_file_write_atomic(path, text, (size_t)head + len, NULL);
    free(text);
}
