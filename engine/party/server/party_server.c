/* party_server.c - trivium-party-server: the HTTP and WebSocket server of party play, a
 * process of its own (docs/party.md, "Process model"). It owns sockets, framing and
 * the phone page's files only; every seat, score and rule stays in the game, which it
 * talks to over the socketpair on fd 3 (party/wire.h). If it dies the game starts
 * another on the same port and the phones resume with their tokens.
 *
 *   trivium-party-server --dir DIR --bind ADDR --port N
 *
 * One libwebsockets (Debian 4.1.6) service thread; a second thread only reads the
 * game's frames into a locked queue and wakes the service with lws_cancel_service.
 * Stays off lws's known-bad paths: no TLS (so no HTTP/2), LWS_CALLBACK_HTTP_CONFIRM_UPGRADE
 * not handled, no lws JSON parsing; VALIDATE_UTF8; 4 KiB messages; Origin and Host
 * checked before any upgrade or file.
 * Depends on: libwebsockets, party/wire.h. */
#include <errno.h>
#include <libwebsockets.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "party/wire.h"

#define GAME_FD 3
#define MAX_MESSAGE 4096
#define PING_EVERY_US (2 * LWS_USEC_PER_SEC)
#define FIRST_PING_US (50 * 1000)
#define SILENCE_NS (10LL * 1000000000LL) /* no pong nor message this long: the socket is dead */
/* The game refuses more than 10 messages a second with "rate"; past this many the server
 * closes the socket itself, so a flood never reaches the game. */
#define FLOOD_PER_S 100

static int64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

typedef struct Out {
    struct Out *next;
    uint32_t tag;
    size_t len;
    unsigned char data[]; /* LWS_PRE bytes, then the text */
} Out;

typedef struct Conn {
    struct lws *wsi;
    uint32_t id;
    struct Conn *next_live; /* the list of live connections */
    Out *head, *tail;
    size_t rx_len;
    bool rx_too_large;
    unsigned char rx[MAX_MESSAGE];
    bool ping_due;
    int64_t ping_ns, heard_ns;
    int64_t window_ns; /* the flood guard: messages in the current second */
    int in_window;
    int close_code; /* non-zero: close once the queue is written */
    char close_reason[124];
} Conn;

/* The server's state, owned by main and reached by the callback through the context's
 * user pointer. */
typedef struct Server {
    struct lws_context *ctx;
    char allowed_host[2][300]; /* Host values accepted: ADDR:PORT, and localhost:PORT on loopback */
    int n_allowed;
    uint32_t next_id;
    Conn *live;
    /* frames from the game, filled by the reader thread */
    pthread_mutex_t lock;
    unsigned char *in;
    size_t in_len, in_cap;
    bool game_gone;
    bool flush_wanted;
} Server;

static void game_write(const tv_WireHeader *h, const void *payload)
{
    unsigned char head[TV_WIRE_HEADER];
    tv_wire_put(head, h);
    const unsigned char *parts[2] = {head, payload};
    size_t lens[2] = {TV_WIRE_HEADER, h->len};
    for (int k = 0; k < 2; k++)
        for (size_t off = 0; off < lens[k];) {
            ssize_t n = write(GAME_FD, parts[k] + off, lens[k] - off);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                _exit(0); /* the game is gone: nothing to serve for */
            off += (size_t)n;
        }
}

static void game_event(char type, uint32_t conn, uint32_t arg, int64_t ns, const void *payload, size_t len)
{
    tv_WireHeader h = {.len = (uint32_t)len, .type = type, .conn = conn, .arg = arg, .ns = ns};
    game_write(&h, payload);
}

static Conn *find_conn(Server *s, uint32_t id)
{
    for (Conn *c = s->live; c; c = c->next_live)
        if (c->id == id)
            return c;
    return NULL;
}

static void queue_text(Conn *c, const char *text, size_t len, uint32_t tag)
{
    Out *o = malloc(sizeof *o + LWS_PRE + len);
    if (!o)
        return;
    o->next = NULL;
    o->tag = tag;
    o->len = len;
    memcpy(o->data + LWS_PRE, text, len);
    if (c->tail)
        c->tail->next = o;
    else
        c->head = o;
    c->tail = o;
    lws_callback_on_writable(c->wsi);
}

static void queue_error(Conn *c, const char *code, const char *message)
{
    char buf[256];
    int n = snprintf(buf, sizeof buf, "{\"type\":\"error\",\"code\":\"%s\",\"message\":\"%s\"}", code, message);
    queue_text(c, buf, (size_t)n, 0);
}

