/* pack_tests.c - the host side of a pack's tests (pack_tests.h).
 * Trust boundary: the worker ran the pack's test code; every frame it sends is bounded
 * (TV_WIRE_TEST_MAX_FRAME), parsed as JSON and its strings checked as UTF-8 before they
 * reach a report. The worker talks over one socket pair (its stdin and stdout), so a
 * worker that dies mid-reply cannot raise SIGPIPE in the host (send with MSG_NOSIGNAL).
 * Depends on: core (error, text), cJSON, POSIX. */
#define _GNU_SOURCE /* posix_spawn_file_actions_addclosefrom_np */
#include "plugin/pack_tests.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "core/text.h"
#include "plugin/packs.h"
#include "plugin/wire.h"

extern char **environ;

typedef struct Conn {
    int fd;
    int err_fd; /* the worker's stderr (quiz.log), copied to ours; -1 once it ends */
    int timeout_ms;
    char buf[65536];
    size_t at, len;
    bool timed_out;
} Conn;

/* Copies what the worker wrote on its stderr to ours. A pipe, not our stderr itself: the
 * worker may write no file (RLIMIT_FSIZE 0), and ours may be one. quiz.log bounds it. */
static void copy_stderr(Conn *c)
{
    char chunk[4096];
    ssize_t n;
    do
        n = read(c->err_fd, chunk, sizeof chunk);
    while (n < 0 && errno == EINTR);
    if (n > 0)
        fwrite(chunk, 1, (size_t)n, stderr);
    else {
        close(c->err_fd);
        c->err_fd = -1;
    }
}

/* Fills buf when empty, copying the worker's stderr meanwhile; false at end of stream or
 * on timeout. */
static bool fill(Conn *c)
{
    if (c->at < c->len)
        return true;
    int r;
    for (;;) {
        struct pollfd p[2] = {{c->fd, POLLIN, 0}, {c->err_fd, POLLIN, 0}};
        do
            r = poll(p, c->err_fd >= 0 ? 2 : 1, c->timeout_ms);
        while (r < 0 && errno == EINTR);
        if (r > 0 && c->err_fd >= 0 && p[1].revents)
            copy_stderr(c);
        if (r <= 0 || p[0].revents)
            break;
    }
    if (r == 0)
        c->timed_out = true;
    if (r <= 0)
        return false;
    ssize_t n;
    do
        n = recv(c->fd, c->buf, sizeof c->buf, 0);
    while (n < 0 && errno == EINTR);
    if (n <= 0)
        return false;
    c->at = 0, c->len = (size_t)n;
    return true;
}

/* One line without its '\n' into line (at most size - 1 bytes); false at its end. */
static bool read_line(Conn *c, char *line, size_t size)
{
    size_t n = 0;
    while (fill(c)) {
        char ch = c->buf[c->at++];
        if (ch == '\n') {
            line[n] = '\0';
            return true;
        }
        if (n + 1 >= size)
            return false;
        line[n++] = ch;
    }
    return false;
}

static char *read_body(Conn *c, size_t n)
{
    char *body = malloc(n + 1);
    size_t got = 0;
    while (body && got < n && fill(c)) {
        size_t take = c->len - c->at < n - got ? c->len - c->at : n - got;
        memcpy(body + got, c->buf + c->at, take);
        c->at += take, got += take;
    }
    if (body && got < n) {
        free(body);
        return NULL;
    }
    if (body)
        body[n] = '\0';
    return body;
}

static bool send_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w, n -= (size_t)w;
    }
    return true;
}

/* s when it is UTF-8 text, else a fixed note: a report must stay valid. */
static const char *text_of(const cJSON *v)
{
    if (!cJSON_IsString(v))
        return NULL;
    return tv_utf8_valid(v->valuestring, strlen(v->valuestring)) ? v->valuestring : "(not UTF-8 text)";
}

