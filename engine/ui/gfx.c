/* gfx.c - the font faces, the text-texture cache, shapes. Depends on: SDL2, SDL2_ttf.
 * Finding the font files is font.c's. */
#include "gfx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct tv_TextEntry {
    tv_TextEntry *next;
    unsigned hash;
    int px, max_w;
    bool bold;
    tv_Align align;
    tv_Color color;
    char *text;
    SDL_Texture *tex; /* NULL for an empty text, and until first drawn */
    bool rasterised;
    int w, h;
    unsigned last_frame;
};

#define CACHE_BUCKETS 512
#define CACHE_IDLE_FRAMES 600

/* One font object per face, resized with TTF_SetFontSize: opening a face once per
 * size parsed the font file again each time, which showed on the first frame. */
static TTF_Font *font_at(tv_Gfx *g, int px, bool bold)
{
    if (px < 6)
        px = 6;
    TTF_Font **f = &g->face[bold];
    if (!*f) {
        *f = TTF_OpenFont(bold ? g->bold_path : g->font_path, px);
        if (!*f)
            return NULL;
        TTF_SetFontHinting(*f, TTF_HINTING_LIGHT);
        g->face_px[bold] = px;
    }
    if (g->face_px[bold] != px && TTF_SetFontSize(*f, px) == 0)
        g->face_px[bold] = px;
    return g->face_px[bold] == px ? *f : NULL;
}

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
    snprintf(g->font_path, sizeof g->font_path, "%s", font_path);
    snprintf(g->bold_path, sizeof g->bold_path, "%s", bold_path);
    if (!TTF_WasInit() && TTF_Init() != 0)
        return tv_error_set(err, TV_ERR_IO, NULL, 0, "SDL_ttf could not start: %s", TTF_GetError());
    if (!font_at(g, 20, false))
        return tv_error_set(err, TV_ERR_IO, font_path, 0, "cannot load the font: %s", TTF_GetError());
    g->cache_buckets = CACHE_BUCKETS;
    g->cache = calloc((size_t)g->cache_buckets, sizeof(tv_TextEntry *));
    if (!g->cache) {
        tv_gfx_free(g);
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
    }
    tv_gfx_begin_frame(g, 1);
    return true;
}

static void drop_entry(tv_TextEntry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    free(e->text);
    free(e);
}

void tv_gfx_free(tv_Gfx *g)
{
    tv_TextEntry **buckets = (tv_TextEntry **)g->cache;
    for (int b = 0; buckets && b < g->cache_buckets; b++)
        for (tv_TextEntry *e = buckets[b], *next; e; e = next) {
            next = e->next;
            drop_entry(e);
        }
    free(g->cache);
    for (int i = 0; i < 2; i++)
        if (g->face[i])
            TTF_CloseFont(g->face[i]);
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
    g->frame++;
    if (g->frame % 120 != 0)
        return;
    tv_TextEntry **buckets = (tv_TextEntry **)g->cache;
    for (int b = 0; b < g->cache_buckets; b++)
        for (tv_TextEntry **pp = &buckets[b]; *pp;) {
            tv_TextEntry *e = *pp;
            if (g->frame - e->last_frame > CACHE_IDLE_FRAMES) {
                *pp = e->next;
                drop_entry(e);
                g->cache_count--;
            } else
                pp = &e->next;
        }
}

int tv_gfx_text_renders(const tv_Gfx *g) { return g->renders_total; }

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

/* ==================== shapes ==================== */

/* Opaque colours are drawn without blending: on a GL renderer (llvmpipe in
 * particular) a blended pixel costs a read as well as a write. */
