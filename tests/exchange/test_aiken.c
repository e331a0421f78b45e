/* test_aiken.c - exchange.aiken: both option styles, ANSWER lines, the blocks that must
 * be skipped with their line, and a round trip through the writer. */
#include <stdlib.h>

#include "xtest.h"

static const char sample[] =
    "\xef\xbb\xbfWhat is the capital of France?\r\n" /* 1: a BOM and CRLF, as some editors write */
    "A. Berlin\r\n"
    "B. Paris\r\n"
    "C. Madrid\r\n"
    "ANSWER: B\r\n"
    "\r\n"
    "Which planet is largest?\n" /* 7 */
    "A) Mars\n"
    "B) Jupiter\n"
    "ANSWER: B\n"
    "\n"
    "No answer line here?\n" /* 12 */
    "A. yes\n"
    "B. no\n"
    "\n"
    "Letters out of order?\n" /* 16 */
    "A. one\n"
    "C. two\n"
    "ANSWER: A\n"
    "\n"
    "A question on\n" /* 21 */
    "two lines?\n"
    "A. yes\n"
    "B. no\n"
    "ANSWER: A\n"
    "\n"
    "Answer names no option?\n" /* 27 */
    "A. yes\n"
    "B. no\n"
    "ANSWER: D\n"
    "\n"
    "Same options?\n" /* 32 */
    "A. yes\n"
    "B. YES\n"
    "ANSWER: A\n"
    "\n"
    "Unfinished at the end?\n" /* 37 */
    "A. yes\n";

TEST("questions with A. and A) options and ANSWER lines become choice questions")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_AIKEN, sample, &l, &s, &err));
    CHECK_INT(2, l.n);
    if (l.n == 2) {
        CHECK_STR("What is the capital of France?", l.questions[0].prompt);
        CHECK_STR("Paris", l.questions[0].options[0]);
        CHECK_STR("Berlin", l.questions[0].options[1]);
        CHECK_INT(3, l.questions[0].n_options);
        CHECK_STR("Jupiter", l.questions[1].options[0]);
        CHECK_INT(7, l.line[1]);
    }
    tv_xlist_free(&l);
}

TEST("blocks Aiken cannot hold are skipped with the line they start on")
{
    tv_XList l;
    Skips s;
    tv_Error err;
    CHECK(read_sample(TV_X_AIKEN, sample, &l, &s, &err));
    CHECK(skipped(&s, 12, "no ANSWER line"));
    CHECK(skipped(&s, 16, "in order"));
    CHECK(skipped(&s, 21, "one line"));
    CHECK(skipped(&s, 27, "names no option"));
    CHECK(skipped(&s, 32, "the same"));
    CHECK(skipped(&s, 37, "no ANSWER line"));
    CHECK_INT(6, s.n);
    tv_xlist_free(&l);
}

TEST("the writer holds only one-line choice questions and reads back the same")
{
    tv_XList l, again;
    Skips s, ws, rs;
    tv_Error err;
    CHECK(read_sample(TV_X_AIKEN, sample, &l, &s, &err));
    tv_Question *q = tv_xlist_add(&l, 0);
    q->type = TV_Q_TRUEFALSE, q->id = "tf", q->prompt = "True?";
    q = tv_xlist_add(&l, 0);
    q->type = TV_Q_CHOICE, q->id = "two-lines", q->prompt = "Two\nlines?", q->n_options = 2;
    q->options[0] = "a", q->options[1] = "b";
    char *out = write_read(TV_X_AIKEN, &l, &again, &ws, &rs);
    CHECK_INT(2, ws.n);
    CHECK_STR("tf", ws.id[0]);
    CHECK_STR("two-lines", ws.id[1]);
    CHECK_INT(2, again.n);
    if (again.n == 2) {
        CHECK_STR("Paris", again.questions[0].options[0]);
        CHECK_STR("Berlin", again.questions[0].options[1]);
        CHECK_STR("Madrid", again.questions[0].options[2]);
    }
    free(out);
    tv_xlist_free(&again);
    tv_xlist_free(&l);
}

TEST_MAIN()
