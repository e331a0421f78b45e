/* plugin.decode: the host's decoder of pack worker output (decode.h), without processes.
 * One valid document, mutated once per case (a field replaced, removed or given too many
 * entries), must be refused with the exact message; the frame parser must not read past a
 * cut frame; and decoding under an allocator that fails the Nth call fails cleanly and
 * frees everything. The worker never sends these documents, so nothing else tests them. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "failing_alloc.h"
#include "plugin/decode.h"
#include "core/rng.h"

static const char *const VALID =
    "{\"ok\":true,"
    "\"pack\":{\"languages\":[\"en\",\"nl\"],\"id\":\"demo\",\"version\":\"1.0\",\"title\":\"Demo\","
    "\"description\":\"A pack\",\"author\":\"Me\",\"has_generate\":false},"
    "\"sources\":[{\"key\":\"a\",\"publisher\":\"P\",\"title\":\"T\",\"date\":\"2020\",\"url\":\"https://x\"},"
    "{\"key\":\"b\",\"title\":\"Only title\"}],"
    "\"static_count\":5,\"generated_count\":0,"
    "\"questions\":["
    "{\"id\":\"q1\",\"type\":\"choice\",\"generated\":false,\"prompt\":\"Capital of France?\",\"explain\":\"\","
    "\"category\":\"Geo\",\"difficulty\":1,\"time_ms\":20000,\"source\":\"a\",\"options\":[\"Paris\",\"Lyon\","
    "\"Nice\"],\"where\":\"t/pack.lua:3\"},"
    "{\"id\":\"q2\",\"type\":\"truefalse\",\"generated\":false,\"prompt\":\"Sky is blue\",\"explain\":\"Yes\","
    "\"category\":\"Sci\",\"difficulty\":2,\"time_ms\":5000,\"source\":\"\",\"truth\":true,\"where\":\"t/pack.lua:4\"},"
    "{\"id\":\"q3\",\"type\":\"numeric\",\"generated\":false,\"prompt\":\"Pi?\",\"explain\":\"\",\"category\":\"Math\","
    "\"difficulty\":3,\"time_ms\":120000,\"source\":\"zz\",\"number\":3.14,\"tolerance\":0.01,\"unit\":\"\","
    "\"where\":\"t/pack.lua:5\"},"
    "{\"id\":\"q4\",\"type\":\"order\",\"generated\":false,\"prompt\":\"Order\",\"explain\":\"\",\"category\":\"C\","
    "\"difficulty\":1,\"time_ms\":20000,\"source\":\"b\",\"items\":[\"one\",\"two\",\"three\"],\"where\":\"t/pack.lua:6\"},"
    "{\"id\":\"q5\",\"type\":\"text\",\"generated\":false,\"prompt\":\"Say hi\",\"explain\":\"\","
    "\"difficulty\":1,\"time_ms\":20000,\"source\":\"\",\"accept\":[\"hi\",\"hello\"],\"where\":\"t/pack.lua:7\"}],"
    "\"diagnostics\":[{\"where\":\"t/pack.lua:4\",\"severity\":\"warning\",\"msg\":\"a warning\"}]}";

static void fresh(tv_Pack *p, tv_Alloc al)
{
    memset(p, 0, sizeof *p);
    tv_arena_init(&p->arena, al);
    p->dir = p->display = "t";
    p->folder = "t";
}

/* ---- mutations ---- */

/* The item at a dotted path ("questions.0.options"), creating nothing; NULL if absent. */
static cJSON *at(cJSON *root, const char *path, cJSON **parent, char *last, size_t lastsize)
{
    char buf[200];
    snprintf(buf, sizeof buf, "%s", path);
    cJSON *cur = root;
    *parent = NULL;
    for (char *tok = strtok(buf, "."); tok; tok = strtok(NULL, ".")) {
        snprintf(last, lastsize, "%s", tok);
        *parent = cur;
        if (!cur)
            return NULL;
        cur = cJSON_IsArray(cur) ? cJSON_GetArrayItem(cur, atoi(tok)) : cJSON_GetObjectItemCaseSensitive(cur, tok);
    }
    return cur;
}

/* value: JSON text, NULL to delete the field, "@N:JSON" for a list of N copies, or "!TEXT"
 * for TEXT written as it is (cJSON would print 1e999 as null). An array index one past the
 * end appends. */
