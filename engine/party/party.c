/* party.c - the host rules of party play (party.h, docs/party.md).
 * Trust boundary: tv_party_on_text takes untrusted bytes; cJSON parses them with an
 * explicit length and every field is type- and range-checked before use.
 * Depends on: core, runner (answer tokens, script writer), cJSON. */
#include "party/party.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "runner/script_writer.h"

enum {
    E_BAD_MESSAGE,
    E_TOO_LARGE,
    E_RATE,
    E_BAD_ROOM,
    E_NOT_JOINED,
    E_UNKNOWN_TOKEN,
    E_WRONG_QUESTION,
    E_LATE,
    E_ALREADY_ANSWERED,
    E_LOCKED,
    E_FULL,
    E_BANNED,
    E_BAD_ANSWER,
    E_PAUSED,
    E_KICKED,
    E_NO_LIFELINE,
    E_COUNT
};

const char *const tv_party_error_codes[] = {
    "bad-message", "too-large", "rate",   "bad-room",   "not-joined", "unknown-token", "wrong-question", "late",
    "already-answered", "locked", "full", "banned", "bad-answer", "paused", "kicked", "no-lifeline",
};
const int tv_party_n_error_codes = E_COUNT;

/* {====================================================================== rules */

int64_t tv_party_fair_time(int64_t elapsed_ns, int64_t sent_ns, int64_t recv_ns, int64_t paused_ns,
                           int64_t allowance_ns)
{
    int64_t hi = recv_ns - sent_ns - paused_ns;
    if (hi < 0)
        hi = 0;
    if (elapsed_ns < 0)
        return hi;
    int64_t lo = hi - allowance_ns;
    if (lo < 0)
        lo = 0;
    return elapsed_ns < lo ? lo : elapsed_ns > hi ? hi : elapsed_ns;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int64_t tv_party_allowance(const int64_t *rtt, int n)
{
    if (n <= 0)
        return 0;
    int64_t sorted[TV_PARTY_RTT_SAMPLES];
    if (n > TV_PARTY_RTT_SAMPLES)
        n = TV_PARTY_RTT_SAMPLES;
    memcpy(sorted, rtt, sizeof(int64_t) * (size_t)n);
    qsort(sorted, (size_t)n, sizeof sorted[0], cmp_i64);
    /* The nearest-rank 90th percentile: ceil(0.9 n) - 1. */
    int64_t p90 = sorted[(9 * n + 9) / 10 - 1];
    if (p90 < 0)
        p90 = 0;
    return p90 < TV_PARTY_ALLOWANCE_CAP_NS ? p90 : TV_PARTY_ALLOWANCE_CAP_NS;
}

static uint32_t utf8_decode(const unsigned char *s, size_t n)
{
    if (n == 1)
        return s[0];
    if (n == 2)
        return (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
    if (n == 3)
        return (uint32_t)(s[0] & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
    return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 | (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
}

/* Characters a name never keeps: controls, bidi marks, overrides and isolates, zero
 * widths and other format characters, so a name cannot reorder or hide text. */
static bool name_drops(uint32_t c)
{
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xad || c == 0x061c || c == 0x180e ||
           (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) ||
           c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb) || (c >= 0xe0000 && c <= 0xe007f);
}

static bool name_space(uint32_t c)
{
    return c == ' ' || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f ||
           c == 0x3000;
}

bool tv_party_clean_name(const char *in, size_t len, char *out, size_t size)
{
    if (!tv_utf8_valid(in, len) || size < 2)
        return false;
    size_t o = 0;
    int chars = 0;
    bool pending_space = false;
    for (size_t i = 0; i < len && chars < TV_PARTY_NAME_MAX;) {
        size_t n = tv_utf8_char_len(in + i, len - i);
        if (n == 0)
            return false;
        uint32_t c = utf8_decode((const unsigned char *)in + i, n);
        if (name_space(c)) {
            pending_space = o > 0;
        } else if (!name_drops(c)) {
            if (pending_space && chars + 1 < TV_PARTY_NAME_MAX && o + 1 < size) {
                out[o++] = ' ';
                chars++;
            }
            pending_space = false;
            if (o + n >= size)
                break;
            memcpy(out + o, in + i, n);
            o += n;
            chars++;
        }
        i += n;
    }
    out[o] = '\0';
    return o > 0;
}

void tv_party_room_code(const unsigned char bytes[4], char out[5])
{
    static const char alphabet[] = "ACDEFHJKLMNPQRTUVWXY3479"; /* no B8 G6 I1 O0 S5 Z2 */
    for (int i = 0; i < 4; i++)
        out[i] = alphabet[bytes[i] % (sizeof alphabet - 1)];
    out[4] = '\0';
}

/* {====================================================================== set-up */

bool tv_party_init(tv_Party *p, const tv_PartyConfig *cfg, tv_Session *s, tv_Error *err)
{
    memset(p, 0, sizeof *p);
    if (cfg->max_players < 1 || !s || s->cfg.players != cfg->max_players)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "a party needs a session with one player per seat");
    p->cfg = *cfg;
    p->session = s;
    p->seats = calloc((size_t)cfg->max_players, sizeof *p->seats);
    p->counts = calloc(TV_MAX_OPTIONS, sizeof *p->counts);
    if (!p->seats || !p->counts) {
        tv_party_free(p);
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
    }
    if (!p->cfg.room[0]) {
        unsigned char b[4] = {0};
        if (cfg->random)
            cfg->random(cfg->ud, b, sizeof b);
        tv_party_room_code(b, p->cfg.room);
    }
    p->phase = TV_PARTY_LOBBY;
    return true;
}

void tv_party_free(tv_Party *p)
{
    free(p->seats);
    free(p->conns);
    free(p->counts);
    memset(p, 0, sizeof *p);
}

/* {====================================================================== sending */

static void send_json(tv_Party *p, uint32_t conn, cJSON *msg, uint32_t tag)
{
    char *text = msg ? cJSON_PrintUnformatted(msg) : NULL;
    if (text && p->cfg.send)
        p->cfg.send(p->cfg.ud, conn, text, strlen(text), tag);
    cJSON_free(text);
}

static void send_error(tv_Party *p, uint32_t conn, int code, const char *message)
{
    p->stats.errors++;
    p->stats.by_code[code]++;
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "error");
    cJSON_AddStringToObject(m, "code", tv_party_error_codes[code]);
    cJSON_AddStringToObject(m, "message", message);
    if (p->refusing_question > 0)
        cJSON_AddNumberToObject(m, "question", p->refusing_question);
    send_json(p, conn, m, TV_PARTY_TAG_NONE);
    cJSON_Delete(m);
}

static tv_PartyConn *find_conn(tv_Party *p, uint32_t id)
{
    for (int i = 0; i < p->n_conns; i++)
        if (p->conns[i].id == id)
            return &p->conns[i];
    return NULL;
}

static int64_t paused_now(const tv_Party *p, int64_t now_ns)
{
    return p->paused_ns + (p->paused ? now_ns - p->pause_ns : 0);
}

static const tv_Round *cur_round(const tv_Party *p) { return tv_session_round(p->session, p->round); }

/* The room's clock: the limit from the question's opening, plus the cap on A. */
int64_t tv_party_time_left_ms(const tv_Party *p, int64_t now_ns)
{
    if (p->phase != TV_PARTY_QUESTION)
        return 0;
    int64_t used = now_ns - p->phase_ns - paused_now(p, now_ns);
    int64_t left = (int64_t)cur_round(p)->limit_ms - used / 1000000;
    return left > 0 ? left : 0;
}

/* A seat's own clock: from S, its question frame's send. */
static int64_t seat_left_ms(const tv_Party *p, const tv_PartySeat *st, int64_t now_ns)
{
    int64_t room = tv_party_time_left_ms(p, now_ns);
    if (!st->open_ns)
        return room;
    int64_t used = now_ns - st->open_ns - (paused_now(p, now_ns) - st->open_paused_ns);
    int64_t left = (int64_t)cur_round(p)->limit_ms - used / 1000000;
    left = left > 0 ? left : 0;
    return left < room ? left : room;
}

static const char *kind_name(tv_QType t) { return tv_qtype_name(t); }

static void letters_of(unsigned mask, cJSON *arr)
{
    for (int i = 0; i < TV_MAX_OPTIONS; i++)
        if (mask & (1u << i)) {
            char l[2] = {(char)('A' + i), 0};
            cJSON_AddItemToArray(arr, cJSON_CreateString(l));
        }
}

static cJSON *question_msg(const tv_Party *p, int64_t time_ms)
{
    const tv_Round *r = cur_round(p);
    const tv_Question *q = r->q;
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "question");
    cJSON_AddNumberToObject(m, "index", p->round + 1);
    cJSON_AddNumberToObject(m, "count", p->session->n_rounds);
    cJSON_AddStringToObject(m, "kind", kind_name(q->type));
    cJSON_AddStringToObject(m, "prompt", q->prompt);
    if (q->type == TV_Q_CHOICE || q->type == TV_Q_TRUEFALSE) {
        cJSON *o = cJSON_AddArrayToObject(m, "options");
        for (int i = 0; i < r->n_shown; i++)
            cJSON_AddItemToArray(o, cJSON_CreateString(q->type == TV_Q_TRUEFALSE
                                                           ? (i == 0 ? p->cfg.labels.true_label : p->cfg.labels.false_label)
                                                           : q->options[r->shown[i]]));
    } else if (q->type == TV_Q_ORDER) {
        cJSON *o = cJSON_AddArrayToObject(m, "items");
        for (int i = 0; i < r->n_shown; i++)
            cJSON_AddItemToArray(o, cJSON_CreateString(q->items[r->shown[i]]));
    }
    if (q->type == TV_Q_NUMERIC)
        cJSON_AddStringToObject(m, "unit", q->unit);
    cJSON_AddNumberToObject(m, "time_ms", (double)time_ms);
    cJSON_AddNumberToObject(m, "limit_ms", r->limit_ms);
    cJSON_AddBoolToObject(m, "lifeline", q->type == TV_Q_CHOICE && q->n_options >= 3);
    cJSON_AddBoolToObject(m, "paused", p->paused);
    return m;
}

