/* textcache.c - the text pipeline: UTF-8 text is wrapped greedily to a pixel width,
 * laid out once per (text, size, bold, width), rasterised once in white into an
 * SDL texture, and tinted (colour mod, or a pixel rewrite on the software renderer)
 * and aligned when drawn. Entries sit in hash chains and are dropped when not used for
 * CACHE_IDLE_FRAMES.
 * Depends on: SDL2, SDL2_ttf, the core (tv_Error, tv_hash64). Knows nothing of layout
 * units, scenes or fontconfig (gfx.c and font.c). Limits: MAX_LINES lines a text,
 * LINE_BUF bytes a line; longer ones are cut, never overrun. */
#include "ui/textcache.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rng.h"

#define CACHE_BUCKETS 512
#define CACHE_IDLE_FRAMES 600
#define EVICT_EVERY 120
#define MAX_LINES 64
/* SDL_ttf measures NUL-terminated strings, so a line is copied out before measuring. */
#define LINE_BUF 4096

typedef struct Line {
    int start, len; /* bytes into the entry's text */
    int w;          /* pixels */
} Line;

struct tv_TextEntry {
    tv_TextEntry *next;
    uint64_t hash;
    int px, max_w;
    bool bold;
    bool rasterised;  /* tried once; tex stays NULL for an empty text or a failure */
    SDL_Texture *tex; /* white; tinted when drawn */
    Uint8 *cover;     /* software renderer only: the glyphs' coverage, w * h */
    SDL_Color tint;   /* software renderer only: the colour tex holds now */
    int w, h;         /* the block: the widest line by n lines */
    int n, line_h;
    unsigned last_frame;
    Line *lines; /* n, in the same allocation as the entry */
    char *text;  /* likewise */
};

/* ==================== fonts ==================== */

/* One font object per face, resized with TTF_SetFontSize: opening a face once per
 * size parsed the font file again each time, which showed on the first frame. */
static TTF_Font *font_at(tv_TextCache *tc, int px, bool bold)
{
    if (px < 6)
        px = 6;
    TTF_Font **f = &tc->face[bold];
    if (!*f) {
        *f = TTF_OpenFont(tc->path[bold], px);
        if (!*f)
            return NULL;
        TTF_SetFontHinting(*f, TTF_HINTING_LIGHT);
        tc->face_px[bold] = px;
    }
    if (tc->face_px[bold] != px && TTF_SetFontSize(*f, px) == 0)
        tc->face_px[bold] = px;
    return tc->face_px[bold] == px ? *f : NULL;
}

/* ==================== lifecycle ==================== */

bool tv_textcache_init(tv_TextCache *tc, SDL_Renderer *r, const char *font_path, const char *bold_path,
                       tv_Error *err)
{
    memset(tc, 0, sizeof *tc);
    tc->r = r;
    SDL_RendererInfo info;
    tc->software = SDL_GetRendererInfo(r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
    snprintf(tc->path[0], sizeof tc->path[0], "%s", font_path);
    snprintf(tc->path[1], sizeof tc->path[1], "%s", bold_path);
    if (!TTF_WasInit() && TTF_Init() != 0)
        return tv_error_set(err, TV_ERR_IO, NULL, 0, "SDL_ttf could not start: %s", TTF_GetError());
    if (!font_at(tc, 20, false)) {
        tv_error_set(err, TV_ERR_IO, font_path, 0, "cannot load the font: %s", TTF_GetError());
        tv_textcache_free(tc);
        return false;
    }
    tc->buckets = calloc(CACHE_BUCKETS, sizeof *tc->buckets);
    if (!tc->buckets) {
        tv_textcache_free(tc);
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
    }
    return true;
}

static void drop_entry(tv_TextEntry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    free(e->cover);
    free(e); /* the lines and the text live in the same block */
}

void tv_textcache_free(tv_TextCache *tc)
{
    for (int b = 0; tc->buckets && b < CACHE_BUCKETS; b++)
        for (tv_TextEntry *e = tc->buckets[b], *next; e; e = next) {
            next = e->next;
            drop_entry(e);
        }
    free(tc->buckets);
    for (int i = 0; i < 2; i++)
        if (tc->face[i])
            TTF_CloseFont(tc->face[i]);
    memset(tc, 0, sizeof *tc);
}

void tv_textcache_tick(tv_TextCache *tc)
{
    tc->frame++;
    if (tc->frame % EVICT_EVERY != 0 || !tc->buckets)
        return;
    for (int b = 0; b < CACHE_BUCKETS; b++)
        for (tv_TextEntry **pp = &tc->buckets[b]; *pp;) {
            tv_TextEntry *e = *pp;
            if (tc->frame - e->last_frame > CACHE_IDLE_FRAMES) {
                *pp = e->next;
                drop_entry(e);
                tc->count--;
            } else
                pp = &e->next;
        }
}

int tv_textcache_renders(const tv_TextCache *tc) { return tc->renders; }
int tv_textcache_layouts(const tv_TextCache *tc) { return tc->layouts; }

/* ==================== layout ==================== */

/* Byte length of the UTF-8 sequence starting at s. */
static int u8len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* n bytes of s as a NUL-terminated string, cut to fit buf. */
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
 * the first frame's largest text cost). Returns the number of lines. */
static int wrap(TTF_Font *f, const char *text, int max_w, Line *lines)
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
        lines[n].start = (int)(p - text);
        lines[n].len = (int)len;
        lines[n].w = line_width(f, p, len);
        n++;
        p += end;
        while (*p == ' ')
            p++;
        if (*p == '\n' && end == para)
            p++;
    }
    return n;
}