static char *mutate(const char *path, const char *value)
{
    cJSON *root = cJSON_Parse(VALID);
    cJSON *parent;
    char last[64];
    at(root, path, &parent, last, sizeof last);
    cJSON *v = NULL;
    if (value && value[0] == '@') {
        int n = atoi(value + 1);
        const char *item = strchr(value, ':') + 1;
        v = cJSON_CreateArray();
        for (int i = 0; i < n; i++)
            cJSON_AddItemToArray(v, cJSON_Parse(item));
    } else if (value && value[0] == '!')
        v = cJSON_CreateRaw(value + 1);
    else if (value)
        v = cJSON_Parse(value);
    if (value && !v)
        v = cJSON_CreateRaw(value); /* invalid JSON on purpose, e.g. raw bytes in a string */
    if (cJSON_IsArray(parent)) {
        int i = atoi(last);
        if (v && i == cJSON_GetArraySize(parent))
            cJSON_AddItemToArray(parent, v);
        else if (v)
            cJSON_ReplaceItemInArray(parent, i, v);
        else
            cJSON_DeleteItemFromArray(parent, i);
    } else if (v) {
        if (cJSON_GetObjectItemCaseSensitive(parent, last))
            cJSON_ReplaceItemInObjectCaseSensitive(parent, last, v);
        else
            cJSON_AddItemToObject(parent, last, v);
    } else
        cJSON_DeleteItemFromObjectCaseSensitive(parent, last);
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return text;
}

static char *repeat(char ch, int n)
{
    char *s = malloc((size_t)n + 3);
    s[0] = '"';
    memset(s + 1, ch, (size_t)n);
    s[n + 1] = '"';
    s[n + 2] = '\0';
    return s;
}

#define M "the pack worker sent a malformed document: "

typedef struct Case {
    const char *path, *value, *msg;
} Case;

