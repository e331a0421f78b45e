/* testrun.c - test results and their reports (testrun.h).
 * Trust boundary: names and messages come from scenario files; the text report shows
 * controls as '?', the JUnit report escapes XML's five characters and drops what XML
 * 1.0 cannot hold, so a hostile name cannot break the CI's parser.
 * Depends on: core (alloc, error), cJSON. */
#include "runner/testrun.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core/error.h"

void tv_testrun_init(tv_TestRun *run)
{
    memset(run, 0, sizeof *run);
    tv_arena_init(&run->arena, tv_alloc_default());
}

void tv_testrun_free(tv_TestRun *run)
{
    free(run->cases);
    run->cases = NULL;
    run->n = run->cap = run->passed = run->failed = 0;
    tv_arena_free(&run->arena);
}

const tv_TestCase *tv_testrun_add(tv_TestRun *run, const char *name, const char *classname, int code,
                                  const char *message, double seconds)
{
    if (run->n == run->cap) {
        int cap = run->cap ? run->cap * 2 : 64;
        tv_TestCase *grown = realloc(run->cases, sizeof *grown * (size_t)cap);
        if (!grown)
            return NULL;
        run->cases = grown, run->cap = cap;
    }
    tv_TestCase c = {tv_arena_strdup(&run->arena, name), tv_arena_strdup(&run->arena, classname), code == 0, code,
                     tv_arena_strdup(&run->arena, code ? message : ""), seconds};
    if (!c.name || !c.classname || !c.message)
        return NULL;
    run->cases[run->n] = c;
    if (c.passed)
        run->passed++;
    else
        run->failed++;
    return &run->cases[run->n++];
}

int tv_testrun_exit_code(const tv_TestRun *run)
{
    static const int order[] = {4, 3, 1};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < run->n; i++)
            if (run->cases[i].code == order[k])
                return order[k];
    for (int i = 0; i < run->n; i++)
        if (run->cases[i].code)
            return 1;
    return 0;
}

void tv_testrun_print_case(FILE *out, const tv_TestCase *c)
{
    char name[512], msg[2048];
    tv_copy_printable(name, sizeof name, c->name);
    tv_copy_printable(msg, sizeof msg, c->message);
    if (c->passed)
        fprintf(out, "ok %s\n", name);
    else
        fprintf(out, "FAIL %s: %s\n", name, msg);
}

void tv_testrun_print_summary(FILE *out, const tv_TestRun *run)
{
    fprintf(out, "%d passed, %d failed\n", run->passed, run->failed);
}

bool tv_testrun_json(FILE *out, const tv_TestRun *run)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "passed", run->passed);
    cJSON_AddNumberToObject(root, "failed", run->failed);
    cJSON *tests = cJSON_AddArrayToObject(root, "tests");
    for (int i = 0; i < run->n; i++) {
        const tv_TestCase *c = &run->cases[i];
        cJSON *t = cJSON_CreateObject();
        cJSON_AddStringToObject(t, "name", c->name);
        cJSON_AddStringToObject(t, "classname", c->classname);
        cJSON_AddStringToObject(t, "status", c->passed ? "pass" : "fail");
        cJSON_AddNumberToObject(t, "code", c->code);
        cJSON_AddStringToObject(t, "message", c->message);
        cJSON_AddNumberToObject(t, "time", c->seconds);
        cJSON_AddItemToArray(tests, t);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return false;
    fprintf(out, "%s\n", text);
    free(text);
    return true;
}

/* s as XML attribute text: the five special characters escaped, and the C0 controls
 * XML 1.0 forbids (all but tab, newline, return) replaced by '?'. */
static void xml_attr(FILE *out, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        case '\t': fputs("&#9;", out); break;
        case '\n': fputs("&#10;", out); break;
        case '\r': fputs("&#13;", out); break;
        default: fputc(c < 0x20 || c == 0x7f ? '?' : c, out);
        }
    }
}

bool tv_testrun_junit(FILE *out, const tv_TestRun *run)
{
    double total = 0;
    for (int i = 0; i < run->n; i++)
        total += run->cases[i].seconds;
    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(out, "<testsuites name=\"trivium test\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.6f\">\n",
            run->n, run->failed, total);
    fprintf(out,
            "  <testsuite name=\"trivium test\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" "
            "time=\"%.6f\">\n",
            run->n, run->failed, total);
    for (int i = 0; i < run->n; i++) {
        const tv_TestCase *c = &run->cases[i];
        fputs("    <testcase name=\"", out);
        xml_attr(out, c->name);
        fputs("\" classname=\"", out);
        xml_attr(out, c->classname);
        fprintf(out, "\" time=\"%.6f\"", c->seconds);
        if (c->passed) {
            fputs("/>\n", out);
            continue;
        }
        fputs(">\n      <failure message=\"", out);
        xml_attr(out, c->message);
        fprintf(out, "\" type=\"%s\"/>\n    </testcase>\n",
                c->code == 3 ? "pack" : c->code == 4 ? "scenario" : "expectation");
    }
    fputs("  </testsuite>\n</testsuites>\n", out);
    return !ferror(out);
}