/* ==================== the cache ==================== */

static uint64_t key_hash(const char *text, int px, bool bold, int max_w)
{
    /* The core's FNV-1a over the text, then the numbers folded in with the same prime. */
    uint64_t h = tv_hash64(text);
    const uint64_t nums[3] = {(uint64_t)(unsigned)px, bold, (uint64_t)(unsigned)max_w};
    for (int i = 0; i < 3; i++)
        h = (h ^ nums[i]) * 1099511628211u;
    return h;
}

/* The entry for the key, laid out (not rasterised) if new; NULL when out of memory. */
static tv_TextEntry *get_entry(tv_TextCache *tc, const char *text, int px, bool bold, int max_w)
{
    if (!tc->buckets)
        return NULL;
    uint64_t hash = key_hash(text, px, bold, max_w);
    tv_TextEntry **head = &tc->buckets[hash % CACHE_BUCKETS];
    for (tv_TextEntry *e = *head; e; e = e->next)
        if (e->hash == hash && e->px == px && e->bold == bold && e->max_w == max_w && strcmp(e->text, text) == 0) {
            e->last_frame = tc->frame;
            return e;
        }
    Line lines[MAX_LINES];
    int n = 0, line_h = 0, block_w = 0;
    TTF_Font *f = font_at(tc, px, bold);
    if (f) {
        n = *text ? wrap(f, text, max_w, lines) : 0;
        line_h = TTF_FontLineSkip(f);
        for (int i = 0; i < n; i++)
            if (lines[i].w > block_w)
                block_w = lines[i].w;
        tc->layouts++;
    }
    size_t len = strlen(text) + 1;
    tv_TextEntry *e = malloc(sizeof *e + (size_t)n * sizeof(Line) + len);
    if (!e)
        return NULL;
    memset(e, 0, sizeof *e);
    e->lines = (Line *)(e + 1);
    e->text = (char *)(e->lines + n);
    memcpy(e->lines, lines, (size_t)n * sizeof(Line));
    memcpy(e->text, text, len);
    e->hash = hash, e->px = px, e->bold = bold, e->max_w = max_w;
    e->n = n, e->line_h = line_h;
    e->last_frame = tc->frame;
    if (n > 0) {
        /* The texture is only as wide as the text: a centred line in a wide box would
         * otherwise blend a band of transparent pixels every frame. */
        e->w = block_w > 0 ? block_w : 1;
        e->h = n * line_h;
    } else {
        e->h = line_h; /* an empty text still takes a line */
    }
    e->next = *head;
    *head = e;
    tc->count++;
    return e;
}

/* ==================== tinting on the software renderer ==================== */

/* SDL's software renderer blits a colour-modulated texture with its generic per-pixel
 * blitter, several times slower than the plain alpha blit (4-10x for a line of text,
 * measured with 2000 frames of four texts). So there the entry keeps the glyphs'
 * coverage and writes the colour into a streaming texture when it changes; a text
 * drawn in one colour frame after frame is then a plain blit, as it was when colour
 * was part of the key, and no rasterisation is repeated. */
static void keep_cover(tv_TextCache *tc, tv_TextEntry *e, SDL_Surface *block)
{
    e->cover = malloc((size_t)block->w * (size_t)block->h);
    e->tex = e->cover ? SDL_CreateTexture(tc->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, block->w,
                                          block->h)
                      : NULL;
    if (!e->tex) {
        free(e->cover);
        e->cover = NULL;
        return;
    }
    for (int y = 0; y < block->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)block->pixels + y * block->pitch);
        for (int x = 0; x < block->w; x++)
            e->cover[y * block->w + x] = (Uint8)(row[x] >> 24);
    }
    SDL_UpdateTexture(e->tex, NULL, block->pixels, block->pitch);
    e->tint = (SDL_Color){255, 255, 255, 255};
}

/* Writes colour c into an entry's streaming texture, scaling the coverage by c.a the
 * way TTF_RenderUTF8_Blended does for a translucent colour. */
