/* party_host.h - the game's end of trivium-party-server: starts it (and starts it again
 * when it dies), reads its frames (party/wire.h) into the party core with their
 * CLOCK_MONOTONIC stamps, and carries the party's messages out. The clock is read here,
 * in app, never in engine/party. The no-window loop of `trivium party` is
 * tv_party_host_run; the windowed game can call tv_party_host_poll from its own loop.
 * Depends on: party, app (paths). */
#ifndef TV_PARTY_HOST_H
#define TV_PARTY_HOST_H

#include <stdbool.h>
#include <sys/types.h>

#include "party/party.h"

typedef struct tv_PartyHost {
    const char *server_exe; /* trivium-party-server */
    const char *web_dir;    /* assets/party */
    char bind[64];          /* the address to listen on */
    int port;               /* 0 until the first server reports its port */
    pid_t pid;
    int fd; /* our end of the socketpair; -1 when no server runs */
    unsigned char *in;
    size_t in_len, in_cap;
    bool flushed; /* the server answered 'F' */
    int restarts;
    tv_Party *party; /* set by the caller before the first poll */
} tv_PartyHost;

/* Starts the server and waits (up to 5 s) until it listens. False with err set. */
bool tv_party_host_start(tv_PartyHost *h, tv_Error *err);
/* Waits up to timeout_ms for frames, hands them to h->party, and restarts a dead server.
 * False with err set when the server cannot be started again. */
bool tv_party_host_poll(tv_PartyHost *h, int timeout_ms, tv_Error *err);
/* The party core's send / close callbacks: ud is the tv_PartyHost. */
void tv_party_host_send(void *ud, uint32_t conn, const char *text, size_t len, uint32_t tag);
void tv_party_host_close(void *ud, uint32_t conn, int code, const char *reason);
/* 16 bytes of getrandom, for tokens and the room code; ud unused. */
void tv_party_host_random(void *ud, void *buf, size_t n);
/* CLOCK_MONOTONIC in nanoseconds: the clock every party time is on. */
int64_t tv_party_host_now(void);
/* Runs the party without a window: starts when start_when seats have joined, ticks,
 * and returns once the results are written to every phone. */
bool tv_party_host_run(tv_PartyHost *h, int start_when, tv_Error *err);
/* Stops the server; safe to call twice. */
void tv_party_host_stop(tv_PartyHost *h);

#endif
