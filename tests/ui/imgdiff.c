/* imgdiff - compares two PNGs with a per-channel tolerance, for the golden-image tests.
 * usage: imgdiff EXPECTED ACTUAL DIFF_OUT
 * Exit 0 when at most 0.3 % of pixels differ by more than 24 in any channel; otherwise
 * writes DIFF_OUT (differing pixels in magenta over a faded copy) and exits 1. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <SDL.h>
#include <SDL_image.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: imgdiff EXPECTED ACTUAL DIFF_OUT\n");
        return 2;
    }
    SDL_Surface *a0 = IMG_Load(argv[1]), *b0 = IMG_Load(argv[2]);
    if (!a0 || !b0) {
        fprintf(stderr, "imgdiff: cannot load %s: %s\n", !a0 ? argv[1] : argv[2], IMG_GetError());
        return 2;
    }
    SDL_Surface *a = SDL_ConvertSurfaceFormat(a0, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface *b = SDL_ConvertSurfaceFormat(b0, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(a0);
    SDL_FreeSurface(b0);
    if (a->w != b->w || a->h != b->h) {
        fprintf(stderr, "imgdiff: size differs: expected %dx%d, got %dx%d\n", a->w, a->h, b->w, b->h);
        SDL_FreeSurface(a);
        SDL_FreeSurface(b);
        return 1;
    }
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 32, SDL_PIXELFORMAT_ARGB8888);
    long differ = 0;
    for (int y = 0; y < a->h; y++) {
        Uint32 *pa = (Uint32 *)((Uint8 *)a->pixels + y * a->pitch);
        Uint32 *pb = (Uint32 *)((Uint8 *)b->pixels + y * b->pitch);
        Uint32 *pd = (Uint32 *)((Uint8 *)d->pixels + y * d->pitch);
        for (int x = 0; x < a->w; x++) {
            int worst = 0;
            for (int shift = 0; shift < 32; shift += 8) {
                int ca = (pa[x] >> shift) & 255, cb = (pb[x] >> shift) & 255;
                int delta = abs(ca - cb);
                worst = delta > worst ? delta : worst;
            }
            bool bad = worst > 24;
            differ += bad;
            Uint32 faded = 0xFF000000u | (((pb[x] >> 2) & 0x3F3F3F));
            pd[x] = bad ? 0xFFFF00FFu : faded;
        }
    }
    double share = (double)differ / ((double)a->w * a->h);
    printf("imgdiff: %ld of %d pixels differ (%.3f %%)\n", differ, a->w * a->h, share * 100);
    int rc = 0;
    if (share > 0.003) {
        IMG_SavePNG(d, argv[3]);
        rc = 1;
    }
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    SDL_FreeSurface(d);
    return rc;
}
