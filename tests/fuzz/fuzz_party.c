/* libFuzzer target: the party host's phone-message parser. Any bytes, from any
 * connection, in any phase, must be answered (or refused with a code) without crashing,
 * reading out of bounds or leaking. The first byte picks the phase to fuzz in. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "party/party.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void no_send(void *ud, uint32_t conn, const char *text, size_t len, uint32_t tag)
{
    (void)ud, (void)conn, (void)text, (void)len, (void)tag;
}

static void zero_random(void *ud, void *buf, size_t n)
{
    (void)ud;
    memset(buf, 7, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const opts[] = {"right", "w1", "w2", "w3"};
    static const char *const items[] = {"one", "two", "three"};
    tv_Question qs[3] = {
        {.pack = "p", .id = "c", .type = TV_Q_CHOICE, .difficulty = 1, .time_limit_ms = 10000, .category = "C",
         .prompt = "?", .explain = "", .source = "", .where = "", .unit = "", .n_options = 4},
        {.pack = "p", .id = "o", .type = TV_Q_ORDER, .difficulty = 2, .time_limit_ms = 10000, .category = "C",
         .prompt = "?", .explain = "", .source = "", .where = "", .unit = "", .n_items = 3},
        {.pack = "p", .id = "t", .type = TV_Q_TEXT, .difficulty = 3, .time_limit_ms = 10000, .category = "C",
         .prompt = "?", .explain = "", .source = "", .where = "", .unit = "", .n_accept = 1},
    };
    memcpy(qs[0].options, opts, sizeof opts);
    memcpy(qs[1].items, items, sizeof items);
    qs[2].accept[0] = "answer";
    const tv_Question *pool[3] = {&qs[0], &qs[1], &qs[2]};
    tv_Session s;
    tv_Error err = {0};
    tv_SessionConfig sc = {.seed = 1, .count = 3, .players = 2, .rules = tv_rules_default()};
    if (!tv_session_init(&s, &sc, pool, 3, tv_alloc_default(), &err))
        return 0;
    static const tv_Labels words = {"true", "false"};
    tv_PartyConfig cfg = {.max_players = 2, .room = "ACDE", .labels = words, .accept = &words, .n_accept = 1,
                          .random = zero_random, .send = no_send};
    tv_Party p;
    if (tv_party_init(&p, &cfg, &s, &err)) {
        int phase = size ? data[0] % 3 : 0;
        tv_party_on_open(&p, 1, "10.0.0.1", 0);
        const char *join = "{\"type\":\"join\",\"room\":\"ACDE\",\"name\":\"x\"}";
        if (phase >= 1)
            tv_party_on_text(&p, 1, join, strlen(join), 0);
        if (phase == 2) {
            tv_party_start(&p, 0);
            tv_party_on_sent(&p, 1, TV_PARTY_TAG_OPEN, 0);
        }
        /* the rest, split at newlines into several messages */
        size_t start = size ? 1 : 0;
        for (size_t i = start; i <= size; i++)
            if (i == size || data[i] == '\n') {
                tv_party_on_text(&p, 1, (const char *)data + start, i - start, (int64_t)i * 1000000);
                start = i + 1;
            }
        tv_party_tick(&p, 60000000000LL);
        tv_party_free(&p);
    }
    tv_session_free(&s);
    return 0;
}
