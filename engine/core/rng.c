/* rng.c - xoshiro256** seeded by splitmix64. Depends on: libc. */
#include "core/rng.h"

#include <string.h>

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

void tv_rng_seed(tv_Rng *rng, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        rng->s[i] = splitmix64(&x);
}

uint64_t tv_hash64(const char *s) { return tv_hash64_bytes(s, strlen(s), TV_HASH64_INIT); }

uint64_t tv_hash64_bytes(const void *p, size_t n, uint64_t h)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

void tv_rng_derive(tv_Rng *rng, uint64_t seed, const char *label) { tv_rng_seed(rng, seed ^ tv_hash64(label)); }

uint64_t tv_rng_next(tv_Rng *rng)
{
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint64_t tv_rng_below(tv_Rng *rng, uint64_t n)
{
    /* Reject the top sliver that would make some values more likely than others. */
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do
        x = tv_rng_next(rng);
    while (x >= limit);
    return x % n;
}

int64_t tv_rng_range(tv_Rng *rng, int64_t lo, int64_t hi)
{
    uint64_t span = (uint64_t)hi - (uint64_t)lo;
    if (span == UINT64_MAX)
        return (int64_t)tv_rng_next(rng);
    return (int64_t)((uint64_t)lo + tv_rng_below(rng, span + 1));
}

double tv_rng_unit(tv_Rng *rng) { return (double)(tv_rng_next(rng) >> 11) * 0x1.0p-53; }

void tv_rng_shuffle_ints(tv_Rng *rng, int *a, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)tv_rng_below(rng, i);
        int t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}