static cJSON *accepted_msg(const tv_Party *p, int seat, int round)
{
    const tv_PartySeat *st = &p->seats[seat];
    const tv_Record *rec = tv_session_record(p->session, seat, round);
    char given[300];
    tv_format_given(&rec->answer, given, sizeof given);
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "accepted");
    cJSON_AddNumberToObject(m, "question", round + 1);
    cJSON_AddStringToObject(m, "answer", given);
    cJSON_AddNumberToObject(m, "time_ms", (double)rec->t_ms);
    if (round == p->round) {
        cJSON_AddNumberToObject(m, "measured_ms", (double)st->measured_ms);
        cJSON_AddNumberToObject(m, "allowance_ms", (double)(st->allowance_ns / 1000000));
    }
    return m;
}

typedef struct SeatTotal {
    int total, seat;
} SeatTotal;

static int cmp_seats(const void *a, const void *b)
{
    const SeatTotal *x = a, *y = b;
    return x->total != y->total ? (y->total > x->total) - (y->total < x->total) : (x->seat > y->seat) - (x->seat < y->seat);
}

/* order[] gets the seats best first, rank[] each seat's rank (ties share one). */
static bool rank_all(const tv_Party *p, int **order_out, int **rank_out)
{
    int n = p->n_seats;
    int *order = malloc(sizeof(int) * (size_t)(n ? n : 1));
    int *rank = malloc(sizeof(int) * (size_t)(n ? n : 1));
    SeatTotal *st = malloc(sizeof *st * (size_t)(n ? n : 1));
    if (!order || !rank || !st) {
        free(order), free(rank), free(st);
        return false;
    }
    for (int i = 0; i < n; i++)
        st[i] = (SeatTotal){tv_party_seat_total(p, i), i};
    qsort(st, (size_t)n, sizeof *st, cmp_seats);
    for (int i = 0; i < n; i++) {
        order[i] = st[i].seat;
        rank[order[i]] = i > 0 && st[i].total == st[i - 1].total ? rank[order[i - 1]] : i + 1;
    }
    free(st);
    *order_out = order;
    *rank_out = rank;
    return true;
}

