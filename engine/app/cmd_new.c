/* cmd_new.c - `trivium new ID [--dir DIR] [--lang en,nl]`: a pack folder to start from,
 * DIR/ID with an annotated pack.lua, a facts.lua its generator asks about, a tests.lua,
 * a .luarc.json for LuaLS and a .luacheckrc with exactly the sandbox's globals. As
 * created it passes `trivium lint --strict`.
 * Depends on: app/cli, app/paths, io (file). Never Lua or SDL.
 * The templates below are the files themselves. A line starting with "@both ", "@en " or
 * "@nl " is kept (without the tag) only for that choice of languages; {{ID}} becomes the
 * pack id, which is checked to be [a-z0-9.-] first, so it cannot break out of a string.
 * An existing folder is never touched: mkdir of DIR/ID must create it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/cli.h"
#include "app/commands.h"
#include "io/file.h"
#include "app/paths.h"

static const char *const usage_new =
    "usage: trivium new ID [--dir DIR] [--lang en,nl]\n"
    "\n"
    "Creates the pack folder DIR/ID (DIR defaults to the current folder) with an annotated\n"
    "pack.lua, a facts.lua with a generator, a tests.lua, a .luarc.json for LuaLS and a\n"
    ".luacheckrc. --lang lists the pack's languages: en, nl or en,nl (the default). The\n"
    "pack passes `trivium lint --strict` as created. An existing folder is never\n"
    "overwritten. Exit 0 when created, 1 when the folder exists or cannot be made, 2 for\n"
    "a usage error.\n";

static const char pack_lua[] =
    "-- {{ID}}: a Trivium question pack made by `trivium new`. docs/pack-api.md describes\n"
    "-- every field. `trivium lint --strict {{ID}}` checks it; `trivium dump --pack {{ID}}\n"
    "-- --seed 1 --plugins .` (from the folder holding {{ID}}) shows every question.\n"
    "local facts = include(\"facts.lua\")\n"
    "\n"
    "---@type trivium.Pack\n"
    "return {\n"
    "  id = \"{{ID}}\",\n"
    "@both  title = { en = \"{{ID}}\", nl = \"{{ID}}\" },\n"
    "@en  title = \"{{ID}}\",\n"
    "@nl  title = \"{{ID}}\",\n"
    "  version = \"0.1.0\",\n"
    "@both  description = { en = \"Rivers of Europe (replace with your subject).\",\n"
    "@both                  nl = \"Rivieren van Europa (vervang door je onderwerp).\" },\n"
    "@en  description = \"Rivers of Europe (replace with your subject).\",\n"
    "@nl  description = \"Rivieren van Europa (vervang door je onderwerp).\",\n"
    "@both  languages = { \"en\", \"nl\" },\n"
    "@en  languages = { \"en\" },\n"
    "@nl  languages = { \"nl\" },\n"
    "  -- Where the facts come from; every question names one key in `source`.\n"
    "  sources = {\n"
    "    atlas = { publisher = \"Example Atlas\", title = \"Rivers of Europe\", date = \"2024-01-01\",\n"
    "              url = \"https://example.org/rivers\" },\n"
    "  },\n"
    "  questions = {\n"
    "    quiz.choice {\n"
    "      id = \"longest-river\",\n"
    "@both      prompt = { en = \"Which is the longest river in Europe?\", nl = \"Wat is de langste rivier van Europa?\" },\n"
    "@en      prompt = \"Which is the longest river in Europe?\",\n"
    "@nl      prompt = \"Wat is de langste rivier van Europa?\",\n"
    "@both      answer = { en = \"Volga\", nl = \"Wolga\" },\n"
    "@both      wrong = { { en = \"Danube\", nl = \"Donau\" }, { en = \"Rhine\", nl = \"Rijn\" }, \"Dnieper\" },\n"
    "@en      answer = \"Volga\",\n"
    "@en      wrong = { \"Danube\", \"Rhine\", \"Dnieper\" },\n"
    "@nl      answer = \"Wolga\",\n"
    "@nl      wrong = { \"Donau\", \"Rijn\", \"Dnjepr\" },\n"
    "      difficulty = 1,\n"
    "@both      category = { en = \"Rivers\", nl = \"Rivieren\" },\n"
    "@en      category = \"Rivers\",\n"
    "@nl      category = \"Rivieren\",\n"
    "@both      explain = { en = \"The Volga is about 3,530 km long.\", nl = \"De Wolga is ongeveer 3530 km lang.\" },\n"
    "@en      explain = \"The Volga is about 3,530 km long.\",\n"
    "@nl      explain = \"De Wolga is ongeveer 3530 km lang.\",\n"
    "      source = \"atlas\",\n"
    "    },\n"
    "  },\n"
    "  -- More questions per session, from facts.lua. Only ctx.rng may choose: the same\n"
    "  -- seed must give the same questions (lint checks).\n"
    "  ---@param ctx trivium.Context\n"
    "  generate = function(ctx)\n"
    "    local out = {}\n"
    "    for _, river in ipairs(ctx.rng:sample(facts.rivers, 2)) do\n"
    "      out[#out + 1] = quiz.numeric {\n"
    "        id = \"length-\" .. river.id,\n"
    "@both        prompt = { en = \"How long is the \" .. river.name.en .. \", in kilometres?\",\n"
    "@both                   nl = \"Hoe lang is de \" .. river.name.nl .. \", in kilometer?\" },\n"
    "@en        prompt = \"How long is the \" .. river.name .. \", in kilometres?\",\n"
    "@nl        prompt = \"Hoe lang is de \" .. river.name .. \", in kilometer?\",\n"
    "        answer = river.km,\n"
    "        tolerance = 50, -- sources differ on where a river starts\n"
    "        unit = \"km\",\n"
    "        difficulty = 2,\n"
    "@both        category = { en = \"Rivers\", nl = \"Rivieren\" },\n"
    "@en        category = \"Rivers\",\n"
    "@nl        category = \"Rivieren\",\n"
    "@both        explain = { en = \"The \" .. river.name.en .. \" is about \" .. river.km .. \" km long.\",\n"
    "@both                    nl = \"De \" .. river.name.nl .. \" is ongeveer \" .. river.km .. \" km lang.\" },\n"
    "@en        explain = \"The \" .. river.name .. \" is about \" .. river.km .. \" km long.\",\n"
    "@nl        explain = \"De \" .. river.name .. \" is ongeveer \" .. river.km .. \" km lang.\",\n"
    "        source = \"atlas\",\n"
    "      }\n"
    "    end\n"
    "    return out\n"
    "  end,\n"
    "}\n";

static const char facts_lua[] =
    "-- Facts as data, kept apart from the questions that ask about them. include() runs\n"
    "-- this file in the pack's sandbox and returns its table; keep the `return`.\n"
    "return {\n"
    "  -- Length in km (Example Atlas). A list, not a table by name: ipairs keeps the\n"
    "  -- order, so the same seed picks the same rivers.\n"
    "  rivers = {\n"
    "@both    { id = \"rhine\", name = { en = \"Rhine\", nl = \"Rijn\" }, km = 1230 },\n"
    "@both    { id = \"danube\", name = { en = \"Danube\", nl = \"Donau\" }, km = 2850 },\n"
    "@both    { id = \"elbe\", name = { en = \"Elbe\", nl = \"Elbe\" }, km = 1094 },\n"
    "@both    { id = \"meuse\", name = { en = \"Meuse\", nl = \"Maas\" }, km = 925 },\n"
    "@en    { id = \"rhine\", name = \"Rhine\", km = 1230 },\n"
    "@en    { id = \"danube\", name = \"Danube\", km = 2850 },\n"
    "@en    { id = \"elbe\", name = \"Elbe\", km = 1094 },\n"
    "@en    { id = \"meuse\", name = \"Meuse\", km = 925 },\n"
    "@nl    { id = \"rhine\", name = \"Rijn\", km = 1230 },\n"
    "@nl    { id = \"danube\", name = \"Donau\", km = 2850 },\n"
    "@nl    { id = \"elbe\", name = \"Elbe\", km = 1094 },\n"
    "@nl    { id = \"meuse\", name = \"Maas\", km = 925 },\n"
    "  },\n"
    "}\n";

static const char tests_lua[] =
    "-- Pack tests: `trivium test {{ID}}` runs each test(...) in the pack's sandbox.\n"
    "-- t.questions(seed, lang) gives the pack's questions as data; t.eq, t.ok, t.near and\n"
    "-- t.fails check (docs/pack-api.md).\n"
    "@both local lang = \"en\"\n"
    "@en local lang = \"en\"\n"
    "@nl local lang = \"nl\"\n"
    "\n"
    "test(\"the generator asks about two different rivers on every seed\", function(t)\n"
    "  for seed = 1, 20 do\n"
    "    local seen, n = {}, 0\n"
    "    for _, q in ipairs(t.questions(seed, lang)) do\n"
    "      if q.id:sub(1, 7) == \"length-\" then\n"
    "        t.ok(not seen[q.id], \"seed \" .. seed .. \" asks \" .. q.id .. \" twice\")\n"
    "        seen[q.id], n = true, n + 1\n"
    "      end\n"
    "    end\n"
    "    t.eq(n, 2)\n"
    "  end\n"
    "end)\n"
    "\n"
    "test(\"every length is positive\", function(t)\n"
    "  for _, q in ipairs(t.questions(1, lang)) do\n"
    "    if q.type == \"numeric\" then t.ok(q.answer > 0, q.id) end\n"
    "  end\n"
    "end)\n";

static const char luarc_json[] =
    "{\n"
    "  \"runtime.version\": \"Lua 5.4\",\n"
    "  \"workspace.library\": [\"{{STUB}}\"],\n"
    "  \"diagnostics.globals\": [\"quiz\", \"include\", \"test\"],\n"
    "  \"runtime.builtin\": { \"io\": \"disable\", \"os\": \"disable\", \"debug\": \"disable\", \"package\": \"disable\" }\n"
    "}\n";

/* The sandbox's globals (docs/pack-api.md, "The sandbox"): luacheck then flags anything
 * else, such as print, os or require, before the worker does. */
