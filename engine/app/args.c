/* args.c - the table-driven flag parser of args.h. Prints nothing and keeps no state:
 * what it found goes into the caller's struct, what went wrong into a tv_Error.
 * Depends on: core (error). */
#include "app/args.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const tv_ArgSpec *find(const tv_ArgSpec *specs, size_t n, const char *flag)
{
    for (size_t i = 0; i < n; i++)
        if (flag ? specs[i].flag && strcmp(specs[i].flag, flag) == 0 : !specs[i].flag)
            return &specs[i];
    return NULL;
}

tv_ArgsResult tv_args_parse(const tv_ArgSpec *specs, size_t n, void *dest, int argc, char **argv, int first,
                            tv_Error *err)
{
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
            return TV_ARGS_HELP;
        /* Anything not starting with '-' is positional, "-" on its own is not. */
        const tv_ArgSpec *spec = find(specs, n, a[0] == '-' ? a : NULL);
        if (!spec) {
            if (a[0] == '-')
                tv_error_set(err, TV_ERR_USAGE, NULL, 0, "unknown option %s", a);
            else
                tv_error_set(err, TV_ERR_USAGE, NULL, 0, "unexpected argument '%s'", a);
            return TV_ARGS_ERROR;
        }
        const char *value = NULL;
        if (!spec->flag)
            value = a;
        else if (spec->takes_value) {
            if (i + 1 >= argc) {
                tv_error_set(err, TV_ERR_USAGE, NULL, 0, "%s needs a value", a);
                return TV_ARGS_ERROR;
            }
            value = argv[++i];
        }
        bool ok = spec->set ? spec->set(dest, spec, value, err) : (*(bool *)((char *)dest + spec->offset) = true);
        if (!ok) {
            err->code = TV_ERR_USAGE;
            return TV_ARGS_ERROR;
        }
    }
    return TV_ARGS_OK;
}

bool tv_args_expected(tv_Error *err, const tv_ArgSpec *spec, const char *value)
{
    return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "%s %s: expected %s", spec->flag ? spec->flag : "argument", value,
                        spec->expect ? spec->expect : "something else");
}

bool tv_arg_string(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    (void)err;
    *(const char **)((char *)dest + spec->offset) = value;
    return true;
}

bool tv_args_parse_u64(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end || errno == ERANGE)
        return false;
    *out = v;
    return true;
}

bool tv_arg_u64(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    if (!tv_args_parse_u64(value, (uint64_t *)((char *)dest + spec->offset)))
        return tv_args_expected(err, spec, value);
    return true;
}

/* One item of a seed list, s[0..n): N or N-M with N <= M. */
static bool seed_item(const char *s, size_t n, uint64_t *lo, uint64_t *hi)
{
    char buf[64];
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *dash = strchr(buf, '-');
    if (dash)
        *dash = '\0';
    if (!tv_args_parse_u64(buf, lo))
        return false;
    *hi = *lo;
    return !dash || (tv_args_parse_u64(dash + 1, hi) && *hi >= *lo);
}

bool tv_args_parse_seeds(const char *s, uint64_t **seeds, int *n)
{
    *seeds = NULL;
    *n = 0;
    /* Counted first, so a list of a billion seeds is refused before anything is allocated. */
    uint64_t total = 0;
    for (const char *p = s;; ) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        uint64_t lo, hi;
        if (!seed_item(p, len, &lo, &hi) || hi - lo >= TV_SEEDS_MAX || (total += hi - lo + 1) > TV_SEEDS_MAX)
            return false;
        if (!comma)
            break;
        p = comma + 1;
    }
    uint64_t *out = malloc(sizeof *out * (size_t)total);
    if (!out)
        return false;
    int k = 0;
    for (const char *p = s; p; ) {
        const char *comma = strchr(p, ',');
        uint64_t lo = 0, hi = 0; /* set by seed_item: the list was checked above */
        seed_item(p, comma ? (size_t)(comma - p) : strlen(p), &lo, &hi);
        for (uint64_t v = lo;; v++) {
            out[k++] = v;
            if (v == hi)
                break;
        }
        p = comma ? comma + 1 : NULL;
    }
    *seeds = out;
    *n = k;
    return true;
}
