/* pack_cache.c - the cache of pack worker output (see pack_cache.h).
 *
 * File format (docs/files.md): a first line "trivium-pack-cache 2 <key>", then entries
 * "seed <n> <len>\n" or "any <len>\n", each followed by len bytes and a newline.
 *
 * Trust boundary: the cache folder is the player's, but anything may have been put
 * there (a symbolic link to a file elsewhere, a FIFO, a huge file). Reads go through
 * tv_file_read (no link followed, no FIFO waited on, capped); writes through
 * tv_file_replace (an unpredictable mkstemp temp file, rename; no fsync), so the
 * game can neither hang on nor write through something planted there. An entry that
 * does not parse ends the file there; what an entry holds is decoded by the caller with
 * every check a worker's output gets.
 * Depends on: io (file), core (rng: tv_hash64), libc, POSIX. */
#include "plugin/pack_cache.h"

#include "io/file.h"
#include "core/rng.h"

#include <dirent.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CACHE_MAGIC "trivium-pack-cache 2"

/* Folds one piece into h. Each piece is hashed on its own (FNV-1a, core's tv_hash64)
 * and mixed in with an odd multiply, so the pieces' boundaries and order count: "ab"
 * then "c" is not "a" then "bc". */
static uint64_t mix(uint64_t h, const char *piece) { return (h ^ tv_hash64(piece)) * 1099511628211u; }

static uint64_t mix_stat(uint64_t h, const struct stat *st)
{
    char text[80];
    snprintf(text, sizeof text, "%lld %lld %lld", (long long)st->st_size, (long long)st->st_mtim.tv_sec,
             (long long)st->st_mtim.tv_nsec);
    return mix(h, text);
}

uint64_t tv_pack_cache_key(const char *worker_exe, const char *pack_dir, const char *display, const char *lang)
{
    struct stat st;
    if (stat(worker_exe, &st) != 0)
        return 0;
    uint64_t h = tv_hash64(CACHE_MAGIC);
    h = mix_stat(mix(h, worker_exe), &st);
    h = mix(mix(mix(h, pack_dir), display), lang);
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
    char text[32];
    snprintf(text, sizeof text, "%" PRIu64, files);
    h = mix(h, text);
    return h ? h : 1;
}

static void drop(tv_PackCache *c, int i)
{
    if (c->entries[i].owned)
        free((char *)c->entries[i].data);
    memmove(&c->entries[i], &c->entries[i + 1], sizeof *c->entries * (size_t)(c->n - i - 1));
    c->n--;
}

/* Appends an entry, data copied when own (else borrowed from c->text); false when out
 * of memory. */
static bool append(tv_PackCache *c, bool any, uint64_t seed, const char *data, size_t len, bool own)
{
    if (c->n == c->cap) {
        int cap = c->cap ? c->cap * 2 : 16;
        tv_PackCacheEntry *grown = realloc(c->entries, sizeof *grown * (size_t)cap);
        if (!grown)
            return false;
        c->entries = grown, c->cap = cap;
    }
    if (own) {
        char *copy = malloc(len + 1);
        if (!copy)
            return false;
        memcpy(copy, data, len);
        copy[len] = '\0';
        data = copy;
    }
    c->entries[c->n++] = (tv_PackCacheEntry){any, own, seed, data, len};
    return true;
}

/* Parses "seed N LEN\n" or "any LEN\n" at *p (end at end); false when it is neither. */
static bool entry_head(const char **p, const char *end, bool *any, uint64_t *seed, size_t *len)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    if (!nl || nl - *p > 60)
        return false;
    char line[64];
    memcpy(line, *p, (size_t)(nl - *p));
    line[nl - *p] = '\0';
    unsigned long long s = 0, n = 0;
    char tail;
    if (sscanf(line, "seed %llu %llu%c", &s, &n, &tail) == 2)
        *any = false;
    else if (sscanf(line, "any %llu%c", &n, &tail) == 1)
        *any = true;
    else
        return false;
    *seed = s, *len = (size_t)n;
    *p = nl + 1;
    return (size_t)(end - *p) > *len && (*p)[*len] == '\n';
}