static void add_top(const tv_Party *p, cJSON *m, const int *order, int n)
{
    cJSON *top = cJSON_AddArrayToObject(m, "top");
    for (int i = 0; i < n && i < p->n_seats; i++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddNumberToObject(e, "seat", order[i] + 1);
        cJSON_AddStringToObject(e, "name", p->seats[order[i]].name);
        cJSON_AddNumberToObject(e, "total", tv_party_seat_total(p, order[i]));
        cJSON_AddItemToArray(top, e);
    }
}

static cJSON *reveal_msg(const tv_Party *p, int seat, int rank, const int *order)
{
    const tv_PartySeat *st = &p->seats[seat];
    const tv_Record *rec = tv_session_record(p->session, seat, p->round);
    tv_Answer right;
    tv_session_correct_answer(p->session, p->round, &right);
    char given[300], key[300];
    tv_format_given(&rec->answer, given, sizeof given);
    tv_format_given(&right, key, sizeof key);
    const tv_Question *q = cur_round(p)->q;
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "reveal");
    cJSON_AddNumberToObject(m, "index", p->round + 1);
    cJSON_AddBoolToObject(m, "correct", rec->verdict == TV_V_CORRECT);
    cJSON_AddNumberToObject(m, "points", rec->points);
    cJSON_AddNumberToObject(m, "total", tv_party_seat_total(p, seat));
    cJSON_AddNumberToObject(m, "rank", rank);
    cJSON_AddNumberToObject(m, "players", p->n_seats);
    cJSON_AddStringToObject(m, "verdict", tv_verdict_name(rec->verdict));
    cJSON_AddStringToObject(m, "answer", key);
    cJSON_AddStringToObject(m, "given", given);
    cJSON_AddNumberToObject(m, "bonus", rec->bonus);
    cJSON_AddNumberToObject(m, "streak", rec->streak);
    cJSON_AddNumberToObject(m, "time_ms", (double)rec->t_ms);
    cJSON_AddNumberToObject(m, "measured_ms", (double)st->measured_ms);
    cJSON_AddNumberToObject(m, "allowance_ms", (double)(st->allowance_ns / 1000000));
    cJSON_AddStringToObject(m, "explain", q->explain);
    if (rank > 1 && order) {
        /* who is just ahead: the last seat with a higher total */
        int total = tv_party_seat_total(p, seat);
        for (int i = rank - 2; i >= 0; i--)
            if (tv_party_seat_total(p, order[i]) > total) {
                cJSON_AddStringToObject(m, "ahead", p->seats[order[i]].name);
                cJSON_AddNumberToObject(m, "ahead_by", tv_party_seat_total(p, order[i]) - total);
                break;
            }
    }
    cJSON *c = cJSON_AddArrayToObject(m, "counts");
    for (int i = 0; i < cur_round(p)->n_shown; i++)
        cJSON_AddItemToArray(c, cJSON_CreateNumber(p->counts[i]));
    return m;
}

static cJSON *results_msg(const tv_Party *p, int seat, int rank, const int *order)
{
    tv_Result res = tv_session_result(p->session, seat);
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "results");
    cJSON_AddNumberToObject(m, "total", res.total);
    cJSON_AddNumberToObject(m, "rank", rank);
    cJSON_AddNumberToObject(m, "players", p->n_seats);
    cJSON_AddNumberToObject(m, "correct", res.correct);
    cJSON_AddNumberToObject(m, "asked", res.asked);
    if (order)
        add_top(p, m, order, 10);
    return m;
}

static void send_phase(tv_Party *p, int seat, int64_t now_ns)
{
    tv_PartySeat *st = &p->seats[seat];
    cJSON *m = NULL;
    uint32_t tag = TV_PARTY_TAG_NONE;
    int *order = NULL, *rank = NULL;
    switch (p->phase) {
    case TV_PARTY_LOBBY:
        m = cJSON_CreateObject();
        cJSON_AddStringToObject(m, "type", "lobby");
        cJSON_AddStringToObject(m, "room", p->cfg.room);
        cJSON_AddNumberToObject(m, "players", p->n_seats);
        break;
    case TV_PARTY_QUESTION:
        m = question_msg(p, seat_left_ms(p, st, now_ns));
        if (!st->open_ns)
            tag = TV_PARTY_TAG_OPEN + (uint32_t)p->round;
        if (tv_session_removed(p->session, seat, p->round))
            letters_of(tv_session_removed(p->session, seat, p->round), cJSON_AddArrayToObject(m, "removed"));
        send_json(p, st->conn, m, tag);
        cJSON_Delete(m);
        m = st->answered ? accepted_msg(p, seat, p->round) : NULL;
        break;
    case TV_PARTY_REVEAL:
    case TV_PARTY_RESULTS:
        if (rank_all(p, &order, &rank))
            m = p->phase == TV_PARTY_REVEAL ? reveal_msg(p, seat, rank[seat], order)
                                            : results_msg(p, seat, rank[seat], order);
        break;
    }
    if (m)
        send_json(p, st->conn, m, TV_PARTY_TAG_NONE);
    cJSON_Delete(m);
    free(order);
    free(rank);
}