static const Case cases[] = {
    /* the document */
    {"ok", NULL, M "ok must be true or false, got nothing"},
    {"ok", "\"yes\"", M "ok must be true or false, got a string"},
    {"diagnostics", "{}", M "diagnostics must be a list, got an object"},
    {"diagnostics", NULL, M "diagnostics must be a list, got nothing"},
    {"diagnostics.0", "3", M "diagnostics[0] must be an object, got a number"},
    {"diagnostics.0.severity", "\"fatal\"", M "diagnostics[0].severity must be \"error\" or \"warning\", got \"fatal\""},
    {"diagnostics.0.msg", NULL, M "diagnostics[0].msg is missing"},
    {"diagnostics.0.where", "7", M "diagnostics[0].where must be a string, got a number"},
    {"diagnostics.0.msg", "\"\xff\xfe\"", M "diagnostics[0].msg is not valid UTF-8 text"},
    {"diagnostics", "@10001:{\"where\":\"w\",\"severity\":\"warning\",\"msg\":\"m\"}",
     M "diagnostics must hold 0 to 10000 entries, got more than 10000"},
    /* the pack */
    {"pack", "\"demo\"", M "pack must be an object, got a string"},
    {"pack", NULL, M "pack must be an object, got nothing"},
    {"pack.languages", "@9:\"en\"", M "pack.languages must hold 0 to 8 entries, got more than 8"},
    {"pack.languages", "\"en\"", M "pack.languages must be a list, got a string"},
    {"pack.languages.1", "\"EN\"", M "pack.languages[1] must be a code such as \"en\""},
    {"pack.languages.1", "1", M "pack.languages[1] must be a code such as \"en\""},
    {"pack.id", "\"Bad Id\"", M "pack.id must be a string of a-z, 0-9, '.' and '-' (at most 64), got 'Bad Id'"},
    {"pack.id", NULL, M "pack.id must be a string of a-z, 0-9, '.' and '-' (at most 64), got ''"},
    {"pack.id", "\"d\xff\"", M "pack.id is not valid UTF-8 text"},
    {"pack.title", "\"\xe2\x80\xae" "Demo\"", M "pack.title holds a bidirectional control character"},
    {"pack.title", "\"\"", M "pack.title is missing"},
    {"pack.version", NULL, M "pack.version is missing"},
    {"pack.version", "1", M "pack.version must be a string, got a number"},
    {"pack.description", "\"bell\\u0007\"", M "pack.description holds a control character"},
    {"pack.author", "42", M "pack.author must be a string, got a number"},
    /* sources */
    {"sources", "{}", M "sources must be a list, got an object"},
    {"sources", "@257:{\"key\":\"k\"}", M "sources must hold 0 to 256 entries, got more than 256"},
    {"sources.0", "[]", M "sources[0] must be an object, got a list"},
    {"sources.0.key", NULL, M "sources[0].key is missing"},
    {"sources.0.key", "\"\"", M "sources[0].key is empty"},
    {"sources.1.key", "\"a\"", M "sources[1].key 'a' is used twice"},
    {"sources.0.publisher", "null", M "sources[0].publisher must be a string, got null"},
    /* questions */
    {"questions", "{}", M "questions must be a list, got an object"},
    {"questions", "@2001:1", M "questions must hold 0 to 2000 entries, got more than 2000"},
    {"questions.0", "12", M "questions[0]: must be an object, got a number"},
    {"questions.0.id", NULL, M "questions[0]: id is missing"},
    {"questions.0.id", "\"\"", M "questions[0]: id is empty"},
    {"questions.1.id", "\"q1\"", M "questions[1]: id 'q1' is already used by questions[0]"},
    {"questions.0.type", "\"essay\"", M "questions[0] ('q1'): type must be one of choice, truefalse, numeric, order, text"},
    {"questions.0.type", "1", M "questions[0] ('q1'): type must be one of choice, truefalse, numeric, order, text"},
    {"questions.0.generated", NULL, M "questions[0] ('q1'): generated must be true or false, got nothing"},
    {"questions.0.prompt", NULL, M "questions[0] ('q1'): prompt is missing"},
    {"questions.0.prompt", "\"\"", M "questions[0] ('q1'): prompt is empty"},
    {"questions.0.prompt", "\"\\u001b[31mred\"", M "questions[0] ('q1'): prompt holds a control character"},
    {"questions.0.prompt", "\"del\\u007f\"", M "questions[0] ('q1'): prompt holds a control character"},
    {"questions.0.prompt", "\"a\\u2066b\"", M "questions[0] ('q1'): prompt holds a bidirectional control character"},
    {"questions.0.prompt", "\"bad \xc3\x28\"", M "questions[0] ('q1'): prompt is not valid UTF-8 text"},
    {"questions.0.prompt", "[\"x\"]", M "questions[0] ('q1'): prompt must be a string, got a list"},
    {"questions.0.explain", "\"\\u202aleft\"", M "questions[0] ('q1'): explain holds a bidirectional control character"},
    {"questions.0.explain", "false", M "questions[0] ('q1'): explain must be a string, got a boolean"},
    {"questions.0.category", "\"\"", M "questions[0] ('q1'): category is empty"},
    {"questions.0.asks", "\"\"", M "questions[0] ('q1'): asks is empty"},
    {"questions.4.accept.0", "\"\\u200b\"", M "questions[4] ('q5'): accept[0] folds to nothing"},
    {"questions.0.asks", "7", M "questions[0] ('q1'): asks must be a string, got a number"},
    {"questions.0.asks", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", M "questions[0] ('q1'): asks is 61 bytes long; the limit is 60"},
    {"questions.0.shows", "\"ransom\"", M "questions[0] ('q1'): shows must be a list, got a string"},
    {"questions.0.shows", "[]", M "questions[0] ('q1'): shows must hold 1 to 16 entries, got 0"},
    {"questions.0.shows", "@17:\"x\"", M "questions[0] ('q1'): shows must hold 1 to 16 entries, got more than 16"},
    {"questions.0.shows", "[\"a\", 2]", M "questions[0] ('q1'): shows[1] must be a string, got a number"},
    {"questions.0.shows", "[\"\xff\"]", M "questions[0] ('q1'): shows[0] is not valid UTF-8 text"},
    {"questions.0.more_sources", "\"b\"", M "questions[0] ('q1'): more_sources must be a list, got a string"},
    {"questions.0.more_sources", "[\"b\", 2]", M "questions[0] ('q1'): more_sources[1] must be a string, got a number"},
    {"questions.0.more_sources", "@8:\"b\"", M "questions[0] ('q1'): more_sources must hold 1 to 7 entries, got more than 7"},
    {"questions.1.more_sources", "[\"a\"]", M "questions[1] ('q2'): more_sources needs a source before it"},
    {"questions.0.category", "\"tab\\there\"", M "questions[0] ('q1'): category holds a control character"},
    {"questions.0.source", "5", M "questions[0] ('q1'): source must be a string, got a number"},
    {"questions.0.where", "{}", M "questions[0] ('q1'): where must be a string, got an object"},
    {"questions.0.difficulty", "2.5", M "questions[0] ('q1'): difficulty must be a whole number from 1 to 3, got 2.5"},
    {"questions.0.difficulty", "4", M "questions[0] ('q1'): difficulty must be a whole number from 1 to 3, got 4"},
    {"questions.0.difficulty", "0", M "questions[0] ('q1'): difficulty must be a whole number from 1 to 3, got 0"},
    {"questions.0.difficulty", "\"2\"", M "questions[0] ('q1'): difficulty must be a number, got a string"},
    {"questions.0.time_ms", "4999",
     M "questions[0] ('q1'): time_ms must be a whole number from 5000 to 120000, got 4999"},
    {"questions.0.time_ms", "120001",
     M "questions[0] ('q1'): time_ms must be a whole number from 5000 to 120000, got 120001"},
    {"questions.0.time_ms", "20000.5",
     M "questions[0] ('q1'): time_ms must be a whole number from 5000 to 120000, got 20000.5"},
    {"questions.0.time_ms", NULL, M "questions[0] ('q1'): time_ms must be a number, got nothing"},
    {"questions.0.options", NULL, M "questions[0] ('q1'): options must be a list, got nothing"},
    {"questions.0.options", "[\"only\"]", M "questions[0] ('q1'): options must hold 2 to 6 entries, got 1"},
    {"questions.0.options", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"]",
     M "questions[0] ('q1'): options must hold 2 to 6 entries, got more than 6"},
    {"questions.0.options.1", "2", M "questions[0] ('q1'): options[1] must be a string, got a number"},
    {"questions.0.options.1", "\"\"", M "questions[0] ('q1'): options[1] is empty"},
    {"questions.0.options.2", "\"PARIS\"", M "questions[0] ('q1'): options[0] and options[2] are the same text"},
    {"questions.0.options.1", "\"x\\u202ey\"", M "questions[0] ('q1'): options[1] holds a bidirectional control character"},
    {"questions.1.truth", "\"yes\"", M "questions[1] ('q2'): truth must be true or false, got a string"},
    {"questions.1.truth", NULL, M "questions[1] ('q2'): truth must be true or false, got nothing"},
    {"questions.2.number", NULL, M "questions[2] ('q3'): number must be a finite number, got nothing"},
    {"questions.2.number", "!1e999", M "questions[2] ('q3'): number must be a finite number, got a number"},
    {"questions.2.tolerance", "\"0\"", M "questions[2] ('q3'): tolerance must be a finite number, got a string"},
    {"questions.2.tolerance", "-1", M "questions[2] ('q3'): tolerance must not be negative, got -1"},
    {"questions.2.unit", "\"m\\u0001\"", M "questions[2] ('q3'): unit holds a control character"},
    {"questions.3.items", "[\"one\"]", M "questions[3] ('q4'): items must hold 2 to 6 entries, got 1"},
    {"questions.3.items.2", "\"One\"", M "questions[3] ('q4'): items[0] and items[2] are the same text"},
    {"questions.4.accept", "[]", M "questions[4] ('q5'): accept must hold 1 to 16 entries, got 0"},
    {"questions.4.accept", "@17:\"hi\"", M "questions[4] ('q5'): accept must hold 1 to 16 entries, got more than 16"},
    {"questions.4.accept.0", "\"\\u2069\"", M "questions[4] ('q5'): accept[0] holds a bidirectional control character"},
    {"static_count", "6", M "static_count must be a whole number from 0 to 5, got 6"},
    {"static_count", "-1", M "static_count must be a whole number from 0 to 5, got -1"},
    {"static_count", NULL, M "static_count must be a number, got nothing"},
    {"static_count", "2.5", M "static_count must be a whole number from 0 to 5, got 2.5"},
};

static bool decode_text(const char *json, tv_Pack *p)
{
    fresh(p, tv_alloc_default());
    return tv_pack_decode(p, json, strlen(json), NULL);
}

TEST("every malformed field of a worker document is refused with a message naming it")
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *json = mutate(cases[i].path, cases[i].value);
        tv_Pack p;
        bool ok = decode_text(json, &p);
        if (ok || strcmp(p.error.msg, cases[i].msg) != 0 || strcmp(p.error.file, "t/pack.lua") != 0) {
            fprintf(stderr, "  case %zu (%s = %s):\n    expected \"%s\"\n    got      \"%s\" (%s)\n", i,
                    cases[i].path, cases[i].value ? cases[i].value : "(removed)", cases[i].msg, p.error.msg,
                    ok ? "loaded" : p.error.file);
            check_failed_here = 1;
        }
        CHECK(!p.loaded);
        tv_arena_free(&p.arena);
        free(json);
    }
}

