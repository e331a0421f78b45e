/* test_opentdb.c - exchange.opentdb: the API's response object in its three encodings,
 * built here from one plain sample by this file's own encoders. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "xtest.h"

typedef struct Plain {
    const char *type, *difficulty, *category, *question, *correct, *wrong[3];
} Plain;

static const Plain sample[] = {
    {"multiple", "easy", "Entertainment: Books", "Who wrote \"Harry Potter\"?", "J.K. Rowling",
     {"Tolkien", "Roald Dahl", "Pratchett"}},
    {"boolean", "hard", "Science & Nature", "\xc3\x89lan's caf\xc3\xa9 is 'open' \xe2\x80\xa6 100%?", "False",
     {"True"}},
    {"matching", "easy", "X", "Odd one?", "a", {"b"}},
    {"multiple", "extreme", "X", "Too hard?", "a", {"b"}},
};

static char *url3986(const char *s)
{
    char *out = malloc(strlen(s) * 3 + 1), *o = out;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (strchr("-._~", *p) || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))
            *o++ = (char)*p;
        else
            o += sprintf(o, "%%%02X", *p);
    *o = '\0';
    return out;
}

static char *base64(const char *s)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = strlen(s);
    char *out = malloc(n / 3 * 4 + 5), *o = out;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned char)s[i] << 16 | (i + 1 < n ? (unsigned char)s[i + 1] << 8 : 0) |
                     (i + 2 < n ? (unsigned char)s[i + 2] : 0);
        *o++ = abc[v >> 18 & 63];
        *o++ = abc[v >> 12 & 63];
        *o++ = i + 1 < n ? abc[v >> 6 & 63] : '=';
        *o++ = i + 2 < n ? abc[v & 63] : '=';
    }
    *o = '\0';
    return out;
}

static void add(cJSON *o, const char *key, const char *s, char *(*enc)(const char *))
{
    char *e = enc(s);
    if (key)
        cJSON_AddStringToObject(o, key, e);
    else
        cJSON_AddItemToArray(o, cJSON_CreateString(e));
    free(e);
}

static char *response(char *(*enc)(const char *))
{
    cJSON *root = cJSON_CreateObject(), *results = cJSON_AddArrayToObject(root, "results");
    cJSON_AddNumberToObject(root, "response_code", 0);
    for (size_t i = 0; i < sizeof sample / sizeof sample[0]; i++) {
        const Plain *p = &sample[i];
        cJSON *o = cJSON_CreateObject(), *w = cJSON_CreateArray();
        cJSON_AddItemToArray(results, o);
        add(o, "type", p->type, enc);
        add(o, "difficulty", p->difficulty, enc);
        add(o, "category", p->category, enc);
        add(o, "question", p->question, enc);
        add(o, "correct_answer", p->correct, enc);
        for (int k = 0; k < 3 && p->wrong[k]; k++)
            add(w, NULL, p->wrong[k], enc);
        cJSON_AddItemToObject(o, "incorrect_answers", w);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

static void check_sample(const tv_XList *l, const Skips *s)
{
    CHECK_INT(2, l->n);
    CHECK_INT(2, s->n);
    if (l->n != 2)
        return;
    const tv_Question *q = &l->questions[0];
    CHECK_INT(TV_Q_CHOICE, q->type);
    CHECK_INT(1, q->difficulty);
    CHECK_STR("Entertainment: Books", q->category);
    CHECK_STR("Who wrote \"Harry Potter\"?", q->prompt);
    CHECK_INT(4, q->n_options);
    CHECK_STR("J.K. Rowling", q->options[0]);
    CHECK_STR("Roald Dahl", q->options[2]);
    q = &l->questions[1];
    CHECK_INT(TV_Q_TRUEFALSE, q->type);
    CHECK(!q->truth);
    CHECK_INT(3, q->difficulty);
    CHECK_STR("Science & Nature", q->category);
    CHECK_STR(sample[1].question, q->prompt);
}

static void read_encoded(char *(*enc)(const char *))
{
    char *text = response(enc);
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_OPENTDB, text, &l, &s, &err));
    check_sample(&l, &s);
    /* cJSON_Print puts each result's "type" 3 lines below the last one's end */
    CHECK(s.n == 2 && s.line[0] > 1 && s.line[1] > s.line[0]);
    CHECK(strstr(s.why[0], "multiple or boolean") != NULL);
    CHECK(strstr(s.why[1], "easy, medium or hard") != NULL);
    tv_xlist_free(&l);
    free(text);
}

