/* packs.c - the pack set: discovery, loading through workers (or the cache), and the
 * rules across packs (ids unique).
 * Trust boundary: none of its own. The workers' output goes through children.c (capped,
 * deadlined) and decode.c (every field re-checked); this file only routes it.
 * Depends on: core, children.c, decode.c, pack_cache.c, POSIX (directories, stat). */
#include "plugin/packs.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plugin/children.h"
#include "plugin/decode.h"
#include "plugin/pack_cache.h"
#include "plugin/wire.h"

void tv_packset_init(tv_PackSet *set, tv_Alloc alloc)
{
    set->alloc = alloc;
    set->n = 0;
    set->packs = NULL;
    set->display_base = NULL;
}

/* Resets p to a fresh, unloaded pack for folder dir, named relative to base (or NULL). */
static bool set_paths(tv_Pack *p, tv_Alloc alloc, const char *dir, const char *base)
{
    memset(p, 0, sizeof *p);
    tv_arena_init(&p->arena, alloc);
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    p->dir = tv_arena_strndup(&p->arena, dir, len);
    if (!p->dir)
        return false;
    const char *slash = strrchr(p->dir, '/');
    p->folder = slash ? slash + 1 : p->dir;
    /* Name the folder relative to the caller's base (its working folder) below it. */
    p->display = p->dir;
    size_t n = base ? strlen(base) : 0;
    if (n && strncmp(p->dir, base, n) == 0 && p->dir[n] == '/')
        p->display = p->dir + n + 1;
    return true;
}

static tv_Pack *append(tv_PackSet *set, const char *dir, tv_Error *err)
{
    tv_Pack *grown = tv_realloc(set->alloc, set->packs, sizeof(tv_Pack) * (size_t)set->n,
                                sizeof(tv_Pack) * (size_t)(set->n + 1));
    if (!grown) {
        tv_error_set(err, TV_ERR_NOMEM, dir, 0, "out of memory");
        return NULL;
    }
    set->packs = grown;
    tv_Pack *p = &set->packs[set->n++];
    if (!set_paths(p, set->alloc, dir, set->display_base)) {
        set->n--;
        tv_error_set(err, TV_ERR_NOMEM, dir, 0, "out of memory");
        return NULL;
    }
    return p;
}

static bool has_pack_file(const char *dir)
{
    char path[4300];
    if (tv_pack_file_path(path, sizeof path, dir) >= (int)sizeof path)
        return false;
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

bool tv_packset_scan(tv_PackSet *set, const char *dir, tv_Error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return true;
    /* Every entry is read (a folder of thousands of packs included), then sorted, so
     * which packs are found never depends on readdir's order. */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            size_t grown_cap = cap ? cap * 2 : 64;
            char **grown = realloc(names, grown_cap * sizeof *names);
            if (!grown) {
                ok = tv_error_set(err, TV_ERR_NOMEM, dir, 0, "out of memory reading the folder");
                break;
            }
            names = grown, cap = grown_cap;
        }
        if (!(names[n] = strdup(e->d_name)))
            ok = tv_error_set(err, TV_ERR_NOMEM, dir, 0, "out of memory reading the folder");
        else
            n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        bool dup = false;
        for (int j = 0; j < set->n && !dup; j++)
            dup = strcmp(set->packs[j].folder, names[i]) == 0;
        if (ok && !dup && has_pack_file(path) && !append(set, path, err))
            ok = false;
        free(names[i]);
    }
    free(names);
    return ok;
}

bool tv_packset_add(tv_PackSet *set, const char *dir, tv_Error *err)
{
    if (!has_pack_file(dir))
        return tv_error_set(err, TV_ERR_USAGE, dir, 0, "no pack.lua in this folder");
    return append(set, dir, err) != NULL;
}

int tv_packset_find(const tv_PackSet *set, const char *name)
{
    for (int i = 0; i < set->n; i++)
        if (set->packs[i].loaded && set->packs[i].id && strcmp(set->packs[i].id, name) == 0)
            return i;
    /* A pack refused after decoding (an id clash) is still found by its id, so
     * `--pack ID` reports why it cannot play rather than "no such pack". */
    for (int i = 0; i < set->n; i++)
        if (!set->packs[i].loaded && set->packs[i].id && strcmp(set->packs[i].id, name) == 0)
            return i;
    for (int i = 0; i < set->n; i++)
        if (strcmp(set->packs[i].folder, name) == 0)
            return i;
    return -1;
}

