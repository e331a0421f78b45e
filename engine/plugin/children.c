/* children.c - N child processes at once, with deadlines, capped output and a cause of death.
 * Trust boundary: a child may be hostile (it ran pack code): it may write without end,
 * never exit, or close its pipes and keep running. Output is capped, every wait is
 * bounded by the deadline, and a kill is always followed by a reap.
 * Depends on: POSIX and glibc 2.34 (posix_spawn_file_actions_addclosefrom_np, pipe2). */
#define _GNU_SOURCE
#include "plugin/children.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* posix_spawn rather than fork: the child shares the caller's memory until it execs
 * instead of copying its page tables, which in the game (SDL, fonts and GL loaded)
 * made starting five workers take tens of milliseconds. */
bool tv_child_start(tv_Child *c, char *const argv[], int timeout_ms, bool background)
{
    memset(c, 0, sizeof *c);
    c->out_fd = c->err_fd = -1;
    c->timeout_ms = timeout_ms;
    int out[2], errp[2];
    if (pipe2(out, O_CLOEXEC) != 0)
        return false;
    if (pipe2(errp, O_CLOEXEC) != 0) {
        int e = errno;
        close(out[0]), close(out[1]);
        errno = e;
        return false;
    }
    posix_spawn_file_actions_t fa;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc == 0) {
        /* stdin from /dev/null, stdout and stderr to the pipes, nothing else inherited */
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
        posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
        posix_spawn_file_actions_addclosefrom_np(&fa, 3);
        pid_t pid;
        rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        if (rc == 0)
            c->pid = pid;
        if (rc == 0 && background)
            setpriority(PRIO_PROCESS, (id_t)pid, 10); /* raising a child's nice needs no privilege */
    }
    close(out[1]);
    close(errp[1]);
    if (rc != 0) {
        close(out[0]), close(errp[0]);
        errno = rc;
        return false;
    }
    fcntl(out[0], F_SETFL, O_NONBLOCK);
    fcntl(errp[0], F_SETFL, O_NONBLOCK);
    c->out_fd = out[0];
    c->err_fd = errp[0];
    c->deadline_ms = now_ms() + timeout_ms;
    c->started = c->running = true;
    return true;
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* Reads what is there; closes the pipe at end of file. Past the cap, kills the child. */
static void drain(tv_Child *c, int *fd, bool is_err)
{
    for (;;) {
        char chunk[65536];
        ssize_t n = read(*fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return; /* EAGAIN */
        if (n == 0) {
            close_fd(fd);
            return;
        }
        if (is_err) {
            size_t room = TV_CHILD_MAX_STDERR - 1 - c->err_len;
            size_t take = (size_t)n < room ? (size_t)n : room;
            memcpy(c->err + c->err_len, chunk, take);
            c->err_len += take;
            c->err[c->err_len] = '\0';
            continue;
        }
        bool room = c->out_len + (size_t)n <= TV_CHILD_MAX_OUTPUT;
        if (room && c->out_len + (size_t)n > c->cap) {
            size_t cap = c->cap ? c->cap : 65536;
            while (cap < c->out_len + (size_t)n)
                cap *= 2;
            char *grown = realloc(c->out, cap);
            if (grown)
                c->out = grown, c->cap = cap;
            room = grown != NULL;
        }
        if (!room) {
            c->flooded = true;
            kill(c->pid, SIGKILL);
            close_fd(fd);
            return;
        }
        memcpy(c->out + c->out_len, chunk, (size_t)n);
        c->out_len += (size_t)n;
    }
}

static void free_argv(tv_Child *c)
{
    for (char **a = c->argv; a && *a; a++)
        free(*a);
    free(c->argv);
    c->argv = NULL;
}

bool tv_child_queue(tv_Child *c, char *const argv[], int timeout_ms, bool background)
{
    memset(c, 0, sizeof *c);
    c->out_fd = c->err_fd = -1;
    c->timeout_ms = timeout_ms;
    c->background = background;
    int n = 0;
    while (argv[n])
        n++;
    if (n >= TV_CHILD_MAX_ARGS) {
        errno = E2BIG;
        return false;
    }
    c->argv = calloc((size_t)n + 1, sizeof *c->argv);
    for (int i = 0; c->argv && i < n; i++)
        if (!(c->argv[i] = strdup(argv[i]))) {
            free_argv(c);
            break;
        }
    if (!c->argv) {
        errno = ENOMEM;
        return false;
    }
    c->queued = true;
    return true;
}

int tv_children_max_running(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int most = (int)(cores > 0 ? cores : 1) * 4;
    struct rlimit fds;
    /* Two pipes per running child, and room for what the caller has open. */
    if (getrlimit(RLIMIT_NOFILE, &fds) == 0 && fds.rlim_cur != RLIM_INFINITY) {
        long room = ((long)fds.rlim_cur - 64) / 2;
        if (room < most)
            most = (int)(room > 1 ? room : 1);
    }
    return most < 500 ? most : 500; /* tv_children_wait polls at most 1024 pipes */
}

void tv_children_start_queued(tv_Child *cs, int n, int max_running)
{
    int running = 0;
    for (int i = 0; i < n; i++)
        running += cs[i].running;
    for (int i = 0; i < n && running < max_running; i++) {
        tv_Child *c = &cs[i];
        if (!c->queued)
            continue;
        char **argv = c->argv;
        int timeout = c->timeout_ms;
        bool background = c->background;
        c->argv = NULL;
        if (tv_child_start(c, argv, timeout, background))
            running++;
        else
            c->start_errno = errno ? errno : EAGAIN;
        c->argv = argv;
        free_argv(c);
        c->queued = false;
    }
}

void tv_children_wait(tv_Child *cs, int n, int max_running)
{
    for (;;) {
        tv_children_start_queued(cs, n, max_running);
        /* Two pipes per child; a set larger than this is polled in turns. */
        struct pollfd pfds[1024];
        int owner[1024];
        int np = 0, running = 0;
        bool reaping = false; /* a child closed both pipes but has not exited yet */
        int64_t now = now_ms(), next_deadline = INT64_MAX;
        for (int i = 0; i < n; i++) {
            tv_Child *c = &cs[i];
            if (!c->running)
                continue;
            running++;
            reaping |= c->out_fd < 0 && c->err_fd < 0;
            if (np < 1022 && c->out_fd >= 0)
                pfds[np] = (struct pollfd){.fd = c->out_fd, .events = POLLIN}, owner[np++] = i;
            if (np < 1023 && c->err_fd >= 0)
                pfds[np] = (struct pollfd){.fd = c->err_fd, .events = POLLIN}, owner[np++] = i;
            if (c->deadline_ms < next_deadline)
                next_deadline = c->deadline_ms;
        }
        if (running == 0) {
            bool queued = false;
            for (int i = 0; i < n && !queued; i++)
                queued = cs[i].queued;
            if (!queued)
                return;
            continue; /* a start failed and freed its slot: start the next */
        }
        int wait = next_deadline == INT64_MAX ? 100 : (int)(next_deadline - now > 0 ? next_deadline - now : 0);
        if (reaping && wait > 5)
            wait = 5; /* it usually exits a moment after closing its pipes */
        poll(pfds, (nfds_t)np, wait);
        for (int k = 0; k < np; k++)
            if (pfds[k].revents) {
                tv_Child *c = &cs[owner[k]];
                if (pfds[k].fd == c->out_fd)
                    drain(c, &c->out_fd, false);
                else if (pfds[k].fd == c->err_fd)
                    drain(c, &c->err_fd, true);
            }
        now = now_ms();
        for (int i = 0; i < n; i++) {
            tv_Child *c = &cs[i];
            if (!c->running)
                continue;
            /* Pipes closed is not the same as exited: a child may close them and run on,
             * so the deadline holds until it is reaped. */
            bool exited = c->out_fd < 0 && c->err_fd < 0 && waitpid(c->pid, &c->status, WNOHANG) == c->pid;
            if (!exited && now < c->deadline_ms)
                continue;
            if (!exited) {
                c->timed_out = true;
                kill(c->pid, SIGKILL);
                waitpid(c->pid, &c->status, 0);
            }
            close_fd(&c->out_fd);
            close_fd(&c->err_fd);
            c->running = false;
        }
    }
}

bool tv_child_exited(const tv_Child *c)
{
    return !c->start_errno && !c->timed_out && !c->flooded && !WIFSIGNALED(c->status);
}

const char *tv_child_describe(const tv_Child *c, const char *name, char *buf, size_t size)
{
    if (c->start_errno)
        snprintf(buf, size, "%s could not be started (%s)", name, strerror(c->start_errno));
    else if (c->timed_out)
        snprintf(buf, size, "killed after %.3g s", c->timeout_ms / 1000.0);
    else if (c->flooded)
        snprintf(buf, size, "stopped for writing more than %u MiB", TV_CHILD_MAX_OUTPUT >> 20);
    else if (WIFSIGNALED(c->status)) {
        int sig = WTERMSIG(c->status);
        /* RLIMIT_CPU sends SIGXCPU at the soft limit and SIGKILL at the hard one. */
        if (sig == SIGXCPU || sig == SIGKILL)
            snprintf(buf, size, "stopped after using up its CPU time");
        else
            snprintf(buf, size, "%s crashed (%s)", name, strsignal(sig));
    } else
        snprintf(buf, size, "%s exited with status %d", name, WIFEXITED(c->status) ? WEXITSTATUS(c->status) : -1);
    return buf;
}

void tv_child_free(tv_Child *c)
{
    if (c->running) {
        kill(c->pid, SIGKILL);
        waitpid(c->pid, &c->status, 0);
        c->running = false;
    }
    if (c->started) {
        close_fd(&c->out_fd);
        close_fd(&c->err_fd);
    }
    c->started = false;
    c->queued = false;
    free_argv(c);
    free(c->out);
    c->out = NULL;
    c->out_len = c->cap = 0;
}