static void send_welcome(tv_Party *p, int seat)
{
    tv_PartySeat *st = &p->seats[seat];
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "welcome");
    cJSON_AddStringToObject(m, "token", st->token);
    cJSON_AddNumberToObject(m, "seat", seat + 1);
    cJSON_AddStringToObject(m, "name", st->name);
    cJSON_AddStringToObject(m, "room", p->cfg.room);
    cJSON_AddStringToObject(m, "code", st->code);
    send_json(p, st->conn, m, TV_PARTY_TAG_NONE);
    cJSON_Delete(m);
}

/* {====================================================================== transport events */

void tv_party_on_open(tv_Party *p, uint32_t conn, const char *addr, int64_t now_ns)
{
    if (find_conn(p, conn))
        return;
    if (p->n_conns == p->cap_conns) {
        int cap = p->cap_conns ? p->cap_conns * 2 : 64;
        tv_PartyConn *grown = realloc(p->conns, sizeof *grown * (size_t)cap);
        if (!grown) {
            if (p->cfg.close)
                p->cfg.close(p->cfg.ud, conn, 1013, "the host is out of memory");
            return;
        }
        p->conns = grown;
        p->cap_conns = cap;
    }
    tv_PartyConn *c = &p->conns[p->n_conns++];
    memset(c, 0, sizeof *c);
    c->id = conn;
    c->seat = -1;
    c->tokens = TV_PARTY_RATE_BURST;
    c->last_ns = now_ns;
    tv_copy_printable(c->addr, sizeof c->addr, addr ? addr : "");
}

static void drop_conn(tv_Party *p, tv_PartyConn *c, int64_t now_ns)
{
    if (c->seat >= 0 && p->seats[c->seat].conn == c->id) {
        p->seats[c->seat].conn = 0;
        p->seats[c->seat].away_ns = now_ns;
    }
    *c = p->conns[--p->n_conns];
}

void tv_party_on_closed(tv_Party *p, uint32_t conn, int64_t now_ns)
{
    tv_PartyConn *c = find_conn(p, conn);
    if (c)
        drop_conn(p, c, now_ns);
}

void tv_party_on_transport_lost(tv_Party *p, int64_t now_ns)
{
    while (p->n_conns)
        drop_conn(p, &p->conns[p->n_conns - 1], now_ns);
}

void tv_party_on_rtt(tv_Party *p, uint32_t conn, int64_t rtt_ns)
{
    tv_PartyConn *c = find_conn(p, conn);
    if (!c || c->seat < 0 || rtt_ns < 0)
        return;
    tv_PartySeat *st = &p->seats[c->seat];
    st->rtt[st->rtt_next] = rtt_ns;
    st->rtt_next = (st->rtt_next + 1) % TV_PARTY_RTT_SAMPLES;
    if (st->n_rtt < TV_PARTY_RTT_SAMPLES)
        st->n_rtt++;
}

void tv_party_on_sent(tv_Party *p, uint32_t conn, uint32_t tag, int64_t sent_ns)
{
    if (tag != TV_PARTY_TAG_OPEN + (uint32_t)p->round || p->phase != TV_PARTY_QUESTION)
        return;
    tv_PartyConn *c = find_conn(p, conn);
    if (!c || c->seat < 0)
        return;
    tv_PartySeat *st = &p->seats[c->seat];
    if (!st->open_ns) {
        st->open_ns = sent_ns;
        st->open_paused_ns = paused_now(p, sent_ns); /* only pauses after S count for it */
    }
}

/* Rounds already closed get a timeout for a seat that joins after them. */
static bool fill_missed(tv_Party *p, int seat)
{
    int closed = p->phase == TV_PARTY_LOBBY ? 0 : p->phase == TV_PARTY_QUESTION ? p->round : p->round + 1;
    for (int r = 0; r < closed; r++) {
        tv_Answer a = {.kind = TV_ANS_TIMEOUT};
        tv_Error e = {0};
        if (!tv_session_answer(p->session, seat, r, &a, tv_session_round(p->session, r)->limit_ms, &e))
            return false;
    }
    return true;
}

static bool addr_is_loopback(const char *a)
{
    return strncmp(a, "127.", 4) == 0 || strcmp(a, "::1") == 0 || strncmp(a, "::ffff:127.", 11) == 0;
}

static void on_join(tv_Party *p, tv_PartyConn *c, const cJSON *msg, int64_t now_ns)
{
    const cJSON *room = cJSON_GetObjectItemCaseSensitive(msg, "room");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(msg, "name");
    if (!cJSON_IsString(room) || !cJSON_IsString(name))
        return send_error(p, c->id, E_BAD_MESSAGE, "join needs room and name as text");
    if (strlen(room->valuestring) != 4 || strncasecmp(room->valuestring, p->cfg.room, 4) != 0)
        return send_error(p, c->id, E_BAD_ROOM, "no party with that room code here");
    if (c->seat >= 0) {
        send_welcome(p, c->seat);
        return send_phase(p, c->seat, now_ns);
    }
    char clean[sizeof p->seats[0].name];
    if (!tv_party_clean_name(name->valuestring, strlen(name->valuestring), clean, sizeof clean))
        return send_error(p, c->id, E_BAD_MESSAGE, "the name is empty once control characters are removed");
    if (p->locked)
        return send_error(p, c->id, E_LOCKED, "the host has locked the room");
    if (p->phase == TV_PARTY_RESULTS)
        return send_error(p, c->id, E_LOCKED, "the party is over");
    if (p->n_seats >= p->cfg.max_players)
        return send_error(p, c->id, E_FULL, "every seat is taken");
    int cap = p->cfg.joins_per_address ? p->cfg.joins_per_address : TV_PARTY_JOINS_PER_ADDRESS;
    if (cap > 0 && !addr_is_loopback(c->addr)) {
        int n = 0;
        for (int i = 0; i < p->n_seats; i++)
            n += strcmp(p->seats[i].addr, c->addr) == 0;
        if (n >= cap)
            return send_error(p, c->id, E_RATE, "too many seats joined from this address");
    }
    int seat = p->n_seats;
    tv_PartySeat *st = &p->seats[seat];
    memset(st, 0, sizeof *st);
    if (!fill_missed(p, seat))
        return send_error(p, c->id, E_FULL, "cannot seat a player now");
    p->n_seats++;
    snprintf(st->name, sizeof st->name, "%s", clean);
    snprintf(st->addr, sizeof st->addr, "%s", c->addr);
    unsigned char tok[16] = {0};
    if (p->cfg.random)
        p->cfg.random(p->cfg.ud, tok, sizeof tok);
    for (int i = 0; i < 16; i++)
        snprintf(st->token + 2 * i, 3, "%02x", tok[i]);
    unsigned char code[6] = {0};
    if (p->cfg.random)
        p->cfg.random(p->cfg.ud, code, sizeof code);
    tv_party_room_code(code, st->code);
    tv_party_room_code(code + 2, st->code + 2); /* 6 characters of the room-code alphabet */
    st->measured_ms = -1;
    st->conn = c->id;
    c->seat = seat;
    p->stats.joins++;
    send_welcome(p, seat);
    send_phase(p, seat, now_ns);
}

