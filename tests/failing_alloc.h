/* failing_alloc.h - a counting allocator for tests that fails its Nth call, as in Lua's
 * ltests.c: a test sweeps N over every allocation of a call and checks that each
 * failure is reported as out of memory and frees everything (live back to 0).
 * Header-only, for the test programs. */
#ifndef TV_FAILING_ALLOC_H
#define TV_FAILING_ALLOC_H

#include <stdlib.h>

typedef struct {
    int calls, fail_at; /* fail_at: the 1-based call that fails (0: none) */
    long live;          /* bytes allocated and not yet freed */
} Counter;

/* A tv_AllocFn over realloc/free; ud is a Counter. */
static inline void *counting(void *ud, void *p, size_t os, size_t ns)
{
    Counter *c = ud;
    if (ns == 0) {
        if (p)
            c->live -= (long)os;
        free(p);
        return NULL;
    }
    if (++c->calls == c->fail_at)
        return NULL;
    void *q = realloc(p, ns);
    if (q)
        c->live += (long)ns - (long)(p ? os : 0);
    return q;
}

#endif
