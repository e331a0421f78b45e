/* worker.c - pack-worker: load, generate, convert, write JSON, exit; with --seeds, that
 * once per seed in a child process each (wire.h).
 * Trust boundary: runs untrusted pack code; this process is expendable by design.
 * Depends on: Lua 5.4, cJSON, core. */
#include "plugin/worker/worker.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>

#include "plugin/worker/api_quiz.h"
#include "plugin/worker/confine.h"
#include "plugin/worker/api_test.h"
#include "plugin/worker/convert.h"
#include "plugin/worker/describe.h"
#include "plugin/worker/sandbox.h"
#include "plugin/wire.h"

#if defined(__SANITIZE_ADDRESS__)
#define TV_HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TV_HAVE_ASAN 1
#endif
#endif

static void say_phase(const char *phase)
{
    printf(TV_WIRE_PHASE "%s\n", phase);
    fflush(stdout);
}

static void apply_limits(void)
{
    long cpu = 6;
    const char *env = getenv("TRIVIUM_WORKER_CPU_SECONDS");
    if (env && atol(env) > 0)
        cpu = atol(env);
    struct rlimit r = {(rlim_t)cpu, (rlim_t)cpu + 1};
    setrlimit(RLIMIT_CPU, &r);
#ifndef TV_HAVE_ASAN
    /* ASan reserves terabytes of shadow address space, so the cap is for plain builds. */
    r.rlim_cur = r.rlim_max = (rlim_t)1 << 30;
    setrlimit(RLIMIT_AS, &r);
#endif
    r.rlim_cur = r.rlim_max = 0;
    setrlimit(RLIMIT_FSIZE, &r); /* no file writes */
    /* ...and a write to a file (stderr redirected to one, say) fails with EFBIG rather
     * than killing the worker with SIGXFSZ. */
    signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_CORE, &r);
    r.rlim_cur = r.rlim_max = 64;
    setrlimit(RLIMIT_NOFILE, &r);
}

typedef struct Job {
    tv_Convert *conv;
    bool generated;
    bool result;
} Job;

/* Conversion runs under lua_pcall so nothing can raise unprotected. */
static int protected_convert_pack(lua_State *L)
{
    Job *job = lua_touserdata(L, 1);
    lua_remove(L, 1);
    job->result = tv_convert_pack(job->conv);
    return 0;
}

static int protected_convert_questions(lua_State *L)
{
    Job *job = lua_touserdata(L, 1);
    lua_remove(L, 1);
    job->result = tv_convert_questions(job->conv, job->generated);
    return 0;
}

static bool run_protected(tv_Sandbox *sb, lua_CFunction f, Job *job)
{
    lua_State *L = sb->L;
    size_t limit = sb->mem_limit;
    sb->mem_limit = (size_t)-1; /* host work must not fail on the pack's memory cap */
    lua_pushcfunction(L, f);
    lua_insert(L, -2); /* below the value to convert */
    lua_pushlightuserdata(L, job);
    lua_insert(L, -2);
    int status = lua_pcall(L, 2, 0, 0);
    sb->mem_limit = limit;
    if (status != LUA_OK) {
        char where[1100];
        tv_pack_file_path(where, sizeof where, sb->display_dir);
        tv_convert_diag(job->conv, TV_WIRE_ERROR, where, "cannot read the pack's tables: %s",
                        lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "error");
        lua_pop(L, 1);
        return false;
    }
    return job->result;
}

static int run_pack_file(lua_State *L)
{
    tv_sandbox_push_file(L, tv_sandbox_get(L), TV_PACK_FILE, sizeof TV_PACK_FILE - 1);
    lua_call(L, 0, 1);
    return 1;
}

static void add_error(tv_Convert *c, const char *file, int line, const char *msg)
{
    char where[1300];
    if (line > 0)
        snprintf(where, sizeof where, "%s:%d", file, line);
    else
        snprintf(where, sizeof where, "%s", file);
    tv_convert_diag(c, TV_WIRE_ERROR, where, "%s", msg);
}

/* An error tv_sandbox_call caught, with the frames it was raised in (sb->trace). */
static void add_call_error(tv_Convert *c, const tv_Sandbox *sb, const char *file, int line, const char *msg)
{
    int before = cJSON_GetArraySize(c->diags);
    add_error(c, file, line, msg);
    int n = cJSON_GetArraySize(c->diags);
    cJSON *diag = n == before + 1 ? cJSON_GetArrayItem(c->diags, n - 1) : NULL; /* not when capped */
    if (!diag || sb->n_trace == 0)
        return;
    cJSON *frames = cJSON_AddArrayToObject(diag, TV_WIRE_TRACE);
    for (int i = 0; frames && i < sb->n_trace; i++) {
        char frame[sizeof sb->trace[0]];
        snprintf(frame, sizeof frame, "%s", sb->trace[i]);
        tv_convert_make_utf8(frame); /* a folder name need not be UTF-8; the wire must be */
        cJSON_AddItemToArray(frames, cJSON_CreateString(frame));
    }
}

