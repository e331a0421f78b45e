/* test_gift.c - exchange.gift: every construct the format contract lists, the ones that
 * must be skipped with their line, and a round trip through the writer. */
#include <stdlib.h>

#include "xtest.h"

static const char sample[] =
    "// a comment line\n"                                                                            /* 1 */
    "$CATEGORY: $course$/Geography\n"                                                                /* 2 */
    "\n"                                                                                             /* 3 */
    "::capital:: What is the capital of the Netherlands? {=Amsterdam#Right! ~Rotterdam#No ~The Hague}\n" /* 4 */
    "\n"
    "::tf1:: The Rhine flows into the North Sea. {T}\n" /* 6 */
    "\n"
    "::tf2::Water boils at 50 degrees at sea level.{FALSE#No, 100.#Right, it is 100.}\n" /* 8 */
    "\n"
    "::tf3:: Two is even. {TRUE}\n" /* 10 */
    "// between questions, which a blank line still has to end\n"
    "\n"
    "::tf4:: Zero is odd. {F}\n" /* 13 */
    "\n"
    "::short:: Name a primary colour that starts with R.{=red =rood}\n" /* 15 */
    "\n"
    "::num1:: In which year was the Afsluitdijk closed? {#1932:1}\n" /* 17 */
    "\n"
    "::num2:: How many legs has a spider? {#6..10}\n" /* 19 */
    "\n"
    "::esc\\:aped:: Escapes: \\~ \\= \\# \\{ \\} \\: and \xc3\xbcn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9\xe2\x82\xac? "
    "{=a\\=b ~c\\~d ~e\\#f ####General feedback here.}\n" /* 21 */
    "\n"
    "$CATEGORY: Other\n" /* 23 */
    "\n"
    "Multi-line\n" /* 25 */
    "question text? {\n"
    "=yes\n"
    "~no\n"
    "}\n"
    "\n"
    "::match:: Match these. {=cat -> felix =dog -> odie}\n" /* 31 */
    "\n"
    "::essay:: Write an essay. {}\n" /* 33 */
    "\n"
    "::missing:: Gandhi was born on the {~15th =2nd ~3rd} of October.\n" /* 35 */
    "\n"
    "::weight:: Which are primes? {~%50%2 ~%50%3 ~%-100%4}\n" /* 37 */
    "\n"
    "Just a description, no answers.\n" /* 39 */
    "\n"
    "::open:: An answer block never closed {=a ~b\n" /* 41 */
    "\n"
    "::num3:: Pi to two decimals? {#3.14}"; /* 43, no newline at the end */

static const tv_Question *by_id(const tv_XList *l, const char *id)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->questions[i].id, id) == 0)
            return &l->questions[i];
    fprintf(stderr, "  no question '%s'\n", id);
    return NULL;
}

TEST("multiple choice, true/false, short answer and numeric map with titles, categories and feedback")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_GIFT, sample, &l, &s, &err));
    const tv_Question *q = by_id(&l, "capital");
    if (q) {
        CHECK_INT(TV_Q_CHOICE, q->type);
        CHECK_STR("What is the capital of the Netherlands?", q->prompt);
        CHECK_INT(3, q->n_options);
        CHECK_STR("Amsterdam", q->options[0]);
        CHECK_STR("The Hague", q->options[2]);
        CHECK_STR("Right!", q->explain);
        CHECK_STR("Geography", q->category);
    }
    const char *tf[] = {"tf1", "tf2", "tf3", "tf4"};
    const bool truth[] = {true, false, true, false};
    for (int i = 0; i < 4; i++)
        if ((q = by_id(&l, tf[i]))) {
            CHECK_INT(TV_Q_TRUEFALSE, q->type);
            CHECK_INT(truth[i], q->truth);
        }
    if ((q = by_id(&l, "tf2"))) {
        CHECK_STR("Water boils at 50 degrees at sea level.", q->prompt);
        CHECK_STR("Right, it is 100.", q->explain);
    }
    if ((q = by_id(&l, "short"))) {
        CHECK_INT(TV_Q_TEXT, q->type);
        CHECK_INT(2, q->n_accept);
        CHECK_STR("rood", q->accept[1]);
    }
    if ((q = by_id(&l, "num1"))) {
        CHECK_INT(TV_Q_NUMERIC, q->type);
        CHECK(q->number == 1932 && q->tolerance == 1);
    }
    if ((q = by_id(&l, "num2")))
        CHECK(q->number == 8 && q->tolerance == 2);
    if ((q = by_id(&l, "num3")))
        CHECK(q->number == 3.14 && q->tolerance == 0);
    tv_xlist_free(&l);
}

