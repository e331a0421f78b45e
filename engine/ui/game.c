/* game.c - the game's lifecycle and its dispatcher: init and free, and each event,
 * tick and frame handed to the current scene (scene_*.c). Global keys (F11, quit) and
 * gamepads plugging in are handled here; the round flow is flow.c's, widgets are
 * widgets.c's. On the question screen the still part of the frame is kept in gfx's
 * layer while only the timer moves.
 * Depends on: game_types.h, scenes, flow, input, widgets, gfx, i18n, prefs, audio. */
#include <stdlib.h>
#include <string.h>

#include "ui/dev_overlay.h"
#include "ui/flow.h"
#include "ui/input.h"
#include "ui/scenes.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

typedef struct SceneFns {
    void (*draw)(tv_Game *g);
    bool (*event)(tv_Game *g, const SDL_Event *ev);
} SceneFns;

/* Indexed by tv_Scene. */
static const SceneFns scenes[] = {
    [TV_SCENE_TITLE] = {tv_scene_title_draw, tv_scene_title_event},
    [TV_SCENE_PACKS] = {tv_scene_packs_draw, tv_scene_packs_event},
    [TV_SCENE_PLAYERS] = {tv_scene_players_draw, tv_scene_players_event},
    [TV_SCENE_SETTINGS] = {tv_scene_settings_draw, tv_scene_settings_event},
    [TV_SCENE_TURN] = {tv_scene_turn_draw, tv_scene_turn_event},
    [TV_SCENE_QUESTION] = {tv_scene_question_draw, tv_scene_question_event},
    [TV_SCENE_REVEAL] = {tv_scene_reveal_draw, tv_scene_reveal_event},
    [TV_SCENE_RESULTS] = {tv_scene_results_draw, tv_scene_results_event},
};

/* A scene that has just been entered sets itself up before its first event or frame:
 * the flow changes scenes, but only the scene knows what it starts with. */
static void enter_scene(tv_Game *g)
{
    if (g->entered == g->scene_serial)
        return;
    g->entered = g->scene_serial;
    if (g->scene == TV_SCENE_QUESTION)
        tv_scene_question_enter(g);
}

