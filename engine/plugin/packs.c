/* packs.c - the pack set: discovery, loading through workers (or the cache), and the
 * rules across packs (ids unique).
 * Trust boundary: none of its own. The workers' output goes through children.c (capped,
 * deadlined) and decode.c (every field re-checked); this file only routes it.
 * Depends on: core, children.c, decode.c, pack_cache.c, POSIX (directories, stat). */
#include "plugin/packs.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
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
    const char *cache_dir; /* tv_LoadOptions.cache_dir */
    uint64_t cache_key;    /* 0: not cached */
} Worker;

struct tv_PackLoad {
    tv_PackSet *set;
    Worker *ws;
    tv_Child *kids; /* parallel to ws; zeroed (not started) for packs not run */
    const char *default_category;
    int max_running; /* workers at once: a few per core, within the fd limit */
    bool show_logs;  /* tv_LoadOptions.show_logs */
};

/* What the worker's end means for its pack: data decodes, anything else is an error
 * naming how the worker ended and what it was doing. */
static void finish(Worker *w, const tv_Child *c, const char *default_category)
{
    tv_Pack *p = w->pack;
    const char *phase = tv_wire_last_phase(c->out, c->out_len);
    char where[1100], how[200];
    tv_pack_file_path(where, sizeof where, p->display);
    if (c->start_errno) {
        tv_error_set(&p->error, TV_ERR_PACK, p->dir, 0, "cannot start a pack worker: %s", strerror(c->start_errno));
        return;
    }
    const char *data = NULL;
    size_t dlen = 0;
    bool have_data = tv_wire_find_data(c->out, c->out_len, &data, &dlen);
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
        tv_error_set(&p->error, TV_ERR_PACK, where, 0, "pack %s: %s while %s%s%s", p->folder,
                     tv_child_describe(c, "the pack worker", how, sizeof how), phase, first[0] ? ": " : "", first);
        return;
    }
    if (tv_pack_decode(p, data, dlen, default_category) && w->cache_key)
        tv_pack_cache_write(w->cache_dir, p->dir, w->cache_key, data, dlen);
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

/* The pack as its worker wrote it last time, when nothing it depends on has changed;
 * anything that does not decode cleanly is a miss, and the worker runs. */
static bool load_cached(Worker *w, tv_Alloc alloc, const char *default_category)
{
    size_t len = 0;
    char *data = tv_pack_cache_read(w->cache_dir, w->pack->dir, w->cache_key, &len);
    if (!data)
        return false;
    tv_pack_decode(w->pack, data, len, default_category);
    free(data);
    if (w->pack->loaded)
        w->cache_key = 0; /* already kept */
    else
        reset_pack(w->pack, alloc);
    return w->pack->loaded;
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
        if (opt->cache_dir) {
            w->cache_dir = opt->cache_dir;
            w->cache_key = tv_pack_cache_key(opt->worker_exe, w->pack->dir, w->pack->display, opt->seed, opt->lang);
            if (w->cache_key && load_cached(w, set->alloc, opt->default_category))
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
    *load = (tv_PackLoad){set, ws, kids, opt->default_category, tv_children_max_running(), opt->show_logs};
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
        if (load->kids[i].started || load->kids[i].start_errno)
            finish(&load->ws[i], &load->kids[i], load->default_category);
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
