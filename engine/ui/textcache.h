/* textcache.h - text laid out, wrapped and rasterised by SDL2_ttf into textures that
 * are kept between frames.
 *
 * An entry is keyed by (text, pixel size, bold, wrap width) only. It is laid out once,
 * when first measured or drawn, and rasterised once, in white, when first drawn; colour
 * (SDL_SetTextureColorMod/AlphaMod) and alignment are applied each time it is drawn
 * (on SDL's software renderer the colour is written into the texture instead, see
 * textcache.c). So
 * measuring a prompt, fitting it and drawing it in any colour or alignment costs one
 * layout and one rasterisation, and a static frame rasterises nothing (tests count both).
 * Entries not drawn or measured for about ten seconds of frames are dropped.
 * Sizes here are pixels; gfx.h turns layout units into pixels.
 * Depends on: SDL2, SDL2_ttf, the core (tv_Error, tv_hash64). */
#ifndef TV_TEXTCACHE_H
#define TV_TEXTCACHE_H

#include <stdbool.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "core/error.h"

typedef enum tv_Align { TV_ALIGN_LEFT, TV_ALIGN_CENTER, TV_ALIGN_RIGHT } tv_Align;

typedef struct tv_TextEntry tv_TextEntry;

typedef struct tv_TextCache {
    SDL_Renderer *r; /* borrowed */
    bool software;   /* tint by rewriting pixels, not by colour mod (tests may clear it) */
    char path[2][1024]; /* the regular and the bold font file */
    TTF_Font *face[2];  /* opened once and resized as needed */
    int face_px[2];
    tv_TextEntry **buckets; /* hash chains */
    int count;              /* entries held */
    unsigned frame;
    int renders; /* rasterisations since init */
    int layouts; /* layouts (wraps and measurements) since init */
} tv_TextCache;

/* Takes the renderer (borrowed: textures are made on it, so free the cache before it)
 * and the font files. Calls TTF_Init when needed and opens the regular face to check it.
 * Fails with a message naming the font; tc is then zeroed. */
bool tv_textcache_init(tv_TextCache *tc, SDL_Renderer *r, const char *font_path, const char *bold_path,
                       tv_Error *err);
/* Releases the textures and faces (not TTF itself). Safe on a zeroed cache and twice. */
void tv_textcache_free(tv_TextCache *tc);
/* Call once a frame: counts frames and, now and then, drops idle entries. */
void tv_textcache_tick(tv_TextCache *tc);

/* The size of text (UTF-8) at px pixels wrapped to max_w (0 = no wrap). Lays it out on
 * a miss and keeps the layout for drawing. Both are 0 when the font fails. */
void tv_textcache_measure(tv_TextCache *tc, const char *text, int px, bool bold, int max_w, int *w, int *h);
/* Draws text in colour c, aligned inside [x, x + max_w), or at x (left edge, centre or
 * right edge) when max_w is 0. Each line of wrapped text is aligned on its own.
 * Returns the height drawn. */
int tv_textcache_draw(tv_TextCache *tc, const char *text, int px, bool bold, int max_w, SDL_Color c, int x, int y,
                      tv_Align align);

/* Rasterisations and layouts since init, for tests and benchmarks. */
int tv_textcache_renders(const tv_TextCache *tc);
int tv_textcache_layouts(const tv_TextCache *tc);

#endif
