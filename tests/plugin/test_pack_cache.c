/* plugin.cache: the pack cache (pack_cache.h) and many-seed loads, with the real
 * worker and a real pack copied to a temporary folder: a second load reads the cache,
 * editing a pack file or asking for another language runs the worker again, and a
 * damaged cache file is only a miss. A FIFO or a symbolic link planted in the cache
 * folder neither hangs the game nor gets written through.
 * Environment: TRIVIUM_WORKER (trivium-pack-worker), TRIVIUM_SOURCE (the source tree). */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "plugin/pack_cache.h"
#include "plugin/packs.h"
#include "core/rng.h"

/* The text kept for (pack_dir, key, seed), malloc'd, or NULL: open, find, copy, close. */
static char *cache_read(const char *cache_dir, const char *pack_dir, uint64_t key, uint64_t seed, size_t *len)
{
    tv_PackCache c;
    tv_pack_cache_open(&c, cache_dir, pack_dir, key, TV_PACK_CACHE_ONE);
    const char *data;
    char *copy = NULL;
    if (tv_pack_cache_find(&c, seed, &data, len))
        copy = strdup(data);
    tv_pack_cache_close(&c);
    return copy;
}

/* Keeps data for seed alone under key, as a worker's result for one seed. */
static void cache_write(const char *cache_dir, const char *pack_dir, uint64_t key, uint64_t seed, const char *data)
{
    tv_PackCache c;
    tv_pack_cache_open(&c, cache_dir, pack_dir, key, TV_PACK_CACHE_ONE);
    tv_pack_cache_put(&c, seed, false, data, strlen(data));
    tv_pack_cache_save(&c, cache_dir);
    tv_pack_cache_close(&c);
}

typedef struct Env {
    char root[64], packs[128], pack[160], cache[160];
} Env;

static void run(const char *cmd) { CHECK(system(cmd) == 0); }

static void env_make(Env *e)
{
    snprintf(e->root, sizeof e->root, "/tmp/trivium-cache-XXXXXX");
    CHECK(mkdtemp(e->root) != NULL);
    snprintf(e->packs, sizeof e->packs, "%s/packs", e->root);
    snprintf(e->pack, sizeof e->pack, "%s/scoring", e->packs);
    snprintf(e->cache, sizeof e->cache, "%s/cache/trivium", e->root); /* parents made on write */
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp -R '%s/tests/packs/scoring' '%s'", e->packs,
             getenv("TRIVIUM_SOURCE"), e->packs);
    run(cmd);
}

static void env_free(Env *e)
{
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", e->root);
    run(cmd);
}

/* Loads the copied pack and returns the prompt of its question "tf" (static storage). */
static const char *load_prompt(const Env *e, const char *lang, bool *from_cache_file)
{
    static char prompt[256];
    prompt[0] = '\0';
    tv_PackSet set;
    tv_packset_init(&set, tv_alloc_default());
    CHECK(tv_packset_scan(&set, e->packs, NULL));
    tv_LoadOptions opt = {.worker_exe = getenv("TRIVIUM_WORKER"), .seed = 1, .lang = lang, .cache_dir = e->cache};
    tv_packset_load(&set, &opt, NULL);
    CHECK_INT(1, set.n);
    CHECK(set.n == 1 && set.packs[0].loaded);
    for (int i = 0; set.n == 1 && i < set.packs[0].n_questions; i++)
        if (strcmp(set.packs[0].questions[i].id, "tf") == 0)
            snprintf(prompt, sizeof prompt, "%s", set.packs[0].questions[i].prompt);
    size_t len = 0;
    char *kept = cache_read(e->cache, set.packs[0].dir,
                            tv_pack_cache_key(opt.worker_exe, set.packs[0].dir, set.packs[0].display, lang), 1, &len);
    *from_cache_file = kept != NULL;
    free(kept);
    tv_packset_free(&set);
    return prompt;
}

/* Rewrites the kept file's text: a load that shows the change came from the cache. */
static void tamper_cache(const Env *e, const char *from, const char *to)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "sed -i 's/%s/%s/' '%s'/pack-*.txt", from, to, e->cache);
    run(cmd);
}

TEST("a second load of an unchanged pack comes from the cache, an edited pack runs again")
{
    Env e;
    env_make(&e);
    bool kept;
    CHECK_STR("True or false", load_prompt(&e, "en", &kept));
    CHECK(kept); /* the first load wrote the cache */
    tamper_cache(&e, "True or false", "Kept or false");
    CHECK_STR("Kept or false", load_prompt(&e, "en", &kept)); /* read, not run */

    /* Another language is another key: the worker runs (and its result replaces the kept one). */
    CHECK_STR("True or false", load_prompt(&e, "nl", &kept));
    CHECK(kept);

    /* Editing any file of the pack is a miss. */
    tamper_cache(&e, "True or false", "Kept or false");
    char cmd[600];
    snprintf(cmd, sizeof cmd, "printf '%s' >> '%s/pack.lua'", "\\n-- edited\\n", e.pack);
    run(cmd);
    CHECK_STR("True or false", load_prompt(&e, "nl", &kept));
    env_free(&e);
}

