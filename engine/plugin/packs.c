/* packs.c - pack discovery, parallel workers with a kill timer, JSON to questions.
 * Trust boundary: the worker's output is untrusted (the worker ran pack code), so it is
 * size-capped, parsed defensively and every field re-checked before use.
 * Depends on: core, cJSON, POSIX. */
/* for posix_spawn_file_actions_addclosefrom_np (glibc 2.34) and pipe2 */
#define _GNU_SOURCE
#include "packs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "pack_cache.h"
#include "rng.h"
#include "text.h"

#define MAX_OUTPUT (16u << 20)
#define MAX_STDERR 4096

void tv_packset_init(tv_PackSet *set, tv_Alloc alloc)
{
    set->alloc = alloc;
    set->n = 0;
    set->packs = NULL;
}

/* Resets p to a fresh, unloaded pack for folder dir. */
static bool set_paths(tv_Pack *p, tv_Alloc alloc, const char *dir)
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
    /* Name the folder relative to the working directory when it lies below it. */
    char cwd[4096];
    p->display = p->dir;
    if (getcwd(cwd, sizeof cwd)) {
        size_t n = strlen(cwd);
        if (strncmp(p->dir, cwd, n) == 0 && p->dir[n] == '/')
            p->display = p->dir + n + 1;
    }
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
    if (!set_paths(p, set->alloc, dir)) {
        set->n--;
        tv_error_set(err, TV_ERR_NOMEM, dir, 0, "out of memory");
        return NULL;
    }
    return p;
}

static bool has_pack_file(const char *dir)
{
    char path[4300];
    if (snprintf(path, sizeof path, "%s/pack.lua", dir) >= (int)sizeof path)
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
    char *names[512];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 512) {
        if (e->d_name[0] == '.')
            continue;
        names[n] = strdup(e->d_name);
        if (names[n])
            n++;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        bool dup = false;
        for (int j = 0; j < set->n && !dup; j++)
            dup = strcmp(set->packs[j].folder, names[i]) == 0;
        if (ok && !dup && has_pack_file(path) && !append(set, path, err))
            ok = false;
        free(names[i]);
    }
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

/* ==================== decoding the worker's JSON ==================== */

static const char *jstr(tv_Pack *p, const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsString(v) || !tv_utf8_valid(v->valuestring, strlen(v->valuestring)))
        return "";
    const char *s = tv_arena_strdup(&p->arena, v->valuestring);
    return s ? s : "";
}

/* Like jstr, with control characters replaced: for diagnostics, which lint prints to a
 * terminal as they are (a pack's error text can hold escape sequences). */
static const char *jprintable(tv_Pack *p, const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsString(v) || !tv_utf8_valid(v->valuestring, strlen(v->valuestring)))
        return "";
    size_t size = strlen(v->valuestring) + 1;
    char *s = tv_arena_alloc(&p->arena, size);
    if (!s)
        return "";
    tv_copy_printable(s, size, v->valuestring);
    return s;
}

static bool fail_pack(tv_Pack *p, const char *fmt, const char *detail)
{
    char where[1100];
    snprintf(where, sizeof where, "%s/pack.lua", p->display);
    return tv_error_set(&p->error, TV_ERR_PACK, where, 0, fmt, detail);
}

/* "file:123" -> file and line. */
static void split_where(tv_Pack *p, const char *where, tv_Diag *d)
{
    const char *colon = strrchr(where, ':');
    d->line = 0;
    if (colon && colon[1] >= '0' && colon[1] <= '9' && strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
        d->line = atoi(colon + 1);
        d->file = tv_arena_strndup(&p->arena, where, (size_t)(colon - where));
    } else
        d->file = tv_arena_strdup(&p->arena, where);
    if (!d->file)
        d->file = "";
}

