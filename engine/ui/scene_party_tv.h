/* scene_party_tv.h - the TV of a party in a window: draws the party's current screen
 * (scene_party.h) each frame and maps the host's keys and pad buttons to the party's
 * controls. The window, the event loop and the server (app's party_host.c) stay with
 * the caller, which pumps each SDL event into tv_party_tv_event, calls
 * tv_party_host_poll between frames, and tv_party_tv_draw to paint.
 *
 * Keys: Enter / Space / pad A or Start starts the party in the lobby and ends a reveal
 * early; E / pad X ends a question early; P / pad Start pauses and resumes a question
 * (every phone's clock freezes); L / pad Y locks and unlocks the room; Esc / pad Back
 * asks to quit (tv_party_tv_event returns false).
 * Depends on: party (controls, read API), scene_party.h, gfx, qr, i18n. */
#ifndef TV_SCENE_PARTY_TV_H
#define TV_SCENE_PARTY_TV_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "ui/scene_party.h"

#define TV_PARTY_DOCTOR_NS (20LL * 1000000000LL) /* no phone this long in the lobby: the doctor line */

typedef struct tv_PartyTv {
    tv_Gfx gfx;
    tv_I18n *strings;
    tv_QrMatrix qr;
    char url[512];
    int *prev_place;  /* per seat: the place when the current question opened */
    int n_places;
    int seen_round;   /* the round prev_place was taken for, -1 none */
    int64_t lobby_ns; /* when the TV first showed the lobby, -1 not yet */
    tv_PartyView view;
} tv_PartyTv;

/* Takes the renderer (borrowed), the assets folder (its i18n/), the fonts, the party's
 * language and its join URL (http://HOST:PORT/?room=CODE, made into the QR code once).
 * False with err set; tv is then freed. */
bool tv_party_tv_init(tv_PartyTv *tv, SDL_Renderer *r, const char *assets_dir, const char *font, const char *bold,
                      const char *lang, const char *url, int max_players, tv_Error *err);
void tv_party_tv_free(tv_PartyTv *tv);
/* One SDL event at now_ns; false when the host asked to quit (Esc, pad Back, window closed). */
bool tv_party_tv_event(tv_PartyTv *tv, struct tv_Party *p, const SDL_Event *ev, int64_t now_ns);
/* Paints the party's current screen into the renderer (the caller presents it). */
void tv_party_tv_draw(tv_PartyTv *tv, const struct tv_Party *p, int64_t now_ns);

#endif
