/* io.file: whole-file reads refuse what is not a regular file (without hanging on a
 * FIFO), stay under their cap, and atomic writes never leave half a file or a temp
 * file behind. Runs in a mkdtemp folder. */
#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "io/file.h"

static char dir[] = "/tmp/trivium-io-XXXXXX";

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        unlink(path);
        return;
    }
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        chmod(sub, 0700);
        remove_tree(sub);
    }
    closedir(d);
    rmdir(path);
}

static void remove_dir(void) { remove_tree(dir); }

static const char *at(const char *name)
{
    static char paths[8][512];
    static int next;
    static bool made;
    if (!made) {
        made = mkdtemp(dir) != NULL;
        CHECK(made);
        atexit(remove_dir);
    }
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/%s", dir, name);
    return p;
}

static void put_str(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static char *slurp(const char *path)
{
    char *data = NULL;
    size_t len;
    tv_file_read(path, 1 << 20, 0, &data, &len, NULL);
    return data;
}

static int count_entries(const char *path, const char *containing)
{
    DIR *d = opendir(path);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;)
        n += strstr(e->d_name, containing) != NULL;
    if (d)
        closedir(d);
    return n;
}

#define CHECK_CONTAINS(hay, needle)                                                                         \
    do {                                                                                                    \
        const char *h_ = (hay);                                                                             \
        if (!h_ || !strstr(h_, needle)) {                                                                   \
            fprintf(stderr, "  %s:%d: expected \"%s\" in \"%s\"\n", __FILE__, __LINE__, needle,             \
                    h_ ? h_ : "(null)");                                                                    \
            check_failed_here = 1;                                                                          \
        }                                                                                                   \
    } while (0)

TEST("a regular file is read whole and NUL-terminated")
{
    const char *path = at("plain.txt");
    put_str(path, "hello\n");
    char *data;
    size_t len;
    tv_Error err = {0};
    CHECK_INT(TV_FILE_OK, tv_file_read(path, 6, 0, &data, &len, &err));
    CHECK_INT(6, len);
    CHECK_STR("hello\n", data);
    free(data);
}

TEST("a file over the cap is refused as too big, naming the file")
{
    const char *path = at("big.txt");
    put_str(path, "1234567");
    char *data = (char *)1;
    size_t len;
    tv_Error err = {0};
    CHECK_INT(TV_FILE_TOO_BIG, tv_file_read(path, 6, 0, &data, &len, &err));
    CHECK(data == NULL);
    CHECK_STR(path, err.file);
    CHECK_CONTAINS(err.msg, "larger than 6 bytes");
}

TEST("a missing file says so")
{
    char *data;
    size_t len;
    tv_Error err = {0};
    CHECK_INT(TV_FILE_MISSING, tv_file_read(at("nothing.txt"), 100, 0, &data, &len, &err));
    CHECK(data == NULL);
}

