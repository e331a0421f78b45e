/* ui.textcache: the text cache keys on (text, size, bold, wrap width) only, so colour
 * and alignment cost no new layout or rasterisation; tinting white gives the colour;
 * alignment is still right, line by line; idle text is dropped.
 * Uses SDL's software renderer on a surface: no window, no video driver. */
#include <stdint.h>

#include <SDL.h>

#include "check.h"
#include "ui/gfx.h"

enum { W = 1280, H = 720 };

typedef struct Fixture {
    SDL_Surface *surface;
    SDL_Renderer *r;
    tv_Gfx g;
    Uint32 px[W * H];
} Fixture;

static Fixture fx;

static bool open_fixture(Fixture *f)
{
    char font[1024], bold[1024];
    tv_Error err = {0};
    CHECK(tv_font_find(NULL, font, sizeof font, bold, sizeof bold, &err));
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    f->r = f->surface ? SDL_CreateSoftwareRenderer(f->surface) : NULL;
    CHECK(f->r != NULL);
    bool ok = f->r && tv_gfx_init(&f->g, f->r, font, bold, &err);
    if (!ok)
        fprintf(stderr, "  gfx: %s\n", err.msg);
    CHECK(ok);
    return ok;
}

static void close_fixture(Fixture *f)
{
    tv_gfx_free(&f->g);
    if (f->r)
        SDL_DestroyRenderer(f->r);
    if (f->surface)
        SDL_FreeSurface(f->surface);
    f->r = NULL, f->surface = NULL;
}

/* After a failed open (already reported by CHECK): tidy up so the case can return. */
static void skip_fixture(Fixture *f) { close_fixture(f); }