/* resume (by token) and move (by the seat code, to take a seat to another phone). */
static void on_resume(tv_Party *p, tv_PartyConn *c, const cJSON *msg, int64_t now_ns, bool by_code)
{
    const cJSON *token = cJSON_GetObjectItemCaseSensitive(msg, by_code ? "code" : "token");
    if (!cJSON_IsString(token))
        return send_error(p, c->id, E_BAD_MESSAGE, by_code ? "move needs a code as text" : "resume needs a token as text");
    if (by_code && p->failed_moves >= TV_PARTY_MAX_FAILED_MOVES)
        return send_error(p, c->id, E_LOCKED, "too many wrong seat codes: moving seats is off for this party");
    if (by_code) {
        const cJSON *room = cJSON_GetObjectItemCaseSensitive(msg, "room");
        if (!cJSON_IsString(room) || strlen(room->valuestring) != 4 || strncasecmp(room->valuestring, p->cfg.room, 4) != 0)
            return send_error(p, c->id, E_BAD_ROOM, "no party with that room code here");
    }
    int seat = -1;
    size_t want = by_code ? 6 : 32;
    if (strlen(token->valuestring) == want)
        for (int i = 0; i < p->n_seats && seat < 0; i++)
            if (by_code ? strncasecmp(p->seats[i].code, token->valuestring, 6) == 0
                        : strcmp(p->seats[i].token, token->valuestring) == 0)
                seat = i;
    if (seat < 0 && by_code)
        p->failed_moves++;
    if (seat < 0)
        return send_error(p, c->id, E_UNKNOWN_TOKEN,
                          by_code ? "no seat has that code in this party" : "no seat has that token in this party");
    tv_PartySeat *st = &p->seats[seat];
    if (st->banned)
        return send_error(p, c->id, E_BANNED, "the host has banned this seat");
    if (st->conn && st->conn != c->id) {
        tv_PartyConn *old = find_conn(p, st->conn);
        if (old)
            old->seat = -1;
        if (p->cfg.close)
            p->cfg.close(p->cfg.ud, st->conn, 4000, "moved to another device");
    }
    if (c->seat >= 0 && c->seat != seat && p->seats[c->seat].conn == c->id)
        p->seats[c->seat].conn = 0;
    st->conn = c->id;
    c->seat = seat;
    p->stats.resumes++;
    send_welcome(p, seat);
    send_phase(p, seat, now_ns);
}

/* Parses one answer-script token; refuses script-only words, times and 50:50. */
static bool parse_token(tv_Party *p, int seat, const char *tok, tv_Answer *a, tv_Script *sc, tv_Error *err)
{
    memset(sc, 0, sizeof *sc); /* safe to free whatever happens below */
    size_t n = strlen(tok);
    if (n == 0 || strpbrk(tok, "@#\r\n"))
        return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0, "an answer is one token without @ or #");
    if (!tv_script_parse(sc, "answer", tok, n, tv_alloc_default(), err))
        return false;
    if (sc->n_steps != 1 || sc->steps[0].lifeline || sc->steps[0].kind == TV_STEP_CORRECT ||
        sc->steps[0].kind == TV_STEP_WRONG || sc->steps[0].kind == TV_STEP_TIMEOUT)
        return tv_error_set(err, TV_ERR_SCRIPT, NULL, 0,
                            "an answer is a letter, letters, a number, =text or skip");
    return tv_step_to_answer(p->session, seat, p->round, &sc->steps[0], p->cfg.accept, p->cfg.n_accept, a, err);
}

/* The question index of a message: a whole number. */
static bool question_index(tv_Party *p, const cJSON *msg, int *out)
{
    const cJSON *q = cJSON_GetObjectItemCaseSensitive(msg, "question");
    if (!cJSON_IsNumber(q) || !(q->valuedouble >= 1 && q->valuedouble <= TV_SESSION_MAX_PLAYERS * 10.0) ||
        q->valuedouble != (double)(int)q->valuedouble) {
        *out = -1;
        return cJSON_IsNumber(q);
    }
    *out = (int)q->valuedouble - 1;
    p->refusing_question = *out + 1; /* a refusal names the question it refuses */
    return true;
}