void tv_packset_free(tv_PackSet *set)
{
    for (int i = 0; i < set->n; i++)
        tv_arena_free(&set->packs[i].arena);
    tv_free(set->alloc, set->packs, sizeof(tv_Pack) * (size_t)set->n);
    set->packs = NULL;
    set->n = 0;
}

/* ==================== loading ==================== */

typedef struct Worker {
    tv_Pack *pack;
    uint64_t cache_key; /* 0: not cached */
} Worker;

struct tv_PackLoad {
    tv_PackSet *set;
    Worker *ws;
    tv_Child *kids; /* parallel to ws; zeroed (not started) for packs not run */
    const char *default_category;
    const char *cache_dir;
    uint64_t seed;
    int max_running; /* workers at once: a few per core, within the fd limit */
    bool show_logs;  /* tv_LoadOptions.show_logs */
};

/* What the worker's end means for its pack: data decodes, anything else is an error
 * naming how the worker ended and what it was doing. True when the pack loaded, with
 * *data and *dlen the frame it came from (inside c->out), for the cache. */
static bool finish(tv_Pack *p, const tv_Child *c, const char *default_category, const char **data, size_t *dlen)
{
    const char *phase = tv_wire_last_phase(c->out, c->out_len);
    char where[1100], how[200];
    tv_pack_file_path(where, sizeof where, p->display);
    if (c->start_errno)
        return tv_error_set(&p->error, TV_ERR_PACK, p->dir, 0, "cannot start a pack worker: %s",
                            strerror(c->start_errno));
    *data = NULL;
    *dlen = 0;
    bool have_data = tv_wire_find_data(c->out, c->out_len, data, dlen);
    if (c->timed_out || c->flooded || !have_data) {
        /* Exited without data: out of address space, or could not start. Show its stderr. */
        char first[300] = "";
        if (tv_child_exited(c) && c->err_len) {
            size_t n = strcspn(c->err, "\n");
            if (n >= sizeof first)
                n = sizeof first - 1;
            memcpy(first, c->err, n);
            first[n] = '\0';
        }
        return tv_error_set(&p->error, TV_ERR_PACK, where, 0, "pack %s: %s while %s%s%s", p->folder,
                            tv_child_describe(c, "the pack worker", how, sizeof how), phase, first[0] ? ": " : "",
                            first);
    }
    return tv_pack_decode(p, *data, *dlen, default_category);
}

/* A reload starts from a clean pack. */
static bool reset_pack(tv_Pack *p, tv_Alloc alloc)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", p->dir);
    size_t shown_from = (size_t)(p->display - p->dir); /* keeps the name messages use */
    tv_arena_free(&p->arena);
    if (set_paths(p, alloc, dir, NULL)) {
        p->display = p->dir + shown_from;
        return true;
    }
    tv_error_set(&p->error, TV_ERR_NOMEM, NULL, 0, "out of memory");
    return false;
}

/* The pack as its worker wrote it for seed, when nothing it depends on has changed;
 * anything that does not decode cleanly is a miss (the pack is reset for the worker). */
static bool load_cached(tv_Pack *p, const tv_PackCache *cache, uint64_t seed, tv_Alloc alloc,
                        const char *default_category)
{
    const char *data;
    size_t len;
    if (!tv_pack_cache_find(cache, seed, &data, &len))
        return false;
    if (tv_pack_decode(p, data, len, default_category))
        return true;
    reset_pack(p, alloc);
    return false;
}

/* Keeps a loaded pack's frame for the next run (for every seed when it drew no random number). */
static void cache_keep(const char *cache_dir, const tv_Pack *p, uint64_t key, uint64_t seed, const char *data,
                       size_t dlen)
{
    tv_PackCache cache;
    tv_pack_cache_open(&cache, cache_dir, p->dir, key, TV_PACK_CACHE_ONE);
    tv_pack_cache_put(&cache, seed, !p->seeded, data, dlen);
    tv_pack_cache_save(&cache, cache_dir);
    tv_pack_cache_close(&cache);
}