static void clear(Fixture *f)
{
    SDL_SetRenderDrawBlendMode(f->r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(f->r, 0, 0, 0, 255);
    SDL_RenderClear(f->r);
}

static void read_back(Fixture *f) { SDL_RenderReadPixels(f->r, NULL, SDL_PIXELFORMAT_ARGB8888, f->px, W * 4); }

/* The brightest value of each channel over the lit pixels of a rectangle, and the lit
 * pixels' horizontal extent. */
typedef struct Lit {
    int r, g, b;
    int x0, x1; /* x1 exclusive; x0 == x1 when nothing is lit */
} Lit;

static Lit lit_in(const Fixture *f, int x, int y, int w, int h)
{
    Lit l = {0, 0, 0, W, 0};
    for (int j = y; j < y + h && j < H; j++)
        for (int i = x; i < x + w && i < W; i++) {
            Uint32 p = f->px[j * W + i];
            int r = p >> 16 & 255, g = p >> 8 & 255, b = p & 255;
            if (r + g + b == 0)
                continue;
            l.r = r > l.r ? r : l.r, l.g = g > l.g ? g : l.g, l.b = b > l.b ? b : l.b;
            l.x0 = i < l.x0 ? i : l.x0, l.x1 = i + 1 > l.x1 ? i + 1 : l.x1;
        }
    if (l.x1 == 0)
        l.x0 = 0;
    return l;
}

static const tv_Color red = {255, 0, 0, 255}, blue = {0, 0, 255, 255};

TEST("the same text fitted, then drawn in two colours and two alignments, is laid out and rasterised once")
{
    if (!open_fixture(&fx)) {
        skip_fixture(&fx);
        return;
    }
    tv_Gfx *g = &fx.g;
    const char *text = "Which river flows through Ljubljana?";
    int layouts = tv_textcache_layouts(&g->text), renders = tv_gfx_text_renders(g);
    float u = tv_gfx_fit_text(g, text, 40, 10, false, 900, 400);
    CHECK(u == 40);
    CHECK_INT(layouts + 1, tv_textcache_layouts(&g->text));
    CHECK_INT(renders, tv_gfx_text_renders(g)); /* measuring never rasterises */
    tv_gfx_text(g, text, u, false, red, 100, 100, 900, TV_ALIGN_LEFT);
    tv_gfx_text(g, text, u, false, blue, 100, 200, 900, TV_ALIGN_LEFT);
    tv_gfx_text(g, text, u, false, red, 100, 300, 900, TV_ALIGN_CENTER);
    tv_gfx_text(g, text, u, false, blue, 100, 400, 900, TV_ALIGN_RIGHT);
    int w, h;
    tv_gfx_text_size(g, text, u, false, 900, &w, &h);
    CHECK_INT(renders + 1, tv_gfx_text_renders(g));
    CHECK_INT(layouts + 1, tv_textcache_layouts(&g->text));
    /* A bold face or another wrap width is another key. */
    tv_gfx_text(g, text, u, true, red, 100, 500, 900, TV_ALIGN_LEFT);
    CHECK_INT(renders + 2, tv_gfx_text_renders(g));
    close_fixture(&fx);
}

TEST("a prompt fitted by shrinking is drawn from the entry of the size that fitted")
{
    if (!open_fixture(&fx)) {
        skip_fixture(&fx);
        return;
    }
    tv_Gfx *g = &fx.g;
    const char *text = "A long prompt that has to wrap over several lines at the largest size, so that "
                       "fitting it into a short box has to try a few smaller sizes first.";
    int layouts = tv_textcache_layouts(&g->text), renders = tv_gfx_text_renders(g);
    float u = tv_gfx_fit_text(g, text, 48, 12, false, 500, 130);
    CHECK(u < 48 && u > 12);
    int tried = tv_textcache_layouts(&g->text) - layouts;
    CHECK(tried >= 2); /* each size tried is laid out once */
    tv_gfx_text(g, text, u, false, red, 10, 10, 500, TV_ALIGN_CENTER);
    tv_gfx_text(g, text, u, false, blue, 10, 10, 500, TV_ALIGN_LEFT);
    CHECK_INT(tried, tv_textcache_layouts(&g->text) - layouts);
    CHECK_INT(renders + 1, tv_gfx_text_renders(g));
    /* The next frame fits and draws the same: nothing new at all. */
    tv_gfx_begin_frame(g, 1);
    CHECK(tv_gfx_fit_text(g, text, 48, 12, false, 500, 130) == u);
    tv_gfx_text(g, text, u, false, red, 10, 10, 500, TV_ALIGN_CENTER);
    CHECK_INT(tried, tv_textcache_layouts(&g->text) - layouts);
    CHECK_INT(renders + 1, tv_gfx_text_renders(g));
    close_fixture(&fx);
}

/* Draws the same text in red, blue and half-opaque white and checks the colours. */
static void check_tints(Fixture *f, Lit out[3])
{
    tv_Gfx *g = &f->g;
    const char *text = "Tinted";
    clear(f);
    int h = tv_gfx_text(g, text, 40, true, red, 100, 100, 0, TV_ALIGN_LEFT);
    tv_gfx_text(g, text, 40, true, blue, 100, 300, 0, TV_ALIGN_LEFT);
    tv_gfx_text(g, text, 40, true, (tv_Color){255, 255, 255, 128}, 100, 500, 0, TV_ALIGN_LEFT);
    read_back(f);
    CHECK(h > 0);
    Lit a = lit_in(f, 0, 100, W, h), b = lit_in(f, 0, 300, W, h), c = lit_in(f, 0, 500, W, h);
    CHECK(a.r >= 250 && a.g == 0 && a.b == 0);
    CHECK(b.b >= 250 && b.r == 0 && b.g == 0);
    CHECK(c.r >= 120 && c.r <= 136 && c.g == c.r && c.b == c.r); /* half-opaque white over black */
    CHECK_INT(a.x1 - a.x0, b.x1 - b.x0);                       /* the same glyphs */
    CHECK_INT(1, tv_gfx_text_renders(g));
    out[0] = a, out[1] = b, out[2] = c;
}

TEST("text rasterised once in white is drawn in the colour and opacity asked for, by either way of tinting")
{
    /* The software renderer rewrites the texture's colour; other renderers use colour
     * mod. Clearing the flag runs the colour-mod path on the same renderer. */
    Lit rewritten[3], modded[3];
    if (!open_fixture(&fx)) {
        skip_fixture(&fx);
        return;
    }
    CHECK(fx.g.text.software);
    check_tints(&fx, rewritten);
    static Uint32 first[W * H];
    memcpy(first, fx.px, sizeof first);
    close_fixture(&fx);
    if (!open_fixture(&fx)) {
        skip_fixture(&fx);
        return;
    }
    fx.g.text.software = false;
    check_tints(&fx, modded);
    int worst = 0;
    for (int i = 0; i < W * H; i++)
        for (int sh = 0; sh < 24; sh += 8) {
            int d = abs((int)(first[i] >> sh & 255) - (int)(fx.px[i] >> sh & 255));
            worst = d > worst ? d : worst;
        }
    CHECK(worst <= 3); /* SDL's two blitters round differently, by a step or two */
    for (int k = 0; k < 3; k++)
        CHECK_INT(rewritten[k].x1 - rewritten[k].x0, modded[k].x1 - modded[k].x0);
    close_fixture(&fx);
}

TEST("alignment is applied when drawing: left, centred and right, each wrapped line on its own")
{
    if (!open_fixture(&fx)) {
        skip_fixture(&fx);
        return;
    }
    tv_Gfx *g = &fx.g;
    const char *one = "Centre me";
    int w, h;
    tv_gfx_text_size(g, one, 36, false, 600, &w, &h);
    clear(&fx);
    tv_gfx_text(g, one, 36, false, red, 100, 0, 600, TV_ALIGN_LEFT);
    tv_gfx_text(g, one, 36, false, red, 100, 100, 600, TV_ALIGN_CENTER);
    tv_gfx_text(g, one, 36, false, red, 100, 200, 600, TV_ALIGN_RIGHT);
    tv_gfx_text(g, one, 36, false, red, 640, 300, 0, TV_ALIGN_CENTER); /* no box: centred on x */
    read_back(&fx);
    Lit l = lit_in(&fx, 0, 0, W, h), c = lit_in(&fx, 0, 100, W, h), r = lit_in(&fx, 0, 200, W, h),
        x = lit_in(&fx, 0, 300, W, h);
    CHECK(l.x0 >= 100 && l.x0 <= 104);
    CHECK(r.x1 <= 700 && r.x1 >= 696);
    CHECK(abs((c.x0 + c.x1) / 2 - 400) <= 3);
    CHECK(abs((x.x0 + x.x1) / 2 - 640) <= 3);
    CHECK_INT(l.x1 - l.x0, r.x1 - r.x0);

    /* Two lines of different widths, centred: each line's middle is the box's middle. */
    const char *two = "Short\nA much longer second line";
    tv_gfx_text_size(g, two, 36, false, 900, &w, &h);
    clear(&fx);
    int drawn = tv_gfx_text(g, two, 36, false, blue, 100, 0, 900, TV_ALIGN_CENTER);
    CHECK_INT(h, drawn);
    read_back(&fx);
    Lit top = lit_in(&fx, 0, 0, W, h / 2), bottom = lit_in(&fx, 0, h / 2, W, h / 2);
    CHECK(top.x1 - top.x0 < bottom.x1 - bottom.x0);
    CHECK(abs((top.x0 + top.x1) / 2 - 550) <= 3);
    CHECK(abs((bottom.x0 + bottom.x1) / 2 - 550) <= 3);
    /* Right-aligned, both lines end at the box's right edge. */
    clear(&fx);
    tv_gfx_text(g, two, 36, false, blue, 100, 0, 900, TV_ALIGN_RIGHT);
    read_back(&fx);
    top = lit_in(&fx, 0, 0, W, h / 2), bottom = lit_in(&fx, 0, h / 2, W, h / 2);
    CHECK(top.x1 <= 1000 && top.x1 >= 996);
    CHECK(bottom.x1 <= 1000 && bottom.x1 >= 996);
    close_fixture(&fx);
}

TEST("text not drawn for a while is dropped, and drawing it again rasterises it again")
{
    if (!open_fixture(&fx)) {
        skip_fixture(&fx);
        return;
    }
    tv_Gfx *g = &fx.g;
    tv_gfx_text(g, "kept", 30, false, red, 0, 0, 0, TV_ALIGN_LEFT);
    tv_gfx_text(g, "idle", 30, false, red, 0, 50, 0, TV_ALIGN_LEFT);
    int renders = tv_gfx_text_renders(g), held = g->text.count;
    CHECK_INT(2, held);
    for (int i = 0; i < 800; i++) {
        tv_gfx_begin_frame(g, 1);
        tv_gfx_text(g, "kept", 30, false, blue, 0, 0, 0, TV_ALIGN_LEFT);
    }
    CHECK_INT(1, g->text.count);
    CHECK_INT(renders, tv_gfx_text_renders(g));
    tv_gfx_text(g, "idle", 30, false, red, 0, 50, 0, TV_ALIGN_LEFT);
    CHECK_INT(renders + 1, tv_gfx_text_renders(g));
    close_fixture(&fx);
}

TEST("free is safe on a zeroed context and twice")
{
    tv_Gfx g;
    memset(&g, 0, sizeof g);
    tv_gfx_free(&g);
    tv_gfx_free(&g);
    tv_TextCache tc;
    memset(&tc, 0, sizeof tc);
    tv_textcache_free(&tc);
    tv_textcache_free(&tc);
    if (!open_fixture(&fx)) {
        skip_fixture(&fx);
        return;
    }
    tv_gfx_free(&fx.g);
    close_fixture(&fx); /* frees fx.g a second time */
}

TEST_MAIN()
