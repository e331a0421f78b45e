/* dirwatch.h - knowing when a pack's files are saved: inotify(7) on a few folders.
 *
 * `trivium watch` and `trivium play --dev` both watch pack folders. A save arrives as
 * IN_CLOSE_WRITE (written in place) or IN_MOVED_TO (written to a temp file and renamed
 * over the old one, as many editors do); a deleted file as IN_DELETE or IN_MOVED_FROM.
 * Only the Lua files count (pack.lua, what it includes, tests.lua): editor swap and
 * backup files (.pack.lua.swp, pack.lua~) and other files change nothing a pack loads.
 * Saves come in bursts (a second file, a rename after the write), so tv_dirwatch_wait
 * returns once the folders have been quiet for a moment.
 * Depends on: Linux (inotify), core (error). */
#ifndef TV_DIRWATCH_H
#define TV_DIRWATCH_H

#include <stdbool.h>

#include "core/error.h"

#define TV_DIRWATCH_MAX 64
/* How long the folders must stay quiet before a burst of events counts as one save:
 * short next to the 300 ms a watch has to answer a save in. */
#define TV_DIRWATCH_SETTLE_MS 30

typedef struct tv_DirWatch {
    int fd; /* the inotify instance; -1 when closed */
    int n;
    int wd[TV_DIRWATCH_MAX]; /* per folder added; -1 once its folder is gone */
} tv_DirWatch;

/* False with err set when inotify is unavailable (or out of instances). */
bool tv_dirwatch_init(tv_DirWatch *w, tv_Error *err);
/* Watches dir; returns its index (0, 1, ...) or -1 with err set. */
int tv_dirwatch_add(tv_DirWatch *w, const char *dir, tv_Error *err);
/* Waits up to timeout_ms (-1: no limit) for a save, and also for stop_fd (-1: none) to
 * become readable. Returns 1 when a Lua file changed, with changed[i] set for each
 * folder i that had one (changed has room for w->n), and gone[i] (may be NULL) for
 * folders deleted or moved away; 0 on timeout or events that matter to no pack; -1
 * when stop_fd is readable (it is not read). */
int tv_dirwatch_wait(tv_DirWatch *w, int stop_fd, int timeout_ms, bool *changed, bool *gone);
/* Closes the instance; safe after a failed tv_dirwatch_init and twice. */
void tv_dirwatch_free(tv_DirWatch *w);

#endif
