/* test_convert.c - the worker's converter on its own limits: its time limit, the cap on
 * diagnostics, and where question ids are written; with a real sandbox and real Lua. */
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "plugin/wire.h"
#include "plugin/worker/convert.h"
#include "plugin/worker/sandbox.h"

static char dir[64];

/* A pack folder holding pack.lua with the given text. */
static void make_pack(const char *text)
{
    snprintf(dir, sizeof dir, "/tmp/tv-convert-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    char path[128];
    snprintf(path, sizeof path, "%s/pack.lua", dir);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

static void remove_pack(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/pack.lua", dir);
    unlink(path);
    rmdir(dir);
}

static int run_pack(lua_State *L)
{
    tv_sandbox_push_file(L, tv_sandbox_get(L), TV_PACK_FILE, sizeof TV_PACK_FILE - 1);
    lua_call(L, 0, 1);
    return 1;
}

static int convert_questions(lua_State *L)
{
    tv_Convert *c = lua_touserdata(L, 1);
    lua_remove(L, 1);
    lua_pushboolean(L, tv_convert_questions(c, false));
    return 1;
}

/* Runs pack.lua (which returns a list of questions) and converts the list. */
static bool load_and_convert(tv_Sandbox *sb, tv_Convert *c, long time_limit_ms)
{
    char msg[1024], file[1100];
    int line;
    CHECK(tv_sandbox_open(sb, dir, dir, msg, sizeof msg));
    lua_pushcfunction(sb->L, run_pack);
    if (!tv_sandbox_call(sb, 0, file, sizeof file, &line, msg, sizeof msg)) {
        fprintf(stderr, "  %s:%d: %s\n", file, line, msg);
        CHECK(false);
    }
    tv_convert_init(c, sb, "en");
    c->time_limit_ms = time_limit_ms;
    lua_pushcfunction(sb->L, convert_questions);
    lua_insert(sb->L, -2);
    lua_pushlightuserdata(sb->L, c);
    lua_insert(sb->L, -2);
    CHECK_INT(LUA_OK, lua_pcall(sb->L, 2, 1, 0));
    bool ok = lua_toboolean(sb->L, -1);
    lua_pop(sb->L, 1);
    return ok;
}

static const char *diag_msg(const tv_Convert *c, int i)
{
    return cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(c->diags, i), TV_WIRE_MSG)->valuestring;
}

TEST("a conversion past its own time limit stops and refuses the pack")
{
    make_pack("local qs = {}\n"
              "for i = 1, 50 do qs[i] = quiz.truefalse { id = 'q' .. i, prompt = 'P?', answer = true } end\n"
              "return qs\n");
    tv_Sandbox sb;
    tv_Convert c;
    CHECK(!load_and_convert(&sb, &c, 0));
    CHECK_INT(1, c.errors);
    CHECK_INT(0, cJSON_GetArraySize(c.questions));
    CHECK_STR("reading the pack's tables took over 0 ms of CPU time; the pack is refused", diag_msg(&c, 0));
    tv_convert_free(&c);
    tv_sandbox_close(&sb);
    remove_pack();
}

TEST("the same pack converts in time with the normal limit")
{
    make_pack("local qs = {}\n"
              "for i = 1, 50 do qs[i] = quiz.truefalse { id = 'q' .. i, prompt = 'P?', answer = true, source = 's' } end\n"
              "return qs\n");
    tv_Sandbox sb;
    tv_Convert c;
    CHECK(load_and_convert(&sb, &c, TV_CONVERT_TIME_LIMIT_MS));
    CHECK_INT(50, cJSON_GetArraySize(c.questions));
    tv_convert_free(&c);
    tv_sandbox_close(&sb);
    remove_pack();
}

TEST("diagnostics past the cap are counted in one last diagnostic, and their errors still count")
{
    make_pack("return {}\n");
    tv_Sandbox sb;
    tv_Convert c;
    CHECK(load_and_convert(&sb, &c, TV_CONVERT_TIME_LIMIT_MS));
    for (int i = 0; i < TV_CONVERT_MAX_DIAGS + 49; i++)
        tv_convert_diag(&c, TV_WIRE_WARNING, "here", "warning %d", i);
    cJSON *last = cJSON_GetArrayItem(c.diags, TV_CONVERT_MAX_DIAGS);
    CHECK_INT(TV_CONVERT_MAX_DIAGS + 1, cJSON_GetArraySize(c.diags));
    CHECK_STR("warning 99", diag_msg(&c, TV_CONVERT_MAX_DIAGS - 1));
    CHECK_STR("... and 49 more (only the first 100 are shown)", diag_msg(&c, TV_CONVERT_MAX_DIAGS));
    CHECK_STR(TV_WIRE_WARNING, cJSON_GetObjectItemCaseSensitive(last, TV_WIRE_SEVERITY)->valuestring);
    CHECK_INT(0, c.errors);
    tv_convert_diag(&c, TV_WIRE_ERROR, "here", "an error past the cap");
    CHECK_INT(1, c.errors);
    CHECK_STR("... and 50 more (only the first 100 are shown)", diag_msg(&c, TV_CONVERT_MAX_DIAGS));
    CHECK_STR(TV_WIRE_ERROR, cJSON_GetObjectItemCaseSensitive(last, TV_WIRE_SEVERITY)->valuestring);
    tv_convert_free(&c);
    tv_sandbox_close(&sb);
    remove_pack();
}

TEST("each id's place is its first literal in quotes of either kind, never part of a longer one")
{
    make_pack("-- 'q1x' and \"q1 \" are not q1\n"
              "local a = { id = 'q1' }\n"
              "local b = { id = \"q2\" } -- and 'q1' again\n"
              "-- 'q3 is not closed on its line\n"
              "-- ' so it is not q3\n"
              "return {}\n");
    tv_Sandbox sb;
    tv_Convert c;
    CHECK(load_and_convert(&sb, &c, TV_CONVERT_TIME_LIMIT_MS));
    const char *ids[] = {"q1", "q2", "q3", "q1"};
    size_t lens[] = {2, 2, 2, 2};
    tv_SbPlace places[4];
    tv_sandbox_find_ids(&sb, ids, lens, 4, places);
    CHECK_INT(2, places[0].line);
    CHECK_INT(3, places[1].line);
    CHECK_INT(-1, places[2].file);
    CHECK_INT(2, places[3].line);
    char where[1300], want[1300];
    tv_sandbox_place_name(&sb, places[1], where, sizeof where);
    snprintf(want, sizeof want, "%s/pack.lua:3", dir);
    CHECK_STR(want, where);
    tv_convert_free(&c);
    tv_sandbox_close(&sb);
    remove_pack();
}

TEST_MAIN()