static void on_answer(tv_Party *p, tv_PartyConn *c, const cJSON *msg, int64_t now_ns)
{
    if (c->seat < 0)
        return send_error(p, c->id, E_NOT_JOINED, "join or resume first");
    int seat = c->seat;
    tv_PartySeat *st = &p->seats[seat];
    int round;
    const cJSON *ans = cJSON_GetObjectItemCaseSensitive(msg, "answer");
    const cJSON *el = cJSON_GetObjectItemCaseSensitive(msg, "elapsed_ms");
    if (!question_index(p, msg, &round) || !cJSON_IsString(ans) || (el && !cJSON_IsNumber(el)))
        return send_error(p, c->id, E_BAD_MESSAGE, "answer needs question (a number) and answer (text)");
    if (st->kicked)
        return send_error(p, c->id, E_KICKED, "the host has frozen this seat");
    if (p->phase == TV_PARTY_LOBBY || round < 0 || round >= p->session->n_rounds || round > p->round)
        return send_error(p, c->id, E_WRONG_QUESTION, "that question is not open");
    bool open = p->phase == TV_PARTY_QUESTION && round == p->round;
    const tv_Record *rec = tv_session_record(p->session, seat, round);
    bool given = open ? st->answered : rec->answered && rec->answer.kind != TV_ANS_TIMEOUT;
    if (given) {
        /* The same answer again (a resend after a drop) is accepted again; another is not. */
        char was[300], now[300];
        tv_format_given(&rec->answer, was, sizeof was);
        tv_Script sc = {0};
        tv_Answer a;
        tv_Error e = {0};
        bool same = round == p->round && open && parse_token(p, seat, ans->valuestring, &a, &sc, &e);
        if (same) {
            tv_format_given(&a, now, sizeof now);
            same = strcmp(was, now) == 0 || strcmp(was, ans->valuestring) == 0;
        } else {
            same = strcmp(was, ans->valuestring) == 0;
        }
        tv_script_free(&sc);
        if (!same)
            return send_error(p, c->id, E_ALREADY_ANSWERED, "this seat has already answered that question");
        p->stats.duplicates++;
        cJSON *m = accepted_msg(p, seat, round);
        send_json(p, c->id, m, TV_PARTY_TAG_NONE);
        cJSON_Delete(m);
        return;
    }
    if (!open)
        return send_error(p, c->id, E_LATE, "that question has closed");
    if (p->paused)
        return send_error(p, c->id, E_PAUSED, "the host has paused the game");
    const tv_Round *r = cur_round(p);
    int64_t sent = st->open_ns ? st->open_ns : p->phase_ns;
    int64_t paused_since = paused_now(p, now_ns) - (st->open_ns ? st->open_paused_ns : 0);
    int64_t allowance = tv_party_allowance(st->rtt, st->n_rtt);
    int64_t taken = now_ns - sent - paused_since;
    if (taken > (int64_t)r->limit_ms * 1000000 + allowance)
        return send_error(p, c->id, E_LATE, "the time for that question is up");
    double elapsed_ms = el ? el->valuedouble : -1;
    if (el && (elapsed_ms < 0 || elapsed_ms > 1e7))
        return send_error(p, c->id, E_BAD_MESSAGE, "elapsed_ms is a number of milliseconds");
    int64_t t = tv_party_fair_time(el ? (int64_t)(elapsed_ms * 1e6) : -1, sent, now_ns, paused_since, allowance);
    int64_t t_ms = t / 1000000;
    if (t_ms > r->limit_ms)
        t_ms = r->limit_ms;
    tv_Script sc = {0};
    tv_Answer a;
    tv_Error e = {0};
    bool ok = parse_token(p, seat, ans->valuestring, &a, &sc, &e);
    ok = ok && tv_session_answer(p->session, seat, round, &a, t_ms, &e) != NULL;
    tv_script_free(&sc);
    if (!ok)
        return send_error(p, c->id, E_BAD_ANSWER, e.msg);
    st->answered = true;
    st->allowance_ns = allowance;
    st->measured_ms = el ? (int64_t)elapsed_ms : -1;
    st->counted_ms = t_ms;
    rec = tv_session_record(p->session, seat, round);
    if (rec->answer.kind == TV_ANS_OPTION && rec->answer.option >= 0 && rec->answer.option < TV_MAX_OPTIONS)
        p->counts[rec->answer.option]++;
    p->stats.answers_accepted++;
    cJSON *m = accepted_msg(p, seat, round);
    send_json(p, c->id, m, TV_PARTY_TAG_NONE);
    cJSON_Delete(m);
}

static void on_lifeline(tv_Party *p, tv_PartyConn *c, const cJSON *msg)
{
    if (c->seat < 0)
        return send_error(p, c->id, E_NOT_JOINED, "join or resume first");
    int round;
    if (!question_index(p, msg, &round))
        return send_error(p, c->id, E_BAD_MESSAGE, "lifeline needs question (a number)");
    if (p->seats[c->seat].kicked)
        return send_error(p, c->id, E_KICKED, "the host has frozen this seat");
    if (p->phase != TV_PARTY_QUESTION || round != p->round)
        return send_error(p, c->id, E_WRONG_QUESTION, "that question is not open");
    if (p->paused)
        return send_error(p, c->id, E_PAUSED, "the host has paused the game");
    tv_Error e = {0};
    if (!tv_session_lifeline_available(p->session, c->seat, round) ||
        !tv_session_lifeline(p->session, c->seat, round, &e))
        return send_error(p, c->id, E_NO_LIFELINE, "50:50 is not available on this question");
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "lifeline");
    cJSON_AddNumberToObject(m, "question", round + 1);
    letters_of(tv_session_removed(p->session, c->seat, round), cJSON_AddArrayToObject(m, "removed"));
    send_json(p, c->id, m, TV_PARTY_TAG_NONE);
    cJSON_Delete(m);
}

