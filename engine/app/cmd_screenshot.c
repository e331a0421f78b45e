/* cmd_screenshot.c - `trivium screenshot`: one scene staged for a seed, rendered
 * offscreen by SDL's software renderer into a surface, written as a PNG with
 * SDL2_image's IMG_SavePNG (loaded at run time, not linked).
 * Depends on: app/play_setup, ui (game), SDL2. */
#include <stdio.h>

#include <SDL.h>

#include "app/play_cmd.h"
#include "app/play_setup.h"

/* IMG_SavePNG from SDL2_image, loaded now rather than linked (see ui.cmake). */
static int save_png(SDL_Surface *surface, const char *path)
{
    static const char *const names[] = {"libSDL2_image-2.0.so.0", "libSDL2_image.so"};
    void *lib = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++)
        lib = SDL_LoadObject(names[i]);
    typedef int (*SavePNG)(SDL_Surface *, const char *);
    SavePNG save = lib ? (SavePNG)SDL_LoadFunction(lib, "IMG_SavePNG") : NULL;
    if (!save) {
        fprintf(stderr, "trivium screenshot: cannot load SDL2_image (%s) to write PNG files: %s\n", names[0],
                SDL_GetError());
        if (lib)
            SDL_UnloadObject(lib);
        return 1;
    }
    int rc = 0;
    if (save(surface, path) != 0) {
        fprintf(stderr, "trivium screenshot: --out %s: %s\n", path, SDL_GetError());
        rc = 1;
    }
    SDL_UnloadObject(lib);
    return rc;
}

int tv_cmd_screenshot(tv_Cli *cli, int argc, char **argv)
{
    tv_PlayArgs a = {.w = 1280, .h = 720, .text_size = -1};
    cli->lang = "en";
    tv_PackSet packs;
    tv_Settings settings;
    char warn[512] = "";
    tv_Preload pre;
    int rc = tv_play_start(cli, &a, argc, argv, 2, tv_usage_screenshot, &packs, &settings, warn, sizeof warn, &pre);
    if (rc >= 0)
        return rc;
    /* No window and no video driver: a software renderer drawing into a surface. */
    SDL_SetMainReady();
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "trivium screenshot: SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, a.w, a.h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!r) {
        fprintf(stderr, "trivium screenshot: cannot create a software renderer: %s\n", SDL_GetError());
        return 1;
    }
    tv_GameConfig cfg = {.packs = &packs,
                         .assets_dir = tv_play_assets_dir(cli),
                         .prefs_dir = NULL,
                         .font_path = pre.font,
                         .bold_path = pre.bold,
                         .settings = &settings,
                         .offscreen = true};
    tv_Error err = {0};
    tv_Game *g = tv_game_new(&cfg, r, NULL, &err);
    rc = 0;
    if (!g)
        rc = tv_cli_fail(&err);
    else {
        tv_game_tick(g, 100000);
        if (a.gamepad)
            tv_game_pad_added(g, 0);
        const tv_Question *q = a.question ? tv_cli_find_question(&packs, a.pack, a.question, &err) : NULL;
        if (a.question ? !q || !tv_game_preview(g, q, a.seed, a.reveal, &err)
                       : !tv_play_enter_scene(g, a.scene, a.seed, &err))
            rc = tv_cli_fail(&err);
        else {
            tv_game_draw(g);
            SDL_RenderPresent(r);
            rc = save_png(surface, a.out);
        }
        tv_game_free(g);
    }
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    tv_packset_free(&packs);
    SDL_Quit();
    return rc;
}

int tv_play_save_png(SDL_Surface *surface, const char *path) { return save_png(surface, path); }