static bool decode_question(tv_Pack *p, const cJSON *j, tv_Question *q)
{
    memset(q, 0, sizeof *q);
    q->pack = p->id;
    q->id = jstr(p, j, "id");
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(j, "type");
    if (!cJSON_IsString(type) || !tv_qtype_parse(type->valuestring, &q->type) || !q->id[0])
        return false;
    q->prompt = jstr(p, j, "prompt");
    q->explain = jstr(p, j, "explain");
    q->category = jstr(p, j, "category");
    q->source = jstr(p, j, "source");
    q->where = jstr(p, j, "where");
    q->unit = jstr(p, j, "unit");
    double diff = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "difficulty"));
    double time_ms = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "time_ms"));
    if (!(diff >= 1 && diff <= 3) || !(time_ms >= TV_TIME_MIN_MS && time_ms <= TV_TIME_MAX_MS) || !q->prompt[0])
        return false;
    q->difficulty = (int)diff;
    q->time_limit_ms = (int)time_ms;
    const cJSON *list = NULL;
    int min = 0, max = 0, *count = NULL;
    const char **dest = NULL;
    switch (q->type) {
    case TV_Q_CHOICE:
        list = cJSON_GetObjectItemCaseSensitive(j, "options"), min = 2, max = TV_MAX_OPTIONS;
        count = &q->n_options, dest = q->options;
        break;
    case TV_Q_TRUEFALSE:
        if (!cJSON_IsBool(cJSON_GetObjectItemCaseSensitive(j, "truth")))
            return false;
        q->truth = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "truth"));
        break;
    case TV_Q_NUMERIC:
        q->number = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "number"));
        q->tolerance = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "tolerance"));
        if (!isfinite(q->number) || !isfinite(q->tolerance) || q->tolerance < 0)
            return false;
        break;
    case TV_Q_ORDER:
        list = cJSON_GetObjectItemCaseSensitive(j, "items"), min = 2, max = TV_MAX_ITEMS;
        count = &q->n_items, dest = q->items;
        break;
    case TV_Q_TEXT:
        list = cJSON_GetObjectItemCaseSensitive(j, "accept"), min = 1, max = TV_MAX_ACCEPT;
        count = &q->n_accept, dest = q->accept;
        break;
    }
    if (count) {
        int n = cJSON_GetArraySize(list);
        if (!cJSON_IsArray(list) || n < min || n > max)
            return false;
        for (int i = 0; i < n; i++) {
            const cJSON *s = cJSON_GetArrayItem(list, i);
            if (!cJSON_IsString(s) || !tv_utf8_valid(s->valuestring, strlen(s->valuestring)))
                return false;
            dest[i] = tv_arena_strdup(&p->arena, s->valuestring);
            if (!dest[i])
                return false;
        }
        *count = n;
    }
    return true;
}

static bool decode(tv_Pack *p, const char *json, size_t len)
{
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root)
        return fail_pack(p, "the pack worker sent data that is not JSON%s", "");
    bool ok = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "ok"));
    const cJSON *diags = cJSON_GetObjectItemCaseSensitive(root, "diagnostics");
    int nd = cJSON_GetArraySize(diags);
    p->diags = tv_arena_alloc(&p->arena, sizeof(tv_Diag) * (size_t)(nd ? nd : 1));
    const tv_Diag *first_error = NULL;
    for (int i = 0; p->diags && i < nd && i < 10000; i++) {
        const cJSON *d = cJSON_GetArrayItem(diags, i);
        tv_Diag *out = &p->diags[p->n_diags++];
        split_where(p, jprintable(p, d, "where"), out);
        out->warning = strcmp(jstr(p, d, "severity"), "warning") == 0;
        out->msg = jprintable(p, d, "msg");
        if (!out->warning && !first_error)
            first_error = out;
    }
    const cJSON *pack = cJSON_GetObjectItemCaseSensitive(root, "pack");
    p->id = jstr(p, pack, "id");
    p->title = jstr(p, pack, "title");
    p->version = jstr(p, pack, "version");
    p->description = jstr(p, pack, "description");
    p->author = jstr(p, pack, "author");
    const cJSON *langs = cJSON_GetObjectItemCaseSensitive(pack, "languages");
    for (int i = 0; i < cJSON_GetArraySize(langs) && p->n_languages < 8; i++) {
        const cJSON *l = cJSON_GetArrayItem(langs, i);
        if (cJSON_IsString(l))
            p->languages[p->n_languages++] = tv_arena_strdup(&p->arena, l->valuestring);
    }
    if (!ok || first_error) {
        if (first_error)
            tv_error_set(&p->error, TV_ERR_PACK, first_error->file, first_error->line, "%s", first_error->msg);
        else
            fail_pack(p, "the pack was rejected%s", "");
        cJSON_Delete(root);
        return false;
    }
    if (!p->id[0]) {
        cJSON_Delete(root);
        return fail_pack(p, "the pack has no id%s", "");
    }
    const cJSON *sources = cJSON_GetObjectItemCaseSensitive(root, "sources");
    int ns = cJSON_GetArraySize(sources);
    p->sources = tv_arena_alloc(&p->arena, sizeof(tv_Source) * (size_t)(ns ? ns : 1));
    for (int i = 0; p->sources && i < ns; i++) {
        const cJSON *s = cJSON_GetArrayItem(sources, i);
        p->sources[p->n_sources++] = (tv_Source){jstr(p, s, "key"), jstr(p, s, "publisher"), jstr(p, s, "title"),
                                                 jstr(p, s, "date"), jstr(p, s, "url")};
    }
    const cJSON *qs = cJSON_GetObjectItemCaseSensitive(root, "questions");
    int nq = cJSON_GetArraySize(qs);
    p->questions = tv_arena_alloc(&p->arena, sizeof(tv_Question) * (size_t)(nq ? nq : 1));
    if (!p->questions || !p->diags || !p->sources) {
        cJSON_Delete(root);
        return fail_pack(p, "out of memory%s", "");
    }
    for (int i = 0; i < nq; i++) {
        if (!decode_question(p, cJSON_GetArrayItem(qs, i), &p->questions[p->n_questions])) {
            cJSON_Delete(root);
            return fail_pack(p, "the pack worker sent a malformed question%s", "");
        }
        p->n_questions++;
    }
    p->n_static = (int)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(root, "static_count"));
    if (p->n_static < 0 || p->n_static > p->n_questions)
        p->n_static = p->n_questions;
    p->n_generated = p->n_questions - p->n_static;
    /* A digest of the questions alone, so lint can compare two runs of the generator. */
    char *qtext = cJSON_PrintUnformatted(qs);
    snprintf(p->raw_digest, sizeof p->raw_digest, "%016" PRIx64, qtext ? tv_hash64(qtext) : 0);
    free(qtext);
    cJSON_Delete(root);
    return true;
}

