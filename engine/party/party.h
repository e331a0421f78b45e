/* party.h - the host rules of party play (docs/party.md): seats and their tokens, the
 * room code, the phases lobby -> question -> reveal -> results, the phone messages in
 * and the host messages out, the fair-timing rule, and pause, lock, kick and ban.
 *
 * No clock, no sockets, no hidden RNG: the caller (engine/app's host loop, or the game)
 * passes every time in nanoseconds on one monotonic clock, gives random bytes through
 * cfg.random, and carries the messages the party sends through cfg.send / cfg.close to
 * the connections (the trivium-party-server process owns the sockets). All seats play
 * in one tv_Session the caller creates with cfg.max_players players; seat k (1-based)
 * is player k-1, so seat-00k.txt of a --record replays as the k-th --answers.
 * Trust boundary: every byte of a phone message is untrusted (tv_party_on_text);
 * fuzzed by tests/fuzz/fuzz_party.c.
 * Depends on: core (session, text), runner (answer-script tokens, script writer), cJSON. */
#ifndef TV_PARTY_H
#define TV_PARTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/session.h"
#include "runner/answers.h"
#include "runner/replay.h"

#define TV_PARTY_MAX_MESSAGE 4096       /* bytes of one phone message */
#define TV_PARTY_NAME_MAX 24            /* characters of a name, after trimming */
#define TV_PARTY_ALLOWANCE_CAP_NS 150000000LL /* A is at most 150 ms */
#define TV_PARTY_RTT_SAMPLES 16         /* recent round trips kept per seat */
#define TV_PARTY_RATE_PER_S 10          /* messages per second a connection may send... */
#define TV_PARTY_RATE_BURST 20          /* ...after a burst of this many */
#define TV_PARTY_JOINS_PER_ADDRESS 16   /* seats one address may take (loopback exempt) */
/* Wrong seat codes a party takes before "move" is switched off (24^6 codes). */
#define TV_PARTY_MAX_FAILED_MOVES 200
/* A seat that drops mid-question is waited for this long before "everyone answered"
 * ends the question without it. */
#define TV_PARTY_AWAY_GRACE_NS 3000000000LL

typedef enum tv_PartyPhase {
    TV_PARTY_LOBBY,
    TV_PARTY_QUESTION,
    TV_PARTY_REVEAL,
    TV_PARTY_RESULTS,
} tv_PartyPhase;

/* Frames the party sends carry a tag: TV_PARTY_TAG_OPEN + round for the first question
 * frame of a round to a seat, whose send time the server reports back (on_sent) as S. */
#define TV_PARTY_TAG_NONE 0u
#define TV_PARTY_TAG_OPEN 1u

typedef struct tv_PartyConfig {
    int max_players;   /* seats; the session has this many players */
    char room[5];      /* the room code; "" makes one from cfg.random */
    int reveal_ms;     /* how long a reveal stays; 0 goes straight on */
    int joins_per_address; /* 0: TV_PARTY_JOINS_PER_ADDRESS; -1: no cap */
    tv_Labels labels;  /* true/false words a typed answer may use (the party's language) */
    const tv_Labels *accept; /* every language's words, for =text on true/false */
    int n_accept;
    void *ud;
    void (*random)(void *ud, void *buf, size_t n); /* fills buf with n random bytes */
    void (*send)(void *ud, uint32_t conn, const char *text, size_t len, uint32_t tag);
    void (*close)(void *ud, uint32_t conn, int code, const char *reason);
} tv_PartyConfig;

typedef struct tv_PartySeat {
    char name[TV_PARTY_NAME_MAX * 4 + 1];
    char token[33];      /* 128 bits as hex */
    char code[7];        /* the seat code: moves the seat to another phone ("move") */
    char addr[64];       /* the address it joined from */
    uint32_t conn;       /* 0: away */
    int64_t away_ns;     /* when it last went away */
    bool kicked, banned;
    int64_t rtt[TV_PARTY_RTT_SAMPLES];
    int n_rtt, rtt_next;
    /* The current round, on this seat's own clock. */
    int64_t open_ns;      /* S: when its question frame left the server; 0 not yet */
    int64_t open_paused_ns; /* the round's pause time at S */
    bool answered;
    int64_t allowance_ns; /* A used for its answer */
    int64_t measured_ms;  /* its phone's elapsed_ms (or -1), for the reveal */
    int64_t counted_ms;   /* the time the answer was scored at */
} tv_PartySeat;

typedef struct tv_PartyConn {
    uint32_t id;
    int seat; /* -1 not joined */
    char addr[64];
    double tokens; /* the rate bucket */
    int64_t last_ns;
} tv_PartyConn;

typedef struct tv_PartyCounters {
    long long answers_accepted, duplicates, errors, joins, resumes;
    long long by_code[32]; /* per tv_party_error_code index */
} tv_PartyCounters;

