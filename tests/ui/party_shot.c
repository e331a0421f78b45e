/* party_shot - renders one of the TV's party screens (engine/ui/scene_party.h) from a
 * fixed view model into a PNG, offscreen on SDL's software renderer with the game's real
 * fonts and strings. The lobby's URL and room come from the command line, so the
 * party.lobby-qr test can give it the line a real `trivium party` printed and decode the
 * QR code with zbarimg; the other screens are for looking at (docs/party.md).
 *
 * usage: party_shot ASSETS_DIR lobby|question|reveal|results LANG WxH OUT.png [URL ROOM]
 *   [--players N] [--doctor] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_image.h>

#include "ui/scene_party.h"

static const char *const many[12] = {"Ana", "Bram", "Chidi", "Daan", "Eva", "Fatima", "Gert-Jan", "Hiba", "Ilse",
                                     "<img src=x onerror=alert(1)>", "Kees", "Šehović"};

static void fill(tv_PartyView *v, const char *scene, int players)
{
    v->n_seats = players;
    v->n_connected = players;
    v->n_names = players < TV_PARTY_VIEW_NAMES ? players : TV_PARTY_VIEW_NAMES;
    for (int i = 0; i < v->n_names; i++)
        v->names[i] = many[i];
    v->index = 3;
    v->count = 10;
    v->kind = TV_Q_CHOICE;
    v->category = "Places";
    v->prompt = "Which of these squares is in Amsterdam, next to a big theatre and many cafés?";
    static const char *const opts[4] = {"Grote Markt", "Leidseplein", "Vrijthof", "Neude"};
    v->n_options = 4;
    for (int i = 0; i < 4; i++)
        v->options[i] = opts[i];
    v->time_left_ms = 12400;
    v->n_answered = players * 2 / 3;
    v->correct = 1;
    v->answer = "Leidseplein";
    v->explain = "The Leidseplein lies in the centre of Amsterdam, beside the Stadsschouwburg.";
    v->source = "Trivium tests, Golden fixture";
    int counts[4] = {players / 6, players / 2, players / 12, players / 12};
    memcpy(v->counts, counts, sizeof counts);
    v->n_top = players < TV_PARTY_VIEW_TOP ? players : TV_PARTY_VIEW_TOP;
    for (int i = 0; i < v->n_top; i++)
        v->top[i] = (tv_PartyViewRow){.name = many[i % 12], .total = 5200 - 430 * i, .place = i + 1,
                                      .moved = i == 2 ? 2 : i == 4 ? 1 : 0};
    if (strcmp(scene, "lobby") == 0)
        v->phase = TV_PARTY_VIEW_LOBBY;
    else if (strcmp(scene, "question") == 0)
        v->phase = TV_PARTY_VIEW_QUESTION;
    else if (strcmp(scene, "reveal") == 0)
        v->phase = TV_PARTY_VIEW_REVEAL;
    else
        v->phase = TV_PARTY_VIEW_RESULTS;
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: party_shot ASSETS_DIR lobby|question|reveal|results LANG WxH OUT.png [URL ROOM] "
                        "[--players N] [--doctor]\n");
        return 2;
    }
    const char *assets = argv[1], *scene = argv[2], *lang = argv[3], *out = argv[5];
    int w = 0, h = 0;
    if (sscanf(argv[4], "%dx%d", &w, &h) != 2 || w < 100 || h < 100 || w > 8000 || h > 8000) {
        fprintf(stderr, "party_shot: size %s: expected WxH\n", argv[4]);
        return 2;
    }
    const char *url = "http://192.168.178.23:47123/?room=K7QX", *room = "K7QX";
    int players = 7;
    bool doctor = false;
    for (int i = 6; i < argc; i++) {
        if (strcmp(argv[i], "--players") == 0 && i + 1 < argc)
            players = atoi(argv[++i]);
        else if (strcmp(argv[i], "--doctor") == 0)
            doctor = true;
        else if (i + 1 < argc && argv[i][0] != '-') {
            url = argv[i];
            room = argv[++i];
        } else {
            fprintf(stderr, "party_shot: unexpected %s\n", argv[i]);
            return 2;
        }
    }
    tv_Error err = {0};
    char font[4096], bold[4096], dir[4200];
    if (!tv_font_find(NULL, font, sizeof font, bold, sizeof bold, &err)) {
        fprintf(stderr, "party_shot: %s\n", err.msg);
        return 1;
    }
    snprintf(dir, sizeof dir, "%s/i18n", assets);
    tv_I18n *t = tv_i18n_load(dir, lang, &err);
    if (!t || tv_i18n_warning(t)[0]) {
        fprintf(stderr, "party_shot: strings: %s\n", t ? tv_i18n_warning(t) : err.msg);
        return 1;
    }
    SDL_SetMainReady();
    if (SDL_Init(0) != 0)
        return 1;
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    tv_Gfx g = {0};
    if (!r || !tv_gfx_init(&g, r, font, bold, &err)) {
        fprintf(stderr, "party_shot: %s\n", r ? err.msg : SDL_GetError());
        return 1;
    }
    tv_gfx_begin_frame(&g, 1.0f);
    tv_PartyView v = {0};
    fill(&v, scene, players);
    v.url = url;
    v.room = room;
    v.doctor = doctor || players == 0;
    tv_QrMatrix qr;
    if (!tv_qr_encode(url, &qr, &err)) {
        fprintf(stderr, "party_shot: %s\n", err.msg);
        return 1;
    }
    tv_party_view_draw(&g, t, &v, &qr);
    SDL_RenderPresent(r);
    int rc = IMG_SavePNG(surface, out) == 0 ? 0 : 1;
    if (rc)
        fprintf(stderr, "party_shot: %s: %s\n", out, SDL_GetError());
    tv_qr_free(&qr);
    tv_gfx_free(&g);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    tv_i18n_free(t);
    SDL_Quit();
    return rc;
}
