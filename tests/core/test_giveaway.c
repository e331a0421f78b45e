/* core.giveaway: the in-round giveaway detector over a leak graph built here. */
#include "check.h"
#include "failing_alloc.h"
#include "core/giveaway.h"

static tv_Question mk(const char *id, tv_QType type, const char *prompt)
{
    return (tv_Question){.pack = "p", .id = id, .type = type, .difficulty = 1, .time_limit_ms = 20000,
                         .category = "C", .prompt = prompt, .explain = "", .source = "", .where = "",
                         .unit = "", .asks = ""};
}

static tv_Question choice(const char *id, const char *prompt, const char *answer, const char *wrong)
{
    tv_Question q = mk(id, TV_Q_CHOICE, prompt);
    q.n_options = 2;
    q.options[0] = answer, q.options[1] = wrong;
    return q;
}

typedef struct Seen {
    int n;
    char lines[16][160];
} Seen;

static bool record(void *ctx, const tv_Question *earlier, const tv_Question *later, const tv_Giveaway *g)
{
    Seen *s = ctx;
    if (s->n < 16)
        snprintf(s->lines[s->n++], sizeof s->lines[0], "%s %s->%s %s '%s'", tv_giveaway_kind_name(g->kind),
                 earlier->id, later->id, g->field, g->what);
    return true;
}

static bool count_pair(void *ctx, const tv_Question *earlier, const tv_Question *later, const tv_Giveaway *g)
{
    (void)earlier, (void)later, (void)g;
    ++*(int *)ctx;
    return true;
}

static Seen find(const tv_Question *const *round, int n)
{
    Seen s = {0};
    CHECK(tv_giveaways_find(round, n, tv_alloc_default(), record, &s));
    return s;
}

TEST("an answer shown earlier in the round is reported with the field that shows it, a later one is not")
{
    tv_Question writer = choice("writer", "Who wrote the script?", "Anna Smith", "Bo Jansen");
    tv_Question names = choice("names", "Which film did ANNA SMITH write?", "Night", "Day");
    const tv_Question *leak[] = {&names, &writer}, *fine[] = {&writer, &names};
    Seen s = find(leak, 2);
    CHECK_INT(1, s.n);
    CHECK_STR("text names->writer prompt 'Anna Smith'", s.lines[0]);
    CHECK_INT(0, find(fine, 2).n); /* the answer comes after the question: nothing given away */
}

TEST("a cycle of two questions leaks whichever comes first, through an explanation and an option")
{
    tv_Question a = choice("a", "Where is the store?", "Leidseplein", "Dam");
    tv_Question b = choice("b", "What does the store sell?", "Phones", "Leidseplein");
    a.explain = "It sells phones.";
    const tv_Question *ab[] = {&a, &b}, *ba[] = {&b, &a};
    Seen s = find(ab, 2);
    CHECK_INT(1, s.n);
    CHECK_STR("text a->b explanation 'Phones'", s.lines[0]);
    s = find(ba, 2);
    CHECK_INT(1, s.n);
    CHECK_STR("text b->a option 'Leidseplein'", s.lines[0]);
}

TEST("a source title shows a numeric answer written with its unit, and a declared fact counts without text")
{
    tv_Source src = {.key = "fv", .publisher = "FilmVandaag", .title = "Thriller 58 miljoen keer bekeken",
                     .date = "", .url = ""};
    const tv_Source *srcs[] = {&src};
    const char *keys[] = {"fv"};
    tv_Question shown = choice("shown", "Where was it a hit?", "93 countries", "3 countries");
    shown.source = "fv", shown.src = &src, shown.n_sources = 1, shown.sources = keys, shown.srcs = srcs;
    tv_Question views = mk("views", TV_Q_NUMERIC, "How many views?");
    views.number = 58, views.unit = "miljoen";
    static const char *const shows[] = {"ransom"};
    tv_Question says = choice("says", "What did he ask?", "Bitcoin", "Gold");
    says.shows = shows, says.n_shows = 1;
    tv_Question ransom = choice("ransom", "How much?", "200 million", "2 million");
    ransom.asks = "ransom";
    const tv_Question *round[] = {&shown, &views, &says, &ransom};
    Seen s = find(round, 4);
    CHECK_INT(2, s.n);
    CHECK_STR("text shown->views source title '58 miljoen'", s.lines[0]);
    CHECK_STR("declared says->ransom shows 'ransom'", s.lines[1]);
    CHECK_INT(2, tv_giveaways_count(round, 4, tv_alloc_default()));
}

