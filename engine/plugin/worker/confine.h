/* confine.h - the operating system's limits on the pack worker, on top of its rlimits.
 *
 * Once the pack folder is open and before any pack code runs, the worker gives up what
 * it does not need: PR_SET_NO_NEW_PRIVS, then a seccomp filter that allows exactly what
 * loading a pack takes (reading files opened read-only, writing stdout and stderr,
 * memory without execute rights, the clock, exit). Everything else fails with EPERM, so
 * a pack that got past the Lua-level checks (see sandbox.h) still cannot open a file for
 * writing, start a process or reach the network.
 * Depends on: libseccomp. */
#ifndef TV_CONFINE_H
#define TV_CONFINE_H

#include <stdbool.h>
#include <stddef.h>

/* Confines the calling process for good. Returns true when the filter is in place; false
 * with the reason in why when it is not (no seccomp in the kernel, or a sanitizer build,
 * whose runtime makes calls of its own): the worker then runs with its rlimits only. */
bool tv_confine_worker(char *why, size_t whysize);

/* False in sanitizer builds, which leave the filter out on purpose (nothing to warn of). */
bool tv_confine_compiled_in(void);

#endif
