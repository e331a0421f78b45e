/* alloc.h - the allocator the core is handed, shaped like lua_Alloc, and an arena.
 *
 * The core never calls malloc directly: tests pass a counting allocator that fails the
 * Nth call and check that every error path frees what it took.
 * Depends on: libc only. */
#ifndef TV_ALLOC_H
#define TV_ALLOC_H

#include <stddef.h>

/* realloc-like: nsize == 0 frees ptr and returns NULL; otherwise returns a block of nsize
 * bytes (ptr may be NULL) or NULL on failure, leaving ptr untouched. */
typedef void *(*tv_AllocFn)(void *ud, void *ptr, size_t osize, size_t nsize);

typedef struct tv_Alloc {
    tv_AllocFn fn;
    void *ud;
} tv_Alloc;

/* The libc allocator. */
tv_Alloc tv_alloc_default(void);

void *tv_alloc(tv_Alloc a, size_t n);                               /* NULL on failure */
void *tv_calloc(tv_Alloc a, size_t count, size_t n);                /* zeroed; NULL on failure */
void *tv_realloc(tv_Alloc a, void *p, size_t osize, size_t nsize); /* NULL on failure */
void tv_free(tv_Alloc a, void *p, size_t n);

/* An arena: many small allocations released together by tv_arena_free. */
typedef struct tv_ArenaBlock tv_ArenaBlock;
typedef struct tv_Arena {
    tv_Alloc alloc;
    tv_ArenaBlock *head;
} tv_Arena;

void tv_arena_init(tv_Arena *arena, tv_Alloc alloc);
/* Returns 16-byte aligned memory owned by the arena, or NULL when out of memory. */
void *tv_arena_alloc(tv_Arena *arena, size_t n);
/* Copies len bytes of s plus a terminating NUL into the arena; NULL when out of memory. */
char *tv_arena_strndup(tv_Arena *arena, const char *s, size_t len);
char *tv_arena_strdup(tv_Arena *arena, const char *s);
/* Releases every block; safe on a zeroed arena and safe to call twice. */
void tv_arena_free(tv_Arena *arena);

#endif