TEST("a damaged or cut-short cache file is a miss: the worker runs and the pack loads")
{
    Env e;
    env_make(&e);
    bool kept;
    CHECK_STR("True or false", load_prompt(&e, "en", &kept));
    char cmd[600];
    snprintf(cmd, sizeof cmd, "for f in '%s'/pack-*.txt; do head -c 200 \"$f\" > \"$f.cut\" && mv \"$f.cut\" \"$f\"; done",
             e.cache);
    run(cmd);
    CHECK_STR("True or false", load_prompt(&e, "en", &kept));
    CHECK(kept); /* rewritten whole */
    tamper_cache(&e, "\"ok\"", "\"OK\""); /* valid JSON, the same length, that is not a pack result */
    CHECK_STR("True or false", load_prompt(&e, "en", &kept));
    env_free(&e);
}

/* The cache file that tv_pack_cache_* use for pack_dir (the naming is pack_cache.c's). */
static void kept_path(const Env *e, const char *pack_dir, char *out, size_t size)
{
    snprintf(out, size, "%s/pack-%016" PRIx64 ".txt", e->cache, tv_hash64(pack_dir));
}

static char *file_text(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

TEST("a FIFO in place of a cache file is a miss at once, and the next write replaces it")
{
    Env e;
    env_make(&e);
    char path[400];
    kept_path(&e, e.pack, path, sizeof path);
    cache_write(e.cache, e.pack, 7, 3, "{}"); /* makes the folder */
    CHECK(unlink(path) == 0);
    CHECK(mkfifo(path, 0600) == 0);
    /* In a child with an alarm, so a read that waits for a writer fails the test
     * instead of hanging it. */
    pid_t pid = fork();
    if (pid == 0) {
        alarm(5);
        size_t len = 0;
        char *got = cache_read(e.cache, e.pack, 7, 3, &len);
        _exit(got == NULL ? 0 : 1);
    }
    int status = 0;
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    /* Writing must not block on the FIFO either: it is replaced by a regular file. */
    pid = fork();
    if (pid == 0) {
        alarm(5);
        cache_write(e.cache, e.pack, 7, 3, "{\"x\":1}");
        _exit(0);
    }
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    struct stat st;
    CHECK(lstat(path, &st) == 0 && S_ISREG(st.st_mode));
    size_t len = 0;
    char *got = cache_read(e.cache, e.pack, 7, 3, &len);
    CHECK_STR("{\"x\":1}", got);
    free(got);
    env_free(&e);
}

TEST("a symbolic link planted in the cache folder is not followed, read or written through")
{
    Env e;
    env_make(&e);
    char path[400], outside[200], old_tmp[480];
    kept_path(&e, e.pack, path, sizeof path);
    cache_write(e.cache, e.pack, 7, 3, "{}"); /* makes the folder */
    CHECK(unlink(path) == 0);
    snprintf(outside, sizeof outside, "%s/outside.txt", e.root);
    FILE *f = fopen(outside, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs("trivium-pack-cache 2 0000000000000007\nseed 3 12\n{\"secret\":1}\n", f);
        fclose(f);
    }
    /* The cache file itself, and the temp name the cache used to pick (<path>.<pid>.tmp). */
    snprintf(old_tmp, sizeof old_tmp, "%s.%ld.tmp", path, (long)getpid());
    CHECK(symlink(outside, path) == 0);
    CHECK(symlink(outside, old_tmp) == 0);
    size_t len = 0;
    CHECK(cache_read(e.cache, e.pack, 7, 3, &len) == NULL); /* not followed */
    cache_write(e.cache, e.pack, 7, 3, "{\"mine\":1}");
    CHECK_STR("trivium-pack-cache 2 0000000000000007\nseed 3 12\n{\"secret\":1}\n", file_text(outside));
    struct stat st;
    CHECK(lstat(path, &st) == 0 && S_ISREG(st.st_mode)); /* the link itself was replaced */
    char *got = cache_read(e.cache, e.pack, 7, 3, &len);
    CHECK_STR("{\"mine\":1}", got);
    free(got);
    env_free(&e);
}

TEST("entries: one per seed in the batch file, the newest only in the one-seed file, any for every seed")
{
    Env e;
    env_make(&e);
    tv_PackCache c;
    const char *data;
    size_t len;
    tv_pack_cache_open(&c, e.cache, e.pack, 9, TV_PACK_CACHE_MANY);
    CHECK_INT(0, c.n);
    tv_pack_cache_put(&c, 1, false, "{\"s\":1}", 7);
    tv_pack_cache_put(&c, 2, false, "{\"s\":2}", 7);
    tv_pack_cache_put(&c, 1, false, "{\"s\":3}", 7); /* replaces seed 1's */
    tv_pack_cache_save(&c, e.cache);
    tv_pack_cache_close(&c);
    tv_pack_cache_open(&c, e.cache, e.pack, 9, TV_PACK_CACHE_MANY);
    CHECK_INT(2, c.n);
    CHECK(tv_pack_cache_find(&c, 1, &data, &len) && strcmp(data, "{\"s\":3}") == 0 && len == 7);
    CHECK(tv_pack_cache_find(&c, 2, &data, &len) && strcmp(data, "{\"s\":2}") == 0);
    CHECK(!tv_pack_cache_find(&c, 3, &data, &len));
    tv_pack_cache_close(&c);
    /* Another key (a pack file or the worker changed) finds nothing. */
    tv_pack_cache_open(&c, e.cache, e.pack, 10, TV_PACK_CACHE_MANY);
    CHECK_INT(0, c.n);
    tv_pack_cache_close(&c);

    /* The one-seed file is another file, and keeps only the newest seed. */
    tv_pack_cache_open(&c, e.cache, e.pack, 9, TV_PACK_CACHE_ONE);
    CHECK_INT(0, c.n);
    tv_pack_cache_put(&c, 5, false, "{\"s\":5}", 7);
    tv_pack_cache_put(&c, 6, false, "{\"s\":6}", 7);
    tv_pack_cache_save(&c, e.cache);
    tv_pack_cache_close(&c);
    tv_pack_cache_open(&c, e.cache, e.pack, 9, TV_PACK_CACHE_ONE);
    CHECK_INT(1, c.n);
    CHECK(!tv_pack_cache_find(&c, 5, &data, &len));
    CHECK(tv_pack_cache_find(&c, 6, &data, &len) && strcmp(data, "{\"s\":6}") == 0);
    /* A result that drew no random number serves every seed. */
    tv_pack_cache_put(&c, 6, true, "{\"any\":1}", 9);
    tv_pack_cache_save(&c, e.cache);
    tv_pack_cache_close(&c);
    tv_pack_cache_open(&c, e.cache, e.pack, 9, TV_PACK_CACHE_ONE);
    CHECK(tv_pack_cache_find(&c, 123456, &data, &len) && strcmp(data, "{\"any\":1}") == 0);
    tv_pack_cache_close(&c);
    env_free(&e);
}

TEST("a pack that draws no random number is cached once for every seed; one that draws, per seed")
{
    Env e;
    env_make(&e);
    tv_PackSet set;
    tv_packset_init(&set, tv_alloc_default());
    char src[300];
    snprintf(src, sizeof src, "%s/plugins", getenv("TRIVIUM_SOURCE"));
    CHECK(tv_packset_scan(&set, src, NULL));
    tv_LoadOptions opt = {.worker_exe = getenv("TRIVIUM_WORKER"), .seed = 4, .lang = "en", .cache_dir = e.cache};
    tv_packset_load(&set, &opt, NULL);
    CHECK(set.n <= 64); /* want[] below */
    int film = tv_packset_find(&set, "ihostage-film"), example = tv_packset_find(&set, "example");
    CHECK(film >= 0 && example >= 0);
    if (film >= 0 && example >= 0) {
        CHECK(set.packs[film].loaded && !set.packs[film].seeded);
        CHECK(set.packs[example].loaded && set.packs[example].seeded);
        tv_PackCache c;
        const char *data;
        size_t len;
        uint64_t key = tv_pack_cache_key(opt.worker_exe, set.packs[film].dir, set.packs[film].display, "en");
        tv_pack_cache_open(&c, e.cache, set.packs[film].dir, key, TV_PACK_CACHE_ONE);
        CHECK(c.n == 1 && c.entries[0].any && tv_pack_cache_find(&c, 99, &data, &len));
        tv_pack_cache_close(&c);
        key = tv_pack_cache_key(opt.worker_exe, set.packs[example].dir, set.packs[example].display, "en");
        tv_pack_cache_open(&c, e.cache, set.packs[example].dir, key, TV_PACK_CACHE_ONE);
        CHECK(c.n == 1 && !c.entries[0].any && c.entries[0].seed == 4 && !tv_pack_cache_find(&c, 99, &data, &len));
        tv_pack_cache_close(&c);

        /* Many seeds at once equal the seeds loaded one by one, byte for byte. */
        bool want[64] = {0};
        want[example] = true;
        uint64_t seeds[] = {7, 4, 11};
        tv_Pack *out = calloc((size_t)set.n * 3, sizeof *out);
        tv_packset_load_seeds(&set, &opt, want, seeds, 3, out);
        for (int k = 0; k < 3; k++) {
            tv_Pack *p = &out[k * set.n + example];
            tv_PackSet one;
            tv_packset_init(&one, tv_alloc_default());
            CHECK(tv_packset_add(&one, set.packs[example].dir, NULL));
            tv_LoadOptions o1 = {.worker_exe = opt.worker_exe, .seed = seeds[k], .lang = "en"};
            tv_packset_load(&one, &o1, NULL);
            CHECK(p->loaded && one.packs[0].loaded);
            CHECK_STR(one.packs[0].raw_digest, p->raw_digest);
            CHECK(out[k * set.n + film].dir == NULL); /* not wanted: left zeroed */
            tv_packset_free(&one);
        }
        CHECK(strcmp(out[0 * set.n + example].raw_digest, out[2 * set.n + example].raw_digest) != 0);
        tv_packs_free(out, (size_t)set.n * 3);
        free(out);
    }
    tv_packset_free(&set);
    env_free(&e);
}

TEST_MAIN()
