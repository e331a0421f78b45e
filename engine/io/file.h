/* file.h - whole-file reads and safe writes, for every file the game keeps or reads.
 *
 * Reading takes a size cap and accepts only a regular file: it opens with O_NONBLOCK
 * (a FIFO or device put in a file's place is refused at once instead of hanging) and,
 * unless asked, O_NOFOLLOW (a planted symbolic link is refused, not followed).
 * Writing is atomic: a temp file from mkstemp in the same folder, written fully,
 * fsync, rename over the target, fsync of the folder. Either the old or the new file
 * is there afterwards, never half of one, and no temp file is left behind on failure.
 * Errors name the file (err->file) and say what was wrong (err->msg), as a phrase
 * that reads after the file's name: "is a symbolic link, which is not followed".
 * Depends on: core (error), libc, POSIX. */
#ifndef TV_FILE_H
#define TV_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

typedef enum tv_FileStatus {
    TV_FILE_OK,
    TV_FILE_MISSING, /* no such file (ENOENT); err is set too, for callers that care */
    TV_FILE_REFUSED, /* not a regular file, a link, unreadable, or out of memory */
    TV_FILE_TOO_BIG, /* larger than the cap (also when it grew while being read) */
} tv_FileStatus;

/* Options for tv_file_read. */
enum {
    TV_FILE_FOLLOW = 1, /* follow a final symbolic link (installed assets, /dev/fd/N) */
    TV_FILE_PIPE = 2,   /* also accept a FIFO or pipe and block reading it to its end
                         * (answer scripts may come from `<(...)`); the cap still holds */
};

/* Reads the whole of path, at most cap bytes, into a NUL-terminated buffer (*data, the
 * caller frees it; *len bytes without the NUL). On anything but TV_FILE_OK, *data is
 * NULL and err (when not NULL) says why. */
tv_FileStatus tv_file_read(const char *path, size_t cap, unsigned opts, char **data, size_t *len, tv_Error *err);

/* The same for an open descriptor (stdin); name is used in messages. fd is not closed. */
tv_FileStatus tv_file_read_fd(int fd, const char *name, size_t cap, char **data, size_t *len, tv_Error *err);

/* Writes data to path atomically (see above); the file gets mode 0600. On failure the
 * old file is as it was and the temp file is removed. */
bool tv_file_write_atomic(const char *path, const char *data, size_t len, tv_Error *err);
/* The same, with the fsync of the file and its folder only when durable. Running
 * programs still see the old file or the new one whole; only a machine crash soon after
 * may leave an old, empty or cut-short file. For caches, whose every read is checked and
 * whose loss is only slower (the pack cache: fsync was most of a cold run's cache write). */
bool tv_file_replace(const char *path, const char *data, size_t len, bool durable, tv_Error *err);

/* Removes the temp files that killed atomic writes left in dir: regular files named
 * like tv_file_write_atomic's "<name>.tmp.XXXXXX" (a non-empty name, then exactly six
 * letters or digits), last modified at least min_age_s seconds ago. Anything else is
 * left alone: links (never followed, never removed), folders, FIFOs, other names. Call
 * it at start-up on the prefs and cache folders. min_age_s > 0 spares the temp file of
 * a save another running game is making right now (a save takes milliseconds; 10 is
 * ample); 0 removes every match. Returns the number removed (0 for a missing folder),
 * or -1 with err naming dir (or the file that could not be removed). */
int tv_file_remove_stale_temps(const char *dir, int min_age_s, tv_Error *err);

/* Writes all of data to fd, retrying short writes and EINTR; false with errno set. */
bool tv_file_write_all(int fd, const char *data, size_t len);

typedef enum tv_BadCopy {
    TV_BAD_NONE,   /* no copy kept; err says why */
    TV_BAD_COPIED, /* copied to <path>.bad; the original stays until the next save */
    TV_BAD_MOVED,  /* too large to copy (over 16 MiB), so renamed to <path>.bad */
} tv_BadCopy;

/* Keeps a corrupt file at "<path>.bad" (replacing an older one), so a later save cannot
 * destroy what the player may want back. data is the content when already read; with
 * data NULL the file is read again, and one larger than 16 MiB is renamed instead, so
 * keeping it can never fill the disk. The .bad path is written to bad (badsize bytes). */
tv_BadCopy tv_file_keep_bad(const char *path, const char *data, size_t len, char *bad, size_t badsize, tv_Error *err);

/* mkdir -p with mode for each folder it creates; true when dir exists as a folder
 * afterwards. */
bool tv_file_mkdirs(const char *dir, unsigned mode, tv_Error *err);

#endif