TEST("short answers, bare short numbers and parts of words are not giveaways")
{
    tv_Question yes = choice("yes", "Is it?", "Yes", "No");
    tv_Question five = mk("five", TV_Q_NUMERIC, "How many?");
    five.number = 5;
    tv_Question anna = choice("anna", "Who?", "Anna", "Eva");
    tv_Question year = mk("year", TV_Q_NUMERIC, "Which year?");
    year.number = 2022;
    tv_Question text = mk("text", TV_Q_TEXT, "Name the city.");
    text.n_accept = 1, text.accept[0] = "Amsterdam";
    tv_Question says = choice("says", "Yes or no: 5 people met Annabel in 2022 in amsterdam?", "No", "Yes");
    const tv_Question *round[] = {&says, &yes, &five, &anna, &year, &text};
    Seen s = find(round, 6);
    CHECK_INT(2, s.n);
    CHECK_STR("text says->year prompt '2022'", s.lines[0]);
    CHECK_STR("text says->text prompt 'Amsterdam'", s.lines[1]);
}

TEST("ASCII and accented texts fold as typed answers do: case, accents and spacing ignored")
{
    tv_Question a = choice("a", "Who?", "Admir  Sehovic", "Bo");
    tv_Question b = choice("b", "The part went to ADMIR ŠEHOVIĆ, we hear.", "x1", "x2");
    tv_Question c = mk("c", TV_Q_TEXT, "Type it.");
    c.n_accept = 1, c.accept[0] = "Šehović";
    tv_Question d = choice("d", "  Was it\tsehovic\n? ", "y1", "y2");
    const tv_Question *ba[] = {&b, &a}, *dc[] = {&d, &c};
    CHECK_INT(1, find(ba, 2).n);
    CHECK_INT(1, find(dc, 2).n);
}

TEST("an answer never matches across two fields, in the report and in the draw's scan")
{
    tv_Question two = choice("two", "Where?", "Leidseplein", "Amsterdam");
    tv_Question joined = mk("joined", TV_Q_TEXT, "Type both.");
    joined.n_accept = 1, joined.accept[0] = "Leidseplein Amsterdam";
    tv_Question one = choice("one", "Which?", "Amsterdam", "Utrecht");
    const tv_Question *round[] = {&two, &joined, &one};
    Seen s = find(round, 3);
    CHECK_INT(1, s.n);
    CHECK_STR("text two->one option 'Amsterdam'", s.lines[0]);
    tv_GiveawayScan *scan = tv_giveaway_scan_new(tv_alloc_default(), 3);
    CHECK(scan && tv_giveaway_scan_add(scan, &two));
    CHECK_INT(0, tv_giveaway_scan_leaks(scan, &joined));
    CHECK_INT(1, tv_giveaway_scan_leaks(scan, &one));
    tv_giveaway_scan_free(scan);
}

TEST("the detector reports out of memory at every failing allocation and leaks nothing")
{
    tv_Question writer = choice("writer", "Who wrote the script?", "Anna Smith", "Bo Jansen");
    tv_Question names = choice("names", "Which film did Anna Smith write?", "Night", "Day");
    names.explain = "Anna Smith wrote Night.";
    const tv_Question *round[] = {&names, &writer};
    int failures = 0;
    for (int k = 1; k <= 64; k++) {
        Counter c = {.fail_at = k};
        int n = tv_giveaways_count(round, 2, (tv_Alloc){counting, &c});
        if (n < 0)
            failures++;
        else
            CHECK_INT(1, n);
        CHECK_INT(0, c.live);
        Counter u = {.fail_at = k};
        int pairs = 0;
        if (!tv_giveaways_undeclared(round, 2, (tv_Alloc){counting, &u}, count_pair, &pairs))
            failures++;
        CHECK_INT(0, u.live);
    }
    CHECK(failures > 0);
}

TEST_MAIN()