/* ==================== workers ==================== */

typedef struct Worker {
    tv_Pack *pack;
    pid_t pid;
    int out, errfd; /* read ends, -1 once closed */
    char *buf;
    size_t len, cap;
    char errbuf[MAX_STDERR];
    size_t errlen;
    int64_t deadline_ms, started_ms;
    bool done, killed_timeout, flooded;
    const char *cache_dir; /* tv_LoadOptions.cache_dir */
    uint64_t cache_key;    /* 0: not cached */
} Worker;

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* posix_spawn rather than fork: the child shares the caller's memory until it execs
 * instead of copying its page tables, which in the game (SDL, fonts and GL loaded)
 * made starting five workers take tens of milliseconds. */
static bool spawn(Worker *w, const tv_LoadOptions *opt)
{
    int out[2], errp[2];
    if (pipe2(out, O_CLOEXEC) != 0)
        return false;
    if (pipe2(errp, O_CLOEXEC) != 0) {
        close(out[0]), close(out[1]);
        return false;
    }
    char seed[32];
    snprintf(seed, sizeof seed, "%" PRIu64, opt->seed);
    char *argv[] = {(char *)opt->worker_exe, "pack-worker", "--dir", (char *)w->pack->dir, "--display",
                    (char *)w->pack->display, "--seed", seed, "--lang", (char *)opt->lang, NULL};
    posix_spawn_file_actions_t fa;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc == 0) {
        /* stdin from /dev/null, stdout and stderr to the pipes, nothing else inherited */
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
        posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
        posix_spawn_file_actions_addclosefrom_np(&fa, 3);
        pid_t pid;
        rc = posix_spawn(&pid, opt->worker_exe, &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        if (rc == 0)
            w->pid = pid;
        if (rc == 0 && opt->background)
            setpriority(PRIO_PROCESS, (id_t)pid, 10); /* raising a child's nice needs no privilege */
    }
    close(out[1]);
    close(errp[1]);
    if (rc != 0) {
        close(out[0]), close(errp[0]);
        errno = rc;
        return false;
    }
    fcntl(out[0], F_SETFL, O_NONBLOCK);
    fcntl(errp[0], F_SETFL, O_NONBLOCK);
    w->out = out[0];
    w->errfd = errp[0];
    return true;
}

/* The last "phase X" line the worker wrote: what it was doing when it stopped. */
static const char *last_phase(const Worker *w)
{
    const char *phase = "starting";
    const char *p = w->buf;
    const char *end = w->buf ? w->buf + w->len : NULL;
    while (p && p < end && strncmp(p, "phase ", 6) == 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            break;
        if (strncmp(p + 6, "loading", 7) == 0)
            phase = "loading";
        else if (strncmp(p + 6, "generating", 10) == 0)
            phase = "generating";
        p = nl + 1;
    }
    return phase;
}

