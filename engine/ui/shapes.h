/* shapes.h - filled geometry for the front end: rectangles, rounded tiles and frames,
 * the option shapes, the tick/cross mark and the background gradient. Coordinates are
 * pixels (convert layout units with tv_px). All of it goes through the tv_Gfx's
 * renderer; nothing is cached except the software renderer's gradient texture, which
 * tv_gfx_free releases.
 * Depends on: gfx.h (tv_Gfx, tv_Color), SDL2. */
#ifndef TV_SHAPES_H
#define TV_SHAPES_H

#include <stdbool.h>

#include <SDL.h>

#include "ui/gfx.h"

typedef enum tv_Shape {
    TV_SHAPE_TRIANGLE,
    TV_SHAPE_DIAMOND,
    TV_SHAPE_CIRCLE,
    TV_SHAPE_SQUARE,
    TV_SHAPE_STAR,
    TV_SHAPE_HEXAGON,
} tv_Shape;

void tv_gfx_clear(tv_Gfx *g, tv_Color top, tv_Color bottom); /* vertical gradient */
void tv_gfx_rect(tv_Gfx *g, SDL_Rect rect, tv_Color c);
void tv_gfx_round_rect(tv_Gfx *g, SDL_Rect rect, int radius, tv_Color c);
void tv_gfx_round_frame(tv_Gfx *g, SDL_Rect rect, int radius, int thickness, tv_Color c);
void tv_gfx_shape(tv_Gfx *g, tv_Shape shape, int cx, int cy, int radius, tv_Color c);
/* A tick (right) or a cross (wrong) drawn with thick strokes. */
void tv_gfx_mark(tv_Gfx *g, bool right, int cx, int cy, int size, tv_Color c);

#endif
