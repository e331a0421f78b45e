/* alloc.c - default allocator and arena. Depends on: libc. */
#include "core/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *libc_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, nsize);
}

tv_Alloc tv_alloc_default(void) { return (tv_Alloc){libc_alloc, NULL}; }

void *tv_alloc(tv_Alloc a, size_t n) { return n ? a.fn(a.ud, NULL, 0, n) : NULL; }

void *tv_calloc(tv_Alloc a, size_t count, size_t n)
{
    if (count && n > SIZE_MAX / count)
        return NULL;
    void *p = tv_alloc(a, count * n);
    if (p)
        memset(p, 0, count * n);
    return p;
}

void *tv_realloc(tv_Alloc a, void *p, size_t osize, size_t nsize) { return a.fn(a.ud, p, osize, nsize); }

void tv_free(tv_Alloc a, void *p, size_t n)
{
    if (p)
        a.fn(a.ud, p, n, 0);
}

struct tv_ArenaBlock {
    tv_ArenaBlock *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

enum { ARENA_BLOCK = 16 * 1024 };

void tv_arena_init(tv_Arena *arena, tv_Alloc alloc)
{
    arena->alloc = alloc;
    arena->head = NULL;
}

void *tv_arena_alloc(tv_Arena *arena, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    tv_ArenaBlock *b = arena->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        b = tv_alloc(arena->alloc, sizeof *b + size);
        if (!b)
            return NULL;
        b->size = size;
        b->used = 0;
        b->next = arena->head;
        arena->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

char *tv_arena_strndup(tv_Arena *arena, const char *s, size_t len)
{
    char *p = tv_arena_alloc(arena, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *tv_arena_strdup(tv_Arena *arena, const char *s) { return tv_arena_strndup(arena, s, strlen(s)); }

void tv_arena_free(tv_Arena *arena)
{
    tv_ArenaBlock *b = arena->head;
    while (b) {
        tv_ArenaBlock *next = b->next;
        tv_free(arena->alloc, b, sizeof *b + b->size);
        b = next;
    }
    arena->head = NULL;
}
