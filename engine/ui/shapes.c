/* shapes.c - rectangles, rounded tiles and frames, the option shapes, the tick/cross
 * mark and the background gradient, drawn with SDL_RenderFillRect(s) and
 * SDL_RenderGeometry. Each shape is chosen for what is cheap on both the software
 * renderer (filled rectangles) and llvmpipe (few draw calls, no blending for opaque
 * colours).
 * Depends on: gfx.h (the renderer, the software flag, colour helpers), SDL2, libm. */
#include "ui/shapes.h"

#include <math.h>
#include <string.h>

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