void tv_party_on_text(tv_Party *p, uint32_t conn, const char *data, size_t len, int64_t now_ns)
{
    tv_PartyConn *c = find_conn(p, conn);
    if (!c)
        return;
    /* A token bucket: TV_PARTY_RATE_PER_S refilled per second, TV_PARTY_RATE_BURST deep. */
    if (now_ns > c->last_ns) {
        c->tokens += (double)(now_ns - c->last_ns) * TV_PARTY_RATE_PER_S / 1e9;
        if (c->tokens > TV_PARTY_RATE_BURST)
            c->tokens = TV_PARTY_RATE_BURST;
        c->last_ns = now_ns;
    }
    p->refusing_question = 0;
    if (c->tokens < 1)
        return send_error(p, conn, E_RATE, "too many messages: slow down");
    c->tokens -= 1;
    if (len > TV_PARTY_MAX_MESSAGE)
        return send_error(p, conn, E_TOO_LARGE, "a message is at most 4096 bytes");
    cJSON *msg = cJSON_ParseWithLength(data, len);
    const cJSON *type = msg ? cJSON_GetObjectItemCaseSensitive(msg, "type") : NULL;
    if (!cJSON_IsObject(msg) || !cJSON_IsString(type))
        send_error(p, conn, E_BAD_MESSAGE, "a message is a JSON object with a type");
    else if (strcmp(type->valuestring, "join") == 0)
        on_join(p, c, msg, now_ns);
    else if (strcmp(type->valuestring, "resume") == 0)
        on_resume(p, c, msg, now_ns, false);
    else if (strcmp(type->valuestring, "move") == 0)
        on_resume(p, c, msg, now_ns, true);
    else if (strcmp(type->valuestring, "answer") == 0)
        on_answer(p, c, msg, now_ns);
    else if (strcmp(type->valuestring, "lifeline") == 0)
        on_lifeline(p, c, msg);
    else
        send_error(p, conn, E_BAD_MESSAGE, "type is join, resume, move, answer or lifeline");
    cJSON_Delete(msg);
}

/* {====================================================================== phases */

static void open_question(tv_Party *p, int round, int64_t now_ns)
{
    p->phase = TV_PARTY_QUESTION;
    p->round = round;
    p->phase_ns = now_ns;
    p->paused_ns = 0;
    if (p->paused)
        p->pause_ns = now_ns;
    memset(p->counts, 0, sizeof(int) * TV_MAX_OPTIONS);
    for (int i = 0; i < p->n_seats; i++) {
        tv_PartySeat *st = &p->seats[i];
        st->open_ns = st->open_paused_ns = 0;
        st->answered = false;
        st->allowance_ns = 0;
        st->measured_ms = -1;
        st->counted_ms = 0;
    }
    /* One frame for every seat: built once. */
    cJSON *m = question_msg(p, cur_round(p)->limit_ms);
    char *text = cJSON_PrintUnformatted(m);
    cJSON_Delete(m);
    if (!text)
        return;
    size_t len = strlen(text);
    for (int i = 0; i < p->n_seats; i++)
        if (p->seats[i].conn && p->cfg.send)
            p->cfg.send(p->cfg.ud, p->seats[i].conn, text, len, TV_PARTY_TAG_OPEN + (uint32_t)round);
    cJSON_free(text);
}

static void broadcast_phase(tv_Party *p)
{
    int *order = NULL, *rank = NULL;
    if (!rank_all(p, &order, &rank))
        return;
    for (int i = 0; i < p->n_seats; i++) {
        if (!p->seats[i].conn)
            continue;
        cJSON *m = p->phase == TV_PARTY_REVEAL ? reveal_msg(p, i, rank[i], order) : results_msg(p, i, rank[i], order);
        send_json(p, p->seats[i].conn, m, TV_PARTY_TAG_NONE);
        cJSON_Delete(m);
    }
    free(order);
    free(rank);
}

bool tv_party_start(tv_Party *p, int64_t now_ns)
{
    if (p->phase != TV_PARTY_LOBBY || p->session->n_rounds == 0)
        return false;
    open_question(p, 0, now_ns);
    return true;
}

void tv_party_end_question(tv_Party *p, int64_t now_ns)
{
    if (p->phase != TV_PARTY_QUESTION)
        return;
    if (p->paused)
        tv_party_pause(p, false, now_ns);
    const tv_Round *r = cur_round(p);
    for (int i = 0; i < p->n_seats; i++)
        if (!p->seats[i].answered) {
            tv_Answer a = {.kind = TV_ANS_TIMEOUT};
            tv_Error e = {0};
            tv_session_answer(p->session, i, p->round, &a, r->limit_ms, &e);
            p->seats[i].measured_ms = -1;
            p->seats[i].allowance_ns = 0;
        }
    p->phase = TV_PARTY_REVEAL;
    p->phase_ns = now_ns;
    broadcast_phase(p);
}

void tv_party_next(tv_Party *p, int64_t now_ns)
{
    if (p->phase != TV_PARTY_REVEAL)
        return;
    if (p->round + 1 < p->session->n_rounds) {
        open_question(p, p->round + 1, now_ns);
        return;
    }
    p->phase = TV_PARTY_RESULTS;
    p->phase_ns = now_ns;
    broadcast_phase(p);
    p->finished = true;
}

void tv_party_pause(tv_Party *p, bool paused, int64_t now_ns)
{
    if (paused == p->paused)
        return;
    if (paused)
        p->pause_ns = now_ns;
    else
        p->paused_ns += now_ns - p->pause_ns;
    p->paused = paused;
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "pause");
    cJSON_AddBoolToObject(m, "paused", paused);
    cJSON_AddNumberToObject(m, "time_ms", (double)tv_party_time_left_ms(p, now_ns));
    char *text = cJSON_PrintUnformatted(m);
    cJSON_Delete(m);
    for (int i = 0; text && i < p->n_seats; i++)
        if (p->seats[i].conn && p->cfg.send)
            p->cfg.send(p->cfg.ud, p->seats[i].conn, text, strlen(text), TV_PARTY_TAG_NONE);
    cJSON_free(text);
}

