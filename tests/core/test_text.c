/* core.text: typed answers match regardless of case, diacritics and spacing. */
#include <string.h>

#include "check.h"
#include "core/text.h"

static char *fold(const char *s) { return tv_text_fold(tv_alloc_default(), s, strlen(s)); }

static void check_fold(const char *in, const char *expected)
{
    char *f = fold(in);
    CHECK_STR(expected, f);
    free(f);
}

TEST("sehovic matches Šehović")
{
    CHECK(tv_text_match("sehovic", "Šehović"));
    CHECK(tv_text_match("SEHOVIC", "Šehović"));
    CHECK(tv_text_match("Šehović", "Sehovic"));
}

TEST("Dutch diacritics fold: ë, é, ï and the ij ligature")
{
    check_fold("Ruïne", "ruine");
    check_fold("café", "cafe");
    check_fold("Zoë", "zoe");
    check_fold("\xC4\xB3sselmeer", "ijsselmeer"); /* U+0133 LATIN SMALL LIGATURE IJ */
    CHECK(tv_text_match("Belgie", "België"));
}

TEST("Slavic and other Latin letters fold: č, ž, ř, ń, å, ß")
{
    check_fold("Čeněk Žižka", "cenek zizka");
    check_fold("Dvořák", "dvorak");
    check_fold("Poznań", "poznan");
    check_fold("Ångström", "angstrom");
    check_fold("Straße", "strasse");
}

TEST("surrounding and repeated spaces are ignored, tabs and NBSP included")
{
    check_fold("  Simon   de\tWaal  ", "simon de waal");
    check_fold("Simon\xC2\xA0" "de Waal", "simon de waal");
    CHECK(tv_text_match(" Bobby  Boermans ", "bobby boermans"));
}

TEST("decomposed and precomposed forms match")
{
    CHECK(tv_text_match("e\xCC\x81", "\xC3\xA9")); /* e + combining acute vs é */
}

TEST("different words still differ")
{
    CHECK(!tv_text_match("Lynn", "Lyn"));
    CHECK(!tv_text_match("Abe", "Abel"));
    CHECK(!tv_text_match("", "a"));
}

TEST("invalid UTF-8 is refused, never folded")
{
    CHECK(!tv_utf8_valid("\xC0\xAF", 2));     /* overlong '/' */
    CHECK(!tv_utf8_valid("\xED\xA0\x80", 3)); /* encoded surrogate */
    CHECK(!tv_utf8_valid("\xF5\x80\x80\x80", 4));
    CHECK(!tv_utf8_valid("\xC3", 1)); /* truncated */
    CHECK(fold("\xC3") == NULL);
    CHECK(!tv_text_match("\xC3", "\xC3"));
    CHECK(tv_utf8_valid("Šehović", strlen("Šehović")));
}

TEST("an empty or all-space answer folds to the empty string")
{
    check_fold("", "");
    check_fold("   ", "");
}

TEST("a UTF-8 byte order mark is skipped, and only a whole one")
{
    CHECK_INT(3, tv_text_bom_len("\xEF\xBB\xBFkey = 1", 10));
    CHECK_INT(0, tv_text_bom_len("\xEF\xBB", 2));
    CHECK_INT(0, tv_text_bom_len("key = 1", 7));
    CHECK_INT(0, tv_text_bom_len("", 0));
}

TEST("language codes are en, nap or pt_BR shapes and never a path")
{
    const char *good[] = {"en", "nl", "nap", "pt_BR"};
    const char *bad[] = {"", "e", "engl", "EN", "pt_br", "pt-BR", "pt_BRA", "../en", "en.po", "e1", "pt_B"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        CHECK(tv_text_lang_valid(good[i], strlen(good[i])));
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(!tv_text_lang_valid(bad[i], strlen(bad[i])));
    CHECK(tv_text_lang_valid("nl\n", 2)); /* the length decides, not a NUL */
}

TEST("backspace removes the whole last UTF-8 character")
{
    char s[16] = "ab\xC3\xA9";     /* "abé" */
    CHECK_INT(2, tv_utf8_drop_last(s));
    CHECK_STR("ab", s);
    strcpy(s, "x\xF0\x9F\x98\x80"); /* x + an emoji of four bytes */
    CHECK_INT(1, tv_utf8_drop_last(s));
    CHECK_STR("x", s);
    CHECK_INT(0, tv_utf8_drop_last(s));
    CHECK_STR("", s);
    CHECK_INT(0, tv_utf8_drop_last(s)); /* empty stays empty */
}

static bool num(const char *s, unsigned opts, double *v) { return tv_text_parse_number(s, strlen(s), opts, v); }

TEST("numbers are plain decimals parsed without the locale")
{
    double v = 0;
    CHECK(num("42", 0, &v) && v == 42);
    CHECK(num("-7", 0, &v) && v == -7);
    CHECK(num("2.5", TV_NUMBER_FRACTION, &v) && v == 2.5);
    CHECK(num(".5", TV_NUMBER_FRACTION, &v) && v == 0.5);
    CHECK(num("3.", TV_NUMBER_FRACTION, &v) && v == 3);
    CHECK(num("+3", TV_NUMBER_PLUS, &v) && v == 3);
    CHECK(num("123456789012345678", 0, &v)); /* 18 digits */
    v = 99;
    const char *bad[] = {"", "-", ".", "+3", "2.5", " 5", "5 ", "5x", "1e3", "0x10", "inf", "nan", "2,5",
                         "1234567890123456789"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(!num(bad[i], 0, &v));
    CHECK(v == 99); /* untouched on failure */
    CHECK(!num("2,5", TV_NUMBER_FRACTION, &v));
    CHECK(!num("-.", TV_NUMBER_FRACTION | TV_NUMBER_PLUS, &v));
    CHECK(!num("1.2.3", TV_NUMBER_FRACTION, &v));
}

TEST_MAIN()