static void retint(tv_TextEntry *e, SDL_Color c)
{
    void *pixels;
    int pitch;
    if (SDL_LockTexture(e->tex, NULL, &pixels, &pitch) != 0)
        return;
    Uint32 rgb = (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
    for (int y = 0; y < e->h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)pixels + y * pitch);
        const Uint8 *cov = e->cover + y * e->w;
        for (int x = 0; x < e->w; x++) {
            Uint32 a = cov[x];
            if (c.a != 255) {
                a *= c.a;
                a = (a + 1 + (a >> 8)) >> 8; /* a / 255, rounded as SDL_ttf does */
            }
            row[x] = a << 24 | rgb;
        }
    }
    SDL_UnlockTexture(e->tex);
    e->tint = c;
}

/* Rasterises an entry's lines, left-aligned and white, into its texture: done when it
 * is first drawn, so text that is only measured (layout, fitting a prompt) never costs
 * a rasterisation. White times the colour mod gives the colour TTF would have drawn. */
static void rasterise(tv_TextCache *tc, tv_TextEntry *e)
{
    e->rasterised = true;
    TTF_Font *f = font_at(tc, e->px, e->bold);
    if (!f || e->n == 0)
        return;
    SDL_Surface *block = SDL_CreateRGBSurfaceWithFormat(0, e->w, e->h > 0 ? e->h : 1, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!block)
        return;
    SDL_FillRect(block, NULL, SDL_MapRGBA(block->format, 255, 255, 255, 0));
    SDL_SetSurfaceBlendMode(block, SDL_BLENDMODE_NONE);
    for (int i = 0; i < e->n; i++) {
        char buf[LINE_BUF];
        line_copy(buf, e->text + e->lines[i].start, (size_t)e->lines[i].len);
        if (!buf[0])
            continue;
        SDL_Surface *ls = TTF_RenderUTF8_Blended(f, buf, (SDL_Color){255, 255, 255, 255});
        if (!ls)
            continue;
        SDL_Rect dst = {0, i * e->line_h, ls->w, ls->h};
        SDL_SetSurfaceBlendMode(ls, SDL_BLENDMODE_NONE);
        SDL_BlitSurface(ls, NULL, block, &dst);
        SDL_FreeSurface(ls);
    }
    if (tc->software)
        keep_cover(tc, e, block);
    else
        e->tex = SDL_CreateTextureFromSurface(tc->r, block);
    if (e->tex) {
        SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
        /* drawn 1:1, so nearest sampling gives the same pixels for less work */
        SDL_SetTextureScaleMode(e->tex, SDL_ScaleModeNearest);
    }
    SDL_FreeSurface(block);
    tc->renders++;
}

void tv_textcache_measure(tv_TextCache *tc, const char *text, int px, bool bold, int max_w, int *w, int *h)
{
    tv_TextEntry *e = get_entry(tc, text, px, bold, max_w);
    if (w)
        *w = e ? e->w : 0;
    if (h)
        *h = e ? e->h : 0;
}

int tv_textcache_draw(tv_TextCache *tc, const char *text, int px, bool bold, int max_w, SDL_Color c, int x, int y,
                      tv_Align align)
{
    tv_TextEntry *e = get_entry(tc, text, px, bold, max_w);
    if (!e)
        return 0;
    if (!e->rasterised)
        rasterise(tc, e);
    if (!e->tex)
        return e->h;
    if (e->cover) {
        if (memcmp(&e->tint, &c, sizeof c) != 0)
            retint(e, c);
    } else {
        SDL_SetTextureColorMod(e->tex, c.r, c.g, c.b);
        SDL_SetTextureAlphaMod(e->tex, c.a);
    }
    int bx = x; /* the block's left edge */
    if (align == TV_ALIGN_CENTER)
        bx = max_w > 0 ? x + (max_w - e->w) / 2 : x - e->w / 2;
    else if (align == TV_ALIGN_RIGHT)
        bx = max_w > 0 ? x + max_w - e->w : x - e->w;
    if (align == TV_ALIGN_LEFT || e->n == 1) {
        SDL_Rect dst = {bx, y, e->w, e->h};
        SDL_RenderCopy(tc->r, e->tex, NULL, &dst);
        return e->h;
    }
    /* Lines are aligned within the block one by one: a copy per line, from the one
     * left-aligned texture, instead of a texture per alignment. */
    for (int i = 0; i < e->n; i++) {
        const Line *l = &e->lines[i];
        if (l->w <= 0)
            continue;
        int lx = bx + (align == TV_ALIGN_CENTER ? (e->w - l->w) / 2 : e->w - l->w);
        SDL_Rect src = {0, i * e->line_h, l->w, e->line_h};
        SDL_Rect dst = {lx, y + i * e->line_h, l->w, e->line_h};
        SDL_RenderCopy(tc->r, e->tex, &src, &dst);
    }
    return e->h;
}
