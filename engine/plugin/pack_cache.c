/* pack_cache.c - the game's cache of pack worker output (see pack_cache.h).
 * Depends on: libc, POSIX. */
#include "pack_cache.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAX_BYTES (16u << 20) /* the host's cap on a worker's output */
#define CACHE_MAGIC "trivium-pack-cache 1"

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211u;
    return h;
}

static uint64_t fnv_str(uint64_t h, const char *s) { return fnv(h, s, strlen(s) + 1); }

static uint64_t fnv_stat(uint64_t h, const struct stat *st)
{
    int64_t f[3] = {(int64_t)st->st_size, (int64_t)st->st_mtim.tv_sec, (int64_t)st->st_mtim.tv_nsec};
    return fnv(h, f, sizeof f);
}

uint64_t tv_pack_cache_key(const char *worker_exe, const char *pack_dir, const char *display, uint64_t seed,
                           const char *lang)
{
    struct stat st;
    if (stat(worker_exe, &st) != 0)
        return 0;
    uint64_t h = fnv_str(14695981039346656037u, CACHE_MAGIC);
    h = fnv_stat(fnv_str(h, worker_exe), &st);
    h = fnv_str(fnv_str(fnv_str(h, pack_dir), display), lang);
    h = fnv(h, &seed, sizeof seed);
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
        files += fnv_stat(fnv_str(14695981039346656037u, e->d_name), &st);
    }
    closedir(d);
    h = fnv(h, &files, sizeof files);
    return h ? h : 1;
}

static void cache_path(const char *cache_dir, const char *pack_dir, char *out, size_t size)
{
    snprintf(out, size, "%s/pack-%016" PRIx64 ".txt", cache_dir, fnv_str(14695981039346656037u, pack_dir));
}

char *tv_pack_cache_read(const char *cache_dir, const char *pack_dir, uint64_t key, size_t *len)
{
    char path[4600], head[64];
    cache_path(cache_dir, pack_dir, path, sizeof path);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char want[64];
    snprintf(want, sizeof want, CACHE_MAGIC " %016" PRIx64 "\n", key);
    char *data = NULL;
    struct stat st;
    if (fgets(head, sizeof head, f) && strcmp(head, want) == 0 && fstat(fileno(f), &st) == 0 &&
        st.st_size > (off_t)strlen(head) && st.st_size - (off_t)strlen(head) <= (off_t)CACHE_MAX_BYTES) {
        size_t n = (size_t)st.st_size - strlen(head);
        data = malloc(n + 1);
        if (data && fread(data, 1, n, f) == n) {
            data[n] = '\0';
            *len = n;
        } else {
            free(data);
            data = NULL;
        }
    }
    fclose(f);
    return data;
}

/* mkdir -p: a fresh home may have no ~/.cache yet. */
static void make_dirs(const char *dir)
{
    char path[4600];
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0700);
            *p = '/';
        }
    mkdir(path, 0700);
}

void tv_pack_cache_write(const char *cache_dir, const char *pack_dir, uint64_t key, const char *data, size_t len)
{
    char path[4600], tmp[4700];
    make_dirs(cache_dir);
    cache_path(cache_dir, pack_dir, path, sizeof path);
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return;
    /* No fsync: a file cut short by a crash fails to decode and is a miss. */
    bool ok = fprintf(f, CACHE_MAGIC " %016" PRIx64 "\n", key) > 0 && fwrite(data, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0)
        unlink(tmp);
}