static bool queues_empty(const Server *s)
{
    for (const Conn *c = s->live; c; c = c->next_live)
        if (c->head || c->close_code) /* a closing socket is done once it is closed */
            return false;
    return true;
}

/* Runs the frames the reader thread queued, on the service thread. */
static void drain_game(Server *s)
{
    pthread_mutex_lock(&s->lock);
    unsigned char *buf = s->in;
    size_t len = s->in_len;
    bool gone = s->game_gone;
    s->in = NULL;
    s->in_len = s->in_cap = 0;
    pthread_mutex_unlock(&s->lock);
    size_t off = 0;
    while (len - off >= TV_WIRE_HEADER) {
        tv_WireHeader h;
        tv_wire_get(buf + off, &h);
        if (len - off - TV_WIRE_HEADER < h.len)
            break; /* the reader queues whole frames only */
        const char *payload = (const char *)buf + off + TV_WIRE_HEADER;
        Conn *c = h.conn ? find_conn(s, h.conn) : NULL;
        if (h.type == 'W' && c && !c->close_code)
            queue_text(c, payload, h.len, h.arg);
        else if (h.type == 'X' && c && !c->close_code) {
            c->close_code = (int)h.arg;
            snprintf(c->close_reason, sizeof c->close_reason, "%.*s", (int)(h.len < 123 ? h.len : 123), payload);
            lws_callback_on_writable(c->wsi);
        } else if (h.type == 'F')
            s->flush_wanted = true;
        off += TV_WIRE_HEADER + h.len;
    }
    free(buf);
    if (s->flush_wanted && queues_empty(s)) {
        s->flush_wanted = false;
        game_event('F', 0, 0, mono_ns(), NULL, 0);
    }
    if (gone)
        _exit(0);
}

static void *reader(void *arg)
{
    Server *s = arg;
    unsigned char *pending = NULL;
    size_t have = 0, cap = 0;
    for (;;) {
        if (cap - have < 65536) {
            size_t ncap = cap ? cap * 2 : 131072;
            unsigned char *g = realloc(pending, ncap);
            if (!g)
                _exit(1);
            pending = g, cap = ncap;
        }
        ssize_t n = read(GAME_FD, pending + have, cap - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            pthread_mutex_lock(&s->lock);
            s->game_gone = true;
            pthread_mutex_unlock(&s->lock);
            lws_cancel_service(s->ctx);
            return NULL;
        }
        have += (size_t)n;
        /* Hand over whole frames only. */
        size_t whole = 0;
        while (have - whole >= TV_WIRE_HEADER) {
            tv_WireHeader h;
            tv_wire_get(pending + whole, &h);
            if (h.len > TV_WIRE_MAX)
                _exit(1); /* a broken game end: nothing sane to do */
            if (have - whole - TV_WIRE_HEADER < h.len)
                break;
            whole += TV_WIRE_HEADER + h.len;
        }
        if (!whole)
            continue;
        pthread_mutex_lock(&s->lock);
        if (s->in_cap - s->in_len < whole) {
            size_t ncap = s->in_len + whole + 65536;
            unsigned char *g = realloc(s->in, ncap);
            if (!g)
                _exit(1);
            s->in = g, s->in_cap = ncap;
        }
        memcpy(s->in + s->in_len, pending, whole);
        s->in_len += whole;
        pthread_mutex_unlock(&s->lock);
        memmove(pending, pending + whole, have - whole);
        have -= whole;
        lws_cancel_service(s->ctx);
    }
}

/* Host must be one of the names this server was started for (DNS rebinding: a page
 * served from evil.example that resolves to us still sends Host: evil.example). */
static bool host_ok(Server *s, struct lws *wsi)
{
    char host[300];
    if (lws_hdr_copy(wsi, host, sizeof host, WSI_TOKEN_HOST) <= 0)
        return false;
    for (int i = 0; i < s->n_allowed; i++)
        if (strcasecmp(host, s->allowed_host[i]) == 0)
            return true;
    return false;
}

/* Origin, when a browser sends one, must be this server: a page elsewhere cannot open a
 * socket to the game. A client without Origin is not a browser page and has no other
 * page's cookies or reach to borrow. */
static bool origin_ok(Server *s, struct lws *wsi)
{
    char origin[320];
    int n = lws_hdr_copy(wsi, origin, sizeof origin, WSI_TOKEN_ORIGIN);
    if (n <= 0)
        return n == 0 || lws_hdr_total_length(wsi, WSI_TOKEN_ORIGIN) == 0;
    if (strncasecmp(origin, "http://", 7) != 0)
        return false;
    for (int i = 0; i < s->n_allowed; i++)
        if (strcasecmp(origin + 7, s->allowed_host[i]) == 0)
            return true;
    return false;
}