TEST("a FIFO in a file's place is refused at once, not waited on")
{
    const char *path = at("fifo.txt");
    CHECK(mkfifo(path, 0600) == 0);
    /* A child does the read, so a hang shows up as a kill instead of a stuck test. */
    pid_t pid = fork();
    if (pid == 0) {
        alarm(5);
        char *data;
        size_t len;
        tv_Error err = {0};
        bool ok = tv_file_read(path, 100, 0, &data, &len, &err) == TV_FILE_REFUSED &&
                  strstr(err.msg, "not a regular file") != NULL;
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

TEST("a symbolic link is refused, and followed only when asked")
{
    const char *target = at("target.txt"), *link = at("link.txt");
    put_str(target, "secret\n");
    CHECK(symlink(target, link) == 0);
    char *data;
    size_t len;
    tv_Error err = {0};
    CHECK_INT(TV_FILE_REFUSED, tv_file_read(link, 100, 0, &data, &len, &err));
    CHECK_CONTAINS(err.msg, "symbolic link");
    CHECK_STR(link, err.file);
    CHECK_INT(TV_FILE_OK, tv_file_read(link, 100, TV_FILE_FOLLOW, &data, &len, &err));
    CHECK_STR("secret\n", data);
    free(data);
}

TEST("a folder is refused as not a regular file")
{
    char *data;
    size_t len;
    tv_Error err = {0};
    CHECK_INT(TV_FILE_REFUSED, tv_file_read(at(""), 100, 0, &data, &len, &err));
    CHECK_CONTAINS(err.msg, "not a regular file");
}

TEST("with TV_FILE_PIPE a pipe is read to its end, under the cap")
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    CHECK(write(fds[1], "@1 A\n", 5) == 5);
    close(fds[1]);
    char name[64];
    snprintf(name, sizeof name, "/dev/fd/%d", fds[0]);
    char *data;
    size_t len;
    tv_Error err = {0};
    CHECK_INT(TV_FILE_OK, tv_file_read(name, 100, TV_FILE_FOLLOW | TV_FILE_PIPE, &data, &len, &err));
    CHECK_STR("@1 A\n", data);
    free(data);
    close(fds[0]);
    CHECK(pipe(fds) == 0);
    CHECK(write(fds[1], "0123456789", 10) == 10);
    close(fds[1]);
    CHECK_INT(TV_FILE_TOO_BIG, tv_file_read_fd(fds[0], "-", 9, &data, &len, &err));
    close(fds[0]);
}

TEST("an atomic write replaces the file and leaves no temporary file")
{
    const char *path = at("atomic.txt");
    put_str(path, "old content, longer than the new\n");
    tv_Error err = {0};
    CHECK(tv_file_write_atomic(path, "new\n", 4, &err));
    char *got = slurp(path);
    CHECK_STR("new\n", got);
    free(got);
    CHECK_INT(0, count_entries(dir, ".tmp."));
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
}

TEST("an atomic write replaces a planted link instead of writing through it")
{
    const char *outside = at("outside.txt"), *path = at("planted.txt");
    put_str(outside, "keep me\n");
    CHECK(symlink(outside, path) == 0);
    tv_Error err = {0};
    CHECK(tv_file_write_atomic(path, "mine\n", 5, &err));
    char *got = slurp(outside);
    CHECK_STR("keep me\n", got);
    free(got);
    got = slurp(path); /* no longer a link, so this read is allowed */
    CHECK_STR("mine\n", got);
    free(got);
}

TEST("a replace without fsync (caches) still replaces in one step, mode 0600, never through a link")
{
    const char *path = at("cache.txt"), *outside = at("outside2.txt"), *link = at("cache-link.txt");
    put_str(path, "old content, longer than the new\n");
    tv_Error err = {0};
    CHECK(tv_file_replace(path, "new\n", 4, false, &err));
    char *got = slurp(path);
    CHECK_STR("new\n", got);
    free(got);
    CHECK_INT(0, count_entries(dir, ".tmp."));
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
    put_str(outside, "keep me\n");
    CHECK(symlink(outside, link) == 0);
    CHECK(tv_file_replace(link, "mine\n", 5, false, &err));
    got = slurp(outside);
    CHECK_STR("keep me\n", got);
    free(got);
}

/* Without root's override of permissions, so as root it runs as nobody in a child. */
static bool write_into_readonly(const char *ro, const char *path)
{
    tv_Error err = {0};
    bool ok = !tv_file_write_atomic(path, "new\n", 4, &err) && strcmp(err.file, path) == 0 &&
              strstr(err.msg, "Permission denied");
    char *got = slurp(path);
    ok = ok && got && strcmp(got, "old\n") == 0 && count_entries(ro, ".tmp.") == 0;
    free(got);
    return ok;
}

TEST("a failed atomic write (read-only folder) names the file and keeps the old one")
{
    const char *ro = at("readonly");
    char path[600];
    snprintf(path, sizeof path, "%s/keep.txt", ro);
    CHECK(mkdir(ro, 0755) == 0);
    put_str(path, "old\n");
    CHECK(chmod(path, 0644) == 0 && chmod(ro, 0555) == 0);
    if (geteuid() != 0) {
        CHECK(write_into_readonly(ro, path));
    } else {
        CHECK(chmod(dir, 0755) == 0);
        pid_t pid = fork();
        if (pid == 0)
            _exit(setgid(65534) == 0 && setuid(65534) == 0 && write_into_readonly(ro, path) ? 0 : 1);
        int status = 0;
        CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        CHECK(chmod(dir, 0700) == 0);
    }
    chmod(ro, 0755);
}

TEST("a failed atomic write into a missing folder leaves nothing behind")
{
    const char *path = at("no/such/file.txt");
    tv_Error err = {0};
    CHECK(!tv_file_write_atomic(path, "x", 1, &err));
    CHECK_STR(path, err.file);
    CHECK_CONTAINS(err.msg, "No such file or directory");
    CHECK_INT(0, count_entries(dir, ".tmp."));
}

TEST("a bad file is copied to .bad from memory or from disk, replacing an older copy")
{
    const char *path = at("corrupt.txt");
    put_str(path, "garbage\n");
    put_str(at("corrupt.txt.bad"), "an older copy\n");
    char bad[600];
    tv_Error err = {0};
    CHECK_INT(TV_BAD_COPIED, tv_file_keep_bad(path, "garbage\n", 8, bad, sizeof bad, &err));
    CHECK_STR(at("corrupt.txt.bad"), bad);
    char *got = slurp(bad);
    CHECK_STR("garbage\n", got);
    free(got);
    put_str(path, "other garbage\n");
    CHECK_INT(TV_BAD_COPIED, tv_file_keep_bad(path, NULL, 0, bad, sizeof bad, &err));
    got = slurp(bad);
    CHECK_STR("other garbage\n", got);
    free(got);
    got = slurp(path);
    CHECK_STR("other garbage\n", got); /* the original stays */
    free(got);
    CHECK_INT(TV_BAD_NONE, tv_file_keep_bad(at("gone.txt"), NULL, 0, bad, sizeof bad, &err));
}

static bool present(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

TEST("stale temp files of killed saves are removed; links, folders and other names are not")
{
    char sub[600];
    snprintf(sub, sizeof sub, "%s", at("stale"));
    CHECK(mkdir(sub, 0700) == 0);
    char p[20][700];
    const char *names[] = {
        "settings.txt.tmp.a1B2c3",    /* 0: removed */
        "pack-00ff.txt.tmp.XXXXXX",   /* 1: removed (mkstemp's letters can be X) */
        "scores.txt.bad.tmp.Zz9yY8",  /* 2: removed */
        "settings.txt",               /* 3: kept: not a temp name */
        "notes.tmp.abc",              /* 4: kept: five letters short */
        "notes.tmp.abcdefg",          /* 5: kept: one too many */
        ".tmp.abcdef",                /* 6: kept: no name before .tmp. */
        "notes.tmp.abc-ef",           /* 7: kept: not a letter or digit */
        "link.txt.tmp.QWErty",        /* 8: kept: a symbolic link */
        "dir.txt.tmp.QWErty",         /* 9: kept: a folder */
        "fifo.txt.tmp.QWErty",        /* 10: kept: a FIFO */
        "notes.txt.tmp.abcdef.keep",  /* 11: kept */
    };
    size_t n = sizeof names / sizeof names[0];
    for (size_t i = 0; i < n; i++)
        snprintf(p[i], sizeof p[i], "%s/%s", sub, names[i]);
    const char *target = at("link-target.txt");
    put_str(target, "the link's target must survive\n");
    for (size_t i = 0; i < n; i++) {
        if (i == 8)
            CHECK(symlink(target, p[i]) == 0);
        else if (i == 9)
            CHECK(mkdir(p[i], 0700) == 0);
        else if (i == 10)
            CHECK(mkfifo(p[i], 0600) == 0);
        else
            put_str(p[i], "x");
    }
    tv_Error err = {0};
    CHECK_INT(3, tv_file_remove_stale_temps(sub, 0, &err));
    for (size_t i = 0; i < n; i++) {
        if (present(p[i]) != (i >= 3))
            fprintf(stderr, "  %s: expected %s\n", names[i], i >= 3 ? "kept" : "removed");
        CHECK(present(p[i]) == (i >= 3));
    }
    char *got = slurp(target);
    CHECK_STR("the link's target must survive\n", got);
    free(got);
    CHECK_INT(0, tv_file_remove_stale_temps(sub, 0, &err));
}

TEST("a temp file younger than the given age is left for the save that is writing it")
{
    char sub[600];
    snprintf(sub, sizeof sub, "%s", at("young"));
    CHECK(mkdir(sub, 0700) == 0);
    char young[700], old[700];
    snprintf(young, sizeof young, "%s/settings.txt.tmp.young1", sub);
    snprintf(old, sizeof old, "%s/scores.txt.tmp.old123", sub);
    put_str(young, "x");
    put_str(old, "x");
    struct timespec times[2] = {{.tv_sec = time(NULL) - 3600}, {.tv_sec = time(NULL) - 3600}};
    CHECK(utimensat(AT_FDCWD, old, times, 0) == 0);
    tv_Error err = {0};
    CHECK_INT(1, tv_file_remove_stale_temps(sub, 10, &err));
    CHECK(present(young));
    CHECK(!present(old));
}

TEST("clean-up of a missing folder removes nothing; a link in the folder's place is refused")
{
    tv_Error err = {0};
    CHECK_INT(0, tv_file_remove_stale_temps(at("no-such-folder"), 0, &err));
    char sub[600], link[600], victim[700];
    snprintf(sub, sizeof sub, "%s", at("real-folder"));
    snprintf(link, sizeof link, "%s", at("folder-link"));
    CHECK(mkdir(sub, 0700) == 0);
    snprintf(victim, sizeof victim, "%s/x.tmp.abcdef", sub);
    put_str(victim, "x");
    CHECK(symlink(sub, link) == 0);
    CHECK_INT(-1, tv_file_remove_stale_temps(link, 0, &err));
    CHECK_STR(link, err.file);
    CHECK_CONTAINS(err.msg, "symbolic link");
    CHECK(present(victim));
}

TEST("mkdir -p creates every missing folder and accepts existing ones")
{
    const char *deep = at("a/b/c");
    tv_Error err = {0};
    CHECK(tv_file_mkdirs(deep, 0700, &err));
    struct stat st;
    CHECK(stat(deep, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0700);
    CHECK(tv_file_mkdirs(deep, 0700, &err)); /* twice is fine */
    const char *file = at("afile");
    put_str(file, "x");
    char under[600];
    snprintf(under, sizeof under, "%s/sub", file);
    CHECK(!tv_file_mkdirs(under, 0700, &err));
    CHECK(!tv_file_mkdirs(file, 0700, &err));
    CHECK_CONTAINS(err.msg, "not a folder");
}

TEST_MAIN()
