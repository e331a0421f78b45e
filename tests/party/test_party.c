/* party.rules: the party core with a real session and real JSON, driven as the host
 * loop drives it (times in, messages out): the fair-timing rule, idempotent answers,
 * every error code, tokens, names, late joiners, pause, kick and ban, the record. */
#include <cjson/cJSON.h>

#include "check.h"
#include "party/party.h"

#define MS 1000000LL

/* {========================================================== a transport that records */

typedef struct Sent {
    uint32_t conn, tag;
    char text[8192];
} Sent;

typedef struct Wire {
    int n;
    Sent out[4096];
    int n_closed;
    uint32_t closed[64];
    int closed_code[64];
    unsigned counter;
} Wire;

static Wire wire;

static void w_send(void *ud, uint32_t conn, const char *text, size_t len, uint32_t tag)
{
    Wire *w = ud;
    if (w->n == 4096)
        return;
    Sent *s = &w->out[w->n++];
    s->conn = conn, s->tag = tag;
    snprintf(s->text, sizeof s->text, "%.*s", (int)len, text);
}

static void w_close(void *ud, uint32_t conn, int code, const char *reason)
{
    Wire *w = ud;
    (void)reason;
    if (w->n_closed < 64)
        w->closed_code[w->n_closed] = code, w->closed[w->n_closed++] = conn;
}

/* Deterministic "random" bytes: a counter, so tokens differ and tests repeat. */
static void w_random(void *ud, void *buf, size_t n)
{
    Wire *w = ud;
    unsigned char *b = buf;
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)(w->counter++ * 37 + 11);
}

/* The last message sent to conn of this type, parsed (caller deletes), or NULL. */
static cJSON *last(uint32_t conn, const char *type)
{
    for (int i = wire.n - 1; i >= 0; i--) {
        if (wire.out[i].conn != conn)
            continue;
        cJSON *m = cJSON_Parse(wire.out[i].text);
        const cJSON *t = cJSON_GetObjectItem(m, "type");
        if (cJSON_IsString(t) && strcmp(t->valuestring, type) == 0)
            return m;
        cJSON_Delete(m);
    }
    return NULL;
}

static const char *last_error(uint32_t conn)
{
    static char code[64];
    cJSON *m = last(conn, "error");
    snprintf(code, sizeof code, "%s", m ? cJSON_GetObjectItem(m, "code")->valuestring : "(none)");
    cJSON_Delete(m);
    return code;
}

static double num(cJSON *m, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(m, key);
    return cJSON_IsNumber(v) ? v->valuedouble : -999999;
}

/* {========================================================== a party over a small session */

static const char *const opts[] = {"right", "w1", "w2", "w3"};
static tv_Question qs[3];
static tv_Session session;
static tv_Party party;

static void setup(int max_players, int reveal_ms)
{
    memset(&wire, 0, sizeof wire);
    for (int i = 0; i < 3; i++) {
        qs[i] = (tv_Question){.pack = "p", .id = i == 0 ? "a" : i == 1 ? "b" : "c", .type = TV_Q_CHOICE,
                              .difficulty = 1, .time_limit_ms = 10000, .category = "C", .prompt = "Q?",
                              .explain = "", .source = "", .where = "", .unit = "", .n_options = 4};
        for (int k = 0; k < 4; k++)
            qs[i].options[k] = opts[k];
    }
    const tv_Question *pool[3] = {&qs[0], &qs[1], &qs[2]};
    tv_SessionConfig sc = {.seed = 5, .count = 3, .players = max_players, .rules = tv_rules_default()};
    tv_Error err = {0};
    CHECK(tv_session_init(&session, &sc, pool, 3, tv_alloc_default(), &err));
    static const tv_Labels words = {"true", "false"};
    tv_PartyConfig cfg = {.max_players = max_players, .reveal_ms = reveal_ms, .labels = words, .accept = &words,
                          .n_accept = 1, .ud = &wire, .random = w_random, .send = w_send, .close = w_close};
    CHECK(tv_party_init(&party, &cfg, &session, &err));
}