tv_PackLoad *tv_packset_load_begin(tv_PackSet *set, const tv_LoadOptions *opt, const bool *want)
{
    /* The caller reads TRIVIUM_WORKER_TIMEOUT_MS (app/cli.c): a library reads no environment. */
    int timeout = opt->timeout_ms > 0 ? opt->timeout_ms : TV_WORKER_TIMEOUT_DEFAULT_MS;
    size_t n = (size_t)(set->n ? set->n : 1);
    tv_PackLoad *load = calloc(1, sizeof *load);
    Worker *ws = calloc(n, sizeof *ws);
    tv_Child *kids = calloc(n, sizeof *kids);
    if (!ws || !load || !kids) {
        free(ws);
        free(kids);
        free(load);
        for (int i = 0; i < set->n; i++)
            tv_error_set(&set->packs[i].error, TV_ERR_NOMEM, set->packs[i].display, 0, "out of memory");
        return NULL;
    }
    char seed[32];
    snprintf(seed, sizeof seed, "%" PRIu64, opt->seed);
    for (int i = 0; i < set->n; i++) {
        Worker *w = &ws[i];
        w->pack = &set->packs[i];
        if (want && !want[i])
            continue;
        if (!reset_pack(w->pack, set->alloc))
            continue;
        if (opt->cache_dir && (w->cache_key = tv_pack_cache_key(opt->worker_exe, w->pack->dir, w->pack->display,
                                                                 opt->lang))) {
            tv_PackCache cache;
            tv_pack_cache_open(&cache, opt->cache_dir, w->pack->dir, w->cache_key, TV_PACK_CACHE_ONE);
            bool hit = load_cached(w->pack, &cache, opt->seed, set->alloc, opt->default_category);
            tv_pack_cache_close(&cache);
            if (hit)
                continue;
        }
        char *argv[] = {(char *)opt->worker_exe, "pack-worker", "--dir", (char *)w->pack->dir, "--display",
                        (char *)w->pack->display, "--seed", seed, "--lang", (char *)opt->lang,
                        "--log", opt->show_logs ? "1" : "0", NULL};
        /* Queued, not started: a few run at once, each deadline from its own start, so a
         * folder of many packs on a busy machine is not killed wholesale. */
        if (!tv_child_queue(&kids[i], argv, timeout, opt->background))
            tv_error_set(&w->pack->error, TV_ERR_PACK, w->pack->dir, 0, "cannot start a pack worker: %s",
                         strerror(errno));
    }
    *load = (tv_PackLoad){set,       ws,        kids, opt->default_category, opt->cache_dir,
                          opt->seed, tv_children_max_running(), opt->show_logs};
    tv_children_start_queued(kids, set->n, load->max_running);
    return load;
}

/* Two packs may not share an id: a pack that claims another's id could otherwise take
 * its place (its scores, its flags, `--pack ID`). Neither is played; each names the
 * other's folder. Marked first and refused after, so a third claimant is caught too. */
static void refuse_id_clashes(tv_PackSet *set)
{
    int *other = calloc((size_t)(set->n ? set->n : 1), sizeof *other);
    if (!other)
        return; /* no memory for the check: the loads themselves would have failed */
    for (int i = 0; i < set->n; i++) {
        other[i] = -1;
        for (int j = 0; j < set->n && other[i] < 0; j++)
            if (j != i && set->packs[i].loaded && set->packs[j].loaded &&
                strcmp(set->packs[i].id, set->packs[j].id) == 0)
                other[i] = j;
    }
    for (int i = 0; i < set->n; i++)
        if (other[i] >= 0) {
            tv_Pack *p = &set->packs[i];
            p->loaded = false;
            char where[1100];
            tv_pack_file_path(where, sizeof where, p->display);
            tv_error_set(&p->error, TV_ERR_PACK, where, 0,
                         "pack id '%s' is also claimed by %s: neither pack is played until one changes its id",
                         p->id, set->packs[other[i]].display);
        }
    free(other);
}

