/* font.h - finding the game's font files through fontconfig.
 * Depends on: the core's tv_Error only; no SDL, so the app's preload thread can call it
 * before any renderer exists. */
#ifndef TV_FONT_H
#define TV_FONT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

/* Finds a sans font covering Latin Extended (Š, ć, ë) through fontconfig, unless
 * override names a file. Fills path (and bold, or the regular path when no bold face
 * exists). Fails with a message naming what was looked for. */
bool tv_font_find(const char *override, char *path, size_t size, char *bold, size_t bold_size, tv_Error *err);

#endif