static void finish(Worker *w, int status)
{
    tv_Pack *p = w->pack;
    const char *phase = last_phase(w);
    char where[1100];
    snprintf(where, sizeof where, "%s/pack.lua", p->display);
    /* Find the data frame after the phase lines. */
    const char *data = NULL;
    size_t dlen = 0;
    const char *s = w->buf;
    const char *end = w->buf ? w->buf + w->len : NULL;
    while (s && s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            break;
        if (strncmp(s, "data ", 5) == 0) {
            unsigned long long n = strtoull(s + 5, NULL, 10);
            if (n <= (size_t)(end - nl - 1)) {
                data = nl + 1;
                dlen = (size_t)n;
            }
            break;
        }
        s = nl + 1;
    }
    if (w->killed_timeout) {
        tv_error_set(&p->error, TV_ERR_PACK, where, 0, "pack %s: killed after %.3g s while %s", p->folder,
                     (double)(w->deadline_ms - w->started_ms) / 1000.0, phase);
        return;
    }
    if (w->flooded) {
        tv_error_set(&p->error, TV_ERR_PACK, where, 0, "pack %s: stopped for writing more than %u MiB while %s",
                     p->folder, MAX_OUTPUT >> 20, phase);
        return;
    }
    if (data) {
        p->loaded = decode(p, data, dlen);
        if (p->loaded && w->cache_key)
            tv_pack_cache_write(w->cache_dir, p->dir, w->cache_key, data, dlen);
        return;
    }
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        if (sig == SIGXCPU || sig == SIGKILL)
            tv_error_set(&p->error, TV_ERR_PACK, where, 0, "pack %s: stopped after using up its CPU time while %s",
                         p->folder, phase);
        else
            tv_error_set(&p->error, TV_ERR_PACK, where, 0, "pack %s: the pack worker crashed (%s) while %s",
                         p->folder, strsignal(sig), phase);
        return;
    }
    /* Exited without data: out of address space, or could not start. Show its stderr. */
    char first[300] = "";
    if (w->errlen) {
        size_t n = strcspn(w->errbuf, "\n");
        if (n >= sizeof first)
            n = sizeof first - 1;
        memcpy(first, w->errbuf, n);
        first[n] = '\0';
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    tv_error_set(&p->error, TV_ERR_PACK, where, 0, "pack %s: the pack worker exited with status %d while %s%s%s",
                 p->folder, code, phase, first[0] ? ": " : "", first);
}

static void drain(Worker *w, int *fd, bool is_err)
{
    for (;;) {
        char chunk[65536];
        ssize_t n = read(*fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return; /* EAGAIN */
        if (n == 0) {
            close(*fd);
            *fd = -1;
            return;
        }
        if (is_err) {
            size_t room = MAX_STDERR - 1 - w->errlen;
            size_t take = (size_t)n < room ? (size_t)n : room;
            memcpy(w->errbuf + w->errlen, chunk, take);
            w->errlen += take;
            w->errbuf[w->errlen] = '\0';
            continue;
        }
        if (w->len + (size_t)n > MAX_OUTPUT) {
            w->flooded = true;
            kill(w->pid, SIGKILL);
            close(*fd);
            *fd = -1;
            return;
        }
        if (w->len + (size_t)n > w->cap) {
            size_t cap = w->cap ? w->cap : 65536;
            while (cap < w->len + (size_t)n)
                cap *= 2;
            char *grown = realloc(w->buf, cap);
            if (!grown) {
                w->flooded = true;
                kill(w->pid, SIGKILL);
                close(*fd);
                *fd = -1;
                return;
            }
            w->buf = grown, w->cap = cap;
        }
        memcpy(w->buf + w->len, chunk, (size_t)n);
        w->len += (size_t)n;
    }
}

struct tv_PackLoad {
    tv_PackSet *set;
    Worker *ws;
    int running;
};

/* A reload starts from a clean pack. */
static bool reset_pack(tv_Pack *p, tv_Alloc alloc)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", p->dir);
    tv_arena_free(&p->arena);
    if (set_paths(p, alloc, dir))
        return true;
    tv_error_set(&p->error, TV_ERR_NOMEM, NULL, 0, "out of memory");
    return false;
}

/* The pack as its worker wrote it last time, when nothing it depends on has changed;
 * anything that does not decode cleanly is a miss, and the worker runs. */
static bool load_cached(Worker *w, tv_Alloc alloc)
{
    size_t len = 0;
    char *data = tv_pack_cache_read(w->cache_dir, w->pack->dir, w->cache_key, &len);
    if (!data)
        return false;
    w->pack->loaded = decode(w->pack, data, len);
    free(data);
    if (w->pack->loaded)
        w->cache_key = 0; /* already kept */
    else
        reset_pack(w->pack, alloc);
    return w->pack->loaded;
}

