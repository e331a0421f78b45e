/* paths.c - folder resolution for the trivium binary (paths.h): relative to the
 * running executable, through the build tree's marker file, or from the environment.
 * Reads the environment and the file system; prints nothing.
 * Depends on: libc, POSIX (access, readlink). */
#include "app/paths.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <unistd.h>

#ifndef TRIVIUM_SHARE_DIR
#define TRIVIUM_SHARE_DIR "/usr/local/share/trivium"
#endif
#ifndef TRIVIUM_LIBEXEC_REL
#define TRIVIUM_LIBEXEC_REL "libexec/trivium"
#endif
#ifndef TRIVIUM_LIBDIR_REL
#define TRIVIUM_LIBDIR_REL "lib/trivium"
#endif

bool tv_paths_self(char *out, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", out, size - 1);
    if (n <= 0) {
        out[0] = '\0';
        return false;
    }
    out[n] = '\0';
    return true;
}

/* The folder exe lives in, into out; false when exe has no slash or out is too small. */
static bool exe_dir(const char *exe, char *out, size_t size)
{
    const char *slash = strrchr(exe, '/');
    if (!slash || (size_t)(slash - exe) >= size)
        return false;
    memcpy(out, exe, (size_t)(slash - exe));
    out[slash - exe] = '\0';
    return true;
}

bool tv_paths_source_tree(const char *exe, char *out, size_t size)
{
    char dir[TV_PATHS_MAX], marker[TV_PATHS_MAX + 32];
    out[0] = '\0';
    if (!exe_dir(exe, dir, sizeof dir))
        return false;
    snprintf(marker, sizeof marker, "%s/" TV_PATHS_MARKER, dir);
    FILE *f = fopen(marker, "r");
    if (!f)
        return false;
    bool ok = fgets(out, (int)size, f) != NULL;
    fclose(f);
    out[ok ? strcspn(out, "\r\n") : 0] = '\0';
    return out[0] != '\0';
}

void tv_paths_share_dir(const char *exe, const char *sub, char *out, size_t size)
{
    char dir[TV_PATHS_MAX];
    if (exe_dir(exe, dir, sizeof dir) && snprintf(out, size, "%s/../share/trivium/%s", dir, sub) < (int)size &&
        access(out, F_OK) == 0)
        return;
    snprintf(out, size, "%s/%s", TRIVIUM_SHARE_DIR, sub);
}

void tv_paths_assets_dir(const char *exe, char *out, size_t size)
{
    const char *env = getenv("TRIVIUM_ASSETS_DIR");
    char source[TV_PATHS_MAX];
    if (env && *env)
        snprintf(out, size, "%s", env);
    else if (tv_paths_source_tree(exe, source, sizeof source))
        snprintf(out, size, "%s/assets", source);
    else
        tv_paths_share_dir(exe, "assets", out, size);
}

bool tv_paths_each_plugin_dir(const char *exe, bool (*visit)(const char *dir, void *ud), void *ud)
{
    const char *env = getenv("TRIVIUM_PLUGIN_PATH");
    if (env && *env) {
        char *copy = strdup(env);
        bool ok = true;
        for (char *save = NULL, *dir = copy ? strtok_r(copy, ":", &save) : NULL; dir && ok;
             dir = strtok_r(NULL, ":", &save))
            ok = visit(dir, ud);
        free(copy);
        if (!ok)
            return false;
    }
    /* Tests that must see only their own fixture packs switch the built-in ones off. */
    const char *no_builtin = getenv("TRIVIUM_NO_BUILTIN_PACKS");
    if (no_builtin && *no_builtin && strcmp(no_builtin, "0") != 0)
        return true;
    char dir[TV_PATHS_MAX + 16];
    tv_paths_share_dir(exe, "plugins", dir, sizeof dir);
    if (!visit(dir, ud))
        return false;
    char source[TV_PATHS_MAX];
    if (tv_paths_source_tree(exe, source, sizeof source)) {
        snprintf(dir, sizeof dir, "%s/plugins", source);
        return visit(dir, ud);
    }
    return true;
}

/* name beside exe (a build tree), else in <exe dir>/../<installed> (an install). */
static bool find_beside(const char *exe, const char *name, const char *installed, int mode, char *out, size_t size,
                        char *looked, size_t looked_size)
{
    char dir[TV_PATHS_MAX];
    out[0] = looked[0] = '\0';
    if (!exe_dir(exe, dir, sizeof dir)) {
        snprintf(looked, looked_size, "nowhere: %s has no folder", exe);
        return false;
    }
    size_t used = 0;
    for (int i = 0; i < 2; i++) {
        if (snprintf(out, size, i ? "%s/../%s/%s" : "%s/%s", dir, i ? installed : name, name) >= (int)size)
            continue;
        if (access(out, mode) == 0)
            return true;
        if (used < looked_size)
            used += (size_t)snprintf(looked + used, looked_size - used, "%s%s", i ? " or " : "", out);
    }
    out[0] = '\0';
    return false;
}

bool tv_paths_find_worker(const char *exe, char *out, size_t size, char *looked, size_t looked_size)
{
    return find_beside(exe, "trivium-pack-worker", TRIVIUM_LIBEXEC_REL, X_OK, out, size, looked, looked_size);
}

bool tv_paths_find_ui(const char *exe, char *out, size_t size, char *looked, size_t looked_size)
{
    return find_beside(exe, "trivium-ui.so", TRIVIUM_LIBDIR_REL, R_OK, out, size, looked, looked_size);
}

bool tv_paths_cache_dir(char *out, size_t size)
{
    const char *env = getenv("TRIVIUM_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (env && *env)
        snprintf(out, size, "%s", env);
    else if (xdg && *xdg == '/')
        snprintf(out, size, "%s/trivium", xdg);
    else if (home && *home == '/')
        snprintf(out, size, "%s/.cache/trivium", home);
    else
        return false;
    return true;
}

bool tv_paths_relative(const char *from_dir, const char *to, char *out, size_t size)
{
    char from[PATH_MAX], dest[PATH_MAX];
    if (!realpath(from_dir, from) || !realpath(to, dest))
        return false;
    /* The longest common prefix that ends at a folder boundary. */
    size_t common = 0;
    for (size_t i = 0; from[i] && from[i] == dest[i]; i++)
        if (from[i + 1] == '\0' || from[i + 1] == '/')
            if (dest[i + 1] == '\0' || dest[i + 1] == '/')
                common = i + 1;
    if (strcmp(from, "/") == 0)
        common = 0;
    size_t at = 0;
    out[0] = '\0';
    for (const char *p = from + common; strcmp(from, "/") != 0 && *p; p++)
        if (*p == '/' && at + 4 < size) {
            strcpy(out + at, at ? "/.." : "..");
            at += at ? 3 : 2;
        }
    const char *rest = dest + common;
    while (*rest == '/')
        rest++;
    int w = snprintf(out + at, size - at, "%s%s", at && *rest ? "/" : "", rest);
    if (w < 0 || (size_t)w >= size - at)
        return false;
    if (!out[0])
        snprintf(out, size, ".");
    return true;
}