void tv_packset_load_end(tv_PackLoad *load)
{
    if (!load)
        return;
    tv_PackSet *set = load->set;
    tv_children_wait(load->kids, set->n, load->max_running);
    for (int i = 0; i < set->n; i++) {
        const char *data;
        size_t dlen;
        Worker *w = &load->ws[i];
        if ((load->kids[i].started || load->kids[i].start_errno) &&
            finish(w->pack, &load->kids[i], load->default_category, &data, &dlen) && w->cache_key)
            cache_keep(load->cache_dir, w->pack, w->cache_key, load->seed, data, dlen);
        /* The worker's stderr holds the pack's quiz.log lines (file:line: log: ...),
         * written only when asked for; passed on as they came, pack by pack. */
        if (load->show_logs && load->kids[i].err_len)
            fwrite(load->kids[i].err, 1, load->kids[i].err_len, stderr);
        tv_child_free(&load->kids[i]);
    }
    free(load->kids);
    free(load->ws);
    free(load);
    refuse_id_clashes(set);
}

void tv_packset_load(tv_PackSet *set, const tv_LoadOptions *opt, const bool *want)
{
    tv_packset_load_end(tv_packset_load_begin(set, opt, want));
}

/* ==================== one pack, many seeds ==================== */

/* One many-seeds worker: the pack it runs and the seeds (indices into the batch) it got. */
typedef struct SeedRun {
    int pack;
    int first, count; /* into the batch's miss list */
} SeedRun;

/* Reads the next record "seed S STATUS HOW N\n<N bytes>" at *at of c's output into rec
 * (a child as a one-seed worker would have ended). False when there is none complete. */
static bool next_record(const tv_Child *c, size_t *at, uint64_t *seed, tv_Child *rec)
{
    const char *p = c->out + *at, *end = c->out + c->out_len;
    const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
    if (!nl || nl - p > 100 || (size_t)(end - p) < sizeof TV_WIRE_SEED || memcmp(p, TV_WIRE_SEED, sizeof TV_WIRE_SEED - 1) != 0)
        return false;
    char line[128], how[16];
    memcpy(line, p, (size_t)(nl - p));
    line[nl - p] = '\0';
    unsigned long long s, n;
    int status;
    if (sscanf(line, TV_WIRE_SEED "%llu %d %15s %llu", &s, &status, how, &n) != 4 || n > (size_t)(end - nl - 1))
        return false;
    memset(rec, 0, sizeof *rec);
    rec->out = (char *)nl + 1;
    rec->out_len = (size_t)n;
    rec->status = status;
    rec->timed_out = strcmp(how, TV_WIRE_HOW_TIMEOUT) == 0;
    rec->flooded = strcmp(how, TV_WIRE_HOW_FLOOD) == 0;
    rec->started = true;
    *seed = s;
    *at = (size_t)(nl + 1 - c->out) + (size_t)n;
    return true;
}