TEST("texts past their length limit are refused with both sizes")
{
    static const struct {
        const char *path;
        int len;
        const char *msg;
    } longs[] = {
        {"pack.title", 81, M "pack.title is 81 bytes long; the limit is 80"},
        {"pack.version", 41, M "pack.version is 41 bytes long; the limit is 40"},
        {"pack.description", 1001, M "pack.description is 1001 bytes long; the limit is 1000"},
        {"pack.author", 201, M "pack.author is 201 bytes long; the limit is 200"},
        {"pack.id", 65, M "pack.id is 65 bytes long; the limit is 64"},
        {"sources.0.url", 301, M "sources[0].url is 301 bytes long; the limit is 300"},
        {"questions.0.id", 101, M "questions[0]: id is 101 bytes long; the limit is 100"},
        {"questions.0.prompt", 1001, M "questions[0] ('q1'): prompt is 1001 bytes long; the limit is 1000"},
        {"questions.0.explain", 1001, M "questions[0] ('q1'): explain is 1001 bytes long; the limit is 1000"},
        {"questions.0.category", 61, M "questions[0] ('q1'): category is 61 bytes long; the limit is 60"},
        {"questions.0.options.2", 301, M "questions[0] ('q1'): options[2] is 301 bytes long; the limit is 300"},
        {"questions.2.unit", 41, M "questions[2] ('q3'): unit is 41 bytes long; the limit is 40"},
        {"questions.3.items.0", 301, M "questions[3] ('q4'): items[0] is 301 bytes long; the limit is 300"},
        {"questions.4.accept.1", 301, M "questions[4] ('q5'): accept[1] is 301 bytes long; the limit is 300"},
    };
    for (size_t i = 0; i < sizeof longs / sizeof longs[0]; i++) {
        char *value = repeat('a', longs[i].len);
        char *json = mutate(longs[i].path, value);
        tv_Pack p;
        CHECK(!decode_text(json, &p));
        CHECK_STR(longs[i].msg, p.error.msg);
        tv_arena_free(&p.arena);
        free(json);
        free(value);
    }
}

