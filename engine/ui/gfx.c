/* gfx.c - the font faces, the text-texture cache, the layer, units and colours.
 * Depends on: SDL2, SDL2_ttf. Finding the font files is font.c's, shapes are shapes.c's. */
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
