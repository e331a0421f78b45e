/* worker.c - pack-worker: load, generate, convert, write JSON, exit.
 * Trust boundary: runs untrusted pack code; this process is expendable by design.
 * Depends on: Lua 5.4, cJSON, core. */
#include "plugin/worker/worker.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <lauxlib.h>

#include "plugin/worker/api_quiz.h"
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

static int emit(tv_Convert *c, int n_static)
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

int tv_worker_main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--describe-api") == 0)
        return tv_worker_describe_api(); /* for the docs check; runs no pack code */
    const char *dir = NULL, *display = NULL, *lang = "en";
    uint64_t seed = 0;
    bool log = false; /* quiz.log output, for lint, dump, test and watch */
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--dir") == 0)
            dir = argv[i + 1];
        else if (strcmp(argv[i], "--display") == 0)
            display = argv[i + 1];
        else if (strcmp(argv[i], "--seed") == 0)
            seed = strtoull(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--lang") == 0)
            lang = argv[i + 1];
        else if (strcmp(argv[i], "--log") == 0)
            log = strcmp(argv[i + 1], "1") == 0;
    }
    if (!dir) {
        fprintf(stderr, "pack-worker: --dir is required (this command is run by trivium itself)\n");
        return 2;
    }
    if (!display)
        display = dir;
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
        int rc = emit(&conv, 0);
        _exit(rc);
    }
    tv_convert_init(&conv, &sb, lang);
    tv_rng_derive(&sb.rng, seed, "pack/load");
    tv_api_quiz_log_enable(sb.L, log);

    lua_State *L = sb.L;
    lua_pushcfunction(L, run_pack_file);
    if (!tv_sandbox_call(&sb, 0, file, sizeof file, &line, msg, sizeof msg)) {
        add_error(&conv, file, line, msg);
        _exit(emit(&conv, 0));
    }
    Job job = {.conv = &conv};
    if (!run_protected(&sb, protected_convert_pack, &job))
        _exit(emit(&conv, 0));
    lua_rawgeti(L, LUA_REGISTRYINDEX, conv.pack_ref);
    lua_pushliteral(L, "questions");
    if (lua_rawget(L, -2) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_newtable(L);
    }
    lua_remove(L, -2);
    run_protected(&sb, protected_convert_questions, &job);
    int n_static = cJSON_GetArraySize(conv.questions);

    cJSON *has_generate = cJSON_GetObjectItemCaseSensitive(conv.pack, TV_WIRE_HAS_GENERATE);
    cJSON *id = cJSON_GetObjectItemCaseSensitive(conv.pack, TV_WIRE_ID);
    if (cJSON_IsTrue(has_generate) && conv.errors == 0 && cJSON_IsString(id)) {
        say_phase(TV_WIRE_PHASE_GENERATING);
        sb.phase = TV_WIRE_PHASE_GENERATING;
        char label[128];
        snprintf(label, sizeof label, "pack/%s", id->valuestring);
        tv_rng_derive(&sb.rng, seed, label);
        tv_sandbox_reset_budget(&sb);
        lua_rawgeti(L, LUA_REGISTRYINDEX, conv.pack_ref);
        lua_pushliteral(L, "generate");
        lua_rawget(L, -2);
        lua_remove(L, -2);
        tv_api_push_ctx(L, &sb.rng, lang, id->valuestring);
        if (!tv_sandbox_call(&sb, 1, file, sizeof file, &line, msg, sizeof msg))
            add_error(&conv, file, line, msg);
        else {
            job.generated = true;
            run_protected(&sb, protected_convert_questions, &job);
        }
    }
    tv_convert_finish(&conv);
    _exit(emit(&conv, n_static));
}
