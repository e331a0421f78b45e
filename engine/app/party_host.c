/* party_host.c - the game's end of trivium-party-server (party_host.h).
 * Trust boundary: the server is less trusted than the game (it parses network bytes in
 * an old library), so every frame from it is bounds-checked; a malformed one counts as
 * its death and it is restarted.
 * Depends on: party, party/wire.h, POSIX (posix_spawn, socketpair, poll, getrandom). */
#define _GNU_SOURCE /* posix_spawn_file_actions_addclosefrom_np */
#include "app/party_host.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "party/wire.h"

extern char **environ;

int64_t tv_party_host_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void tv_party_host_random(void *ud, void *buf, size_t n)
{
    (void)ud;
    unsigned char *b = buf;
    for (size_t got = 0; got < n;) {
        ssize_t k = getrandom(b + got, n - got, 0);
        if (k > 0)
            got += (size_t)k;
        else if (errno != EINTR)
            abort(); /* no randomness: a token would be guessable */
    }
}

/* Writes all of data to the non-blocking fd, waiting up to 2 s whenever the socketpair is
 * full. False when the server is gone or stuck. */
static bool write_all(int fd, const void *data, size_t len)
{
    const unsigned char *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct pollfd pfd = {.fd = fd, .events = POLLOUT};
            if (poll(&pfd, 1, 2000) > 0 && !(pfd.revents & (POLLERR | POLLHUP)))
                continue;
            return false;
        }
        if (n <= 0)
            return false;
        p += n, len -= (size_t)n;
    }
    return true;
}

static void send_frame(tv_PartyHost *h, char type, uint32_t conn, uint32_t arg, const void *payload, size_t len)
{
    if (h->fd < 0 || len > TV_WIRE_MAX)
        return;
    unsigned char head[TV_WIRE_HEADER];
    tv_wire_put(head, &(tv_WireHeader){.len = (uint32_t)len, .type = type, .conn = conn, .arg = arg});
    /* A server that died or stopped reading is killed: half a frame would leave the stream
     * out of step, and the next poll sees the hang-up and starts a new one. */
    if (!write_all(h->fd, head, sizeof head) || (len && !write_all(h->fd, payload, len)))
        if (h->pid > 0)
            kill(h->pid, SIGKILL);
}

void tv_party_host_send(void *ud, uint32_t conn, const char *text, size_t len, uint32_t tag)
{
    send_frame(ud, 'W', conn, tag, text, len);
}

void tv_party_host_close(void *ud, uint32_t conn, int code, const char *reason)
{
    size_t n = strlen(reason);
    send_frame(ud, 'X', conn, (uint32_t)code, reason, n > 123 ? 123 : n);
}

static void reap(tv_PartyHost *h)
{
    if (h->fd >= 0)
        close(h->fd);
    h->fd = -1;
    if (h->pid > 0) {
        kill(h->pid, SIGKILL);
        waitpid(h->pid, NULL, 0);
    }
    h->pid = 0;
    h->in_len = 0;
}

void tv_party_host_stop(tv_PartyHost *h)
{
    reap(h);
    free(h->in);
    h->in = NULL;
    h->in_cap = 0;
}

