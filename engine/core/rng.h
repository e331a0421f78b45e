/* rng.h - the seedable generator behind every shuffle and pick.
 *
 * Algorithm: xoshiro256** 1.0 (Blackman and Vigna, 2018), its 256-bit state filled from a
 * 64-bit seed by splitmix64. Integer arithmetic only, so the same seed gives the same
 * sequence on every machine. Separate uses (the session draw, the shown order, each
 * pack's generator) get their own stream from tv_rng_derive, so adding a pack does not
 * change another pack's questions.
 * Depends on: libc only. No clock, no global state. */
#ifndef TV_RNG_H
#define TV_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct tv_Rng {
    uint64_t s[4];
} tv_Rng;

void tv_rng_seed(tv_Rng *rng, uint64_t seed);
/* Seeds rng from seed and a label: the stream is splitmix64 over seed XOR FNV-1a(label). */
void tv_rng_derive(tv_Rng *rng, uint64_t seed, const char *label);
/* FNV-1a 64 of a NUL-terminated string; exposed for stream labels. */
uint64_t tv_hash64(const char *s);
/* FNV-1a 64 of n bytes at p, continuing from h (start with TV_HASH64_INIT). For data
 * that may hold NULs or has a known length, such as a worker's data frame. */
#define TV_HASH64_INIT 0xcbf29ce484222325ull
uint64_t tv_hash64_bytes(const void *p, size_t n, uint64_t h);

uint64_t tv_rng_next(tv_Rng *rng);
/* Uniform in [0, n); n must be > 0. Unbiased (rejection sampling). */
uint64_t tv_rng_below(tv_Rng *rng, uint64_t n);
/* Uniform in [lo, hi]; requires lo <= hi. */
int64_t tv_rng_range(tv_Rng *rng, int64_t lo, int64_t hi);
/* A double in [0, 1) with 53 random bits. */
double tv_rng_unit(tv_Rng *rng);
/* Fisher-Yates shuffle of n ints in place. */
void tv_rng_shuffle_ints(tv_Rng *rng, int *a, size_t n);

#endif