static int emit(tv_Convert *c, int n_static, bool seeded)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddBoolToObject(root, TV_WIRE_OK, c->errors == 0);
    cJSON_AddItemToObject(root, TV_WIRE_PACK, c->pack);
    c->pack = NULL;
    cJSON *sources = cJSON_AddArrayToObject(root, TV_WIRE_SOURCES);
    if (c->sources) {
        cJSON *s;
        cJSON_ArrayForEach(s, c->sources) cJSON_AddItemToArray(sources, cJSON_Duplicate(s, 1));
    }
    int total = cJSON_GetArraySize(c->questions);
    cJSON_AddNumberToObject(root, TV_WIRE_STATIC_COUNT, n_static);
    cJSON_AddNumberToObject(root, TV_WIRE_GENERATED_COUNT, total - n_static);
    cJSON_AddItemToObject(root, TV_WIRE_QUESTIONS, c->questions);
    c->questions = NULL;
    cJSON_AddItemToObject(root, TV_WIRE_DIAGNOSTICS, c->diags);
    c->diags = NULL;
    cJSON_AddBoolToObject(root, TV_WIRE_SEEDED, seeded);
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!text)
        return 1;
    printf(TV_WIRE_DATA "%zu\n", strlen(text));
    fwrite(text, 1, strlen(text), stdout);
    fflush(stdout);
    free(text);
    return 0;
}

/* One seed: loads and generates, writes the frame and ends the process (never returns).
 * mode "test" runs the pack's tests.lua instead (api_test.c); log: quiz.log writes to
 * stderr (lint, dump, test and watch ask for it). */