tv_PackLoad *tv_packset_load_begin(tv_PackSet *set, const tv_LoadOptions *opt, const bool *want)
{
    int timeout = opt->timeout_ms;
    const char *env = getenv("TRIVIUM_WORKER_TIMEOUT_MS");
    if (timeout <= 0 && env && atoi(env) > 0)
        timeout = atoi(env);
    if (timeout <= 0)
        timeout = TV_WORKER_TIMEOUT_DEFAULT_MS;
    tv_PackLoad *load = calloc(1, sizeof *load);
    Worker *ws = calloc((size_t)(set->n ? set->n : 1), sizeof *ws);
    if (!ws || !load) {
        free(ws);
        free(load);
        for (int i = 0; i < set->n; i++)
            tv_error_set(&set->packs[i].error, TV_ERR_NOMEM, set->packs[i].display, 0, "out of memory");
        return NULL;
    }
    int64_t start = now_ms();
    int running = 0;
    for (int i = 0; i < set->n; i++) {
        Worker *w = &ws[i];
        w->pack = &set->packs[i];
        w->out = w->errfd = -1;
        w->done = true;
        if (want && !want[i])
            continue;
        if (!reset_pack(w->pack, set->alloc))
            continue;
        if (opt->cache_dir) {
            w->cache_dir = opt->cache_dir;
            w->cache_key = tv_pack_cache_key(opt->worker_exe, w->pack->dir, w->pack->display, opt->seed, opt->lang);
            if (w->cache_key && load_cached(w, set->alloc))
                continue;
        }
        w->done = false;
        w->started_ms = start;
        w->deadline_ms = start + timeout;
        if (!spawn(w, opt)) {
            tv_error_set(&w->pack->error, TV_ERR_PACK, w->pack->dir, 0, "cannot start a pack worker: %s",
                         strerror(errno));
            w->done = true;
            continue;
        }
        running++;
    }
    *load = (tv_PackLoad){set, ws, running};
    return load;
}

void tv_packset_load_end(tv_PackLoad *load)
{
    if (!load)
        return;
    tv_PackSet *set = load->set;
    Worker *ws = load->ws;
    int running = load->running;
    while (running > 0) {
        struct pollfd pfds[1024];
        int owner[1024];
        int np = 0;
        int64_t now = now_ms(), next_deadline = INT64_MAX;
        for (int i = 0; i < set->n && np < 1022; i++) {
            Worker *w = &ws[i];
            if (w->done)
                continue;
            if (w->out >= 0)
                pfds[np] = (struct pollfd){.fd = w->out, .events = POLLIN}, owner[np++] = i;
            if (w->errfd >= 0)
                pfds[np] = (struct pollfd){.fd = w->errfd, .events = POLLIN}, owner[np++] = i;
            if (w->deadline_ms < next_deadline)
                next_deadline = w->deadline_ms;
        }
        int wait = next_deadline == INT64_MAX ? 100 : (int)(next_deadline - now > 0 ? next_deadline - now : 0);
        if (np > 0)
            poll(pfds, (nfds_t)np, wait);
        for (int k = 0; k < np; k++)
            if (pfds[k].revents) {
                Worker *w = &ws[owner[k]];
                if (pfds[k].fd == w->out)
                    drain(w, &w->out, false);
                else if (pfds[k].fd == w->errfd)
                    drain(w, &w->errfd, true);
            }
        now = now_ms();
        for (int i = 0; i < set->n; i++) {
            Worker *w = &ws[i];
            if (w->done)
                continue;
            int status = 0;
            if (w->out < 0 && w->errfd < 0) {
                waitpid(w->pid, &status, 0);
            } else if (now >= w->deadline_ms) {
                w->killed_timeout = true;
                kill(w->pid, SIGKILL);
                waitpid(w->pid, &status, 0);
            } else
                continue;
            if (w->out >= 0)
                close(w->out);
            if (w->errfd >= 0)
                close(w->errfd);
            finish(w, status);
            free(w->buf);
            w->done = true;
            running--;
        }
    }
    free(ws);
    free(load);
    /* Two loaded packs may not share an id: the later one is refused. */
    for (int i = 0; i < set->n; i++)
        for (int j = 0; j < i; j++)
            if (set->packs[i].loaded && set->packs[j].loaded && strcmp(set->packs[i].id, set->packs[j].id) == 0) {
                set->packs[i].loaded = false;
                char where[1100];
                snprintf(where, sizeof where, "%s/pack.lua", set->packs[i].display);
                tv_error_set(&set->packs[i].error, TV_ERR_PACK, where, 0, "pack id '%s' is already used by %s",
                             set->packs[i].id, set->packs[j].display);
            }
}

void tv_packset_load(tv_PackSet *set, const tv_LoadOptions *opt, const bool *want)
{
    tv_packset_load_end(tv_packset_load_begin(set, opt, want));
}
