/* children.h - run child processes side by side, each with a deadline and capped output.
 *
 * The host's pack workers are the user: each child gets stdin from /dev/null, its stdout
 * collected up to TV_CHILD_MAX_OUTPUT bytes and the first TV_CHILD_MAX_STDERR bytes of its
 * stderr, and is killed (SIGKILL) when its deadline passes or its output exceeds the cap.
 * Pipes are closed as soon as they reach end of file; a child counts as finished once
 * both are closed and it has been reaped. Nothing here knows what the children are.
 * Depends on: POSIX (posix_spawn, poll, waitpid). Never SDL, Lua or the core. */
#ifndef TV_CHILDREN_H
#define TV_CHILDREN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define TV_CHILD_MAX_OUTPUT (16u << 20)
#define TV_CHILD_MAX_STDERR 4096

typedef struct tv_Child {
    /* results, valid once the child finished (tv_children_wait returned) */
    char *out;          /* stdout, out_len bytes (not NUL-terminated); owned, see tv_child_free */
    size_t out_len;
    char err[TV_CHILD_MAX_STDERR]; /* the start of stderr, NUL-terminated */
    size_t err_len;
    int status;         /* from waitpid */
    bool timed_out;     /* killed at its deadline */
    bool flooded;       /* killed for writing more than TV_CHILD_MAX_OUTPUT (or out of memory) */
    int timeout_ms;     /* the limit it was given */
    /* private */
    pid_t pid;
    int out_fd, err_fd; /* -1 once closed; meaningful only when started */
    size_t cap;
    int64_t deadline_ms;
    bool started, running;
    bool queued;        /* tv_child_queue'd and not started yet */
    bool background;
    char **argv;        /* owned copy while queued */
    int start_errno;    /* a queued child that could not be started: why (errno) */
} tv_Child;

#define TV_CHILD_MAX_ARGS 16

/* Starts argv[0] (a path; not searched in PATH) with argv, killing it after timeout_ms.
 * background lowers its CPU priority (nice +10), for work that must not compete with the
 * caller. c may be zeroed or reused after tv_child_free. False when it could not be
 * started, with errno set; then c needs no wait (tv_child_free is still safe). */
bool tv_child_start(tv_Child *c, char *const argv[], int timeout_ms, bool background);

/* Like tv_child_start, but the child starts later, when tv_children_start_queued or
 * tv_children_wait has a free slot; its deadline counts from that start. argv (at most
 * TV_CHILD_MAX_ARGS entries) is copied. False (errno ENOMEM or E2BIG) when it cannot be
 * queued; then c needs no wait. */
bool tv_child_queue(tv_Child *c, char *const argv[], int timeout_ms, bool background);

/* How many children may run at once here: a few per core, so many children on a busy
 * machine are not all killed at their deadlines, and few enough that their pipes stay
 * within the process's file-descriptor limit. At least 1. */
int tv_children_max_running(void);

/* Starts queued children of cs[0..n) while fewer than max_running run. A child that
 * cannot be started ends at once with start_errno set. */
void tv_children_start_queued(tv_Child *cs, int n, int max_running);

/* Waits for every running or queued child of cs[0..n) to finish, starting queued ones
 * as others end (at most max_running at once), reading their output meanwhile and
 * killing those past their deadline or cap. Children neither started nor queued are
 * skipped. */
void tv_children_wait(tv_Child *cs, int n, int max_running);

/* How a finished child ended, as a phrase about name ("the pack worker"):
 * "killed after 5 s", "stopped for writing more than 16 MiB", "stopped after using up
 * its CPU time" (SIGXCPU, or SIGKILL from the kernel's hard CPU limit), "the pack worker
 * crashed (Segmentation fault)" or "the pack worker exited with status 1". Returns buf. */
const char *tv_child_describe(const tv_Child *c, const char *name, char *buf, size_t size);

/* True when the child ended by exiting (not killed or signalled): then its stderr may say why.
 * False for a child that could not be started. */
bool tv_child_exited(const tv_Child *c);

/* Frees the output buffer and closes any pipe still open; safe on a zeroed child and twice.
 * A child still running is killed and reaped first. */
void tv_child_free(tv_Child *c);

#endif