static const char luacheckrc[] =
    "-- luacheck for a Trivium pack: exactly the globals the pack sandbox offers.\n"
    "std = \"none\"\n"
    "read_globals = {\n"
    "  \"assert\", \"error\", \"ipairs\", \"pairs\", \"next\", \"select\", \"tonumber\", \"tostring\", \"type\",\n"
    "  \"pcall\", \"xpcall\", \"rawequal\", \"rawget\", \"rawset\", \"rawlen\", \"setmetatable\", \"getmetatable\",\n"
    "  \"load\", \"_VERSION\", \"_G\", \"collectgarbage\", \"table\", \"math\", \"utf8\", \"coroutine\",\n"
    "  string = { fields = { \"byte\", \"char\", \"find\", \"format\", \"gmatch\", \"gsub\", \"len\", \"lower\", \"match\",\n"
    "                        \"pack\", \"packsize\", \"rep\", \"reverse\", \"sub\", \"unpack\", \"upper\" } },\n"
    "  \"quiz\", \"include\",\n"
    "}\n"
    "files[\"tests.lua\"] = { read_globals = { \"test\" } }\n";

typedef struct NewArgs {
    const char *id, *dir, *lang;
} NewArgs;

static bool set_id(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    NewArgs *a = d;
    (void)s;
    if (a->id)
        return tv_error_set(e, TV_ERR_USAGE, NULL, 0, "unexpected argument '%s' (one ID only)", v);
    a->id = v;
    return true;
}

