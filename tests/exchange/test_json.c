/* test_json.c - exchange.json: Trivium JSON holds every field of every type and reads
 * back without loss; a question with a bad field is skipped with its line. */
#include <stdlib.h>

#include "xtest.h"

static void fill(tv_XList *l)
{
    tv_xlist_init(l, tv_alloc_default());
    l->pack = "p";
    tv_Question *q = tv_xlist_add(l, 0);
    q->type = TV_Q_CHOICE, q->id = "c", q->prompt = "Line one\nline \"two\"", q->n_options = 3;
    q->options[0] = "a", q->options[1] = "b", q->options[2] = "\xc3\xa9";
    q->difficulty = 3, q->time_limit_ms = 12500, q->category = "Cat", q->explain = "Because.", q->source = "s";
    q = tv_xlist_add(l, 0);
    q->type = TV_Q_TRUEFALSE, q->id = "t", q->prompt = "T?", q->truth = true;
    q = tv_xlist_add(l, 0);
    q->type = TV_Q_NUMERIC, q->id = "n", q->prompt = "N?", q->number = 0.1, q->tolerance = 1e-3, q->unit = "m";
    q = tv_xlist_add(l, 0);
    q->type = TV_Q_ORDER, q->id = "o", q->prompt = "O?", q->n_items = 3;
    q->items[0] = "x", q->items[1] = "y", q->items[2] = "z";
    q = tv_xlist_add(l, 0);
    q->type = TV_Q_TEXT, q->id = "x", q->prompt = "X?", q->n_accept = 2, q->accept[0] = "one", q->accept[1] = "1";
    static tv_XSource src = {"s", "Pub", "Title", "2024-01-02", "https://example.org"};
    l->sources = &src, l->n_sources = 1;
}

TEST("every field of every type survives a write and a read")
{
    tv_XList l, again;
    Skips ws, rs;
    fill(&l);
    char *out = write_read(TV_X_JSON, &l, &again, &ws, &rs);
    CHECK_INT(0, ws.n + rs.n);
    tv_XBuf b;
    tv_xbuf_init(&b, tv_alloc_default());
    tv_xwrite(TV_X_JSON, &again, &b, NULL, NULL);
    CHECK_STR(out, b.data);
    CHECK_INT(1, again.n_sources);
    CHECK_STR("p", again.pack);
    CHECK(again.n == 5 && again.questions[2].number == 0.1);
    tv_xbuf_free(&b);
    free(out);
    tv_xlist_free(&again);
    l.n_sources = 0;
    tv_xlist_free(&l);
}

TEST("a question with a bad field is skipped with its line and the rest is kept")
{
    const char *text = "{\"format\": \"trivium-questions\", \"version\": 1, \"questions\": [\n"
                       "{\"id\": \"a\", \"type\": \"truefalse\", \"prompt\": \"A?\", \"answer\": true},\n"
                       "{\"id\": \"b\", \"type\": \"riddle\", \"prompt\": \"B?\"},\n"
                       "{\"id\": \"c\", \"type\": \"choice\", \"prompt\": \"C?\", \"answer\": \"x\", \"wrong\": [\"x\"]},\n"
                       "{\"id\": \"d\", \"type\": \"numeric\", \"prompt\": \"D?\", \"answer\": 1, \"difficulty\": 7},\n"
                       "{\"id\": \"e\", \"type\": \"text\", \"prompt\": \"\\u0007\", \"answer\": [\"e\"]}\n"
                       "]}";
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_JSON, text, &l, &s, &err));
    CHECK_INT(1, l.n);
    CHECK(skipped(&s, 3, "type"));
    CHECK(skipped(&s, 4, "the same"));
    CHECK(skipped(&s, 5, "difficulty"));
    CHECK(skipped(&s, 6, "control character"));
    tv_xlist_free(&l);
}

TEST("missing ids are given one, repeated ids made unique, within the id limit")
{
    char text[1024], long_id[101];
    memset(long_id, 'x', 100);
    long_id[100] = '\0';
    snprintf(text, sizeof text,
             "{\"format\": \"trivium-questions\", \"questions\": [\n"
             "{\"id\": \"a\", \"type\": \"truefalse\", \"prompt\": \"A?\", \"answer\": true},\n"
             "{\"id\": \"a\", \"type\": \"truefalse\", \"prompt\": \"B?\", \"answer\": true},\n"
             "{\"type\": \"truefalse\", \"prompt\": \"C?\", \"answer\": true},\n"
             "{\"id\": \"%s\", \"type\": \"truefalse\", \"prompt\": \"D?\", \"answer\": true},\n"
             "{\"id\": \"%s\", \"type\": \"truefalse\", \"prompt\": \"E?\", \"answer\": true}]}",
             long_id, long_id);
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_JSON, text, &l, &s, &err));
    CHECK_INT(5, l.n);
    if (l.n == 5) {
        CHECK_STR("a", l.questions[0].id);
        CHECK_STR("a-2", l.questions[1].id);
        CHECK_STR("q3", l.questions[2].id);
        CHECK(strlen(l.questions[4].id) <= 100 && strcmp(l.questions[3].id, l.questions[4].id) != 0);
    }
    tv_xlist_free(&l);
}

TEST("a file that is not Trivium JSON fails with its line")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(!read_sample(TV_X_JSON, "{\"questions\": []}", &l, &s, &err));
    CHECK(strstr(err.msg, "not Trivium JSON") != NULL);
    tv_xlist_free(&l);
    CHECK(!read_sample(TV_X_JSON, "{\n\n  \"format\": x", &l, &s, &err));
    CHECK_INT(3, err.line);
    tv_xlist_free(&l);
}

TEST_MAIN()