static void toggle_fullscreen(tv_Game *g)
{
    g->settings.fullscreen = !g->settings.fullscreen;
    if (g->win)
        SDL_SetWindowFullscreen(g->win, g->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

void tv_game_event(tv_Game *g, const SDL_Event *ev)
{
    g->changes++;
    switch (ev->type) {
    case SDL_QUIT: g->quit = true; return;
    case SDL_KEYDOWN:
        if (ev->key.keysym.sym == SDLK_F11) {
            toggle_fullscreen(g);
            return;
        }
        if (ev->key.keysym.sym == SDLK_F5 && g->cfg.dev_reload) {
            g->cfg.dev_reload(g->cfg.host);
            return;
        }
        break;
    case SDL_CONTROLLERDEVICEADDED: {
        /* Hot-plugged pads are opened here; a player whose pad is unplugged keeps their
         * seat and score, since seats belong to the session, not to devices. */
        SDL_GameController *pad = SDL_GameControllerOpen(ev->cdevice.which);
        if (pad)
            tv_game_pad_added(g, SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(pad)));
        return;
    }
    case SDL_CONTROLLERDEVICEREMOVED: tv_game_pad_removed(g, ev->cdevice.which); return;
    case SDL_CONTROLLERAXISMOTION: {
        SDL_Event press;
        if (tv_input_stick(g, &ev->caxis, &press))
            tv_game_event(g, &press);
        return;
    }
    case SDL_MOUSEMOTION: g->hover = tv_hit_at(g, ev->motion.x, ev->motion.y); break;
    default: break;
    }
    enter_scene(g);
    scenes[g->scene].event(g, ev);
}

void tv_game_tick(tv_Game *g, int64_t now_ms)
{
    g->now_ms = now_ms;
    enter_scene(g);
    tv_flow_tick(g);
    if (g->audio)
        tv_audio_idle(g->audio);
}

static float text_scale(const tv_Game *g)
{
    static const float steps[4] = {0.85f, 1.0f, 1.2f, 1.4f};
    int s = g->settings.text_size;
    return steps[s < 0 ? 0 : s > 3 ? 3 : s];
}

/* What the question screen's still part depends on, or 0 while it has none that
 * lasts (other scenes, pause, the entry animation, a drag). Everything but the clock
 * changes through events, answers or scene changes, which g->changes counts; the
 * entry's caret blinks on the clock, twice a second. */
static uint64_t still_key(const tv_Game *g)
{
    if (g->scene != TV_SCENE_QUESTION || g->paused || g->drag_item >= 0 ||
        (!g->settings.reduced_motion && g->now_ms - g->scene_ms < 700))
        return 0;
    const tv_Question *q = tv_session_round(&g->session, g->round)->q;
    uint64_t blink = q->type == TV_Q_TEXT || q->type == TV_Q_NUMERIC ? (uint64_t)(g->now_ms / 500) : 0;
    return (g->changes << 24 ^ blink) | 1;
}

void tv_game_draw(tv_Game *g)
{
    /* While only the timer moves, the rest is copied from the layer: on llvmpipe that
     * is a handful of draw calls a frame instead of a few dozen. */
    enter_scene(g);
    uint64_t key = still_key(g);
    if (key && key == g->layer_key && tv_gfx_layer_reuse(&g->gfx)) {
        tv_scene_question_draw_moving(g);
        tv_dev_overlay_draw(g);
        return;
    }
    tv_gfx_begin_frame(&g->gfx, text_scale(g));
    /* The layer is filled on the second frame of the same still part, not the first:
     * a frame after an event is often the only one (and the very first frame of the
     * game should not wait for an offscreen texture). */
    bool layered = key && key == g->still_seen && tv_gfx_layer_begin(&g->gfx);
    g->still_seen = key;
    g->layer_key = layered ? key : 0;
    g->drawing_still = layered;
    tv_Palette p = tv_palette(g);
    tv_gfx_clear(&g->gfx, p.bg_top, p.bg_bottom);
    g->n_hits = 0;
    scenes[g->scene].draw(g);
    g->drawing_still = false;
    if (layered) {
        tv_gfx_layer_end(&g->gfx);
        tv_scene_question_draw_moving(g);
    }
    tv_dev_overlay_draw(g); /* over the layer too: it is never part of the still part */
}

bool tv_game_animating(const tv_Game *g)
{
    if (g->scene == TV_SCENE_QUESTION && !g->paused && g->settings.timer)
        return true;
    if (g->scene == TV_SCENE_REVEAL && g->settings.auto_advance)
        return true;
    /* Short entry animations; with reduced motion nothing moves. */
    return !g->settings.reduced_motion && g->now_ms - g->scene_ms < 700;
}

/* Safe on a zeroed or partly initialised game. */
static void release(tv_Game *g)
{
    tv_session_free(&g->session);
    tv_scores_free(&g->scores);
    if (g->audio)
        tv_audio_close(g->audio);
    tv_i18n_free(g->i18n);
    tv_gfx_free(&g->gfx);
    memset(g, 0, sizeof *g);
}

/* Fills g; on failure frees what it took (release) and returns false. */
static bool game_init(tv_Game *g, const tv_GameConfig *cfg, SDL_Renderer *r, SDL_Window *win, tv_Error *err)
{
    memset(g, 0, sizeof *g);
    g->cfg = *cfg;
    g->r = r;
    g->win = win;
    g->settings = *cfg->settings;
    g->editing_name = -1;
    g->drag_item = -1;
    g->hover = HIT_NONE;
    g->n_players = 1;
    for (int p = 0; p < TV_GAME_MAX_SEATS; p++)
        snprintf(g->names[p], sizeof g->names[p], "%d", p + 1);
    if (!tv_gfx_init(&g->gfx, r, cfg->font_path, cfg->bold_path, err)) {
        release(g);
        return false;
    }
    g->i18n = tv_game_load_strings(g, g->settings.lang, err);
    if (!g->i18n) {
        release(g); /* out of memory, and the fonts and the text cache are open by now */
        return false;
    }
    for (int p = 0; p < TV_GAME_MAX_SEATS; p++) {
        char fmt_name[64];
        snprintf(fmt_name, sizeof fmt_name, tv_game_text(g, "players.name"), p + 1);
        snprintf(g->names[p], sizeof g->names[p], "%.31s", fmt_name);
    }
    /* Every pack that loaded starts selected; broken ones cannot be. */
    for (int i = 0; i < cfg->packs->n && i < TV_GAME_MAX_PACKS; i++)
        g->selected[i] = cfg->packs->packs[i].loaded && strcmp(cfg->packs->packs[i].id, "example") != 0;
    tv_prefs_init(&g->prefs, cfg->prefs_dir);
    tv_prefs_load_scores(&g->prefs, &g->scores, g->prefs_warning, sizeof g->prefs_warning);
    /* Strings that could not be used fell back to English; the title says why. */
    if (!g->prefs_warning[0])
        snprintf(g->prefs_warning, sizeof g->prefs_warning, "%s", tv_i18n_warning(g->i18n));
    if (!cfg->offscreen && !cfg->no_audio) {
        g->audio = tv_audio_open();
        if (g->audio)
            tv_audio_set_volume(g->audio, g->settings.volume, g->settings.mute);
    }
    tv_flow_set_scene(g, TV_SCENE_TITLE);
    return true;
}


tv_Game *tv_game_new(const tv_GameConfig *cfg, SDL_Renderer *r, SDL_Window *win, tv_Error *err)
{
    tv_Game *g = malloc(sizeof *g);
    if (!g) {
        tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
        return NULL;
    }
    if (!game_init(g, cfg, r, win, err)) {
        free(g);
        return NULL;
    }
    return g;
}

void tv_game_free(tv_Game *g)
{
    if (!g)
        return;
    release(g);
    free(g);
}