void tv_pack_cache_open(tv_PackCache *c, const char *cache_dir, const char *pack_dir, uint64_t key,
                        tv_PackCacheKind kind)
{
    memset(c, 0, sizeof *c);
    c->key = key;
    c->max_entries = kind == TV_PACK_CACHE_ONE ? 1 : TV_PACK_CACHE_MAX_SEEDS;
    snprintf(c->path, sizeof c->path, "%s/pack-%016" PRIx64 "%s.txt", cache_dir, tv_hash64(pack_dir),
             kind == TV_PACK_CACHE_ONE ? "" : ".seeds");
    char *text, want[64];
    size_t n;
    size_t head = (size_t)snprintf(want, sizeof want, CACHE_MAGIC " %016" PRIx64 "\n", key);
    /* Any refusal (missing, a link, a FIFO, too big) is just a miss. */
    if (tv_file_read(c->path, TV_PACK_CACHE_MAX_BYTES + 4096, 0, &text, &n, NULL) != TV_FILE_OK)
        return;
    if (n > head && memcmp(text, want, head) == 0) {
        const char *p = text + head, *end = text + n;
        bool any;
        uint64_t seed;
        size_t len;
        while (p < end && c->n < c->max_entries && entry_head(&p, end, &any, &seed, &len) &&
               append(c, any, seed, p, len, false)) {
            text[p - text + (ptrdiff_t)len] = '\0'; /* the newline after it: each entry a string */
            p += len + 1;
        }
    }
    c->text = text;
}

bool tv_pack_cache_find(const tv_PackCache *c, uint64_t seed, const char **data, size_t *len)
{
    for (int i = c->n - 1; i >= 0; i--)
        if (c->entries[i].any || c->entries[i].seed == seed) {
            *data = c->entries[i].data;
            *len = c->entries[i].len;
            return true;
        }
    return false;
}

void tv_pack_cache_put(tv_PackCache *c, uint64_t seed, bool any, const char *data, size_t len)
{
    for (int i = c->n - 1; i >= 0; i--)
        if (any || c->max_entries == 1 || c->entries[i].any || c->entries[i].seed == seed)
            drop(c, i);
    if (append(c, any, seed, data, len, true))
        c->dirty = true;
}

void tv_pack_cache_save(tv_PackCache *c, const char *cache_dir)
{
    if (!c->dirty)
        return;
    c->dirty = false;
    /* The newest entries that fit. */
    int first = c->n;
    size_t total = 64;
    while (first > 0 && c->n - first < c->max_entries &&
           total + c->entries[first - 1].len + 48 <= TV_PACK_CACHE_MAX_BYTES)
        total += c->entries[--first].len + 48;
    char *text = malloc(total);
    /* A fresh home may have no ~/.cache yet. */
    if (!text || !tv_file_mkdirs(cache_dir, 0700, NULL)) {
        free(text);
        return;
    }
    size_t at = (size_t)snprintf(text, total, CACHE_MAGIC " %016" PRIx64 "\n", c->key);
    for (int i = first; i < c->n; i++) {
        const tv_PackCacheEntry *e = &c->entries[i];
        if (e->any)
            at += (size_t)snprintf(text + at, total - at, "any %zu\n", e->len);
        else
            at += (size_t)snprintf(text + at, total - at, "seed %" PRIu64 " %zu\n", e->seed, e->len);
        memcpy(text + at, e->data, e->len);
        at += e->len;
        text[at++] = '\n';
    }
    /* Not fsync'ed: a cache file lost or emptied by a crash is only a miss. */
    (void)tv_file_replace(c->path, text, at, false, NULL);
    free(text);
}

void tv_pack_cache_close(tv_PackCache *c)
{
    for (int i = 0; i < c->n; i++)
        if (c->entries[i].owned)
            free((char *)c->entries[i].data);
    free(c->entries);
    free(c->text);
    c->entries = NULL;
    c->text = NULL;
    c->n = c->cap = 0;
}