static bool set_lang(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    if (strcmp(v, "en") != 0 && strcmp(v, "nl") != 0 && strcmp(v, "en,nl") != 0 && strcmp(v, "nl,en") != 0)
        return tv_args_expected(e, s, v);
    ((NewArgs *)d)->lang = v;
    return true;
}

static const tv_ArgSpec new_args[] = {
    {"--dir", true, tv_arg_string, offsetof(NewArgs, dir), NULL, "where to create the pack folder"},
    {"--lang", true, set_lang, 0, "en, nl or en,nl", "the pack's languages"},
    {NULL, true, set_id, 0, NULL, "the pack id"},
};

/* Expands a template: tagged lines for the chosen languages, {{ID}} and {{STUB}}. */
static char *expand(const char *tpl, const char *tag, const char *id, const char *stub, size_t *len)
{
    size_t cap = strlen(tpl) * 2 + 4096, n = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    for (const char *line = tpl; *line;) {
        const char *end = strchr(line, '\n');
        end = end ? end + 1 : line + strlen(line);
        const char *s = line;
        if (*s == '@') {
            size_t tl = strlen(tag);
            if (strncmp(s + 1, tag, tl) != 0 || s[1 + tl] != ' ') {
                line = end;
                continue;
            }
            s += tl + 2;
        }
        for (; s < end; s++) {
            const char *sub = strncmp(s, "{{ID}}", 6) == 0 ? id : strncmp(s, "{{STUB}}", 8) == 0 ? stub : NULL;
            size_t k = sub ? strlen(sub) : 1;
            if (n + k + 1 > cap) {
                char *p = realloc(out, cap = (n + k + 1) * 2);
                if (!p)
                    return free(out), NULL;
                out = p;
            }
            memcpy(out + n, sub ? sub : s, k);
            n += k;
            if (sub)
                s += strchr(s, '}') - s + 1;
        }
        line = end;
    }
    out[n] = '\0';
    *len = n;
    return out;
}

