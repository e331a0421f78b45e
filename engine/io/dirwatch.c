/* dirwatch.c - inotify on pack folders (dirwatch.h).
 * Depends on: Linux (inotify, poll), core (error). */
#include "io/dirwatch.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

bool tv_dirwatch_init(tv_DirWatch *w, tv_Error *err)
{
    memset(w, 0, sizeof *w);
    w->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (w->fd < 0)
        return tv_error_set(err, TV_ERR_IO, NULL, 0, "cannot watch files (inotify): %s", strerror(errno));
    return true;
}

int tv_dirwatch_add(tv_DirWatch *w, const char *dir, tv_Error *err)
{
    if (w->n == TV_DIRWATCH_MAX) {
        tv_error_set(err, TV_ERR_USAGE, dir, 0, "at most %d folders can be watched at once", TV_DIRWATCH_MAX);
        return -1;
    }
    int wd = inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR);
    if (wd < 0) {
        tv_error_set(err, TV_ERR_IO, dir, 0, "cannot watch this folder: %s", strerror(errno));
        return -1;
    }
    w->wd[w->n] = wd;
    return w->n++;
}

/* A file whose change can change a pack: a Lua file, not an editor's hidden swap file. */
static bool matters(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".lua") == 0;
}

/* Reads what is pending; true when a Lua file of some folder changed. */
static bool drain(tv_DirWatch *w, bool *changed, bool *gone)
{
    bool any = false;
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t len = read(w->fd, buf, sizeof buf);
        if (len <= 0)
            return any;
        for (char *at = buf; at < buf + len;) {
            const struct inotify_event *ev = (const struct inotify_event *)at;
            for (int i = 0; i < w->n; i++) {
                if (w->wd[i] != ev->wd)
                    continue;
                if (ev->mask & IN_IGNORED) { /* the folder went away */
                    w->wd[i] = -1;
                    if (gone)
                        gone[i] = true;
                    any = true;
                } else if (ev->len && matters(ev->name))
                    changed[i] = any = true;
            }
            at += sizeof *ev + ev->len;
        }
    }
}

int tv_dirwatch_wait(tv_DirWatch *w, int stop_fd, int timeout_ms, bool *changed, bool *gone)
{
    memset(changed, 0, sizeof *changed * (size_t)w->n);
    if (gone)
        memset(gone, 0, sizeof *gone * (size_t)w->n);
    struct pollfd fds[2] = {{.fd = w->fd, .events = POLLIN}, {.fd = stop_fd, .events = POLLIN}};
    int nfds = stop_fd >= 0 ? 2 : 1;
    int rc;
    do
        rc = poll(fds, (nfds_t)nfds, timeout_ms);
    while (rc < 0 && errno == EINTR);
    if (rc <= 0)
        return 0;
    if (nfds == 2 && (fds[1].revents & POLLIN))
        return -1;
    bool any = false;
    /* The burst a save makes ends when nothing more comes for a moment. */
    do {
        any = drain(w, changed, gone) || any;
        fds[1].revents = 0;
        rc = poll(fds, (nfds_t)nfds, TV_DIRWATCH_SETTLE_MS);
        if (rc > 0 && nfds == 2 && (fds[1].revents & POLLIN))
            return -1;
    } while (rc > 0);
    return any ? 1 : 0;
}

void tv_dirwatch_free(tv_DirWatch *w)
{
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
}