static void teardown(void)
{
    tv_party_free(&party);
    tv_session_free(&session);
}

static void text(uint32_t conn, const char *json, int64_t now)
{
    tv_party_on_text(&party, conn, json, strlen(json), now);
}

static void join(uint32_t conn, const char *name, int64_t now)
{
    char buf[256];
    tv_party_on_open(&party, conn, "192.168.1.10", now);
    snprintf(buf, sizeof buf, "{\"type\":\"join\",\"room\":\"%s\",\"name\":\"%s\"}", tv_party_room(&party), name);
    text(conn, buf, now);
}

/* The server reports each tagged question frame as written at now. */
static void stamp_open(int64_t now)
{
    for (int i = 0; i < wire.n; i++)
        if (wire.out[i].tag) {
            tv_party_on_sent(&party, wire.out[i].conn, wire.out[i].tag, now);
            wire.out[i].tag = 0;
        }
}

static void answer(uint32_t conn, int q, const char *a, int elapsed_ms, int64_t now)
{
    char buf[256];
    if (elapsed_ms >= 0)
        snprintf(buf, sizeof buf, "{\"type\":\"answer\",\"question\":%d,\"answer\":\"%s\",\"elapsed_ms\":%d}", q, a,
                 elapsed_ms);
    else
        snprintf(buf, sizeof buf, "{\"type\":\"answer\",\"question\":%d,\"answer\":\"%s\"}", q, a);
    text(conn, buf, now);
}

/* {========================================================== the rule */

TEST("the fair time is the phone's elapsed, clamped to [R-S-A, R-S]")
{
    CHECK_INT(1200 * MS, tv_party_fair_time(1200 * MS, 0, 1250 * MS, 0, 100 * MS));
    CHECK_INT(1150 * MS, tv_party_fair_time(0, 0, 1250 * MS, 0, 100 * MS));    /* a phone claiming 0 */
    CHECK_INT(1250 * MS, tv_party_fair_time(5000 * MS, 0, 1250 * MS, 0, 100 * MS)); /* never more than R-S */
    CHECK_INT(1250 * MS, tv_party_fair_time(-1, 0, 1250 * MS, 0, 100 * MS));   /* no elapsed: R-S */
    CHECK_INT(1000 * MS, tv_party_fair_time(-1, 0, 1250 * MS, 250 * MS, 100 * MS)); /* pauses do not count */
}

TEST("A is the p90 of recent round trips, capped at 150 ms, and 0 without samples")
{
    int64_t r[10] = {10, 10, 10, 10, 10, 10, 10, 10, 80, 80};
    for (int i = 0; i < 10; i++)
        r[i] *= MS;
    CHECK_INT(10 * MS, tv_party_allowance(r, 8));
    CHECK_INT(80 * MS, tv_party_allowance(r, 10));
    int64_t slow[3] = {400 * MS, 300 * MS, 500 * MS};
    CHECK_INT(TV_PARTY_ALLOWANCE_CAP_NS, tv_party_allowance(slow, 3));
    CHECK_INT(0, tv_party_allowance(r, 0));
}

TEST("equal taps behind a 10 ms and a 250 ms link score equal; a lying phone gains at most A")
{
    setup(3, 0);
    join(1, "fast", 0);
    join(2, "slow", 0);
    join(3, "liar", 0);
    for (int i = 0; i < 5; i++) {
        tv_party_on_rtt(&party, 1, 10 * MS);
        tv_party_on_rtt(&party, 2, 250 * MS); /* A is capped at 150 ms: only the excess is lost */
        tv_party_on_rtt(&party, 3, 150 * MS); /* a 10 ms link that holds its pongs back */
    }
    CHECK(tv_party_start(&party, 1000 * MS));
    /* one-way delays 5 ms and 125 ms: the frame reaches each phone later, the answer back later */
    stamp_open(1000 * MS);
    answer(1, 1, "A", 2000, 1000 * MS + 5 + 2000 * MS + 5 * MS);
    answer(2, 1, "A", 2000, 1000 * MS + 125 * MS + 2000 * MS + 125 * MS);
    /* the liar tapped at 2000 ms too, but claims 0 */
    answer(3, 1, "A", 0, 1000 * MS + 5 * MS + 2000 * MS + 5 * MS);
    const tv_Record *fast = tv_session_record(&session, 0, 0), *slow = tv_session_record(&session, 1, 0),
                    *liar = tv_session_record(&session, 2, 0);
    CHECK_INT(2000, fast->t_ms);
    CHECK_INT(2100, slow->t_ms); /* 250 ms round trip, 150 ms allowed: 100 ms lost */
    CHECK_INT(1860, liar->t_ms); /* R-S-A = 2010-150: its gain is 140 ms, under A */
    CHECK(2000 - liar->t_ms <= 150);
    CHECK(fast->points >= slow->points);
    CHECK(fast->points - slow->points <= fast->points / 100);
    teardown();
}

