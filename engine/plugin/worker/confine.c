/* confine.c - PR_SET_NO_NEW_PRIVS and the seccomp allow-list of the pack worker.
 * Trust boundary: applied before untrusted pack code runs; only loosens nothing.
 * Depends on: libseccomp. */
#include "plugin/worker/confine.h"

#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define TV_CONFINE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TV_CONFINE_SANITIZED 1
#endif
#endif

#ifndef TV_CONFINE_SANITIZED
/* Calls allowed with any arguments: reading what is open, closing, file status, memory
 * housekeeping, the clock, signals to unwind an abort, and exit. */
static const int plain_calls[] = {
    SCMP_SYS(read),         SCMP_SYS(pread64),       SCMP_SYS(close),        SCMP_SYS(fstat),
    SCMP_SYS(newfstatat),   SCMP_SYS(lseek),         SCMP_SYS(brk),          SCMP_SYS(munmap),
    SCMP_SYS(mremap),       SCMP_SYS(madvise),       SCMP_SYS(clock_gettime), SCMP_SYS(gettimeofday),
    SCMP_SYS(getrandom),    SCMP_SYS(futex),         SCMP_SYS(rt_sigreturn), SCMP_SYS(rt_sigprocmask),
    SCMP_SYS(getpid),       SCMP_SYS(gettid),        SCMP_SYS(exit),         SCMP_SYS(exit_group),
};
#endif

static bool fail(char *why, size_t whysize, const char *what, int rc)
{
    snprintf(why, whysize, "%s: %s", what, strerror(rc < 0 ? -rc : rc));
    return false;
}

bool tv_confine_compiled_in(void)
{
#ifdef TV_CONFINE_SANITIZED
    return false;
#else
    return true;
#endif
}

bool tv_confine_worker(char *why, size_t whysize)
{
    /* No set-uid program the worker could start would gain rights: needed for an
     * unprivileged seccomp filter, and worth having on its own. */
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return fail(why, whysize, "PR_SET_NO_NEW_PRIVS", errno);
#ifdef TV_CONFINE_SANITIZED
    snprintf(why, whysize, "a sanitizer build: its runtime needs calls the filter would refuse");
    return false;
#else
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
    if (!ctx)
        return fail(why, whysize, "seccomp_init", ENOMEM);
    int rc = 0;
    for (size_t i = 0; i < sizeof plain_calls / sizeof plain_calls[0] && rc == 0; i++)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, plain_calls[i], 0);
    /* Output goes to the pipes on stdout and stderr only. */
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(write), 1, SCMP_A0(SCMP_CMP_EQ, STDOUT_FILENO));
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(write), 1, SCMP_A0(SCMP_CMP_EQ, STDERR_FILENO));
    /* include opens the pack's files read-only (sandbox.c): nothing that writes or
     * creates. The pack folder is already open; paths are resolved below it. */
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(openat), 1,
                              SCMP_A2(SCMP_CMP_MASKED_EQ, O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND, O_RDONLY));
    /* Memory, but never executable memory. */
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
    /* abort() signals itself; no other process. */
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1, SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid()));
    if (rc != 0) {
        seccomp_release(ctx);
        return fail(why, whysize, "seccomp_rule_add", rc);
    }
    rc = seccomp_load(ctx);
    seccomp_release(ctx);
    if (rc != 0)
        return fail(why, whysize, "seccomp_load", rc);
    return true;
#endif
}
