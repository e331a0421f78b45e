/* gfx.h - drawing for the front end: the renderer's output size and layout units, the
 * offscreen layer, colours, and text in layout units over the text cache.
 *
 * Sizes are in layout units: 1 unit = the window's shorter side / 720, times the
 * text-size setting for text, so the layout scales with the window and HiDPI (the
 * renderer's output size is used, not the window's). Text is rasterised only when its
 * string, size, or wrap width changes, not its colour or alignment (textcache.h): a
 * static frame draws cached textures only (tv_gfx_text_renders counts rasterisations,
 * so tests can check that).
 *
 * This header is also the front end's one include for drawing: it pulls in font.h
 * (tv_font_find), textcache.h (tv_Align) and shapes.h (rectangles, tiles, shapes), so
 * the scenes need not name the pieces.
 * Depends on: SDL2, SDL2_ttf (through textcache.h). */
#ifndef TV_GFX_H
#define TV_GFX_H

#include <stdbool.h>

#include <SDL.h>

#include "core/error.h"
#include "ui/font.h"
#include "ui/textcache.h"

typedef struct tv_Color {
    Uint8 r, g, b, a;
} tv_Color;

typedef struct tv_Gfx {
    SDL_Renderer *r;
    int w, h;          /* output size in pixels */
    float unit;        /* pixels per layout unit */
    float text_scale;  /* the text-size setting: 0.85, 1, 1.2, 1.4 */
    bool software;     /* SDL's software renderer: rectangles and textures beat triangles */
    tv_TextCache text; /* the fonts and the rasterised text */
    SDL_Texture *layer;    /* the still part of the screen, kept while only a little moves */
    bool layer_in_use;     /* the layer holds a whole screen's still part */
    bool no_layer;         /* the renderer has no render targets (tests set it to compare) */
    SDL_Texture *gradient; /* the background, for gradient_top..gradient_bottom */
    tv_Color gradient_top, gradient_bottom;
} tv_Gfx;

/* Takes the renderer (borrowed) and the font files. Calls TTF_Init when needed.
 * On failure g is left freed. */
bool tv_gfx_init(tv_Gfx *g, SDL_Renderer *r, const char *font_path, const char *bold_path, tv_Error *err);
/* Safe on a zeroed tv_Gfx and twice. */
void tv_gfx_free(tv_Gfx *g);
/* Call at the start of every frame: reads the output size, updates the unit, and
 * evicts text not drawn for a while. */
void tv_gfx_begin_frame(tv_Gfx *g, float text_scale);
int tv_gfx_text_renders(const tv_Gfx *g);

/* The layer: a screen where only a small part moves (the question, with its timer
 * running) draws its still part once into an offscreen texture and then, each frame,
 * copies that and draws the moving part over it. On llvmpipe, where every draw call
 * costs about a tenth of a millisecond, that is the difference between ~20 calls a
 * frame and ~5.
 * tv_gfx_layer_begin redirects drawing into the layer (false when the renderer has no
 * render targets: then draw as usual); tv_gfx_layer_end puts it on screen;
 * tv_gfx_layer_reuse puts the last one on screen again and returns false when there is
 * none or the output size changed. */
bool tv_gfx_layer_begin(tv_Gfx *g);
void tv_gfx_layer_end(tv_Gfx *g);
bool tv_gfx_layer_reuse(tv_Gfx *g);

/* Pixels for a number of layout units. */
int tv_px(const tv_Gfx *g, float units);

/* Draws text (UTF-8) of size `units` (scaled by the text-size setting) wrapped to
 * max_w pixels (0 = no wrap), aligned inside [x, x + max_w) or at x. Returns the height
 * drawn. */
int tv_gfx_text(tv_Gfx *g, const char *text, float units, bool bold, tv_Color c, int x, int y, int max_w,
                tv_Align align);
/* Measures without drawing (uses and fills the same cache entry tv_gfx_text draws). */
void tv_gfx_text_size(tv_Gfx *g, const char *text, float units, bool bold, int max_w, int *w, int *h);
/* The largest size <= units (down to min_units) at which text wrapped to max_w fits
 * max_h; returns that size. Keeps long prompts from being clipped at small windows. */
float tv_gfx_fit_text(tv_Gfx *g, const char *text, float units, float min_units, bool bold, int max_w, int max_h);

tv_Color tv_rgb(unsigned hex);
tv_Color tv_alpha(tv_Color c, Uint8 a);
tv_Color tv_mix(tv_Color a, tv_Color b, float t);

#endif