void tv_packset_load_seeds(const tv_PackSet *set, const tv_LoadOptions *opt, const bool *want, const uint64_t *seeds,
                           int n_seeds, tv_Pack *out)
{
    int n = set->n, timeout = opt->timeout_ms > 0 ? opt->timeout_ms : TV_WORKER_TIMEOUT_DEFAULT_MS;
    memset(out, 0, sizeof *out * (size_t)n * (size_t)n_seeds);
    /* Every wanted (pack, seed) not in the cache, listed pack by pack. */
    int *miss = malloc(sizeof *miss * ((size_t)n * (size_t)n_seeds + 1));
    int n_miss = 0, n_runs = 0;
    SeedRun *runs = calloc((size_t)n_seeds * (size_t)n + 1, sizeof *runs);
    tv_Child *kids = calloc((size_t)n_seeds * (size_t)n + 1, sizeof *kids);
    tv_PackCache *caches = calloc((size_t)n + 1, sizeof *caches);
    uint64_t *keys = calloc((size_t)n + 1, sizeof *keys);
    char *list = malloc((size_t)n_seeds * 21 + 1);
    bool ok = miss && runs && kids && caches && keys && list;
    for (int i = 0; i < n; i++) {
        const tv_Pack *base = &set->packs[i];
        if (!want[i])
            continue;
        if (ok && opt->cache_dir && (keys[i] = tv_pack_cache_key(opt->worker_exe, base->dir, base->display, opt->lang)))
            tv_pack_cache_open(&caches[i], opt->cache_dir, base->dir, keys[i], TV_PACK_CACHE_MANY);
        int first_miss = n_miss;
        for (int k = 0; k < n_seeds; k++) {
            tv_Pack *p = &out[(size_t)k * (size_t)n + (size_t)i];
            if (!set_paths(p, set->alloc, base->dir, NULL)) {
                tv_error_set(&p->error, TV_ERR_NOMEM, base->dir, 0, "out of memory");
                continue;
            }
            p->display = p->dir + (base->display - base->dir);
            if (!ok)
                tv_error_set(&p->error, TV_ERR_NOMEM, base->dir, 0, "out of memory");
            else if (!load_cached(p, &caches[i], seeds[k], set->alloc, opt->default_category))
                miss[n_miss++] = k;
        }
        /* At least two workers per pack, so a batch uses both cores; each gets as many
         * seeds as keep its whole output well below the host's cap on one child. */
        int n_uncached = n_miss - first_miss;
        size_t per_seed = base->raw_size ? base->raw_size : 1;
        int fit = (int)((TV_CHILD_MAX_OUTPUT / 4) / per_seed);
        int share = (n_uncached + 1) / 2;
        int chunk = fit < 1 ? 1 : (share < fit ? share : fit);
        for (int at = first_miss; chunk > 0 && at < n_miss; at += chunk) {
            SeedRun *r = &runs[n_runs];
            *r = (SeedRun){i, at, n_miss - at < chunk ? n_miss - at : chunk};
            size_t used = 0;
            for (int j = 0; j < r->count; j++)
                used += (size_t)sprintf(list + used, "%s%" PRIu64, j ? "," : "", seeds[miss[r->first + j]]);
            char ms[16], display[4200];
            snprintf(ms, sizeof ms, "%d", timeout);
            snprintf(display, sizeof display, "%s", base->display);
            char *argv[] = {(char *)opt->worker_exe, "pack-worker", "--dir", (char *)base->dir, "--display", display,
                            "--seeds", list, "--lang", (char *)opt->lang, "--timeout-ms", ms, NULL};
            /* The worker holds each seed to the deadline itself; this one is the sum. */
            int64_t whole = (int64_t)timeout * r->count + 1000;
            if (!tv_child_queue(&kids[n_runs], argv, whole > INT_MAX ? INT_MAX : (int)whole, opt->background))
                kids[n_runs].start_errno = errno ? errno : ENOMEM;
            n_runs++;
        }
    }
    int max_running = tv_children_max_running();
    tv_children_start_queued(kids, n_runs, max_running);
    tv_children_wait(kids, n_runs, max_running);
    for (int r = 0; r < n_runs; r++) {
        const SeedRun *run = &runs[r];
        const tv_Pack *base = &set->packs[run->pack];
        size_t at = 0;
        for (int j = 0; j < run->count; j++) {
            int k = miss[run->first + j];
            tv_Pack *p = &out[(size_t)k * (size_t)n + (size_t)run->pack];
            tv_Child rec;
            uint64_t seed;
            const char *data;
            size_t dlen;
            /* Seeds the worker never reached end the way the worker did. */
            bool have = !kids[r].start_errno && next_record(&kids[r], &at, &seed, &rec) && seed == seeds[k];
            if (!have) {
                rec = kids[r];
                rec.out = NULL, rec.out_len = 0;
            } else
                rec.timeout_ms = timeout;
            if (!finish(p, &rec, opt->default_category, &data, &dlen))
                continue;
            /* A pack's id is its identity for the whole batch (scores, --pack ID). */
            if (strcmp(p->id, base->id) != 0) {
                p->loaded = false;
                char where[1100];
                tv_pack_file_path(where, sizeof where, p->display);
                tv_error_set(&p->error, TV_ERR_PACK, where, 0, "pack id '%s' for seed %" PRIu64
                             " is not '%s', its id for the other seeds", p->id, seeds[k], base->id);
            } else if (keys[run->pack]) /* by seed: this pack drew random numbers for the set's seed */
                tv_pack_cache_put(&caches[run->pack], seeds[k], false, data, dlen);
        }
    }
    for (int r = 0; r < n_runs; r++)
        tv_child_free(&kids[r]);
    for (int i = 0; ok && i < n; i++) {
        if (keys[i])
            tv_pack_cache_save(&caches[i], opt->cache_dir);
        tv_pack_cache_close(&caches[i]);
    }
    free(miss), free(runs), free(kids), free(caches), free(keys), free(list);
}

void tv_packs_free(tv_Pack *packs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tv_arena_free(&packs[i].arena);
}
