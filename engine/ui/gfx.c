/* gfx.c - the drawing context: the renderer's output size and layout units, the
 * offscreen layer, colour helpers, and text in layout units (sizes turned into pixels
 * here, then drawn by textcache.c). Shapes are in shapes.c, font discovery in font.c.
 * Depends on: SDL2, textcache.h, libm. */
#include "ui/gfx.h"

#include <math.h>
#include <string.h>

/* ==================== lifecycle ==================== */

bool tv_gfx_init(tv_Gfx *g, SDL_Renderer *r, const char *font_path, const char *bold_path, tv_Error *err)
{
    memset(g, 0, sizeof *g);
    g->r = r;
    g->text_scale = 1;
    SDL_RendererInfo info;
    bool have_info = SDL_GetRendererInfo(r, &info) == 0;
    g->software = have_info && (info.flags & SDL_RENDERER_SOFTWARE);
    g->no_layer = !have_info || !(info.flags & SDL_RENDERER_TARGETTEXTURE);
    if (!tv_textcache_init(&g->text, r, font_path, bold_path, err)) {
        tv_gfx_free(g);
        return false;
    }
    tv_gfx_begin_frame(g, 1);
    return true;
}

void tv_gfx_free(tv_Gfx *g)
{
    tv_textcache_free(&g->text);
    if (g->gradient)
        SDL_DestroyTexture(g->gradient);
    if (g->layer)
        SDL_DestroyTexture(g->layer);
    memset(g, 0, sizeof *g);
}

void tv_gfx_begin_frame(tv_Gfx *g, float text_scale)
{
    SDL_GetRendererOutputSize(g->r, &g->w, &g->h);
    float shorter = (float)(g->w * 9 < g->h * 16 ? g->w * 9 / 16 : g->h);
    g->unit = shorter / 720.0f;
    g->text_scale = text_scale;
    tv_textcache_tick(&g->text);
}

int tv_gfx_text_renders(const tv_Gfx *g) { return tv_textcache_renders(&g->text); }

/* ==================== the layer ==================== */

bool tv_gfx_layer_begin(tv_Gfx *g)
{
    g->layer_in_use = false;
    if (g->no_layer)
        return false;
    int w = 0, h = 0;
    if (g->layer && (SDL_QueryTexture(g->layer, NULL, NULL, &w, &h) != 0 || w != g->w || h != g->h)) {
        SDL_DestroyTexture(g->layer);
        g->layer = NULL;
    }
    if (!g->layer) {
        g->layer = SDL_CreateTexture(g->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, g->w, g->h);
        if (!g->layer)
            return false;
        /* copied 1:1 and opaque (the background is drawn first) */
        SDL_SetTextureBlendMode(g->layer, SDL_BLENDMODE_NONE);
        SDL_SetTextureScaleMode(g->layer, SDL_ScaleModeNearest);
    }
    return SDL_SetRenderTarget(g->r, g->layer) == 0;
}

void tv_gfx_layer_end(tv_Gfx *g)
{
    SDL_SetRenderTarget(g->r, NULL);
    g->layer_in_use = true;
    SDL_RenderCopy(g->r, g->layer, NULL, NULL);
}

bool tv_gfx_layer_reuse(tv_Gfx *g)
{
    int w, h;
    if (!g->layer_in_use || SDL_GetRendererOutputSize(g->r, &w, &h) != 0 || w != g->w || h != g->h)
        return false;
    SDL_RenderCopy(g->r, g->layer, NULL, NULL);
    return true;
}

int tv_px(const tv_Gfx *g, float units) { return (int)lroundf(units * g->unit); }

tv_Color tv_rgb(unsigned hex) { return (tv_Color){(Uint8)(hex >> 16), (Uint8)(hex >> 8), (Uint8)hex, 255}; }
tv_Color tv_alpha(tv_Color c, Uint8 a) { return (tv_Color){c.r, c.g, c.b, a}; }
tv_Color tv_mix(tv_Color a, tv_Color b, float t)
{
    return (tv_Color){(Uint8)(a.r + (b.r - a.r) * t), (Uint8)(a.g + (b.g - a.g) * t), (Uint8)(a.b + (b.b - a.b) * t),
                      (Uint8)(a.a + (b.a - a.a) * t)};
}

/* ==================== text ==================== */

/* The pixel size for text of `units`. */
static int text_px(const tv_Gfx *g, float units)
{
    /* Small windows get relatively larger text: shrinking type in step with the layout
     * would make an 800x600 window hard to read. */
    float boost = g->unit < 0.9f ? 1.0f + (0.9f - g->unit) * 0.8f : 1.0f;
    return (int)lroundf(units * g->unit * g->text_scale * boost);
}

int tv_gfx_text(tv_Gfx *g, const char *text, float units, bool bold, tv_Color c, int x, int y, int max_w,
                tv_Align align)
{
    return tv_textcache_draw(&g->text, text, text_px(g, units), bold, max_w, (SDL_Color){c.r, c.g, c.b, c.a}, x, y,
                             align);
}

void tv_gfx_text_size(tv_Gfx *g, const char *text, float units, bool bold, int max_w, int *w, int *h)
{
    tv_textcache_measure(&g->text, text, text_px(g, units), bold, max_w, w, h);
}

float tv_gfx_fit_text(tv_Gfx *g, const char *text, float units, float min_units, bool bold, int max_w, int max_h)
{
    /* Each size tried is one cache entry, laid out once; the size that fits is the
     * entry tv_gfx_text then draws. */
    for (float u = units; u > min_units; u *= 0.9f) {
        int h;
        tv_gfx_text_size(g, text, u, bold, max_w, NULL, &h);
        if (h <= max_h)
            return u;
    }
    return min_units;
}