/* {========================================================== messages and codes */

TEST("a join gets a welcome with a 128-bit token, then the lobby; tokens differ per seat")
{
    setup(4, 0);
    join(1, "Ana", 0);
    join(2, "Bo", 0);
    cJSON *w1 = last(1, "welcome"), *w2 = last(2, "welcome");
    CHECK(w1 && w2);
    CHECK_INT(32, strlen(cJSON_GetObjectItem(w1, "token")->valuestring));
    CHECK(strcmp(cJSON_GetObjectItem(w1, "token")->valuestring, cJSON_GetObjectItem(w2, "token")->valuestring) != 0);
    CHECK_INT(1, num(w1, "seat"));
    CHECK_INT(2, num(w2, "seat"));
    CHECK_STR("Ana", cJSON_GetObjectItem(w1, "name")->valuestring);
    cJSON *l = last(2, "lobby");
    CHECK(l != NULL);
    cJSON_Delete(w1), cJSON_Delete(w2), cJSON_Delete(l);
    CHECK_INT(4, strlen(tv_party_room(&party)));
    teardown();
}

TEST("every refusal has a documented code")
{
    setup(2, 0);
    tv_party_on_open(&party, 9, "10.0.0.2", 0);
    text(9, "not json", 0);
    CHECK_STR("bad-message", last_error(9));
    text(9, "{\"type\":\"frob\"}", 0);
    CHECK_STR("bad-message", last_error(9));
    text(9, "{\"type\":\"join\",\"room\":\"ZZZZ\",\"name\":\"x\"}", 0);
    CHECK_STR("bad-room", last_error(9));
    answer(9, 1, "A", -1, 0);
    CHECK_STR("not-joined", last_error(9));
    text(9, "{\"type\":\"resume\",\"token\":\"00000000000000000000000000000000\"}", 0);
    CHECK_STR("unknown-token", last_error(9));
    char big[TV_PARTY_MAX_MESSAGE + 10];
    memset(big, ' ', sizeof big);
    tv_party_on_text(&party, 9, big, sizeof big, 0);
    CHECK_STR("too-large", last_error(9));
    join(1, "a", 0);
    answer(1, 1, "A", -1, 0);
    CHECK_STR("wrong-question", last_error(1));
    join(2, "b", 0);
    join(3, "c", 0);
    CHECK_STR("full", last_error(3));
    tv_party_start(&party, 0);
    stamp_open(0);
    answer(1, 1, "correct", -1, 10 * MS);
    CHECK_STR("bad-answer", last_error(1));
    answer(1, 1, "5050 A", -1, 10 * MS);
    CHECK_STR("bad-answer", last_error(1));
    answer(1, 1, "A @1", -1, 10 * MS);
    CHECK_STR("bad-answer", last_error(1));
    answer(1, 1, "G", -1, 10 * MS);
    CHECK_STR("bad-answer", last_error(1));
    answer(1, 1, "A", -1, 10 * MS);
    answer(1, 1, "B", -1, 20 * MS);
    CHECK_STR("already-answered", last_error(1));
    answer(1, 2, "A", -1, 20 * MS);
    CHECK_STR("wrong-question", last_error(1));
    /* seat 2 is too late: 10 s limit + A (0 here) */
    answer(2, 1, "A", -1, 10001 * MS);
    CHECK_STR("late", last_error(2));
    tv_party_lock(&party, true);
    tv_party_on_open(&party, 4, "10.0.0.3", 0);
    text(4, "{\"type\":\"join\",\"room\":\"x\",\"name\":\"x\"}", 0);
    CHECK_STR("bad-room", last_error(4));
    teardown();
}