static void conn_free(Server *s, Conn *c)
{
    for (Conn **pp = &s->live; *pp; pp = &(*pp)->next_live)
        if (*pp == c) {
            *pp = c->next_live;
            break;
        }
    while (c->head) {
        Out *o = c->head;
        c->head = o->next;
        free(o);
    }
    c->tail = NULL;
}

static int callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    struct lws_context *ctx = lws_get_context(wsi);
    Server *s = ctx ? lws_context_user(ctx) : NULL;
    Conn *c = user;
    switch (reason) {
    case LWS_CALLBACK_FILTER_HTTP_CONNECTION:
        if (!host_ok(s, wsi)) {
            lws_return_http_status(wsi, HTTP_STATUS_FORBIDDEN, "unknown Host");
            return 1;
        }
        break;
    case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION: {
        /* before the upgrade: nonzero refuses it */
        char uri[16];
        if (lws_hdr_copy(wsi, uri, sizeof uri, WSI_TOKEN_GET_URI) <= 0 || strcmp(uri, "/ws") != 0 ||
            !host_ok(s, wsi) || !origin_ok(s, wsi))
            return 1;
        break;
    }
    case LWS_CALLBACK_ESTABLISHED: {
        memset(c, 0, sizeof *c);
        c->wsi = wsi;
        c->id = ++s->next_id ? s->next_id : ++s->next_id;
        c->next_live = s->live;
        s->live = c;
        c->heard_ns = mono_ns();
        char peer[64] = "";
        lws_get_peer_simple(wsi, peer, sizeof peer);
        game_event('O', c->id, 0, c->heard_ns, peer, strlen(peer));
        lws_set_timer_usecs(wsi, FIRST_PING_US);
        break;
    }
    case LWS_CALLBACK_RECEIVE: {
        int64_t now = mono_ns(); /* stamped first */
        c->heard_ns = now;
        if (c->close_code)
            break;
        if (lws_frame_is_binary(wsi)) {
            if (lws_is_first_fragment(wsi))
                queue_error(c, "bad-message", "messages are JSON text");
            break;
        }
        if (c->rx_len + len > MAX_MESSAGE)
            c->rx_too_large = true;
        else {
            memcpy(c->rx + c->rx_len, in, len);
            c->rx_len += len;
        }
        if (lws_is_final_fragment(wsi) && !lws_remaining_packet_payload(wsi)) {
            if (now - c->window_ns > 1000000000LL)
                c->window_ns = now, c->in_window = 0;
            if (++c->in_window > FLOOD_PER_S) {
                queue_error(c, "rate", "too many messages: closing");
                c->close_code = LWS_CLOSE_STATUS_POLICY_VIOLATION;
                snprintf(c->close_reason, sizeof c->close_reason, "too many messages");
            } else if (c->rx_too_large)
                queue_error(c, "too-large", "a message is at most 4096 bytes");
            else
                game_event('T', c->id, 0, now, c->rx, c->rx_len);
            c->rx_len = 0;
            c->rx_too_large = false;
        }
        break;
    }
    case LWS_CALLBACK_RECEIVE_PONG: {
        int64_t now = mono_ns();
        c->heard_ns = now;
        if (c->ping_ns) {
            game_event('R', c->id, 0, now - c->ping_ns, NULL, 0);
            c->ping_ns = 0;
        }
        break;
    }
    case LWS_CALLBACK_TIMER:
        if (mono_ns() - c->heard_ns > SILENCE_NS)
            return -1; /* a socket that hangs without close (iOS): the phone resumes */
        c->ping_due = true;
        lws_callback_on_writable(wsi);
        lws_set_timer_usecs(wsi, PING_EVERY_US);
        break;
    case LWS_CALLBACK_SERVER_WRITEABLE: {
        if (c->ping_due) {
            /* With a payload: the PONG of an empty PING never reached RECEIVE_PONG in lws 4.1.6
             * (party.fair found it: every allowance was 0). */
            unsigned char ping[LWS_PRE + 8];
            memcpy(ping + LWS_PRE, "trivium", 8);
            c->ping_due = false;
            c->ping_ns = mono_ns();
            if (lws_write(wsi, ping + LWS_PRE, 8, LWS_WRITE_PING) < 0)
                return -1;
            if (c->head || c->close_code)
                lws_callback_on_writable(wsi);
            break;
        }
        Out *o = c->head;
        if (o) {
            c->head = o->next;
            if (!c->head)
                c->tail = NULL;
            int n = lws_write(wsi, o->data + LWS_PRE, o->len, LWS_WRITE_TEXT);
            int64_t sent = mono_ns();
            if (n < (int)o->len) {
                free(o);
                return -1;
            }
            if (o->tag)
                game_event('S', c->id, o->tag, sent, NULL, 0);
            free(o);
            if (c->head || c->close_code)
                lws_callback_on_writable(wsi);
            else if (s->flush_wanted && queues_empty(s)) {
                s->flush_wanted = false;
                game_event('F', 0, 0, sent, NULL, 0);
            }
            break;
        }
        if (c->close_code) {
            lws_close_reason(wsi, (enum lws_close_status)c->close_code, (unsigned char *)c->close_reason,
                             strlen(c->close_reason));
            return -1;
        }
        break;
    }
    case LWS_CALLBACK_CLOSED:
        if (c->wsi != wsi)
            break;
        game_event('C', c->id, 0, mono_ns(), NULL, 0);
        conn_free(s, c);
        if (s->flush_wanted && queues_empty(s)) {
            s->flush_wanted = false;
            game_event('F', 0, 0, mono_ns(), NULL, 0);
        }
        break;
    case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
        if (s)
            drain_game(s);
        break;
    default:
        /* The file mount; never LWS_CALLBACK_HTTP_CONFIRM_UPGRADE (CVE-2025-11677). */
        return lws_callback_http_dummy(wsi, reason, user, in, len);
    }
    return 0;
}

