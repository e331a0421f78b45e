/* file.c - whole-file reads with a cap, atomic writes, .bad copies and mkdir -p
 * (see file.h).
 *
 * Trust boundary: any path handed in may have been replaced by something hostile (a
 * symbolic link to a file elsewhere, a FIFO, a device, a huge file). The open flags
 * and the fstat check decide what we touch before a single byte is read or written.
 * The start-up clean-up of temp files left by killed saves is here too, since only
 * this file knows the temp names it makes.
 * Depends on: core (error), libc, POSIX. */
#include "io/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* tv_file_write_atomic's temp names: "<path>" TEMP_SUFFIX, the X's filled by mkstemp. */
#define TEMP_SUFFIX ".tmp.XXXXXX"

/* A corrupt file up to this size is copied to .bad; a bigger one is renamed there. */
#define BAD_COPY_MAX_BYTES (16u << 20)

/* {====================================================================== reading */

/* Reads fd to its end into a growing buffer: at most cap bytes, plus one more so that a
 * file that grew past the cap since fstat is caught rather than cut short. hint is the
 * expected size (fstat's), so a regular file takes one allocation. */
static tv_FileStatus read_all(int fd, const char *name, size_t cap, size_t hint, char **data, size_t *len,
                              tv_Error *err)
{
    size_t room = (hint < cap ? hint : cap) + 1, got = 0;
    char *buf = malloc(room + 1);
    if (!buf)
        return tv_error_set(err, TV_ERR_NOMEM, name, 0, "cannot be read: out of memory"), TV_FILE_REFUSED;
    for (;;) {
        if (got == room) {
            if (room > cap) {
                free(buf);
                tv_error_set(err, TV_ERR_IO, name, 0, "is larger than %zu bytes", cap);
                return TV_FILE_TOO_BIG;
            }
            size_t more = room > cap / 2 ? cap + 1 : room * 2;
            char *grown = realloc(buf, more + 1);
            if (!grown) {
                free(buf);
                return tv_error_set(err, TV_ERR_NOMEM, name, 0, "cannot be read: out of memory"), TV_FILE_REFUSED;
            }
            buf = grown, room = more;
        }
        ssize_t n = read(fd, buf + got, room - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            free(buf);
            return tv_error_set(err, TV_ERR_IO, name, 0, "cannot be read: %s", strerror(e)), TV_FILE_REFUSED;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
    return TV_FILE_OK;
}

tv_FileStatus tv_file_read(const char *path, size_t cap, unsigned opts, char **data, size_t *len, tv_Error *err)
{
    *data = NULL;
    *len = 0;
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. */
    int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (opts & TV_FILE_FOLLOW ? 0 : O_NOFOLLOW);
    int fd = open(path, flags);
    if (fd < 0) {
        int e = errno;
        if (e == ENOENT)
            return tv_error_set(err, TV_ERR_IO, path, 0, "does not exist"), TV_FILE_MISSING;
        if ((e == ELOOP || e == EMLINK) && !(opts & TV_FILE_FOLLOW))
            tv_error_set(err, TV_ERR_IO, path, 0, "is a symbolic link, which is not followed");
        else
            tv_error_set(err, TV_ERR_IO, path, 0, "cannot be opened: %s", strerror(e));
        return TV_FILE_REFUSED;
    }
    struct stat st;
    bool pipe = false;
    if (fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || (pipe = (opts & TV_FILE_PIPE) && S_ISFIFO(st.st_mode)))) {
        close(fd);
        tv_error_set(err, TV_ERR_IO, path, 0, "is not a regular file%s", opts & TV_FILE_PIPE ? " or a pipe" : "");
        return TV_FILE_REFUSED;
    }
    if (!pipe && st.st_size > (off_t)cap) {
        close(fd);
        tv_error_set(err, TV_ERR_IO, path, 0, "is larger than %zu bytes", cap);
        return TV_FILE_TOO_BIG;
    }
    /* A pipe the caller asked for is read to its end like stdin, so it must block. */
    if (pipe)
        (void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    tv_FileStatus r = read_all(fd, path, cap, pipe ? 4096 : (size_t)st.st_size, data, len, err);
    close(fd);
    return r;
}

tv_FileStatus tv_file_read_fd(int fd, const char *name, size_t cap, char **data, size_t *len, tv_Error *err)
{
    *data = NULL;
    *len = 0;
    struct stat st;
    size_t hint = 4096;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if (st.st_size > (off_t)cap) {
            tv_error_set(err, TV_ERR_IO, name, 0, "is larger than %zu bytes", cap);
            return TV_FILE_TOO_BIG;
        }
        hint = (size_t)st.st_size;
    }
    return read_all(fd, name, cap, hint, data, len, err);
}

/* }====================================================================== */

/* {====================================================================== writing */

bool tv_file_write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* The folder part of path ("." when there is none). */
static void folder_of(const char *path, char *dir, size_t size)
{
    snprintf(dir, size, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        dir[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(dir, size, ".");
}

bool tv_file_write_atomic(const char *path, const char *data, size_t len, tv_Error *err)
{
    return tv_file_replace(path, data, len, true, err);
}

bool tv_file_replace(const char *path, const char *data, size_t len, bool durable, tv_Error *err)
{
    char tmp[4096], dir[4096];
    if (snprintf(tmp, sizeof tmp, "%s" TEMP_SUFFIX, path) >= (int)sizeof tmp)
        return tv_error_set(err, TV_ERR_IO, path, 0, "the path is too long");
    /* mkstemp picks an unpredictable name and creates it with O_EXCL, so nothing planted
     * beforehand (a link, a FIFO) can be written through. The temp file sits next to
     * the target, so rename() stays on one filesystem and replaces the old file in one
     * step: a crash leaves the old or the new file, never half of one. */
    int fd = mkstemp(tmp);
    if (fd < 0)
        return tv_error_set(err, TV_ERR_IO, path, 0, "cannot create a temporary file in its folder: %s",
                            strerror(errno));
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    const char *what = NULL;
    if (!tv_file_write_all(fd, data, len))
        what = "cannot write";
    else if (durable && fsync(fd) != 0)
        what = "cannot flush to disk";
    int e = errno;
    if (close(fd) != 0 && !what) {
        what = "cannot write";
        e = errno;
    }
    /* rename replaces a link or FIFO at path itself; it never writes through one. */
    if (!what && rename(tmp, path) != 0) {
        what = "cannot replace the old file";
        e = errno;
    }
    if (what) {
        unlink(tmp);
        return tv_error_set(err, TV_ERR_IO, path, 0, "%s: %s", what, strerror(e));
    }
    if (!durable)
        return true;
    /* Flushing the folder makes the rename itself durable. It is best effort: the new
     * file is already in place, and some filesystems refuse fsync on a folder. */
    folder_of(path, dir, sizeof dir);
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    return true;
}

/* "<name>.tmp.XXXXXX" with mkstemp's six letters or digits, as tv_file_write_atomic
 * makes them; nothing looser, so no file of the player's can match by accident. */
static bool is_atomic_temp(const char *name)
{
    size_t n = strlen(name), tail = strlen(TEMP_SUFFIX);
    if (n <= tail || memcmp(name + n - tail, ".tmp.", 5) != 0)
        return false;
    for (size_t i = n - 6; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

int tv_file_remove_stale_temps(const char *dir, int min_age_s, tv_Error *err)
{
    /* The folder itself is not followed if it is a link: a planted link must not turn
     * the clean-up loose on a folder elsewhere. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (dfd < 0) {
        int e = errno;
        struct stat st;
        if (e == ENOENT)
            return 0;
        /* Linux says ENOTDIR for O_DIRECTORY | O_NOFOLLOW on a link to a folder. */
        bool link = (e == ELOOP || e == ENOTDIR) && lstat(dir, &st) == 0 && S_ISLNK(st.st_mode);
        return tv_error_set(err, TV_ERR_IO, dir, 0, "cannot be opened to remove temporary files: %s",
                            link ? "it is a symbolic link, which is not followed" : strerror(e)),
               -1;
    }
    DIR *d = fdopendir(dfd);
    if (!d) {
        int e = errno;
        close(dfd);
        return tv_error_set(err, TV_ERR_IO, dir, 0, "cannot be listed: %s", strerror(e)), -1;
    }
    time_t now = time(NULL);
    int removed = 0, failed = 0;
    char failed_name[256] = "";
    int failed_errno = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!is_atomic_temp(e->d_name))
            continue;
        struct stat st;
        /* lstat, not stat: a link is never a temp file of ours, whatever it points at.
         * unlinkat below removes a name, never what a link points to, so a swap
         * between the two calls can at worst remove a link someone planted. */
        if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (min_age_s > 0 && now - st.st_mtime < min_age_s)
            continue;
        if (unlinkat(dfd, e->d_name, 0) == 0)
            removed++;
        else if (errno != ENOENT && !failed++) {
            failed_errno = errno;
            snprintf(failed_name, sizeof failed_name, "%s", e->d_name);
        }
    }
    closedir(d);
    if (failed)
        return tv_error_set(err, TV_ERR_IO, dir, 0, "cannot remove the stale temporary file %s%s: %s", failed_name,
                            failed > 1 ? " and others" : "", strerror(failed_errno)),
               -1;
    return removed;
}

tv_BadCopy tv_file_keep_bad(const char *path, const char *data, size_t len, char *bad, size_t badsize, tv_Error *err)
{
    if (snprintf(bad, badsize, "%s.bad", path) >= (int)badsize)
        return tv_error_set(err, TV_ERR_IO, path, 0, "the path is too long"), TV_BAD_NONE;
    char *big = NULL;
    if (!data) {
        size_t biglen = 0;
        tv_FileStatus st = tv_file_read(path, BAD_COPY_MAX_BYTES, 0, &big, &biglen, err);
        if (st == TV_FILE_TOO_BIG) {
            if (rename(path, bad) != 0)
                return tv_error_set(err, TV_ERR_IO, path, 0, "cannot be moved: %s", strerror(errno)), TV_BAD_NONE;
            return TV_BAD_MOVED;
        }
        if (st != TV_FILE_OK)
            return TV_BAD_NONE;
        data = big, len = biglen;
    }
    bool ok = tv_file_write_atomic(bad, data, len, err);
    free(big);
    return ok ? TV_BAD_COPIED : TV_BAD_NONE;
}

bool tv_file_mkdirs(const char *dir, unsigned mode, tv_Error *err)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
        return tv_error_set(err, TV_ERR_IO, dir, 0, "the path is too long");
    /* Each parent in turn; one that exists already is fine, and the final stat says
     * whether the whole chain is really there as folders. */
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(path, (mode_t)mode) != 0 && errno != EEXIST)
                return tv_error_set(err, TV_ERR_IO, dir, 0, "cannot create %s: %s", path, strerror(errno));
            *p = '/';
        }
    if (mkdir(path, (mode_t)mode) != 0 && errno != EEXIST)
        return tv_error_set(err, TV_ERR_IO, dir, 0, "cannot be created: %s", strerror(errno));
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return tv_error_set(err, TV_ERR_IO, dir, 0, "is not a folder");
    return true;
}

/* }====================================================================== */