TEST("a locked room refuses joins but not resumes; a banned token is refused; a kicked seat is frozen")
{
    setup(4, 0);
    join(1, "a", 0);
    cJSON *w = last(1, "welcome");
    char token[40];
    snprintf(token, sizeof token, "%s", cJSON_GetObjectItem(w, "token")->valuestring);
    cJSON_Delete(w);
    tv_party_lock(&party, true);
    join(2, "b", 0);
    CHECK_STR("locked", last_error(2));
    char buf[128];
    snprintf(buf, sizeof buf, "{\"type\":\"resume\",\"token\":\"%s\"}", token);
    tv_party_on_open(&party, 5, "192.168.1.10", 0);
    text(5, buf, 0);
    cJSON *again = last(5, "welcome");
    CHECK(again != NULL);
    CHECK_INT(1, num(again, "seat"));
    cJSON_Delete(again);
    CHECK_INT(1, wire.n_closed); /* the old connection: moved to another device */
    CHECK_INT(4000, wire.closed_code[0]);
    tv_party_lock(&party, false);
    tv_party_start(&party, 0);
    stamp_open(0);
    tv_party_kick(&party, 0);
    CHECK_STR("kicked", last_error(5));
    tv_party_on_open(&party, 6, "192.168.1.10", 0);
    text(6, buf, 0);
    answer(6, 1, "A", -1, 1 * MS);
    CHECK_STR("kicked", last_error(6));
    tv_party_ban(&party, 0);
    tv_party_on_open(&party, 7, "192.168.1.10", 0);
    text(7, buf, 0);
    CHECK_STR("banned", last_error(7));
    teardown();
}

TEST("answers are idempotent: the same answer again is accepted again and counted once")
{
    setup(2, 0);
    join(1, "a", 0);
    join(2, "b", 0);
    tv_party_start(&party, 0);
    stamp_open(0);
    answer(1, 1, "B", 1500, 1600 * MS);
    answer(1, 1, "B", 1500, 1700 * MS);
    answer(1, 1, "b", 1500, 1700 * MS);
    CHECK_INT(1, party.stats.answers_accepted);
    CHECK_INT(2, party.stats.duplicates);
    CHECK_INT(1, tv_party_answered_count(&party));
    int n;
    const int *counts = tv_party_option_counts(&party, &n);
    CHECK_INT(4, n);
    CHECK_INT(1, counts[1]);
    /* a resend after the question closed is accepted again, not refused as late */
    answer(2, 1, "C", -1, 2 * MS * 1000);
    tv_party_tick(&party, 3000 * MS);
    CHECK_INT(TV_PARTY_QUESTION, tv_party_phase(&party)); /* reveal 0 ms: straight to question 2 */
    answer(1, 1, "B", 1500, 3000 * MS);
    cJSON *acc = last(1, "accepted");
    CHECK_INT(1, num(acc, "question"));
    cJSON_Delete(acc);
    answer(1, 1, "C", 1500, 3000 * MS);
    CHECK_STR("already-answered", last_error(1));
    teardown();
}

TEST("a pause freezes the clock: answers wait, pause time is not counted")
{
    setup(2, 0);
    join(1, "a", 0);
    join(2, "b", 0);
    tv_party_start(&party, 0);
    stamp_open(0);
    tv_party_pause(&party, true, 1000 * MS);
    answer(1, 1, "A", -1, 2000 * MS);
    CHECK_STR("paused", last_error(1));
    CHECK_INT(-1, tv_party_tick(&party, 60000 * MS)); /* never closes while paused */
    tv_party_pause(&party, false, 61000 * MS);
    answer(1, 1, "A", -1, 62000 * MS);
    CHECK_INT(2000, tv_session_record(&session, 0, 0)->t_ms);
    teardown();
}