static const struct lws_protocols protocols[] = {
    /* First, so that a socket asking for no subprotocol gets it; it serves the mount too. */
    {"trivium-party", callback, sizeof(Conn), MAX_MESSAGE, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

static void limits(void)
{
    struct rlimit r = {0, 0};
    setrlimit(RLIMIT_CORE, &r);
    setrlimit(RLIMIT_FSIZE, &r); /* it serves files, it never writes one */
    /* Many phones, one descriptor each: as many as the hard limit allows. */
    if (getrlimit(RLIMIT_NOFILE, &r) == 0) {
        r.rlim_cur = r.rlim_max;
        setrlimit(RLIMIT_NOFILE, &r);
    }
}

static int usage(void)
{
    fprintf(stderr, "usage: trivium-party-server --dir DIR --bind ADDR --port N (started by trivium party)\n");
    return 2;
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *bind_addr = NULL;
    long port = -1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--dir") == 0)
            dir = argv[i + 1];
        else if (strcmp(argv[i], "--bind") == 0)
            bind_addr = argv[i + 1];
        else if (strcmp(argv[i], "--port") == 0)
            port = strtol(argv[i + 1], NULL, 10);
        else
            return usage();
    }
    if (!dir || !bind_addr || port < 0 || port > 65535 || (argc - 1) % 2)
        return usage();
    limits();
    signal(SIGPIPE, SIG_IGN);
    lws_set_log_level(LLL_ERR, NULL);

    static Server server;
    Server *s = &server;
    pthread_mutex_init(&s->lock, NULL);
    static struct lws_http_mount mount;
    mount.mountpoint = "/";
    mount.mountpoint_len = 1;
    mount.origin = dir;
    mount.def = "index.html";
    mount.origin_protocol = LWSMPRO_FILE;
    struct lws_context_creation_info info;
    memset(&info, 0, sizeof info);
    info.port = (int)port;
    info.iface = bind_addr;
    info.protocols = protocols;
    info.mounts = &mount;
    info.user = s;
    info.pt_serv_buf_size = 8192;
    info.options = LWS_SERVER_OPTION_VALIDATE_UTF8 | LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE |
                   LWS_SERVER_OPTION_DISABLE_IPV6;
    s->ctx = lws_create_context(&info);
    if (!s->ctx) {
        fprintf(stderr, "trivium-party-server: cannot listen on %s port %ld\n", bind_addr, port);
        return 1;
    }
    struct lws_vhost *vh = lws_get_vhost_by_name(s->ctx, "default");
    int real_port = vh ? lws_get_vhost_listen_port(vh) : (int)port;
    snprintf(s->allowed_host[s->n_allowed++], sizeof s->allowed_host[0], "%s:%d", bind_addr, real_port);
    if (strncmp(bind_addr, "127.", 4) == 0)
        snprintf(s->allowed_host[s->n_allowed++], sizeof s->allowed_host[0], "localhost:%d", real_port);
    pthread_t th;
    if (pthread_create(&th, NULL, reader, s) != 0)
        return 1;
    game_event('L', 0, (uint32_t)real_port, mono_ns(), NULL, 0);
    while (lws_service(s->ctx, 0) >= 0)
        ;
    lws_context_destroy(s->ctx);
    return 0;
}