/* Where LuaLS finds the API stub: the source tree's from a build tree, else the
 * installed copy in share/doc/trivium beside this executable's prefix. */
static void stub_path(const tv_Cli *cli, char *out, size_t size)
{
    char src[TV_PATHS_MAX], plugins[TV_PATHS_MAX];
    if (tv_paths_source_tree(cli->self_exe, src, sizeof src)) {
        snprintf(out, size, "%s/docs/trivium.d.lua", src);
        return;
    }
    tv_paths_share_dir(cli->self_exe, "plugins", plugins, sizeof plugins); /* <prefix>/share/trivium/plugins */
    char *cut = strstr(plugins, "/trivium/plugins");
    if (cut)
        *cut = '\0';
    snprintf(out, size, "%s/doc/trivium/trivium.d.lua", plugins);
}

/* The stub's path goes into a JSON string: a quote, backslash or control character in it
 * would break the file, so such a path is left for the author to fill in. */
static void json_safe(char *path)
{
    for (const char *p = path; *p; p++)
        if (*p == '"' || *p == '\\' || (unsigned char)*p < 0x20) {
            strcpy(path, "path/to/trivium.d.lua");
            return;
        }
}

int tv_cmd_new(tv_Cli *cli, int argc, char **argv)
{
    NewArgs a = {.dir = ".", .lang = "en,nl"};
    int rc = tv_cli_parse(cli, usage_new, new_args, sizeof new_args / sizeof new_args[0], &a, argc, argv, 2);
    if (rc >= 0)
        return rc;
    size_t idn = a.id ? strlen(a.id) : 0;
    if (!a.id)
        return tv_cli_usage("new", "ID is required");
    if (idn == 0 || idn > 64 || strspn(a.id, "abcdefghijklmnopqrstuvwxyz0123456789.-") != idn || a.id[0] == '.')
        return tv_cli_usage("new", "%s: expected a pack id: 1 to 64 of a-z, 0-9, '.' and '-', not starting with '.'",
                            a.id);
    const char *tag = strchr(a.lang, ',') ? "both" : a.lang;
    char folder[TV_PATHS_MAX], path[TV_PATHS_MAX + 32], stub[TV_PATHS_MAX + 64];
    tv_Error err = {0};
    if (snprintf(folder, sizeof folder, "%s/%s", a.dir, a.id) >= (int)sizeof folder)
        return tv_cli_usage("new", "--dir is too long");
    if (!tv_file_mkdirs(a.dir, 0755, &err))
        return tv_cli_fail(&err);
    if (mkdir(folder, 0755) != 0) {
        tv_error_set(&err, TV_ERR_IO, folder, 0, "%s; nothing was written",
                     errno == EEXIST ? "already exists" : strerror(errno));
        return tv_cli_fail(&err);
    }
    stub_path(cli, stub, sizeof stub);
    json_safe(stub);
    static const struct {
        const char *name, *tpl;
    } files[] = {{"pack.lua", pack_lua}, {"facts.lua", facts_lua}, {"tests.lua", tests_lua},
                 {".luarc.json", luarc_json}, {".luacheckrc", luacheckrc}};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        size_t len = 0;
        char *text = expand(files[i].tpl, tag, a.id, stub, &len);
        snprintf(path, sizeof path, "%s/%s", folder, files[i].name);
        if (!text)
            return tv_cli_fail(&(tv_Error){.code = TV_ERR_NOMEM, .msg = "out of memory"});
        bool ok = tv_file_write_atomic(path, text, len, &err);
        free(text);
        if (!ok)
            return tv_cli_fail(&err);
    }
    char shown[TV_PATHS_MAX];
    tv_copy_printable(shown, sizeof shown, folder);
    printf("created %s: pack.lua, facts.lua, tests.lua, .luarc.json, .luacheckrc\n"
           "next: trivium lint --strict %s\n",
           shown, shown);
    return TV_EXIT_OK;
}
