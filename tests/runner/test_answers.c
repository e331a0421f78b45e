/* runner.answers: the answer-script syntax, and its errors with line numbers. */
#include "runner/answers.h"
#include "check.h"

static bool parse(tv_Script *s, const char *text, tv_Error *err)
{
    return tv_script_parse(s, "script.txt", text, strlen(text), tv_alloc_default(), err);
}

TEST("the example line from the issue parses: 5050 correct @4.5")
{
    tv_Script s;
    tv_Error err = {0};
    CHECK(parse(&s, "5050 correct @4.5\n", &err));
    CHECK_INT(1, s.n_steps);
    CHECK(s.steps[0].lifeline);
    CHECK_INT(TV_STEP_CORRECT, s.steps[0].kind);
    CHECK_INT(4500, s.steps[0].t_ms);
    tv_script_free(&s);
}

TEST("comments, blank lines, CRLF and a BOM are ignored; line numbers are kept")
{
    tv_Script s;
    tv_Error err = {0};
    CHECK(parse(&s, "\xEF\xBB\xBF# header\r\n\r\nA\r\n  # note\n  CADB @12 # trailing\nskip", &err));
    CHECK_INT(3, s.n_steps);
    CHECK_INT(3, s.steps[0].line);
    CHECK_INT(TV_STEP_LETTERS, s.steps[1].kind);
    CHECK_INT(4, s.steps[1].n_letters);
    CHECK_INT(2, s.steps[1].letters[0]);
    CHECK_INT(12000, s.steps[1].t_ms);
    CHECK_INT(5, s.steps[1].line);
    CHECK_INT(TV_STEP_SKIP, s.steps[2].kind);
    tv_script_free(&s);
}

TEST("numbers, typed text and keywords parse")
{
    tv_Script s;
    tv_Error err = {0};
    CHECK(parse(&s, "42\n-3.25 @0.0005\n=Šehović @3\n= spaced text #1\nwrong\nTIMEOUT\nb\n", &err));
    CHECK_INT(7, s.n_steps);
    CHECK(s.steps[0].kind == TV_STEP_NUMBER && s.steps[0].number == 42);
    CHECK(s.steps[1].kind == TV_STEP_NUMBER && s.steps[1].number == -3.25);
    CHECK_INT(1, s.steps[1].t_ms); /* 0.5 ms rounds half up */
    CHECK_STR("Šehović", s.steps[2].text);
    CHECK_INT(3000, s.steps[2].t_ms);
    CHECK_STR(" spaced text #1", s.steps[3].text);
    CHECK_INT(TV_STEP_WRONG, s.steps[4].kind);
    CHECK_INT(TV_STEP_TIMEOUT, s.steps[5].kind);
    CHECK_INT(1, s.steps[6].letters[0]);
    tv_script_free(&s);
}

static void check_error(const char *text, int line, const char *msg)
{
    tv_Script s;
    tv_Error err = {0};
    CHECK(!parse(&s, text, &err));
    CHECK_INT(TV_ERR_SCRIPT, err.code);
    CHECK_INT(line, err.line);
    CHECK_STR(msg, err.msg);
    tv_script_free(&s);
}

TEST("bad lines are reported with their line number and text")
{
    check_error("A\nG\n", 2, "expected a letter A-F, a number, =TEXT, correct, wrong, timeout or skip: 'G'");
    check_error("A @-1\n", 1, "a time must be @SECONDS, a number from 0 to 100000: '@-1'");
    check_error("A @abc\n", 1, "a time must be @SECONDS, a number from 0 to 100000: '@abc'");
    check_error("1,5\n", 1, "numbers use a decimal point, not a comma: '1,5'");
    check_error("ABCDEFA\n", 1, "at most 6 letters (A-F): 'ABCDEFA'");
    check_error("A B\n", 1, "expected one answer (and an optional @SECONDS): 'A B'");
    check_error("5050\n", 1, "5050 must be followed by an answer: '5050'");
    check_error("5050 skip\n", 1, "5050 goes with an option answer: '5050 skip'");
    check_error("@3\n", 1, "a time needs an answer before it: '@3'");
    check_error("2abc\n", 1, "expected a letter A-F, a number, =TEXT, correct, wrong, timeout or skip: '2abc'");
    check_error("nan\n", 1, "expected a letter A-F, a number, =TEXT, correct, wrong, timeout or skip: 'nan'");
}

TEST("NUL bytes, invalid UTF-8, UTF-16 and over-long lines are refused")
{
    tv_Script s;
    tv_Error err = {0};
    CHECK(!tv_script_parse(&s, "x", "A\nB\0C\n", 6, tv_alloc_default(), &err));
    CHECK_INT(2, err.line);
    tv_script_free(&s);
    check_error("=\xC3\n", 1, "the line is not valid UTF-8");
    CHECK(!tv_script_parse(&s, "x", "\xFF\xFE" "A\0", 4, tv_alloc_default(), &err));
    tv_script_free(&s);
    char *big = malloc(5000);
    memset(big, 'A', 4999);
    big[4999] = 0;
    CHECK(!parse(&s, big, &err));
    CHECK_STR("the line is longer than 4096 bytes", err.msg);
    tv_script_free(&s);
    free(big);
}

TEST("an empty script or one of only comments has no steps")
{
    tv_Script s;
    CHECK(parse(&s, "", NULL));
    CHECK_INT(0, s.n_steps);
    tv_script_free(&s);
    CHECK(parse(&s, "# nothing\n\n   \n", NULL));
    CHECK_INT(0, s.n_steps);
    tv_script_free(&s);
}

TEST("many lines parse and keep their order")
{
    char *buf = malloc(200 * 4 + 1);
    char *p = buf;
    for (int i = 0; i < 200; i++)
        p += sprintf(p, "%c\n", 'A' + i % 6);
    tv_Script s;
    CHECK(parse(&s, buf, NULL));
    CHECK_INT(200, s.n_steps);
    CHECK_INT(199 % 6, s.steps[199].letters[0]);
    CHECK_INT(200, s.steps[199].line);
    tv_script_free(&s);
    free(buf);
}

TEST_MAIN()
