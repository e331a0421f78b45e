/* cmd_screenshot.c - `trivium screenshot`: one scene staged for a seed, rendered
 * offscreen by SDL's software renderer into a surface, written as a PNG with
 * SDL2_image's IMG_SavePNG_RW (loaded at run time, not linked) into memory, then saved
 * with tv_file_write_atomic: a failed write names the path and the reason and never
 * leaves a partial file.
 * Depends on: app/play_setup, ui (game), io (file), SDL2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "app/play_cmd.h"
#include "app/play_setup.h"
#include "io/file.h"

/* An SDL_RWops that collects what is written into a growing buffer. */
typedef struct PngBuffer {
    char *data;
    size_t len, pos, cap;
} PngBuffer;

static size_t SDLCALL buffer_write(SDL_RWops *rw, const void *p, size_t size, size_t num)
{
    PngBuffer *b = rw->hidden.unknown.data1;
    size_t n = size * num;
    if (b->pos + n > b->cap) {
        size_t cap = b->cap ? b->cap : 1 << 16;
        while (cap < b->pos + n)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown)
            return 0;
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->pos, p, n);
    b->pos += n;
    if (b->pos > b->len)
        b->len = b->pos;
    return num;
}

static Sint64 SDLCALL buffer_seek(SDL_RWops *rw, Sint64 offset, int whence)
{
    PngBuffer *b = rw->hidden.unknown.data1;
    Sint64 base = whence == RW_SEEK_SET ? 0 : whence == RW_SEEK_CUR ? (Sint64)b->pos : (Sint64)b->len;
    if (base + offset < 0 || base + offset > (Sint64)b->len)
        return SDL_SetError("seek outside the PNG written so far");
    b->pos = (size_t)(base + offset);
    return (Sint64)b->pos;
}

static Sint64 SDLCALL buffer_size(SDL_RWops *rw) { return (Sint64)((PngBuffer *)rw->hidden.unknown.data1)->len; }
static int SDLCALL buffer_close(SDL_RWops *rw)
{
    SDL_FreeRW(rw);
    return 0;
}

/* IMG_SavePNG from SDL2_image, loaded now rather than linked (see ui.cmake). */
static int save_png(SDL_Surface *surface, const char *path)
{
    static const char *const names[] = {"libSDL2_image-2.0.so.0", "libSDL2_image.so"};
    void *lib = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++)
        lib = SDL_LoadObject(names[i]);
    typedef int (*SavePNG)(SDL_Surface *, SDL_RWops *, int);
    SavePNG save = lib ? (SavePNG)SDL_LoadFunction(lib, "IMG_SavePNG_RW") : NULL;
    if (!save) {
        fprintf(stderr, "trivium screenshot: cannot load SDL2_image (%s) to write PNG files: %s\n", names[0],
                SDL_GetError());
        if (lib)
            SDL_UnloadObject(lib);
        return 1;
    }
    int rc = 0;
    PngBuffer png = {0};
    SDL_RWops *rw = SDL_AllocRW();
    if (rw) {
        rw->size = buffer_size;
        rw->seek = buffer_seek;
        rw->write = buffer_write;
        rw->close = buffer_close;
        rw->hidden.unknown.data1 = &png;
    }
    tv_Error err = {0};
    if (!rw || save(surface, rw, 1) != 0) {
        fprintf(stderr, "trivium screenshot: --out %s: cannot make the PNG: %s\n", path, SDL_GetError());
        rc = 1;
    } else if (!tv_file_write_atomic(path, png.data, png.len, &err)) {
        fprintf(stderr, "trivium screenshot: --out %s: %s\n", err.file, err.msg);
        rc = 1;
    }
    free(png.data);
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