TEST("declared facts are decoded: asks and each of shows")
{
    char *doc = mutate("questions.1.shows", "[\"ransom-amount\", \"escape\"]");
    tv_Pack p;
    fresh(&p, tv_alloc_default());
    CHECK(tv_pack_decode(&p, doc, strlen(doc), NULL));
    free(doc);
    CHECK_INT(2, p.questions[1].n_shows);
    CHECK_STR("escape", p.questions[1].shows[1]);
    tv_arena_free(&p.arena);
    doc = mutate("questions.1.asks", "\"ransom-currency\"");
    fresh(&p, tv_alloc_default());
    CHECK(tv_pack_decode(&p, doc, strlen(doc), NULL));
    free(doc);
    CHECK_STR("ransom-currency", p.questions[1].asks);
    tv_arena_free(&p.arena);
}

TEST("a source list is decoded and each key resolved; a key the pack lacks resolves to nothing")
{
    char *doc = mutate("questions.0.more_sources", "[\"b\", \"zz\"]");
    tv_Pack p;
    fresh(&p, tv_alloc_default());
    CHECK(tv_pack_decode(&p, doc, strlen(doc), NULL));
    free(doc);
    const tv_Question *q = &p.questions[0];
    CHECK_INT(3, q->n_sources);
    CHECK_STR("a", q->sources[0]);
    CHECK_STR("b", q->sources[1]);
    CHECK_STR("zz", q->sources[2]);
    CHECK(q->srcs[0] == q->src && q->src && strcmp(q->src->publisher, "P") == 0);
    CHECK(q->srcs[1] && strcmp(q->srcs[1]->title, "Only title") == 0);
    CHECK(q->srcs[2] == NULL);
    CHECK_INT(1, p.questions[3].n_sources); /* a single source is a list of one */
    CHECK_INT(0, p.questions[1].n_sources); /* and none is none */
    tv_arena_free(&p.arena);
}