static void set_blend_for(tv_Gfx *g, tv_Color c)
{
    SDL_SetRenderDrawBlendMode(g->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

static SDL_Vertex vtx(float x, float y, tv_Color c)
{
    return (SDL_Vertex){{x, y}, {c.r, c.g, c.b, c.a}, {0, 0}};
}

void tv_gfx_clear(tv_Gfx *g, tv_Color top, tv_Color bottom)
{
    if (!g->software) {
        /* On a GPU (or llvmpipe) a colour-interpolated pair of triangles is the
         * cheapest full-screen fill: no texture sampling per pixel. */
        float w = (float)g->w, h = (float)g->h;
        SDL_Vertex v[4] = {vtx(0, 0, top), vtx(w, 0, top), vtx(w, h, bottom), vtx(0, h, bottom)};
        static const int idx[6] = {0, 1, 2, 0, 2, 3};
        SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_NONE);
        SDL_RenderGeometry(g->r, NULL, v, 4, idx, 6);
        return;
    }
    /* The background gradient is a 1x256 texture made once and stretched: a full-screen
     * colour-interpolated triangle pair costs far more on the software renderer. */
    if (!g->gradient || memcmp(&g->gradient_top, &top, sizeof top) != 0 ||
        memcmp(&g->gradient_bottom, &bottom, sizeof bottom) != 0) {
        if (g->gradient)
            SDL_DestroyTexture(g->gradient);
        g->gradient = SDL_CreateTexture(g->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, 1, 256);
        Uint32 px[256];
        for (int i = 0; i < 256; i++) {
            tv_Color c = tv_mix(top, bottom, i / 255.0f);
            px[i] = 0xFF000000u | (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
        }
        if (g->gradient) {
            SDL_UpdateTexture(g->gradient, NULL, px, sizeof(Uint32));
            SDL_SetTextureBlendMode(g->gradient, SDL_BLENDMODE_NONE);
        }
        g->gradient_top = top;
        g->gradient_bottom = bottom;
    }
    SDL_SetRenderDrawColor(g->r, bottom.r, bottom.g, bottom.b, 255);
    SDL_RenderClear(g->r);
    if (g->gradient)
        SDL_RenderCopy(g->r, g->gradient, NULL, NULL);
}

void tv_gfx_rect(tv_Gfx *g, SDL_Rect rect, tv_Color c)
{
    set_blend_for(g, c);
    SDL_SetRenderDrawColor(g->r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(g->r, &rect);
}

enum { ARC_STEPS = 8 };

/* Outline points of a rounded rectangle, clockwise. */
static int round_points(SDL_Rect rc, float rad, SDL_FPoint *pts)
{
    if (rad * 2 > rc.w)
        rad = rc.w / 2.0f;
    if (rad * 2 > rc.h)
        rad = rc.h / 2.0f;
    const float cx[4] = {rc.x + rc.w - rad, rc.x + rc.w - rad, rc.x + rad, rc.x + rad};
    const float cy[4] = {rc.y + rad, rc.y + rc.h - rad, rc.y + rc.h - rad, rc.y + rad};
    int n = 0;
    for (int corner = 0; corner < 4; corner++)
        for (int s = 0; s <= ARC_STEPS; s++) {
            float a = (float)M_PI * (-0.5f + 0.5f * corner + 0.5f * s / ARC_STEPS);
            pts[n++] = (SDL_FPoint){cx[corner] + rad * cosf(a), cy[corner] + rad * sinf(a)};
        }
    return n;
}

void tv_gfx_round_rect(tv_Gfx *g, SDL_Rect rc, int radius, tv_Color c)
{
    /* Three rectangles and four quarter-circle fans, rather than one fan over the whole
     * tile: filled rectangles are far cheaper than triangles on the software renderer,
     * and the pieces do not overlap, so translucent tiles blend evenly. */
    int rad = radius;
    if (rad * 2 > rc.w)
        rad = rc.w / 2;
    if (rad * 2 > rc.h)
        rad = rc.h / 2;
    if (rad < 0)
        rad = 0;
    set_blend_for(g, c);
    SDL_SetRenderDrawColor(g->r, c.r, c.g, c.b, c.a);
    SDL_Rect parts[3] = {{rc.x + rad, rc.y, rc.w - 2 * rad, rc.h},
                         {rc.x, rc.y + rad, rad, rc.h - 2 * rad},
                         {rc.x + rc.w - rad, rc.y + rad, rad, rc.h - 2 * rad}};
    SDL_RenderFillRects(g->r, parts, rad > 0 ? 3 : 1);
    if (rad <= 0)
        return;
    SDL_Vertex v[4 * (ARC_STEPS + 2)];
    int idx[4 * 3 * ARC_STEPS];
    const float cx[4] = {(float)(rc.x + rc.w - rad), (float)(rc.x + rc.w - rad), (float)(rc.x + rad), (float)(rc.x + rad)};
    const float cy[4] = {(float)(rc.y + rad), (float)(rc.y + rc.h - rad), (float)(rc.y + rc.h - rad), (float)(rc.y + rad)};
    int nv = 0, ni = 0;
    for (int corner = 0; corner < 4; corner++) {
        int centre = nv;
        v[nv++] = vtx(cx[corner], cy[corner], c);
        for (int st = 0; st <= ARC_STEPS; st++) {
            float a = (float)M_PI * (-0.5f + 0.5f * corner + 0.5f * st / ARC_STEPS);
            v[nv++] = vtx(cx[corner] + rad * cosf(a), cy[corner] + rad * sinf(a), c);
            if (st > 0)
                idx[ni++] = centre, idx[ni++] = nv - 2, idx[ni++] = nv - 1;
        }
    }
    SDL_RenderGeometry(g->r, NULL, v, nv, idx, ni);
}

void tv_gfx_round_frame(tv_Gfx *g, SDL_Rect rc, int radius, int t, tv_Color c)
{
    SDL_FPoint outer[4 * (ARC_STEPS + 1)], inner[4 * (ARC_STEPS + 1)];
    int n = round_points(rc, (float)radius, outer);
    SDL_Rect in = {rc.x + t, rc.y + t, rc.w - 2 * t, rc.h - 2 * t};
    round_points(in, (float)(radius > t ? radius - t : 0), inner);
    SDL_Vertex v[8 * (ARC_STEPS + 1)];
    int idx[6 * 4 * (ARC_STEPS + 1)];
    for (int i = 0; i < n; i++) {
        v[2 * i] = vtx(outer[i].x, outer[i].y, c);
        v[2 * i + 1] = vtx(inner[i].x, inner[i].y, c);
        int j = (i + 1) % n;
        int *k = &idx[6 * i];
        k[0] = 2 * i, k[1] = 2 * j, k[2] = 2 * i + 1;
        k[3] = 2 * i + 1, k[4] = 2 * j, k[5] = 2 * j + 1;
    }
    set_blend_for(g, c);
    SDL_RenderGeometry(g->r, NULL, v, 2 * n, idx, 6 * n);
}

/* A convex polygon, fanned from its first vertex. (A fan from the centre would give
 * pairs of right triangles that SDL's software renderer merges into rectangles.) */
static void polygon(tv_Gfx *g, const SDL_FPoint *pts, int n, tv_Color c)
{
    SDL_Vertex v[24];
    int idx[66];
    for (int i = 0; i < n; i++)
        v[i] = vtx(pts[i].x, pts[i].y, c);
    for (int i = 1; i + 1 < n; i++)
        idx[3 * (i - 1)] = 0, idx[3 * (i - 1) + 1] = i, idx[3 * (i - 1) + 2] = i + 1;
    SDL_RenderGeometry(g->r, NULL, v, n, idx, 3 * (n - 2));
}

/* A star: one triangle per point plus the inner pentagon. */
static void star(tv_Gfx *g, const SDL_FPoint *pts, tv_Color c)
{
    SDL_FPoint inner[5];
    for (int i = 0; i < 5; i++) {
        inner[i] = pts[2 * i + 1];
        SDL_FPoint tip[3] = {pts[(2 * i + 9) % 10], pts[2 * i], pts[2 * i + 1]};
        polygon(g, tip, 3, c);
    }
    polygon(g, inner, 5, c);
}

void tv_gfx_shape(tv_Gfx *g, tv_Shape shape, int cx, int cy, int rad, tv_Color c)
{
    SDL_FPoint p[24];
    int n = 0;
    float r = (float)rad;
    set_blend_for(g, c);
    switch (shape) {
    case TV_SHAPE_TRIANGLE:
        for (int i = 0; i < 3; i++) {
            float a = (float)M_PI * (-0.5f + 2.0f * i / 3);
            p[n++] = (SDL_FPoint){cx + r * cosf(a), cy + r * 1.1f * sinf(a) + r * 0.15f};
        }
        break;
    case TV_SHAPE_DIAMOND:
        p[n++] = (SDL_FPoint){(float)cx, cy - r}, p[n++] = (SDL_FPoint){cx + r * 0.8f, (float)cy};
        p[n++] = (SDL_FPoint){(float)cx, cy + r}, p[n++] = (SDL_FPoint){cx - r * 0.8f, (float)cy};
        break;
    case TV_SHAPE_CIRCLE:
        for (int i = 0; i < 24; i++) {
            float a = (float)M_PI * 2 * i / 24;
            p[n++] = (SDL_FPoint){cx + r * 0.9f * cosf(a), cy + r * 0.9f * sinf(a)};
        }
        break;
    case TV_SHAPE_SQUARE:
        r *= 0.78f;
        p[n++] = (SDL_FPoint){cx - r, cy - r}, p[n++] = (SDL_FPoint){cx + r, cy - r};
        p[n++] = (SDL_FPoint){cx + r, cy + r}, p[n++] = (SDL_FPoint){cx - r, cy + r};
        break;
    case TV_SHAPE_STAR:
        for (int i = 0; i < 10; i++) {
            float a = (float)M_PI * (-0.5f + i / 5.0f);
            float rr = i % 2 ? r * 0.45f : r;
            p[n++] = (SDL_FPoint){cx + rr * cosf(a), cy + rr * sinf(a) + r * 0.08f};
        }
        break;
    case TV_SHAPE_HEXAGON:
        for (int i = 0; i < 6; i++) {
            float a = (float)M_PI * i / 3;
            p[n++] = (SDL_FPoint){cx + r * 0.92f * cosf(a), cy + r * 0.92f * sinf(a)};
        }
        break;
    }
    if (shape == TV_SHAPE_STAR)
        star(g, p, c);
    else
        polygon(g, p, n, c);
}

static void stroke(tv_Gfx *g, float x0, float y0, float x1, float y1, float w, tv_Color c)
{
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len <= 0)
        return;
    float nx = -dy / len * w / 2, ny = dx / len * w / 2;
    SDL_FPoint p[4] = {{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}};
    polygon(g, p, 4, c);
}

void tv_gfx_mark(tv_Gfx *g, bool right, int cx, int cy, int size, tv_Color c)
{
    float s = (float)size, w = s * 0.22f;
    set_blend_for(g, c);
    if (right) {
        stroke(g, cx - s * 0.45f, cy + s * 0.02f, cx - s * 0.12f, cy + s * 0.35f, w, c);
        stroke(g, cx - s * 0.17f, cy + s * 0.35f, cx + s * 0.48f, cy - s * 0.35f, w, c);
    } else {
        stroke(g, cx - s * 0.38f, cy - s * 0.38f, cx + s * 0.38f, cy + s * 0.38f, w, c);
        stroke(g, cx - s * 0.38f, cy + s * 0.38f, cx + s * 0.38f, cy - s * 0.38f, w, c);
    }
}

/* ==================== text ==================== */

static unsigned hash_key(const char *text, int px, bool bold, int max_w, tv_Align align, tv_Color c)
{
    unsigned h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = (h ^ *p) * 16777619u;
    unsigned extra[4] = {(unsigned)px | (bold ? 1u << 16 : 0), (unsigned)max_w, (unsigned)align,
                         (unsigned)c.r << 24 | (unsigned)c.g << 16 | (unsigned)c.b << 8 | c.a};
    for (int i = 0; i < 4; i++)
        h = (h ^ extra[i]) * 16777619u;
    return h;
}

/* Byte length of the UTF-8 sequence starting at s. */
static int u8len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* SDL_ttf measures NUL-terminated strings: n bytes of s as one, cut to fit buf. */
#define LINE_BUF 4096
static size_t line_copy(char buf[LINE_BUF], const char *s, size_t n)
{
    if (n >= LINE_BUF)
        n = LINE_BUF - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return n;
}

static int line_width(TTF_Font *f, const char *s, size_t n)
{
    char buf[LINE_BUF];
    line_copy(buf, s, n);
    int w = 0, h = 0;
    TTF_SizeUTF8(f, buf, &w, &h);
    return w;
}

#define MAX_LINES 64

/* The longest prefix of the n bytes at s (no newline in them) that fits max_w. */
static size_t fitting_bytes(TTF_Font *f, const char *s, size_t n, int max_w)
{
    char buf[LINE_BUF];
    n = line_copy(buf, s, n);
    int extent = 0, chars = 0;
    if (TTF_MeasureUTF8(f, buf, max_w, &extent, &chars) != 0)
        return n;
    size_t b = 0;
    for (int i = 0; i < chars && b < n; i++)
        b += (size_t)u8len(buf + b);
    return b < n ? b : n;
}

/* Greedy word wrap; a word wider than the line is broken between characters. One
 * measurement per line finds how much fits (measuring every word's prefix again was
 * the first frame's largest text cost). */
static int wrap(TTF_Font *f, const char *text, int max_w, const char **starts, size_t *lens)
{
    int n = 0;
    const char *p = text;
    while (*p && n < MAX_LINES) {
        size_t para = strcspn(p, "\n");
        size_t fit = max_w > 0 ? fitting_bytes(f, p, para, max_w) : para;
        size_t end = fit;
        if (fit < para) {
            /* back to the last word end that fits; none: cut the word (one character at least) */
            while (end > 0 && !(p[end] == ' ' && p[end - 1] != ' '))
                end--;
            if (end == 0)
                end = fit > 0 ? fit : (size_t)u8len(p);
        }
        size_t len = end;
        while (len > 0 && p[len - 1] == ' ')
            len--;
        starts[n] = p;
        lens[n] = len;
        n++;
        p += end;
        while (*p == ' ')
            p++;
        if (*p == '\n' && end == para)
            p++;
    }
    return n;
}

/* Where each line of text wrapped to max_w starts, its length and width. */
typedef struct Lines {
    int n, block_w, line_h;
    const char *starts[MAX_LINES];
    size_t lens[MAX_LINES];
    int widths[MAX_LINES];
} Lines;

static void lay_out(TTF_Font *f, const char *text, int max_w, Lines *l)
{
    l->n = wrap(f, text, max_w, l->starts, l->lens);
    l->line_h = TTF_FontLineSkip(f);
    l->block_w = 0;
    for (int i = 0; i < l->n; i++) {
        l->widths[i] = line_width(f, l->starts[i], l->lens[i]);
        if (l->widths[i] > l->block_w)
            l->block_w = l->widths[i];
    }
}

/* Rasterises an entry's text into its texture: done when it is first drawn, so text
 * that is only measured (layout, fitting a prompt) never costs a rasterisation. */
static void rasterise(tv_Gfx *g, tv_TextEntry *e)
{
    e->rasterised = true;
    TTF_Font *f = font_at(g, e->px, e->bold);
    if (!f || !e->text || !*e->text)
        return;
    Lines l;
    lay_out(f, e->text, e->max_w, &l);
    tv_Color c = e->color;
    SDL_Surface *block = SDL_CreateRGBSurfaceWithFormat(0, e->w, e->h > 0 ? e->h : 1, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!block)
        return;
    SDL_FillRect(block, NULL, SDL_MapRGBA(block->format, c.r, c.g, c.b, 0));
    SDL_SetSurfaceBlendMode(block, SDL_BLENDMODE_NONE);
    for (int i = 0; i < l.n; i++) {
        char buf[LINE_BUF];
        line_copy(buf, l.starts[i], l.lens[i]);
        if (!buf[0])
            continue;
        SDL_Surface *ls = TTF_RenderUTF8_Blended(f, buf, (SDL_Color){c.r, c.g, c.b, c.a});
        if (!ls)
            continue;
        int x = e->align == TV_ALIGN_CENTER ? (e->w - ls->w) / 2 : e->align == TV_ALIGN_RIGHT ? e->w - ls->w : 0;
        SDL_Rect dst = {x, i * l.line_h, ls->w, ls->h};
        SDL_SetSurfaceBlendMode(ls, SDL_BLENDMODE_NONE);
        SDL_BlitSurface(ls, NULL, block, &dst);
        SDL_FreeSurface(ls);
    }
    e->tex = SDL_CreateTextureFromSurface(g->r, block);
    if (e->tex) {
        SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
        /* drawn 1:1, so nearest sampling gives the same pixels for less work */
        SDL_SetTextureScaleMode(e->tex, SDL_ScaleModeNearest);
    }
    SDL_FreeSurface(block);
    g->renders_total++;
}

static tv_TextEntry *get_text(tv_Gfx *g, const char *text, float units, bool bold, tv_Color c, int max_w,
                              tv_Align align)
{
    /* Small windows get relatively larger text: shrinking type in step with the layout
     * would make an 800x600 window hard to read. */
    float boost = g->unit < 0.9f ? 1.0f + (0.9f - g->unit) * 0.8f : 1.0f;
    int px = (int)lroundf(units * g->unit * g->text_scale * boost);
    unsigned h = hash_key(text, px, bold, max_w, align, c);
    tv_TextEntry **buckets = (tv_TextEntry **)g->cache;
    tv_TextEntry **head = &buckets[h % (unsigned)g->cache_buckets];
    for (tv_TextEntry *e = *head; e; e = e->next)
        if (e->hash == h && e->px == px && e->bold == bold && e->max_w == max_w && e->align == align &&
            memcmp(&e->color, &c, sizeof c) == 0 && strcmp(e->text, text) == 0) {
            e->last_frame = g->frame;
            return e;
        }
    tv_TextEntry *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->hash = h, e->px = px, e->bold = bold, e->max_w = max_w, e->align = align, e->color = c;
    e->text = strdup(text);
    e->last_frame = g->frame;
    TTF_Font *f = font_at(g, px, bold);
    if (f && e->text && *text) {
        /* The texture is only as wide as the text: a centred line in a wide box would
         * otherwise blend a band of transparent pixels every frame. */
        Lines l;
        lay_out(f, text, max_w, &l);
        e->w = l.block_w > 0 ? l.block_w : 1;
        e->h = l.n * l.line_h;
    } else if (f) {
        e->h = TTF_FontLineSkip(f);
    }
    e->next = *head;
    *head = e;
    g->cache_count++;
    return e;
}

int tv_gfx_text(tv_Gfx *g, const char *text, float units, bool bold, tv_Color c, int x, int y, int max_w,
                tv_Align align)
{
    tv_TextEntry *e = get_text(g, text, units, bold, c, max_w, align);
    if (!e)
        return 0;
    if (!e->rasterised)
        rasterise(g, e);
    if (e->tex) {
        int dx = x;
        if (align == TV_ALIGN_CENTER)
            dx = max_w > 0 ? x + (max_w - e->w) / 2 : x - e->w / 2;
        else if (align == TV_ALIGN_RIGHT)
            dx = max_w > 0 ? x + max_w - e->w : x - e->w;
        SDL_Rect dst = {dx, y, e->w, e->h};
        SDL_RenderCopy(g->r, e->tex, NULL, &dst);
    }
    return e->h;
}

void tv_gfx_text_size(tv_Gfx *g, const char *text, float units, bool bold, int max_w, int *w, int *h)
{
    /* Measured as left-aligned white: the layout does not depend on colour, and the
     * entry is likely drawn later anyway. */
    tv_TextEntry *e = get_text(g, text, units, bold, (tv_Color){255, 255, 255, 255}, max_w, TV_ALIGN_LEFT);
    if (w)
        *w = e ? e->w : 0;
    if (h)
        *h = e ? e->h : 0;
}

float tv_gfx_fit_text(tv_Gfx *g, const char *text, float units, float min_units, bool bold, int max_w, int max_h)
{
    for (float u = units; u > min_units; u *= 0.9f) {
        int h;
        tv_gfx_text_size(g, text, u, bold, max_w, NULL, &h);
        if (h <= max_h)
            return u;
    }
    return min_units;
}