TEST("escapes, UTF-8, general feedback and multi-line questions read exactly")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_GIFT, sample, &l, &s, &err));
    const tv_Question *q = by_id(&l, "esc:aped");
    if (q) {
        CHECK_STR("Escapes: ~ = # { } : and \xc3\xbcn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9\xe2\x82\xac?", q->prompt);
        CHECK_STR("a=b", q->options[0]);
        CHECK_STR("c~d", q->options[1]);
        CHECK_STR("e#f", q->options[2]);
        CHECK_STR("General feedback here.", q->explain);
    }
    int untitled = -1;
    for (int i = 0; i < l.n; i++)
        if (strncmp(l.questions[i].prompt, "Multi-line", 10) == 0)
            untitled = i;
    CHECK(untitled >= 0);
    if (untitled >= 0) {
        CHECK_STR("Multi-line\nquestion text?", l.questions[untitled].prompt);
        CHECK_STR("Other", l.questions[untitled].category);
        CHECK_INT(25, l.line[untitled]);
        CHECK(l.questions[untitled].id[0] == 'q'); /* given one, being untitled */
    }
    tv_xlist_free(&l);
}

TEST("matching, essay, missing-word, weighted answers, descriptions and an open brace are skipped with their lines")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_GIFT, sample, &l, &s, &err));
    CHECK(skipped(&s, 31, "matching"));
    CHECK(skipped(&s, 33, "essay"));
    CHECK(skipped(&s, 35, "missing-word"));
    CHECK(skipped(&s, 37, "weighted"));
    CHECK(skipped(&s, 39, "description"));
    CHECK(skipped(&s, 41, "never closed"));
    CHECK_INT(6, s.n);
    CHECK_INT(11, l.n);
    tv_xlist_free(&l);
}

TEST("bytes that are not UTF-8 fail the whole file")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(!read_sample(TV_X_GIFT, "::a:: b {T}\n\xff\n", &l, &s, &err));
    CHECK(strstr(err.msg, "UTF-8") != NULL);
    tv_xlist_free(&l);
}

TEST("the writer escapes what GIFT reserves, skips order questions, and reads back the same")
{
    tv_XList l, again;
    Skips s, ws, rs;
    tv_Error err;
    CHECK(read_sample(TV_X_GIFT, sample, &l, &s, &err));
    tv_Question *o = tv_xlist_add(&l, 0);
    o->type = TV_Q_ORDER;
    o->id = "ordered";
    char *out = write_read(TV_X_GIFT, &l, &again, &ws, &rs);
    CHECK_INT(1, ws.n);
    CHECK_STR("ordered", ws.id[0]);
    CHECK_INT(0, rs.n);
    CHECK_INT(l.n - 1, again.n);
    tv_XBuf a, b;
    tv_xbuf_init(&a, tv_alloc_default());
    tv_xbuf_init(&b, tv_alloc_default());
    l.n--;
    tv_xwrite(TV_X_JSON, &l, &a, NULL, NULL);
    tv_xwrite(TV_X_JSON, &again, &b, NULL, NULL);
    CHECK_STR(a.data, b.data); /* every field GIFT holds came back */
    tv_xbuf_free(&a);
    tv_xbuf_free(&b);
    free(out);
    tv_xlist_free(&again);
    tv_xlist_free(&l);
}

TEST_MAIN()
