/* scene_party_tv.c - the party's TV in a window: each frame the view of the party
 * (scene_party_view.c) drawn by the party screens, the lobby's doctor line after
 * TV_PARTY_DOCTOR_NS without a phone, "moved up" against the places when the question
 * opened, and the host's keys and pad buttons mapped to the party's controls.
 * Depends on: party (controls, read API), scene_party.h, gfx, qr, i18n, SDL2. */
#include "ui/scene_party_tv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "party/party.h"

bool tv_party_tv_init(tv_PartyTv *tv, SDL_Renderer *r, const char *assets_dir, const char *font, const char *bold,
                      const char *lang, const char *url, int max_players, tv_Error *err)
{
    memset(tv, 0, sizeof *tv);
    tv->seen_round = -1;
    tv->lobby_ns = -1;
    snprintf(tv->url, sizeof tv->url, "%s", url);
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/i18n", assets_dir);
    tv->strings = tv_i18n_load(dir, lang, err);
    tv->prev_place = calloc(max_players > 0 ? (size_t)max_players : 1, sizeof *tv->prev_place);
    tv->n_places = max_players;
    if (!tv->strings || !tv->prev_place) {
        bool strings_failed = !tv->strings; /* tv_i18n_load has set err */
        tv_party_tv_free(tv);
        return strings_failed ? false : tv_error_set(err, TV_ERR_NOMEM, "", 0, "out of memory");
    }
    if (!tv_qr_encode(tv->url, &tv->qr, err) || !tv_gfx_init(&tv->gfx, r, font, bold, err)) {
        tv_party_tv_free(tv);
        return false;
    }
    return true;
}

void tv_party_tv_free(tv_PartyTv *tv)
{
    tv_gfx_free(&tv->gfx);
    tv_qr_free(&tv->qr);
    tv_i18n_free(tv->strings);
    free(tv->prev_place);
    memset(tv, 0, sizeof *tv);
}

bool tv_party_tv_event(tv_PartyTv *tv, tv_Party *p, const SDL_Event *ev, int64_t now_ns)
{
    (void)tv;
    enum { NONE, GO, END, PAUSE, LOCK, QUIT } act = NONE;
    if (ev->type == SDL_QUIT)
        act = QUIT;
    else if (ev->type == SDL_KEYDOWN && !ev->key.repeat) {
        switch (ev->key.keysym.sym) {
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_SPACE: act = GO; break;
        case SDLK_e: act = END; break;
        case SDLK_p: act = PAUSE; break;
        case SDLK_l: act = LOCK; break;
        case SDLK_ESCAPE: act = QUIT; break;
        default: break;
        }
    } else if (ev->type == SDL_CONTROLLERBUTTONDOWN) {
        switch (ev->cbutton.button) {
        case SDL_CONTROLLER_BUTTON_A: act = GO; break;
        case SDL_CONTROLLER_BUTTON_START: act = tv_party_phase(p) == TV_PARTY_QUESTION ? PAUSE : GO; break;
        case SDL_CONTROLLER_BUTTON_X: act = END; break;
        case SDL_CONTROLLER_BUTTON_Y: act = LOCK; break;
        case SDL_CONTROLLER_BUTTON_BACK: act = QUIT; break;
        default: break;
        }
    }
    switch (act) {
    case GO:
        if (tv_party_phase(p) == TV_PARTY_LOBBY)
            tv_party_start(p, now_ns);
        else if (tv_party_phase(p) == TV_PARTY_REVEAL)
            tv_party_next(p, now_ns);
        break;
    case END:
        tv_party_end_question(p, now_ns);
        break;
    case PAUSE:
        if (tv_party_phase(p) == TV_PARTY_QUESTION)
            tv_party_pause(p, !p->paused, now_ns);
        break;
    case LOCK:
        tv_party_lock(p, !p->locked);
        break;
    case QUIT:
        return false;
    case NONE:
        break;
    }
    return true;
}

void tv_party_tv_draw(tv_PartyTv *tv, const tv_Party *p, int64_t now_ns)
{
    /* "Moved up" compares with the places when this question opened. */
    if (tv_party_phase(p) == TV_PARTY_QUESTION && p->round != tv->seen_round) {
        int n = tv_party_seat_count(p) < tv->n_places ? tv_party_seat_count(p) : tv->n_places;
        memset(tv->prev_place, 0, sizeof *tv->prev_place * (size_t)tv->n_places);
        for (int s = 0; s < n; s++)
            tv->prev_place[s] = tv_party_rank(p, s);
        tv->seen_round = p->round;
    }
    if (tv->lobby_ns < 0)
        tv->lobby_ns = now_ns;
    tv_party_view_fill(&tv->view, p, tv->url, tv_i18n_get(tv->strings, "round.true"),
                       tv_i18n_get(tv->strings, "round.false"), now_ns, tv->seen_round >= 0 ? tv->prev_place : NULL);
    tv->view.doctor = tv->view.phase == TV_PARTY_VIEW_LOBBY && tv->view.n_seats == 0 &&
                      now_ns - tv->lobby_ns >= TV_PARTY_DOCTOR_NS;
    tv_gfx_begin_frame(&tv->gfx, 1.0f);
    tv_party_view_draw(&tv->gfx, tv->strings, &tv->view, &tv->qr);
}
