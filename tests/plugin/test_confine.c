/* test_confine.c - the pack worker's seccomp allow-list (confine.h) in a real child
 * process: what loading a pack needs still works, and writing files, starting programs
 * and opening sockets fail. Skipped (and says so) in sanitizer builds, where the worker
 * runs without the filter. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "plugin/worker/confine.h"

/* Runs body in a confined child; returns its exit status (0 = every check held), or 77
 * when the filter could not be installed. */
static int in_confined_child(int (*body)(int dirfd, const char *dir), const char *dir)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        char why[256];
        if (!tv_confine_worker(why, sizeof why)) {
            fprintf(stderr, "  no filter: %s\n", why);
            _exit(77);
        }
        _exit(body(dirfd, dir));
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/tv-confine-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    char path[128];
    snprintf(path, sizeof path, "%s/pack.lua", dir);
    FILE *f = fopen(path, "w");
    fputs("return {}\n", f);
    fclose(f);
}

static void remove_dir(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/pack.lua", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/written.lua", dir);
    unlink(path);
    rmdir(dir);
}

/* Each failed check sets its own bit of the exit status. */
static int what_a_worker_needs(int dirfd, const char *d)
{
    (void)d;
    int bad = 0;
    int fd = openat(dirfd, "pack.lua", O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    char buf[64];
    if (fd < 0 || fstat(fd, &st) != 0 || read(fd, buf, sizeof buf) != 10)
        bad |= 1;
    close(fd);
    void *p = malloc(64 << 20); /* mmap */
    if (!p)
        bad |= 2;
    memset(p, 1, 64 << 20);
    free(p);
    if (write(STDOUT_FILENO, "", 0) != 0)
        bad |= 4;
    return bad;
}

static int what_a_pack_must_not_do(int dirfd, const char *d)
{
    int bad = 0;
    if (openat(dirfd, "written.lua", O_WRONLY | O_CREAT, 0600) >= 0 || errno != EPERM)
        bad |= 1;
    char path[128];
    snprintf(path, sizeof path, "%s/pack.lua", d);
    if (open(path, O_RDWR) >= 0 || errno != EPERM)
        bad |= 2;
    if (socket(AF_INET, SOCK_STREAM, 0) >= 0 || errno != EPERM)
        bad |= 4;
    char *argv[] = {"/bin/true", NULL};
    execv("/bin/true", argv);
    if (errno != EPERM)
        bad |= 8;
    int fds[2];
    if (pipe(fds) == 0) /* a pipe would be a new descriptor to write to */
        bad |= 16;
    if (fork() == 0)
        _exit(0);
    else if (errno != EPERM)
        bad |= 32;
    return bad;
}

TEST("a confined worker still reads its pack, allocates and writes its output")
{
    make_dir();
    int rc = in_confined_child(what_a_worker_needs, dir);
    if (rc == 77)
        fprintf(stderr, "  skipped: no seccomp filter in this build\n");
    else
        CHECK_INT(0, rc);
    remove_dir();
}

TEST("a confined worker cannot write files, start programs, open sockets or fork")
{
    make_dir();
    int rc = in_confined_child(what_a_pack_must_not_do, dir);
    if (rc == 77)
        fprintf(stderr, "  skipped: no seccomp filter in this build\n");
    else
        CHECK_INT(0, rc);
    struct stat st;
    char path[128];
    snprintf(path, sizeof path, "%s/written.lua", dir);
    CHECK(stat(path, &st) != 0);
    remove_dir();
}

TEST_MAIN()