TEST("a valid document decodes every field, resolves sources and fills the default category")
{
    tv_Pack p;
    fresh(&p, tv_alloc_default());
    CHECK(tv_pack_decode(&p, VALID, strlen(VALID), "Algemeen"));
    CHECK(p.loaded);
    CHECK_STR("demo", p.id);
    CHECK_STR("Demo", p.title);
    CHECK_STR("1.0", p.version);
    CHECK_STR("Me", p.author);
    CHECK_INT(2, p.n_languages);
    CHECK_STR("nl", p.languages[1]);
    CHECK_INT(2, p.n_sources);
    CHECK_STR("", p.sources[1].publisher);
    CHECK_INT(5, p.n_questions);
    CHECK_INT(5, p.n_static);
    CHECK_INT(0, p.n_generated);
    CHECK_INT(1, p.n_diags);
    CHECK_STR("t/pack.lua", p.diags[0].file);
    CHECK_INT(4, p.diags[0].line);
    CHECK(p.diags[0].warning);
    const tv_Question *q = p.questions;
    CHECK_INT(TV_Q_CHOICE, q[0].type);
    CHECK_INT(3, q[0].n_options);
    CHECK_STR("Paris", q[0].options[0]);
    CHECK(q[0].src == &p.sources[0]);
    CHECK(q[1].src == NULL);     /* no source */
    CHECK(q[2].src == NULL);     /* a key the pack does not list */
    CHECK(q[3].src == &p.sources[1]);
    CHECK_STR("1.0", q[0].pack_version);
    CHECK_STR("demo", q[0].pack);
    CHECK(q[1].truth);
    CHECK_INT(5000, q[1].time_limit_ms);
    CHECK(q[2].number == 3.14 && q[2].tolerance == 0.01);
    CHECK_INT(3, q[2].difficulty);
    CHECK_INT(3, q[3].n_items);
    CHECK_INT(2, q[4].n_accept);
    CHECK_STR("Geo", q[0].category);
    CHECK_STR("Algemeen", q[4].category);
    CHECK_STR("t/pack.lua:7", q[4].where);
    CHECK_STR("", q[0].asks); /* undeclared facts */
    CHECK_INT(0, q[0].n_shows);
    /* The digest is of the bytes the worker wrote. */
    char want[17];
    snprintf(want, sizeof want, "%016llx", (unsigned long long)tv_hash64_bytes(VALID, strlen(VALID), TV_HASH64_INIT));
    CHECK_STR(want, p.raw_digest);
    tv_arena_free(&p.arena);
    tv_arena_free(&p.arena); /* twice is safe */

    fresh(&p, tv_alloc_default());
    CHECK(tv_pack_decode(&p, VALID, strlen(VALID), NULL));
    CHECK_STR(TV_DEFAULT_CATEGORY, p.questions[4].category);
    tv_arena_free(&p.arena);
}

TEST("a rejected pack reports its first error diagnostic, or that it was rejected")
{
    char *json = mutate("diagnostics.1", "{\"where\":\"t/pack.lua:9\",\"severity\":\"error\",\"msg\":\"bad \\u001b\"}");
    tv_Pack p;
    CHECK(!decode_text(json, &p));
    CHECK_STR("t/pack.lua", p.error.file);
    CHECK_INT(9, p.error.line);
    CHECK_STR("bad ?", p.error.msg); /* the escape is not passed on to a terminal */
    CHECK_INT(2, p.n_diags);
    tv_arena_free(&p.arena);
    free(json);

    json = mutate("ok", "false");
    CHECK(!decode_text(json, &p));
    CHECK_STR("the pack was rejected", p.error.msg);
    tv_arena_free(&p.arena);
    free(json);
}

