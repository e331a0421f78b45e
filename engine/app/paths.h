/* paths.h - every folder the trivium binary finds on its own: the installed share
 * folder, the pack worker, the packs and the assets, and the source tree when run
 * from a build tree.
 *
 * Nothing about the build tree is compiled in. CMake writes a marker file,
 * trivium-source-tree, beside the binaries in the build tree, holding the source
 * folder; a binary that finds the marker beside itself also uses the source tree's
 * plugins/ and assets/. An installed (or copied) binary has no marker and uses
 * <exe>/../share/trivium, else the configured install folder.
 * Environment overrides: TRIVIUM_PLUGIN_PATH (extra pack folders, ':'-separated),
 * TRIVIUM_NO_BUILTIN_PACKS (only those), TRIVIUM_ASSETS_DIR, TRIVIUM_CACHE_DIR.
 * Depends on: libc, /proc/self/exe. */
#ifndef TV_PATHS_H
#define TV_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#define TV_PATHS_MAX 4096
#define TV_PATHS_MARKER "trivium-source-tree"

/* This executable's absolute path. False when /proc/self/exe cannot be read. */
bool tv_paths_self(char *out, size_t size);

/* The source tree from the marker beside exe, without a trailing newline. False (and
 * out "") when there is no readable marker: an installed or copied binary. */
bool tv_paths_source_tree(const char *exe, char *out, size_t size);

/* The installed share folder for sub ("plugins", "assets"): <exe dir>/../share/trivium/
 * <sub> when it exists, so `cmake --install --prefix P` works from any folder, else the
 * configured install folder. Never the source tree. */
void tv_paths_share_dir(const char *exe, const char *sub, char *out, size_t size);

/* The UI assets (fonts, the i18n .po files): $TRIVIUM_ASSETS_DIR, else the source tree's
 * assets/ when run from a build tree, else the share folder's. */
void tv_paths_assets_dir(const char *exe, char *out, size_t size);

/* Calls visit for each folder to scan for packs after the --plugins ones, in order:
 * $TRIVIUM_PLUGIN_PATH's entries, then (unless $TRIVIUM_NO_BUILTIN_PACKS is set and not
 * "0") the share folder's plugins and, from a build tree, the source tree's plugins/.
 * Stops at the first visit that returns false and returns false. */
bool tv_paths_each_plugin_dir(const char *exe, bool (*visit)(const char *dir, void *ud), void *ud);

/* Finds trivium-pack-worker beside exe (build tree) or in <exe dir>/../<libexec>/trivium
 * (installed). On failure out is "" and looked lists the places tried ("A or B"). */
bool tv_paths_find_worker(const char *exe, char *out, size_t size, char *looked, size_t looked_size);

/* Finds the desktop front end, trivium-ui.so (app/front_end.h), beside exe (build tree)
 * or in <exe dir>/../<libdir>/trivium (installed); as tv_paths_find_worker. */
bool tv_paths_find_ui(const char *exe, char *out, size_t size, char *looked, size_t looked_size);

/* Where pack results are kept between runs (plugin/pack_cache.h): $TRIVIUM_CACHE_DIR,
 * else $XDG_CACHE_HOME/trivium, else ~/.cache/trivium. False when there is no home. */
bool tv_paths_cache_dir(char *out, size_t size);

/* The path of `to` relative to the folder from_dir ("." when the same), both resolved
 * with realpath; false when either does not exist or out is too small. */
bool tv_paths_relative(const char *from_dir, const char *to, char *out, size_t size);

#endif
