/* floor - the same question screen as `trivium play --scene question`, drawn by a
 * minimal SDL2 + SDL2_ttf program with no engine: the floor the game is measured
 * against in scripts/bench. Text is rasterised once into textures, as any sensible
 * small program would; each frame draws a gradient, a moving timer bar, the prompt and
 * four answer tiles.
 * usage: floor --font PATH [--bench first-frame|frames=N] */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_ttf.h>

static SDL_Texture *text(SDL_Renderer *r, TTF_Font *f, const char *s, int wrap, int *w, int *h)
{
    SDL_Surface *surf = TTF_RenderUTF8_Blended_Wrapped(f, s, (SDL_Color){245, 246, 255, 255}, (Uint32)wrap);
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, surf);
    *w = surf->w, *h = surf->h;
    SDL_FreeSurface(surf);
    return t;
}

int main(int argc, char **argv)
{
    const char *font = NULL, *bench = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--font") == 0)
            font = argv[i + 1];
        else if (strcmp(argv[i], "--bench") == 0)
            bench = argv[i + 1];
    }
    if (!font) {
        fprintf(stderr, "usage: floor --font PATH [--bench first-frame|frames=N]\n");
        return 2;
    }
    bool frames_bench = bench && strncmp(bench, "frames=", 7) == 0;
    long frames_left = frames_bench ? atol(bench + 7) : -1;
    SDL_Init(SDL_INIT_VIDEO);
    TTF_Init();
    SDL_Window *win = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 720,
                                       SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Renderer *r = SDL_CreateRenderer(win, -1, frames_bench ? 0 : SDL_RENDERER_PRESENTVSYNC);
    TTF_Font *big = TTF_OpenFont(font, 38), *mid = TTF_OpenFont(font, 26), *small = TTF_OpenFont(font, 20);
    int pw, ph, hw, hh;
    SDL_Texture *prompt = text(r, big, "Which character in iHostage is an employee of the Apple Store?", 1180, &pw, &ph);
    SDL_Texture *header = text(r, small, "Question 1 of 10", 0, &hw, &hh);
    const char *labels[4] = {"Winston", "Lynn", "Mingus", "Ammar Ajar"};
    SDL_Texture *opt[4];
    int ow[4], oh[4];
    for (int i = 0; i < 4; i++)
        opt[i] = text(r, mid, labels[i], 0, &ow[i], &oh[i]);
    const SDL_Color colors[4] = {{217, 67, 75, 255}, {62, 99, 221, 255}, {212, 144, 28, 255}, {43, 154, 95, 255}};
    Uint64 start = SDL_GetPerformanceCounter();
    long frames = 0;
    bool quit = false;
    while (!quit) {
        SDL_Event ev;
        while (SDL_PollEvent(&ev))
            quit = quit || ev.type == SDL_QUIT;
        SDL_Vertex v[4] = {{{0, 0}, {35, 42, 92, 255}, {0, 0}}, {{1280, 0}, {35, 42, 92, 255}, {0, 0}},
                           {{1280, 720}, {14, 17, 48, 255}, {0, 0}}, {{0, 720}, {14, 17, 48, 255}, {0, 0}}};
        int idx[6] = {0, 1, 2, 0, 2, 3};
        SDL_RenderGeometry(r, NULL, v, 4, idx, 6);
        SDL_SetRenderDrawColor(r, 45, 52, 112, 255);
        SDL_RenderFillRect(r, &(SDL_Rect){28, 58, 1224, 12});
        SDL_SetRenderDrawColor(r, 77, 171, 247, 255);
        SDL_RenderFillRect(r, &(SDL_Rect){28, 58, (int)(1224 - (frames % 1000) * 1.2), 12});
        SDL_RenderCopy(r, header, NULL, &(SDL_Rect){28, 18, hw, hh});
        SDL_RenderCopy(r, prompt, NULL, &(SDL_Rect){(1280 - pw) / 2, 100, pw, ph});
        for (int i = 0; i < 4; i++) {
            SDL_Rect cell = {48 + (i % 2) * 599, 216 + (i / 2) * 144, 585, 130};
            SDL_SetRenderDrawColor(r, colors[i].r, colors[i].g, colors[i].b, 255);
            SDL_RenderFillRect(r, &cell);
            SDL_RenderCopy(r, opt[i], NULL, &(SDL_Rect){cell.x + 68, cell.y + (130 - oh[i]) / 2, ow[i], oh[i]});
        }
        SDL_RenderPresent(r);
        frames++;
        if (bench && strcmp(bench, "first-frame") == 0)
            break;
        if (frames_bench && --frames_left <= 0) {
            double ms = (double)(SDL_GetPerformanceCounter() - start) * 1000.0 / (double)SDL_GetPerformanceFrequency() /
                        (double)frames;
            printf("ms/frame: %.4f\n", ms);
            break;
        }
    }
    for (int i = 0; i < 4; i++)
        SDL_DestroyTexture(opt[i]);
    SDL_DestroyTexture(prompt);
    SDL_DestroyTexture(header);
    TTF_CloseFont(big);
    TTF_CloseFont(mid);
    TTF_CloseFont(small);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