TEST("a seat that joins mid-party gets timeouts for the questions it missed and plays on")
{
    setup(3, 0);
    join(1, "a", 0);
    tv_party_start(&party, 0);
    stamp_open(0);
    answer(1, 1, "A", -1, 100 * MS);
    tv_party_tick(&party, 100 * MS); /* all connected answered: reveal, then question 2 */
    CHECK_INT(1, party.round);
    join(2, "late", 200 * MS);
    tv_party_on_rtt(&party, 2, 100 * MS);
    cJSON *q = last(2, "question");
    CHECK(q != NULL);
    CHECK_INT(2, num(q, "index"));
    cJSON_Delete(q);
    CHECK(tv_session_record(&session, 1, 0)->answered);
    CHECK_INT(TV_ANS_TIMEOUT, tv_session_record(&session, 1, 0)->answer.kind);
    stamp_open(200 * MS);
    answer(2, 2, "A", 500, 800 * MS);
    CHECK_INT(500, tv_session_record(&session, 1, 1)->t_ms);
    teardown();
}

TEST("a seat code moves a seat to another phone; guessing codes is capped")
{
    setup(2, 0);
    join(1, "a", 0);
    cJSON *w = last(1, "welcome");
    char code[8], buf[128];
    snprintf(code, sizeof code, "%s", cJSON_GetObjectItem(w, "code")->valuestring);
    cJSON_Delete(w);
    CHECK_INT(6, strlen(code));
    tv_party_on_open(&party, 2, "10.0.0.7", 0);
    snprintf(buf, sizeof buf, "{\"type\":\"move\",\"room\":\"%s\",\"code\":\"%s\"}", tv_party_room(&party), code);
    text(2, buf, 0);
    cJSON *moved = last(2, "welcome");
    CHECK(moved != NULL);
    CHECK_INT(1, num(moved, "seat"));
    cJSON_Delete(moved);
    CHECK_INT(1, tv_party_seat_count(&party));
    for (int i = 0; i < TV_PARTY_MAX_FAILED_MOVES; i++) {
        tv_party_on_open(&party, 100 + (uint32_t)i, "10.0.0.8", 0);
        snprintf(buf, sizeof buf, "{\"type\":\"move\",\"room\":\"%s\",\"code\":\"QQQQQQ\"}", tv_party_room(&party));
        text(100 + (uint32_t)i, buf, 0);
    }
    CHECK_STR("unknown-token", last_error(100));
    tv_party_on_open(&party, 3, "10.0.0.7", 0);
    snprintf(buf, sizeof buf, "{\"type\":\"move\",\"room\":\"%s\",\"code\":\"%s\"}", tv_party_room(&party), code);
    text(3, buf, 0);
    CHECK_STR("locked", last_error(3));
    teardown();
}

TEST("50:50 through the core removes options once per session")
{
    setup(1, 0);
    join(1, "a", 0);
    tv_party_start(&party, 0);
    stamp_open(0);
    text(1, "{\"type\":\"lifeline\",\"question\":1}", 10 * MS);
    cJSON *l = last(1, "lifeline");
    CHECK(l != NULL);
    CHECK_INT(2, cJSON_GetArraySize(cJSON_GetObjectItem(l, "removed")));
    cJSON_Delete(l);
    text(1, "{\"type\":\"lifeline\",\"question\":1}", 20 * MS);
    CHECK_STR("no-lifeline", last_error(1));
    teardown();
}

TEST("a connection sending too fast is told to slow down")
{
    setup(1, 0);
    tv_party_on_open(&party, 1, "10.0.0.9", 0);
    for (int i = 0; i < TV_PARTY_RATE_BURST; i++)
        text(1, "{}", 0);
    CHECK_STR("bad-message", last_error(1));
    text(1, "{}", 0);
    CHECK_STR("rate", last_error(1));
    text(1, "{}", 1000 * MS); /* a second later it may again */
    CHECK_STR("bad-message", last_error(1));
    teardown();
}

