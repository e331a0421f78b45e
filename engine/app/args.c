/* args.c - the table-driven flag parser of args.h. Prints nothing and keeps no state:
 * what it found goes into the caller's struct, what went wrong into a tv_Error.
 * Depends on: core (error). */
#include "app/args.h"

#include <errno.h>
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