typedef struct tv_Party {
    tv_PartyConfig cfg;
    tv_Session *session; /* borrowed; cfg.max_players players */
    tv_PartyPhase phase;
    int round;           /* 0-based, the current or last question */
    int n_seats;
    tv_PartySeat *seats; /* cfg.max_players of them */
    int n_conns, cap_conns;
    tv_PartyConn *conns;
    bool locked, paused;
    int64_t phase_ns;    /* when the phase began */
    int64_t pause_ns;    /* when the pause began */
    int64_t paused_ns;   /* pause time in this round so far */
    int64_t close_ns;    /* the round's last acceptance (question phase), pauses added */
    bool finished;       /* results sent */
    int *counts;         /* per shown option of this round: answers */
    int failed_moves;      /* wrong seat codes so far (guessing is capped) */
    int refusing_question; /* while handling a message: its question (1-based), 0 none */
    tv_PartyCounters stats;
} tv_Party;

/* Sets up p over s (s->cfg.players must be cfg->max_players). Fails with err set. */
bool tv_party_init(tv_Party *p, const tv_PartyConfig *cfg, tv_Session *s, tv_Error *err);
void tv_party_free(tv_Party *p);

/* Transport events, each at now_ns. addr is the peer's numeric address. */
void tv_party_on_open(tv_Party *p, uint32_t conn, const char *addr, int64_t now_ns);
void tv_party_on_text(tv_Party *p, uint32_t conn, const char *data, size_t len, int64_t now_ns);
void tv_party_on_sent(tv_Party *p, uint32_t conn, uint32_t tag, int64_t sent_ns);
void tv_party_on_rtt(tv_Party *p, uint32_t conn, int64_t rtt_ns);
void tv_party_on_closed(tv_Party *p, uint32_t conn, int64_t now_ns);
/* The transport restarted: every connection is gone; seats stay and resume by token. */
void tv_party_on_transport_lost(tv_Party *p, int64_t now_ns);

/* Time passing: ends a question at its close (or once every connected seat answered),
 * a reveal after cfg.reveal_ms. Returns the next time it wants to be called, or -1. */
int64_t tv_party_tick(tv_Party *p, int64_t now_ns);

/* Host controls. */
bool tv_party_start(tv_Party *p, int64_t now_ns);       /* lobby -> first question */
void tv_party_end_question(tv_Party *p, int64_t now_ns); /* question -> reveal now */
void tv_party_next(tv_Party *p, int64_t now_ns);         /* reveal -> next question or results */
void tv_party_pause(tv_Party *p, bool paused, int64_t now_ns);
void tv_party_lock(tv_Party *p, bool locked);
void tv_party_kick(tv_Party *p, int seat); /* 0-based; frozen, score kept */
void tv_party_ban(tv_Party *p, int seat);  /* kicked, and its token refused */

/* {====================================================== the read API for the TV */
tv_PartyPhase tv_party_phase(const tv_Party *p);
const char *tv_party_room(const tv_Party *p);
int tv_party_seat_count(const tv_Party *p);
int tv_party_connected_count(const tv_Party *p);
int tv_party_answered_count(const tv_Party *p);
/* Answers per shown option of the current round (n of them: the round's n_shown). */
const int *tv_party_option_counts(const tv_Party *p, int *n);
const tv_PartySeat *tv_party_seat(const tv_Party *p, int seat);
int tv_party_seat_total(const tv_Party *p, int seat);
/* Seats by total, best first (ties by seat order): writes up to n into out, returns how many. */
int tv_party_top(const tv_Party *p, int *out, int n);
/* 1 + the number of seats with a higher total. */
int tv_party_rank(const tv_Party *p, int seat);
/* Milliseconds left in the current question for the room (pauses frozen), 0 outside one. */
int64_t tv_party_time_left_ms(const tv_Party *p, int64_t now_ns);
/* Writes "http://HOST:PORT/?room=CODE" into buf. */
void tv_party_join_url(const tv_Party *p, const char *host, int port, char *buf, size_t size);

/* {====================================================== the rules, exposed for tests */

/* The fair-timing rule: t = clamp(elapsed, (R - S) - A, R - S); elapsed < 0 means the
 * phone sent none (then t = R - S). All in nanoseconds; paused_ns is pause time between
 * S and R, taken off R - S. */
int64_t tv_party_fair_time(int64_t elapsed_ns, int64_t sent_ns, int64_t recv_ns, int64_t paused_ns,
                           int64_t allowance_ns);
/* A for these round trips: min(p90, cap), 0 without samples. */
int64_t tv_party_allowance(const int64_t *rtt, int n);
/* A name as shown: control, bidi and other format characters removed, spaces
 * collapsed and trimmed, at most TV_PARTY_NAME_MAX characters. False when nothing is left
 * or the input is not UTF-8. */
bool tv_party_clean_name(const char *in, size_t len, char *out, size_t size);
/* A room code (4 characters of an alphabet without look-alikes) from 4 random bytes. */
void tv_party_room_code(const unsigned char bytes[4], char out[5]);

/* The documented error codes (docs/party.md), in the order of by_code[]. */
extern const char *const tv_party_error_codes[];
extern const int tv_party_n_error_codes;

/* Writes seat's answer script (the record): #! name, seat and d's directives, then one
 * line per asked round. Returns false when the stream reports an error. */
bool tv_party_write_script(const tv_Party *p, int seat, const tv_ScriptDirectives *d, FILE *f);

#endif