static char *html(const char *s)
{
    /* the API's default: htmlspecialchars, plus the named and numeric forms it also sends */
    static const char *const from[] = {"\"", "'", "&", "\xc3\x89", "\xc3\xa9", "\xe2\x80\xa6"};
    static const char *const to[] = {"&quot;", "&#039;", "&amp;", "&Eacute;", "&#xE9;", "&hellip;"};
    char *out = malloc(strlen(s) * 8 + 1), *o = out;
    while (*s) {
        size_t k = 0;
        for (; k < 6; k++)
            if (strncmp(s, from[k], strlen(from[k])) == 0)
                break;
        if (k < 6) {
            o += sprintf(o, "%s", to[k]);
            s += strlen(from[k]);
        } else
            *o++ = *s++;
    }
    *o = '\0';
    return out;
}

TEST("HTML entities (the API's default) are decoded exactly")
{
    read_encoded(html);
}

TEST("url3986 (percent-encoded) responses are decoded exactly")
{
    read_encoded(url3986);
}

TEST("base64 responses are decoded exactly")
{
    read_encoded(base64);
}

TEST("a broken escape skips its result with the line it starts on, the others stay")
{
    const char *text = "{\"response_code\": 0, \"results\": [\n"
                       "{\"type\": \"boolean\", \"difficulty\": \"easy\", \"category\": \"A\",\n"
                       " \"question\": \"Bad &#0; here\", \"correct_answer\": \"True\", \"incorrect_answers\": [\"False\"]},\n"
                       "{\"type\": \"boolean\", \"difficulty\": \"easy\", \"category\": \"A &unknown; B\",\n"
                       " \"question\": \"Fine\", \"correct_answer\": \"True\", \"incorrect_answers\": [\"False\"]}\n"
                       "]}\n";
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_OPENTDB, text, &l, &s, &err));
    CHECK_INT(1, l.n);
    CHECK(skipped(&s, 2, "not validly encoded"));
    if (l.n == 1)
        CHECK_STR("A &unknown; B", l.questions[0].category); /* no such entity: kept, as a browser shows it */
    tv_xlist_free(&l);
}

TEST("a non-zero response_code or a file that is no response fails with the line")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(!read_sample(TV_X_OPENTDB, "{\"response_code\": 1, \"results\": []}", &l, &s, &err));
    CHECK(strstr(err.msg, "response_code 1") != NULL);
    tv_xlist_free(&l);
    CHECK(!read_sample(TV_X_OPENTDB, "{\n\"results\": [\n}", &l, &s, &err));
    CHECK_INT(3, err.line);
    tv_xlist_free(&l);
}

TEST("the writer holds choice and truefalse, in the default encoding, and reads back the same")
{
    char *text = response(html);
    tv_XList l, again;
    Skips s, ws, rs;
    tv_Error err;
    CHECK(read_sample(TV_X_OPENTDB, text, &l, &s, &err));
    tv_Question *q = tv_xlist_add(&l, 0);
    q->type = TV_Q_ORDER;
    q->id = "ordered";
    char *out = write_read(TV_X_OPENTDB, &l, &again, &ws, &rs);
    CHECK_INT(1, ws.n);
    CHECK_STR("ordered", ws.id[0]);
    CHECK(strstr(out, "Who wrote &quot;Harry Potter&quot;?") != NULL);
    l.n--;
    check_sample(&again, &s);
    free(out);
    free(text);
    tv_xlist_free(&again);
    tv_xlist_free(&l);
}

TEST_MAIN()