TEST("joins per address are capped, loopback exempt")
{
    setup(40, 0);
    char buf[128];
    for (uint32_t c = 1; c <= TV_PARTY_JOINS_PER_ADDRESS + 1; c++) {
        tv_party_on_open(&party, c, "192.168.1.50", 0);
        snprintf(buf, sizeof buf, "{\"type\":\"join\",\"room\":\"%s\",\"name\":\"n%u\"}", tv_party_room(&party), c);
        text(c, buf, 0);
    }
    CHECK_STR("rate", last_error(TV_PARTY_JOINS_PER_ADDRESS + 1));
    CHECK_INT(TV_PARTY_JOINS_PER_ADDRESS, tv_party_seat_count(&party));
    tv_party_on_open(&party, 100, "127.0.0.1", 0);
    snprintf(buf, sizeof buf, "{\"type\":\"join\",\"room\":\"%s\",\"name\":\"local\"}", tv_party_room(&party));
    text(100, buf, 0);
    CHECK_INT(TV_PARTY_JOINS_PER_ADDRESS + 1, tv_party_seat_count(&party));
    teardown();
}

TEST("names are trimmed to 24 characters with control and bidi characters removed")
{
    char out[128];
    CHECK(tv_party_clean_name("  Ana  ", 7, out, sizeof out));
    CHECK_STR("Ana", out);
    CHECK(tv_party_clean_name("A\x01" "b\xe2\x80\xae" "c\tD", 10, out, sizeof out));
    CHECK_STR("AbcD", out);
    CHECK(tv_party_clean_name("a   b", 5, out, sizeof out));
    CHECK_STR("a b", out);
    const char *longname = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                           "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                           "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"; /* 28 x é */
    CHECK(tv_party_clean_name(longname, strlen(longname), out, sizeof out));
    CHECK_INT(48, strlen(out)); /* 24 characters of 2 bytes */
    CHECK(tv_party_clean_name("<img src=x onerror=alert(1)>", 28, out, sizeof out));
    CHECK_STR("<img src=x onerror=alert", out); /* kept as text: pages render it as text */
    CHECK(!tv_party_clean_name("\xe2\x80\x8f\x01 ", 5, out, sizeof out));
    CHECK(!tv_party_clean_name("\xff", 1, out, sizeof out));
}

TEST("room codes use no look-alike characters")
{
    char code[5];
    for (int b = 0; b < 256; b++) {
        unsigned char bytes[4] = {(unsigned char)b, (unsigned char)(b * 7), (unsigned char)(b + 3), 0};
        tv_party_room_code(bytes, code);
        CHECK(strpbrk(code, "B8G6I1O0S5Z2") == NULL);
        CHECK_INT(4, strlen(code));
    }
}

TEST("the record writes each seat's answers with its name and seat, in the script format")
{
    setup(2, 0);
    join(1, "Ana", 0);
    join(2, "Bo", 0);
    tv_party_on_rtt(&party, 1, 100 * MS);
    tv_party_start(&party, 0);
    stamp_open(0);
    answer(1, 1, "A", 1234, 1300 * MS);
    tv_party_end_question(&party, 20000 * MS);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    tv_ScriptDirectives d = {.have_seed = true, .seed = 5, .count = 3};
    CHECK(tv_party_write_script(&party, 0, &d, f));
    fclose(f);
    CHECK(strstr(buf, "#! name Ana\n#! seat 1\n") != NULL);
    CHECK(strstr(buf, "\nA @1.234\n") != NULL);
    tv_Script sc;
    tv_Error err = {0};
    CHECK(tv_script_parse(&sc, "seat-001.txt", buf, len, tv_alloc_default(), &err));
    CHECK_STR("Ana", sc.directives.name);
    CHECK_INT(1, sc.directives.seat);
    CHECK_INT(1, sc.n_steps);
    tv_script_free(&sc);
    free(buf);
    teardown();
}

TEST_MAIN()