void tv_party_lock(tv_Party *p, bool locked) { p->locked = locked; }

void tv_party_kick(tv_Party *p, int seat)
{
    if (seat < 0 || seat >= p->n_seats)
        return;
    tv_PartySeat *st = &p->seats[seat];
    st->kicked = true;
    if (st->conn) {
        send_error(p, st->conn, E_KICKED, "the host has frozen this seat");
        if (p->cfg.close)
            p->cfg.close(p->cfg.ud, st->conn, 4001, "kicked by the host");
        tv_PartyConn *c = find_conn(p, st->conn);
        if (c)
            c->seat = -1;
        st->conn = 0;
    }
}

void tv_party_ban(tv_Party *p, int seat)
{
    if (seat < 0 || seat >= p->n_seats)
        return;
    p->seats[seat].banned = true;
    tv_party_kick(p, seat);
}

int64_t tv_party_tick(tv_Party *p, int64_t now_ns)
{
    if (p->phase == TV_PARTY_QUESTION) {
        if (p->paused)
            return -1;
        /* The room closes at the limit plus the cap on A plus a fan-out slack, pauses added;
         * each seat's own window (S + limit + A) is checked on receipt. */
        int64_t close = p->phase_ns + p->paused_ns + (int64_t)cur_round(p)->limit_ms * 1000000 +
                        TV_PARTY_ALLOWANCE_CAP_NS + 250000000LL;
        /* Every connected seat answered ends it early, but a seat that dropped during the
         * question (a locked phone, a restarted server) is waited for a moment first. */
        int waiting = 0;
        int64_t grace_end = -1;
        for (int i = 0; i < p->n_seats; i++) {
            const tv_PartySeat *st = &p->seats[i];
            if (st->kicked || st->answered)
                continue;
            if (st->conn)
                waiting++;
            else if (st->away_ns >= p->phase_ns && now_ns < st->away_ns + TV_PARTY_AWAY_GRACE_NS) {
                waiting++;
                if (grace_end < 0 || st->away_ns + TV_PARTY_AWAY_GRACE_NS < grace_end)
                    grace_end = st->away_ns + TV_PARTY_AWAY_GRACE_NS;
            }
        }
        if (now_ns >= close || (waiting == 0 && tv_party_answered_count(p) > 0)) {
            tv_party_end_question(p, now_ns);
            return tv_party_tick(p, now_ns);
        }
        return grace_end >= 0 && grace_end < close ? grace_end : close;
    }
    if (p->phase == TV_PARTY_REVEAL) {
        int64_t end = p->phase_ns + (int64_t)p->cfg.reveal_ms * 1000000;
        if (now_ns >= end) {
            tv_party_next(p, now_ns);
            return tv_party_tick(p, now_ns);
        }
        return end;
    }
    return -1;
}

/* {====================================================================== read API */

tv_PartyPhase tv_party_phase(const tv_Party *p) { return p->phase; }
const char *tv_party_room(const tv_Party *p) { return p->cfg.room; }
int tv_party_seat_count(const tv_Party *p) { return p->n_seats; }

int tv_party_connected_count(const tv_Party *p)
{
    int n = 0;
    for (int i = 0; i < p->n_seats; i++)
        n += p->seats[i].conn != 0 && !p->seats[i].kicked;
    return n;
}

int tv_party_answered_count(const tv_Party *p)
{
    if (p->phase != TV_PARTY_QUESTION)
        return 0;
    int n = 0;
    for (int i = 0; i < p->n_seats; i++)
        n += p->seats[i].answered;
    return n;
}

const int *tv_party_option_counts(const tv_Party *p, int *n)
{
    *n = p->phase == TV_PARTY_LOBBY ? 0 : cur_round(p)->n_shown;
    return p->counts;
}

const tv_PartySeat *tv_party_seat(const tv_Party *p, int seat)
{
    return seat >= 0 && seat < p->n_seats ? &p->seats[seat] : NULL;
}

int tv_party_seat_total(const tv_Party *p, int seat) { return tv_session_result(p->session, seat).total; }

int tv_party_top(const tv_Party *p, int *out, int n)
{
    int *order, *rank;
    if (!rank_all(p, &order, &rank))
        return 0;
    int k = n < p->n_seats ? n : p->n_seats;
    memcpy(out, order, sizeof(int) * (size_t)(k > 0 ? k : 0));
    free(order);
    free(rank);
    return k;
}

int tv_party_rank(const tv_Party *p, int seat)
{
    int total = tv_party_seat_total(p, seat), r = 1;
    for (int i = 0; i < p->n_seats; i++)
        r += tv_party_seat_total(p, i) > total;
    return r;
}

void tv_party_join_url(const tv_Party *p, const char *host, int port, char *buf, size_t size)
{
    bool v6 = strchr(host, ':') != NULL;
    snprintf(buf, size, "http://%s%s%s:%d/?room=%s", v6 ? "[" : "", host, v6 ? "]" : "", port, p->cfg.room);
}

/* {====================================================================== the record */

bool tv_party_write_script(const tv_Party *p, int seat, const tv_ScriptDirectives *d, FILE *f)
{
    const tv_PartySeat *st = &p->seats[seat];
    fprintf(f, "# trivium party, room %s\n", p->cfg.room);
    fprintf(f, "#! name %s\n#! seat %d\n", st->name, seat + 1);
    if (!tv_script_write_header(f, NULL, d))
        return false;
    int asked = p->phase == TV_PARTY_LOBBY ? 0 : p->phase == TV_PARTY_QUESTION ? p->round : p->round + 1;
    for (int r = 0; r < asked; r++)
        if (!tv_script_write_answer(f, tv_session_record(p->session, seat, r)))
            return false;
    return !ferror(f);
}
