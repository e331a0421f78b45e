/* test_csv.c - exchange.csv: the documented header, RFC 4180 quoting, each type, the
 * records that must be skipped with their line, and a round trip through the writer. */
#include <stdlib.h>

#include "xtest.h"

static const char sample[] =
    "id,type,prompt,answer,wrong1,wrong2,wrong3,wrong4,wrong5,tolerance,unit,difficulty,time,category,explain,source\r\n"
    "cap,choice,\"Capital of the Netherlands, officially?\",Amsterdam,Rotterdam,The Hague,,,,,,2,30,Geography,\"The "
    "\"\"seat\"\" is\nThe Hague.\",atlas\r\n" /* 2, with a newline inside quotes */
    "tf,truefalse,The Rhine reaches the sea.,true,,,,,,,,,,,,\r\n" /* 4 */
    "num,numeric,How long is the Rhine?,1230,,,,,,10,km,3,,,,\r\n"
    "txt,text,Name the river through Paris.,Seine,,,,,,,,,,,,\r\n"
    "\r\n"
    "ord,order,Order?,a,b,,,,,,,,,,,\r\n"                         /* 8 */
    "short,choice,Too few fields,a\r\n"                             /* 9 */
    "bad-d,choice,Difficulty?,a,b,,,,,,,4,,,,\r\n"                  /* 10 */
    "bad-n,numeric,Number?,twelve,,,,,,,,,,,,\r\n"                  /* 11 */
    "bad-t,truefalse,Truth?,yes,,,,,,,,,,,,\r\n"                    /* 12 */
    "no-wrong,choice,No wrong option?,a,,,,,,,,,,,,\r\n"            /* 13 */
    "ok-last,text,\"Quoted \"\"answer\"\"?\",\"a,b\",,,,,,,,,,,,"; /* 14, no line break at the end */

TEST("every type reads from the documented header, quoting and all")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_CSV, sample, &l, &s, &err));
    CHECK_INT(5, l.n);
    if (l.n == 5) {
        const tv_Question *q = &l.questions[0];
        CHECK_STR("Capital of the Netherlands, officially?", q->prompt);
        CHECK_INT(3, q->n_options);
        CHECK_STR("The Hague", q->options[2]);
        CHECK_INT(2, q->difficulty);
        CHECK_INT(30000, q->time_limit_ms);
        CHECK_STR("The \"seat\" is\nThe Hague.", q->explain);
        CHECK_STR("atlas", q->source);
        CHECK(l.questions[1].type == TV_Q_TRUEFALSE && l.questions[1].truth);
        CHECK_INT(4, l.line[1]);
        CHECK(l.questions[2].number == 1230 && l.questions[2].tolerance == 10);
        CHECK_STR("km", l.questions[2].unit);
        CHECK_STR("Seine", l.questions[3].accept[0]);
        CHECK_STR("a,b", l.questions[4].accept[0]);
        CHECK_STR("Quoted \"answer\"?", l.questions[4].prompt);
    }
    tv_xlist_free(&l);
}

TEST("records the format cannot take are skipped with their line")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_CSV, sample, &l, &s, &err));
    CHECK(skipped(&s, 8, "type"));
    CHECK(skipped(&s, 9, "field count"));
    CHECK(skipped(&s, 10, "difficulty"));
    CHECK(skipped(&s, 11, "not a number"));
    CHECK(skipped(&s, 12, "true or false"));
    CHECK(skipped(&s, 13, "wrong option"));
    CHECK_INT(6, s.n);
    tv_xlist_free(&l);
}

TEST("a bad header or an unclosed quote fails the file with its line")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(!read_sample(TV_X_CSV, "id,type,prompt,answer,colour\n", &l, &s, &err));
    CHECK_INT(1, err.line);
    tv_xlist_free(&l);
    CHECK(!read_sample(TV_X_CSV, "type,prompt,answer\ntext,a,b\ntext,\"open,b\n", &l, &s, &err));
    CHECK_INT(3, err.line);
    CHECK(strstr(err.msg, "never closed") != NULL);
    tv_xlist_free(&l);
}

TEST("the writer quotes per RFC 4180, skips what has no columns, and reads back the same")
{
    tv_XList l, again;
    Skips s, ws, rs;
    tv_Error err;
    CHECK(read_sample(TV_X_CSV, sample, &l, &s, &err));
    tv_Question *q = tv_xlist_add(&l, 0);
    q->type = TV_Q_TEXT, q->id = "two-answers", q->prompt = "?", q->n_accept = 2;
    q->accept[0] = "a", q->accept[1] = "b";
    char *out = write_read(TV_X_CSV, &l, &again, &ws, &rs);
    CHECK_INT(1, ws.n);
    CHECK_STR("two-answers", ws.id[0]);
    l.n--;
    tv_XBuf a, b;
    tv_xbuf_init(&a, tv_alloc_default());
    tv_xbuf_init(&b, tv_alloc_default());
    tv_xwrite(TV_X_JSON, &l, &a, NULL, NULL);
    tv_xwrite(TV_X_JSON, &again, &b, NULL, NULL);
    CHECK_STR(a.data, b.data);
    tv_xbuf_free(&a);
    tv_xbuf_free(&b);
    free(out);
    tv_xlist_free(&again);
    tv_xlist_free(&l);
}

TEST_MAIN()