TEST("data that is not a JSON object, or is cut short, is refused")
{
    tv_Pack p;
    CHECK(!decode_text("[1,2]", &p));
    CHECK_STR(M "the document must be an object, got a list", p.error.msg);
    tv_arena_free(&p.arena);
    fresh(&p, tv_alloc_default());
    CHECK(!tv_pack_decode(&p, VALID, strlen(VALID) / 2, NULL));
    CHECK_STR("the pack worker sent data that is not JSON", p.error.msg);
    tv_arena_free(&p.arena);
}

TEST("the data frame is found only when complete, and the last phase is known")
{
    const char *data = NULL;
    size_t len = 0;
    const char *good = "phase loading\nphase generating\ndata 5\nhello";
    CHECK(tv_wire_find_data(good, strlen(good), &data, &len));
    CHECK_INT(5, len);
    CHECK(data && memcmp(data, "hello", 5) == 0);
    CHECK_STR("generating", tv_wire_last_phase(good, strlen(good)));
    static const char *const cut[] = {"phase loading\ndata 10\nhello", "data 5", "data \nhello", "data -5\nhello",
                                      "data 5x\nhello", "data  5\nhello", "data 99999999999999999999999\nx", ""};
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
        data = NULL;
        if (tv_wire_find_data(cut[i], strlen(cut[i]), &data, &len)) {
            fprintf(stderr, "  frame %zu (\"%s\") was accepted\n", i, cut[i]);
            check_failed_here = 1;
        }
    }
    CHECK(!tv_wire_find_data(NULL, 0, &data, &len));
    CHECK_STR("starting", tv_wire_last_phase("", 0));
    CHECK_STR("starting", tv_wire_last_phase(NULL, 0));
    CHECK_STR("loading", tv_wire_last_phase("phase loading\nphase gener", 25));
    CHECK_STR("loading", tv_wire_last_phase("phase loading\nphase bogus\n", 27));
}

/* The valid document with n copies of its questions (ids made unique): several arena blocks. */
static char *big_document(int n)
{
    cJSON *root = cJSON_Parse(VALID);
    cJSON *qs = cJSON_GetObjectItemCaseSensitive(root, "questions");
    cJSON *more = cJSON_CreateArray();
    for (int k = 0; k < n; k++) {
        cJSON *q;
        cJSON_ArrayForEach(q, qs)
        {
            cJSON *copy = cJSON_Duplicate(q, 1);
            char id[32];
            snprintf(id, sizeof id, "%s-%d", cJSON_GetObjectItemCaseSensitive(q, "id")->valuestring, k);
            cJSON_ReplaceItemInObjectCaseSensitive(copy, "id", cJSON_CreateString(id));
            cJSON_AddItemToArray(more, copy);
        }
    }
    cJSON_ReplaceItemInObjectCaseSensitive(root, "questions", more);
    cJSON_ReplaceItemInObjectCaseSensitive(root, "static_count", cJSON_CreateNumber(5 * n));
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return text;
}

TEST("decoding fails cleanly and frees everything when any allocation fails")
{
    const char *docs[2] = {VALID, NULL};
    char *big = big_document(60);
    docs[1] = big;
    for (int d = 0; d < 2; d++) {
        bool loaded = false;
        int n;
        for (n = 1; n < 10000 && !loaded; n++) {
            Counter c = {.fail_at = n};
            tv_Pack p;
            fresh(&p, (tv_Alloc){counting, &c});
            loaded = tv_pack_decode(&p, docs[d], strlen(docs[d]), "General");
            if (!loaded && p.error.code != TV_ERR_NOMEM) {
                fprintf(stderr, "  document %d, failing call %d: expected out of memory, got \"%s\"\n", d, n,
                        p.error.msg);
                check_failed_here = 1;
            }
            tv_arena_free(&p.arena);
            tv_arena_free(&p.arena); /* twice is safe */
            CHECK_INT(0, c.live);
        }
        CHECK(loaded);
        CHECK(n > 3); /* the sweep did fail some calls */
    }
    free(big);
}

TEST_MAIN()