static void run_seed(const char *dir, const char *display, uint64_t seed, const char *lang, const char *mode, bool log)
{
    apply_limits();
    say_phase(TV_WIRE_PHASE_LOADING);

    static tv_Sandbox sb; /* lives until _exit; static keeps its size off the stack */
    tv_Convert conv;
    char msg[1024], file[1100];
    int line = 0;
    if (!tv_sandbox_open(&sb, dir, display, msg, sizeof msg)) {
        tv_convert_init(&conv, &sb, lang);
        snprintf(file, sizeof file, "%s", display);
        add_error(&conv, file, 0, msg);
        _exit(emit(&conv, 0, true));
    }
    if (!tv_confine_worker(msg, sizeof msg) && tv_confine_compiled_in()) /* before any pack code; stderr is for people */
        fprintf(stderr, "pack-worker: no seccomp filter (%s); running with rlimits only\n", msg);
    tv_convert_init(&conv, &sb, lang);
    tv_rng_derive(&sb.rng, seed, "pack/load");
    tv_api_quiz_log_enable(sb.L, log);
    /* The seed reaches pack code only through this stream (math.random, ctx.rng): a
     * stream left as it was derived means the result is the same for every seed. */
    tv_Rng fresh = sb.rng;
    if (strcmp(mode, "test") == 0)
        _exit(tv_worker_run_tests(&sb));

    lua_State *L = sb.L;
    lua_pushcfunction(L, run_pack_file);
    if (!tv_sandbox_call(&sb, 0, file, sizeof file, &line, msg, sizeof msg)) {
        add_call_error(&conv, &sb, file, line, msg);
        _exit(emit(&conv, 0, true));
    }
    Job job = {.conv = &conv};
    if (!run_protected(&sb, protected_convert_pack, &job))
        _exit(emit(&conv, 0, true));
    lua_rawgeti(L, LUA_REGISTRYINDEX, conv.pack_ref);
    lua_pushliteral(L, "questions");
    if (lua_rawget(L, -2) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_newtable(L);
    }
    lua_remove(L, -2);
    run_protected(&sb, protected_convert_questions, &job);
    int n_static = cJSON_GetArraySize(conv.questions);
    bool seeded = memcmp(&fresh, &sb.rng, sizeof fresh) != 0;

    cJSON *has_generate = cJSON_GetObjectItemCaseSensitive(conv.pack, TV_WIRE_HAS_GENERATE);
    cJSON *id = cJSON_GetObjectItemCaseSensitive(conv.pack, TV_WIRE_ID);
    if (cJSON_IsTrue(has_generate) && conv.errors == 0 && cJSON_IsString(id)) {
        say_phase(TV_WIRE_PHASE_GENERATING);
        sb.phase = TV_WIRE_PHASE_GENERATING;
        char label[128];
        snprintf(label, sizeof label, "pack/%s", id->valuestring);
        tv_rng_derive(&sb.rng, seed, label);
        fresh = sb.rng;
        tv_sandbox_reset_budget(&sb);
        lua_rawgeti(L, LUA_REGISTRYINDEX, conv.pack_ref);
        lua_pushliteral(L, "generate");
        lua_rawget(L, -2);
        lua_remove(L, -2);
        tv_api_push_ctx(L, &sb.rng, lang, id->valuestring);
        if (!tv_sandbox_call(&sb, 1, file, sizeof file, &line, msg, sizeof msg))
            add_call_error(&conv, &sb, file, line, msg);
        else {
            job.generated = true;
            run_protected(&sb, protected_convert_questions, &job);
        }
        seeded = seeded || memcmp(&fresh, &sb.rng, sizeof fresh) != 0;
    }
    tv_convert_finish(&conv);
    _exit(emit(&conv, n_static, seeded || conv.errors > 0));
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* --seeds: each seed in a child of its own, so every seed starts from a fresh process
 * and lua_State with the same rlimits (CPU seconds count per process), budget and
 * deadline as a one-seed worker, and a seed that crashes costs only itself. The
 * executable and its libraries are loaded once, which is what makes a batch fast. */
static int serve_seeds(const char *dir, const char *display, const char *list, const char *lang, int timeout_ms,
                       bool log)
{
    size_t cap = TV_WIRE_MAX_SEED_OUTPUT;
    char *buf = malloc(cap);
    if (!buf)
        return 1;
    for (const char *p = list; *p;) {
        char *end;
        uint64_t seed = strtoull(p, &end, 10);
        if (end == p || (*end && *end != ',')) {
            fprintf(stderr, "pack-worker: --seeds: expected seeds separated by commas, got '%s'\n", list);
            free(buf);
            return 2;
        }
        p = *end ? end + 1 : end;
        int fds[2];
        fflush(stdout); /* nothing buffered may be copied into the child */
        if (pipe(fds) != 0) {
            free(buf);
            return 1;
        }
        pid_t pid = fork();
        if (pid == 0) {
            close(fds[0]);
            dup2(fds[1], 1);
            close(fds[1]);
            run_seed(dir, display, seed, lang, "load", log);
        }
        close(fds[1]);
        size_t len = 0;
        const char *how = "-";
        int64_t deadline = now_ms() + timeout_ms;
        while (pid > 0) {
            struct pollfd pfd = {fds[0], POLLIN, 0};
            int64_t left = deadline - now_ms();
            int ready = left > 0 ? poll(&pfd, 1, (int)left) : 0;
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready == 0) {
                how = TV_WIRE_HOW_TIMEOUT;
                break;
            }
            ssize_t n = read(fds[0], buf + len, cap - len);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            len += (size_t)n;
            if (len == cap) {
                how = TV_WIRE_HOW_FLOOD;
                break;
            }
        }
        close(fds[0]);
        int status = 0;
        if (pid > 0 && strcmp(how, "-") != 0)
            kill(pid, SIGKILL);
        if (pid > 0)
            waitpid(pid, &status, 0);
        else
            status = 127 << 8; /* could not fork: as a child that could not start */
        printf(TV_WIRE_SEED "%" PRIu64 " %d %s %zu\n", seed, status, how, len);
        fwrite(buf, 1, len, stdout);
    }
    fflush(stdout);
    free(buf);
    return 0;
}

int tv_worker_main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--describe-api") == 0)
        return tv_worker_describe_api(); /* for the docs check; runs no pack code */
    const char *dir = NULL, *display = NULL, *lang = "en", *seeds = NULL, *mode = "load";
    uint64_t seed = 0;
    int timeout_ms = 5000;
    bool log = false; /* quiz.log output, for lint, dump, test and watch */
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--dir") == 0)
            dir = argv[i + 1];
        else if (strcmp(argv[i], "--display") == 0)
            display = argv[i + 1];
        else if (strcmp(argv[i], "--seed") == 0)
            seed = strtoull(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--seeds") == 0)
            seeds = argv[i + 1];
        else if (strcmp(argv[i], "--timeout-ms") == 0 && atoi(argv[i + 1]) > 0)
            timeout_ms = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--lang") == 0)
            lang = argv[i + 1];
        else if (strcmp(argv[i], "--mode") == 0)
            mode = argv[i + 1]; /* "test": run tests.lua (api_test.c) */
        else if (strcmp(argv[i], "--log") == 0)
            log = strcmp(argv[i + 1], "1") == 0;
    }
    if (!dir) {
        fprintf(stderr, "pack-worker: --dir is required (this command is run by trivium itself)\n");
        return 2;
    }
    if (!display)
        display = dir;
    if (seeds)
        return serve_seeds(dir, display, seeds, lang, timeout_ms, log);
    run_seed(dir, display, seed, lang, mode, log);
    return 1; /* not reached: run_seed ends the process */
}