static bool spawn(const char *exe, const char *dir, const char *display, int fd, int err_fd, pid_t *pid)
{
    /* --log 1: quiz.log lines reach the author's stderr, as in lint, dump and watch. */
    char *argv[] = {(char *)exe, "--dir", (char *)dir, "--display", (char *)display, "--mode", "test", "--log", "1", NULL};
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return false;
    posix_spawn_file_actions_adddup2(&fa, fd, 0);
    posix_spawn_file_actions_adddup2(&fa, fd, 1);
    posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
    posix_spawn_file_actions_addclosefrom_np(&fa, 3);
    int rc = posix_spawn(pid, exe, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    return rc == 0;
}

bool tv_pack_tests_run(const char *worker_exe, const char *dir, const char *display, int timeout_ms,
                       const tv_PackTestHost *host, tv_Error *err)
{
    char tests[1100];
    snprintf(tests, sizeof tests, "%s/" TV_TESTS_FILE, display);
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return tv_error_set(err, TV_ERR_PACK, tests, 0, "cannot start the test worker: %s", strerror(errno));
    int errp[2];
    if (pipe2(errp, O_CLOEXEC) != 0) {
        close(sv[0]), close(sv[1]);
        return tv_error_set(err, TV_ERR_PACK, tests, 0, "cannot start the test worker: %s", strerror(errno));
    }
    pid_t pid = 0;
    bool started = spawn(worker_exe, dir, display, sv[1], errp[1], &pid);
    close(sv[1]);
    close(errp[1]);
    if (!started) {
        close(sv[0]), close(errp[0]);
        return tv_error_set(err, TV_ERR_PACK, tests, 0, "cannot start the pack worker %s", worker_exe);
    }
    Conn *c = malloc(sizeof *c); /* 64 KiB of buffer: off the stack */
    if (!c) {
        close(sv[0]), close(errp[0]);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        return tv_error_set(err, TV_ERR_NOMEM, tests, 0, "out of memory");
    }
    *c = (Conn){.fd = sv[0], .err_fd = errp[0], .timeout_ms = timeout_ms > 0 ? timeout_ms : TV_WORKER_TIMEOUT_DEFAULT_MS};
    bool ok = true;
    int cases = 0;
    char head[128];
    while (ok && read_line(c, head, sizeof head)) {
        if (strncmp(head, TV_WIRE_PHASE, sizeof TV_WIRE_PHASE - 1) == 0)
            continue; /* the worker says it is loading, as for any pack */
        if (strncmp(head, TV_WIRE_DATA, sizeof TV_WIRE_DATA - 1) == 0) {
            /* The sandbox could not open the pack folder: the worker wrote an ordinary
             * pack frame whose first diagnostic says why. */
            unsigned long long n = strtoull(head + sizeof TV_WIRE_DATA - 1, NULL, 10);
            char *body = n && n <= TV_WIRE_TEST_MAX_FRAME ? read_body(c, (size_t)n) : NULL;
            cJSON *doc = body ? cJSON_ParseWithLength(body, (size_t)n) : NULL;
            const cJSON *diags = cJSON_GetObjectItemCaseSensitive(doc, TV_WIRE_DIAGNOSTICS);
            const char *msg = text_of(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(diags, 0), TV_WIRE_MSG));
            tv_error_set(err, TV_ERR_PACK, tests, 0, "%s", msg ? msg : "the pack folder could not be opened");
            cJSON_Delete(doc);
            free(body);
            ok = false;
            break;
        }
        const char *tags[] = {TV_WIRE_TEST_ASK, TV_WIRE_TEST_CASE, TV_WIRE_TEST_FATAL};
        int tag = -1;
        for (int i = 0; i < 3 && tag < 0; i++)
            if (strncmp(head, tags[i], strlen(tags[i])) == 0)
                tag = i;
        unsigned long long n = tag < 0 ? 0 : strtoull(head + strlen(tags[tag]), NULL, 10);
        if (tag < 0 || n == 0 || n > TV_WIRE_TEST_MAX_FRAME) {
            tv_error_set(err, TV_ERR_PACK, tests, 0, "the test worker sent a frame trivium does not know");
            ok = false;
            break;
        }
        char *body = read_body(c, (size_t)n);
        cJSON *doc = body ? cJSON_ParseWithLength(body, (size_t)n) : NULL;
        if (!cJSON_IsObject(doc)) {
            tv_error_set(err, TV_ERR_PACK, tests, 0, "the test worker sent data that is not a JSON object");
            ok = false;
        } else if (tag == 0) {
            char *reply = host->serve(host->ctx, body, (size_t)n);
            char line[64];
            snprintf(line, sizeof line, TV_WIRE_TEST_REPLY "%zu\n", reply ? strlen(reply) : 0);
            if (!reply || !send_all(c->fd, line, strlen(line)) || !send_all(c->fd, reply, strlen(reply))) {
                tv_error_set(err, TV_ERR_PACK, tests, 0, reply ? "the test worker stopped reading" : "out of memory");
                ok = false;
            }
            free(reply);
        } else if (tag == 1) {
            const char *name = text_of(cJSON_GetObjectItemCaseSensitive(doc, "name"));
            const char *msg = text_of(cJSON_GetObjectItemCaseSensitive(doc, "message"));
            const cJSON *passed = cJSON_GetObjectItemCaseSensitive(doc, "ok");
            const cJSON *code = cJSON_GetObjectItemCaseSensitive(doc, "code");
            int k = cJSON_IsNumber(code) && (code->valueint == 3 || code->valueint == 4) ? code->valueint : 1;
            if (!name || !msg || !cJSON_IsBool(passed)) {
                tv_error_set(err, TV_ERR_PACK, tests, 0, "the test worker sent a malformed test result");
                ok = false;
            } else {
                host->on_case(host->ctx, name, cJSON_IsTrue(passed) ? 0 : k, msg);
                cases++;
            }
        } else {
            const char *msg = text_of(cJSON_GetObjectItemCaseSensitive(doc, "message"));
            /* "file:line: why" from the worker; split it back so the caller can print it alike */
            const char *m = msg ? msg : "tests.lua could not run";
            const char *colon = strstr(m, ": ");
            int line = 0;
            char file[1100];
            snprintf(file, sizeof file, "%s", tests);
            if (colon) {
                const char *c2 = colon;
                while (c2 > m && c2[-1] >= '0' && c2[-1] <= '9')
                    c2--;
                if (c2 < colon && c2 > m && c2[-1] == ':') {
                    line = atoi(c2);
                    snprintf(file, sizeof file, "%.*s", (int)(c2 - 1 - m), m);
                    m = colon + 2;
                } else if ((size_t)(colon - m) < sizeof file) {
                    snprintf(file, sizeof file, "%.*s", (int)(colon - m), m);
                    m = colon + 2;
                }
            }
            tv_error_set(err, TV_ERR_PACK, file, line, "%s", m);
            ok = false;
        }
        cJSON_Delete(doc);
        free(body);
    }
    bool timed_out = c->timed_out;
    if (ok && timed_out) {
        tv_error_set(err, TV_ERR_PACK, tests, 0, "the tests were stopped after %d ms without a result (an endless loop?)",
                     c->timeout_ms);
        ok = false;
    }
    if (timed_out || !ok)
        kill(pid, SIGKILL);
    while (c->err_fd >= 0) /* what it wrote last, up to its end (or its kill) */
        copy_stderr(c);
    close(c->fd);
    free(c);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (ok && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        if (WIFSIGNALED(status))
            tv_error_set(err, TV_ERR_PACK, tests, 0, "the test worker was killed by signal %d (%s) after %d test%s",
                         WTERMSIG(status), WTERMSIG(status) == SIGXCPU ? "its CPU time ran out" : "it crashed", cases,
                         cases == 1 ? "" : "s");
        else
            tv_error_set(err, TV_ERR_PACK, tests, 0, "the test worker ended with status %d after %d test%s",
                         WEXITSTATUS(status), cases, cases == 1 ? "" : "s");
        ok = false;
    }
    if (ok && cases == 0)
        tv_error_set(err, TV_ERR_PACK, tests, 0, "the test worker ended without running a test"), ok = false;
    return ok;
}