static bool spawn(tv_PartyHost *h, tv_Error *err)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return tv_error_set(err, TV_ERR_IO, NULL, 0, "party: socketpair: %s", strerror(errno));
    int big = 1 << 20;
    setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &big, sizeof big);
    setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    char port[16];
    snprintf(port, sizeof port, "%d", h->port);
    char *argv[] = {(char *)h->server_exe, "--dir", (char *)h->web_dir, "--bind", h->bind, "--port", port, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0); /* stdout is the game's */
    posix_spawn_file_actions_adddup2(&fa, sv[1], 3);
    posix_spawn_file_actions_addclosefrom_np(&fa, 4);
    pid_t pid;
    int rc = posix_spawn(&pid, h->server_exe, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(sv[1]);
    if (rc != 0) {
        close(sv[0]);
        return tv_error_set(err, TV_ERR_IO, NULL, 0, "party: cannot start %s: %s", h->server_exe, strerror(rc));
    }
    h->pid = pid;
    h->fd = sv[0];
    h->in_len = 0;
    h->flushed = false;
    /* Wait for 'L': it listens. */
    int64_t deadline = tv_party_host_now() + 5000000000LL;
    unsigned char head[TV_WIRE_HEADER];
    size_t got = 0;
    while (got < sizeof head) {
        int left = (int)((deadline - tv_party_host_now()) / 1000000);
        struct pollfd pfd = {.fd = h->fd, .events = POLLIN};
        if (left <= 0 || poll(&pfd, 1, left) <= 0)
            break;
        ssize_t n = read(h->fd, head + got, sizeof head - got);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    tv_WireHeader hd = {0};
    if (got == sizeof head)
        tv_wire_get(head, &hd);
    if (got != sizeof head || hd.type != 'L' || hd.len != 0 || hd.arg == 0 || hd.arg > 65535) {
        reap(h);
        return tv_error_set(err, TV_ERR_IO, NULL, 0, "party: the server could not listen on %s port %s", h->bind,
                            port);
    }
    h->port = (int)hd.arg;
    fcntl(h->fd, F_SETFL, O_NONBLOCK);
    return true;
}

bool tv_party_host_start(tv_PartyHost *h, tv_Error *err)
{
    h->fd = -1;
    h->pid = 0;
    signal(SIGPIPE, SIG_IGN);
    return spawn(h, err);
}

/* Hands whole frames in h->in to the party. False on a malformed frame. */
static bool dispatch(tv_PartyHost *h)
{
    size_t off = 0;
    bool ok = true;
    while (h->in_len - off >= TV_WIRE_HEADER) {
        tv_WireHeader f;
        tv_wire_get(h->in + off, &f);
        if (f.len > TV_WIRE_MAX) {
            ok = false;
            break;
        }
        if (h->in_len - off - TV_WIRE_HEADER < f.len)
            break;
        const char *payload = (const char *)h->in + off + TV_WIRE_HEADER;
        tv_Party *p = h->party;
        switch (f.type) {
        case 'O': {
            char addr[64];
            snprintf(addr, sizeof addr, "%.*s", (int)(f.len < 63 ? f.len : 63), payload);
            tv_party_on_open(p, f.conn, addr, f.ns);
            break;
        }
        case 'T': tv_party_on_text(p, f.conn, payload, f.len, f.ns); break;
        case 'S': tv_party_on_sent(p, f.conn, f.arg, f.ns); break;
        case 'R': tv_party_on_rtt(p, f.conn, f.ns); break;
        case 'C': tv_party_on_closed(p, f.conn, f.ns); break;
        case 'F': h->flushed = true; break;
        default: ok = false; break;
        }
        off += TV_WIRE_HEADER + f.len;
        if (!ok)
            break;
    }
    memmove(h->in, h->in + off, h->in_len - off);
    h->in_len -= off;
    return ok;
}

bool tv_party_host_poll(tv_PartyHost *h, int timeout_ms, tv_Error *err)
{
    bool dead = h->fd < 0;
    if (!dead) {
        struct pollfd pfd = {.fd = h->fd, .events = POLLIN};
        int n = poll(&pfd, 1, timeout_ms);
        if (n > 0) {
            for (;;) {
                if (h->in_cap - h->in_len < 65536) {
                    size_t cap = h->in_cap ? h->in_cap * 2 : 262144;
                    unsigned char *g = realloc(h->in, cap);
                    if (!g)
                        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
                    h->in = g, h->in_cap = cap;
                }
                ssize_t k = read(h->fd, h->in + h->in_len, h->in_cap - h->in_len);
                if (k > 0) {
                    h->in_len += (size_t)k;
                    continue;
                }
                if (k < 0 && errno == EINTR)
                    continue;
                if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                    break;
                dead = true; /* EOF or error: the server is gone */
                break;
            }
            if (!dispatch(h))
                dead = true;
        }
    }
    if (dead) {
        /* Its phones are gone with it; their seats stay and resume by token. */
        reap(h);
        tv_party_on_transport_lost(h->party, tv_party_host_now());
        h->restarts++;
        fprintf(stderr, "trivium party: the server stopped; starting it again\n");
        for (int tries = 0; tries < 5; tries++) {
            tv_Error e = {0};
            if (spawn(h, &e))
                return true;
            *err = e;
            usleep(200000); /* the port may linger a moment */
        }
        return false;
    }
    return true;
}

bool tv_party_host_run(tv_PartyHost *h, int start_when, tv_Error *err)
{
    tv_Party *p = h->party;
    /* After the results: 1, the results are written; 2, every socket closed with a reason. */
    int flushes = 0;
    bool flush_sent = false;
    int64_t flush_deadline = 0;
    for (;;) {
        int64_t now = tv_party_host_now();
        if (p->phase == TV_PARTY_LOBBY && tv_party_seat_count(p) >= start_when)
            tv_party_start(p, now);
        int64_t wake = tv_party_tick(p, now);
        if (p->finished && !flush_sent) {
            send_frame(h, 'F', 0, 0, NULL, 0);
            flush_sent = true;
            h->flushed = false;
            flush_deadline = now + 5000000000LL;
        }
        if (flush_sent && (h->flushed || now >= flush_deadline)) {
            if (++flushes == 2)
                return true;
            for (int i = 0; i < p->n_conns; i++)
                tv_party_host_close(h, p->conns[i].id, 1000, "the party is over");
            send_frame(h, 'F', 0, 0, NULL, 0);
            h->flushed = false;
            flush_deadline = now + 2000000000LL;
        }
        int timeout = 1000;
        if (wake >= 0) {
            int64_t ms = (wake - now) / 1000000 + 1;
            timeout = ms < timeout ? (int)(ms > 0 ? ms : 0) : timeout;
        }
        if (flush_sent)
            timeout = 50;
        int restarts = h->restarts;
        if (!tv_party_host_poll(h, timeout, err))
            return false;
        if (flush_sent && h->restarts != restarts)
            send_frame(h, 'F', 0, 0, NULL, 0); /* a new server: ask it again */
    }
}
