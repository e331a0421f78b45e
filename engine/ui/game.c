/* game.c - the game's lifecycle, shared helpers, input routing, the session and
 * --record. Scenes draw and react in scene_*.c.
 * Depends on: core, plugin host (data only), ui modules, SDL2. */
#include "game_internal.h"

#include <stdlib.h>
#include <string.h>

/* ==================== palette, hits, sound, text ==================== */

tv_Palette tv_palette(const tv_Game *g)
{
    tv_Palette p = {
        .bg_top = tv_rgb(0x232a5c),
        .bg_bottom = tv_rgb(0x0e1130),
        .panel = tv_rgb(0x2d3470),
        .panel_hi = tv_rgb(0x4450a8),
        .text = tv_rgb(0xf5f6ff),
        .dim = tv_rgb(0xb4b9e0),
        .accent = tv_rgb(0xffc94d),
        .good = tv_rgb(0x2fbf71),
        .bad = tv_rgb(0xe5484d),
        .timer = tv_rgb(0x4dabf7),
        .timer_low = tv_rgb(0xff6b6b),
        .option = {tv_rgb(0xd9434b), tv_rgb(0x3e63dd), tv_rgb(0xd4901c), tv_rgb(0x2b9a5f), tv_rgb(0x8e4ec6),
                   tv_rgb(0x118f80)},
    };
    if (g->settings.colorblind) {
        /* Okabe-Ito: distinguishable with every common colour-vision deficiency.
         * Right/wrong also always carry a tick or a cross and a word. */
        p.good = tv_rgb(0x0072b2);
        p.bad = tv_rgb(0xd55e00);
        p.timer_low = tv_rgb(0xe69f00);
        tv_Color ok[6] = {tv_rgb(0xd55e00), tv_rgb(0x0072b2), tv_rgb(0xb8860b), tv_rgb(0x009e73), tv_rgb(0xcc79a7),
                          tv_rgb(0x3a8fc4)};
        memcpy(p.option, ok, sizeof ok);
    }
    return p;
}

void tv_hit_add(tv_Game *g, SDL_Rect r, int id)
{
    if (g->n_hits < TV_GAME_MAX_HITS)
        g->hits[g->n_hits++] = (tv_Hit){r, id};
}

int tv_hit_at(const tv_Game *g, int x, int y)
{
    SDL_Point p = {x, y};
    for (int i = g->n_hits - 1; i >= 0; i--)
        if (SDL_PointInRect(&p, &g->hits[i].rect))
            return g->hits[i].id;
    return HIT_NONE;
}

void tv_play_sound(tv_Game *g, tv_Sound s)
{
    if (g->audio)
        tv_audio_play(g->audio, s);
}

const char *tv_game_text(const tv_Game *g, const char *key) { return tv_i18n_get(g->i18n, key); }

void tv_draw_button(tv_Game *g, SDL_Rect r, const char *label, bool focused, bool enabled, int hit_id)
{
    tv_Palette p = tv_palette(g);
    tv_Color bg = !enabled ? tv_alpha(p.panel, 120) : focused ? p.panel_hi : p.panel;
    int rad = tv_px(&g->gfx, 14);
    tv_gfx_round_rect(&g->gfx, r, rad, bg);
    if (focused && enabled)
        tv_gfx_round_frame(&g->gfx, r, rad, tv_px(&g->gfx, 4), p.accent);
    /* Shrink a long label (or a large text setting) rather than spill out of the button. */
    int inner = r.w - tv_px(&g->gfx, 16), th;
    float size = tv_gfx_fit_text(&g->gfx, label, 26, 12, true, inner, r.h - tv_px(&g->gfx, 6));
    tv_gfx_text_size(&g->gfx, label, size, true, inner, NULL, &th);
    tv_gfx_text(&g->gfx, label, size, true, enabled ? p.text : p.dim, r.x + tv_px(&g->gfx, 8), r.y + (r.h - th) / 2,
                inner, TV_ALIGN_CENTER);
    if (enabled && hit_id != HIT_NONE)
        tv_hit_add(g, r, hit_id);
}

int tv_draw_title(tv_Game *g, const char *title)
{
    tv_Palette p = tv_palette(g);
    int y = tv_px(&g->gfx, 36);
    int h = tv_gfx_text(&g->gfx, title, 44, true, p.text, tv_px(&g->gfx, 40), y, g->gfx.w - tv_px(&g->gfx, 80),
                        TV_ALIGN_CENTER);
    return y + h + tv_px(&g->gfx, 24);
}

/* ==================== input ==================== */

tv_Action tv_action_of(const SDL_Event *ev)
{
    if (ev->type == SDL_KEYDOWN) {
        switch (ev->key.keysym.sym) {
        case SDLK_UP: return TV_ACT_UP;
        case SDLK_DOWN: return TV_ACT_DOWN;
        case SDLK_LEFT: return TV_ACT_LEFT;
        case SDLK_RIGHT: return TV_ACT_RIGHT;
        case SDLK_RETURN:
        case SDLK_KP_ENTER: return TV_ACT_OK;
        case SDLK_ESCAPE: return TV_ACT_BACK;
        default: return TV_ACT_NONE;
        }
    }
    if (ev->type == SDL_CONTROLLERBUTTONDOWN) {
        switch (ev->cbutton.button) {
        case SDL_CONTROLLER_BUTTON_DPAD_UP: return TV_ACT_UP;
        case SDL_CONTROLLER_BUTTON_DPAD_DOWN: return TV_ACT_DOWN;
        case SDL_CONTROLLER_BUTTON_DPAD_LEFT: return TV_ACT_LEFT;
        case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: return TV_ACT_RIGHT;
        case SDL_CONTROLLER_BUTTON_A:
        case SDL_CONTROLLER_BUTTON_START: return TV_ACT_OK;
        case SDL_CONTROLLER_BUTTON_B:
        case SDL_CONTROLLER_BUTTON_BACK: return TV_ACT_BACK;
        case SDL_CONTROLLER_BUTTON_X: return TV_ACT_ALT;
        case SDL_CONTROLLER_BUTTON_Y: return TV_ACT_ALT2;
        default: return TV_ACT_NONE;
        }
    }
    return TV_ACT_NONE;
}

/* The left stick steers like the d-pad: tipping it past the threshold is one press, and
 * it presses again only after coming back towards the centre (the gap between the two
 * thresholds keeps a stick resting near one from pressing over and over). Fills press
 * and returns true when the motion is a press. */
static bool stick_press(tv_Game *g, const SDL_ControllerAxisEvent *ev, SDL_Event *press)
{
    static const Uint8 buttons[2][2] = {{SDL_CONTROLLER_BUTTON_DPAD_LEFT, SDL_CONTROLLER_BUTTON_DPAD_RIGHT},
                                        {SDL_CONTROLLER_BUTTON_DPAD_UP, SDL_CONTROLLER_BUTTON_DPAD_DOWN}};
    int axis = ev->axis == SDL_CONTROLLER_AXIS_LEFTX ? 0 : ev->axis == SDL_CONTROLLER_AXIS_LEFTY ? 1 : -1;
    int seat = 0;
    while (seat < g->n_pads && g->pads[seat] != ev->which)
        seat++;
    if (axis < 0 || seat == g->n_pads)
        return false;
    signed char *zone = &g->stick[seat][axis];
    int v = ev->value, was = *zone;
    *zone = (signed char)(v > 20000 ? 1 : v < -20000 ? -1 : abs(v) < 10000 ? 0 : was);
    if (*zone == was || *zone == 0)
        return false;
    *press = (SDL_Event){.type = SDL_CONTROLLERBUTTONDOWN};
    press->cbutton.timestamp = ev->timestamp;
    press->cbutton.which = ev->which;
    press->cbutton.button = buttons[axis][*zone > 0];
    press->cbutton.state = SDL_PRESSED;
    return true;
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
        if (stick_press(g, &ev->caxis, &press))
            tv_game_event(g, &press);
        return;
    }
    case SDL_MOUSEMOTION: g->hover = tv_hit_at(g, ev->motion.x, ev->motion.y); break;
    default: break;
    }
    switch (g->scene) {
    case TV_SCENE_TITLE:
    case TV_SCENE_PACKS:
    case TV_SCENE_PLAYERS:
    case TV_SCENE_SETTINGS: tv_scene_menu_event(g, ev); break;
    case TV_SCENE_TURN:
    case TV_SCENE_QUESTION:
    case TV_SCENE_REVEAL: tv_scene_round_event(g, ev); break;
    case TV_SCENE_RESULTS: tv_scene_results_event(g, ev); break;
    }
}

void tv_game_tick(tv_Game *g, int64_t now_ms)
{
    g->now_ms = now_ms;
    if (g->scene == TV_SCENE_QUESTION)
        tv_scene_round_tick(g);
    else if (g->scene == TV_SCENE_REVEAL)
        tv_round_auto_advance(g);
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
    uint64_t key = still_key(g);
    if (key && key == g->layer_key && tv_gfx_layer_reuse(&g->gfx)) {
        tv_scene_round_draw_moving(g);
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
    switch (g->scene) {
    case TV_SCENE_TITLE:
    case TV_SCENE_PACKS:
    case TV_SCENE_PLAYERS:
    case TV_SCENE_SETTINGS: tv_scene_menu_draw(g); break;
    case TV_SCENE_TURN:
    case TV_SCENE_QUESTION:
    case TV_SCENE_REVEAL: tv_scene_round_draw(g); break;
    case TV_SCENE_RESULTS: tv_scene_results_draw(g); break;
    }
    g->drawing_still = false;
    if (layered) {
        tv_gfx_layer_end(&g->gfx);
        tv_scene_round_draw_moving(g);
    }
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

void tv_game_pad_added(tv_Game *g, SDL_JoystickID id)
{
    for (int i = 0; i < g->n_pads; i++)
        if (g->pads[i] == id)
            return;
    if (g->n_pads < TV_MAX_PLAYERS) {
        g->pads[g->n_pads++] = id;
        g->pads_attached++;
        return;
    }
    /* All seats taken: a pad that comes back takes over the seat of one that has gone. */
    for (int i = 0; i < g->n_pads; i++)
        if (!SDL_GameControllerFromInstanceID(g->pads[i])) {
            g->pads[i] = id;
            memset(g->stick[i], 0, sizeof g->stick[i]);
            g->pads_attached++;
            return;
        }
}

void tv_game_pad_removed(tv_Game *g, SDL_JoystickID id)
{
    SDL_GameController *pad = SDL_GameControllerFromInstanceID(id);
    if (pad)
        SDL_GameControllerClose(pad); /* so its seat can be taken over (tv_game_pad_added) */
    for (int i = 0; i < g->n_pads; i++)
        if (g->pads[i] == id && g->pads_attached > 0)
            g->pads_attached--;
}

void tv_game_set_scene(tv_Game *g, tv_Scene scene)
{
    g->changes++;
    g->scene = scene;
    g->scene_ms = g->now_ms;
    g->focus = 0;
    g->hover = HIT_NONE;
    if (scene == TV_SCENE_QUESTION && g->session.n_rounds > 0) {
        const tv_Question *q = tv_session_round(&g->session, g->round)->q;
        if (q->type == TV_Q_TEXT || q->type == TV_Q_NUMERIC)
            SDL_StartTextInput();
        else
            SDL_StopTextInput();
    } else if (g->editing_name < 0)
        SDL_StopTextInput();
}

/* ==================== session ==================== */


void tv_game_combo_key(const tv_Game *g, char *out, size_t size)
{
    /* Sorted ids joined by '+': the same combination always names the same table. */
    const char *ids[TV_GAME_MAX_PACKS];
    int n = 0;
    for (int i = 0; i < g->cfg.packs->n && i < TV_GAME_MAX_PACKS; i++)
        if (g->selected[i] && g->cfg.packs->packs[i].loaded)
            ids[n++] = g->cfg.packs->packs[i].id;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
            const char *t = ids[j];
            ids[j] = ids[j - 1];
            ids[j - 1] = t;
        }
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i)
            strncat(out, "+", size - strlen(out) - 1);
        strncat(out, ids[i], size - strlen(out) - 1);
    }
}

/* Tells the host what it needs to record the session that just began. */
static void report_session(tv_Game *g)
{
    if (!g->cfg.on_session)
        return;
    tv_GameSession info = {.seed = g->seed,
                           .n_players = g->n_players,
                           .count = g->session.n_rounds,
                           .lang = g->settings.lang,
                           .timer_percent = g->settings.timer_percent,
                           .time_points = g->settings.time_points,
                           .streak_bonus = g->settings.streak_bonus,
                           .simultaneous = g->simultaneous};
    for (int p = 0; p < g->n_players; p++)
        info.names[p] = g->names[p];
    for (int i = 0; i < g->cfg.packs->n && i < TV_GAME_MAX_PACKS; i++)
        if (g->selected[i] && g->cfg.packs->packs[i].loaded)
            info.packs[info.n_packs++] = g->cfg.packs->packs[i].id;
    g->cfg.on_session(g->cfg.host, &info);
}

bool tv_game_start(tv_Game *g, uint64_t seed, tv_Error *err)
{
    if (g->packs_loading)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "the packs are still loading");
    tv_session_free(&g->session);
    int total = 0;
    for (int i = 0; i < g->cfg.packs->n; i++)
        if (g->selected[i] && g->cfg.packs->packs[i].loaded)
            total += g->cfg.packs->packs[i].n_questions;
    const tv_Question **pool = malloc(sizeof *pool * (size_t)(total ? total : 1));
    if (!pool)
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
    int n = 0;
    for (int i = 0; i < g->cfg.packs->n; i++) {
        const tv_Pack *pk = &g->cfg.packs->packs[i];
        if (g->selected[i] && pk->loaded)
            for (int k = 0; k < pk->n_questions; k++)
                pool[n++] = &pk->questions[k];
    }
    g->seed = seed;
    /* With everyone answering at once on pads, only questions a pad's buttons can answer
     * are asked. The session applies the timer setting and this filter exactly as
     * `trivium headless` does for the recorded directives. */
    tv_SessionConfig cfg = {.seed = seed,
                            .count = g->settings.count,
                            .players = g->n_players,
                            .rules = {.time_points = g->settings.time_points, .streak_bonus = g->settings.streak_bonus},
                            .timer_percent = g->settings.timer_percent,
                            .types = g->simultaneous ? (1u << TV_Q_CHOICE) | (1u << TV_Q_TRUEFALSE) : 0};
    bool ok = tv_session_init(&g->session, &cfg, pool, n, tv_alloc_default(), err);
    free(pool); /* the session keeps pointers to the questions, not to the pool */
    if (!ok)
        return false;
    g->in_session = true;
    g->round = 0;
    g->player = 0;
    report_session(g);
    tv_round_begin(g);
    return true;
}

void tv_game_submit(tv_Game *g, const tv_Answer *answer)
{
    g->changes++;
    tv_Error err = {0};
    int64_t t = g->settings.timer ? tv_round_elapsed(g) : 0;
    const tv_Record *rec = tv_session_answer(&g->session, g->player, g->round, answer, t, &err);
    if (!rec)
        return; /* the widget only offers valid answers; nothing to record */
    if (g->cfg.on_answer)
        g->cfg.on_answer(g->cfg.host, g->player, g->round, rec);
    if (!g->simultaneous)
        tv_play_sound(g, rec->verdict == TV_V_CORRECT ? TV_SOUND_CORRECT : TV_SOUND_WRONG);
    tv_round_after_answer(g);
}

/* ==================== lifecycle ==================== */

tv_I18n *tv_game_load_strings(const tv_Game *g, const char *lang, tv_Error *err)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/i18n", g->cfg.assets_dir);
    return tv_i18n_load(dir, lang, err);
}

void tv_game_reload_packs(tv_Game *g)
{
    if (!g->cfg.reload_packs)
        return;
    /* The session points into the packs' arenas, which the reload frees. */
    tv_session_free(&g->session);
    g->in_session = false;
    g->packs_loading = true;
    g->changes++;
    g->cfg.reload_packs(g->cfg.host, g->settings.lang);
}

void tv_game_packs_reloaded(tv_Game *g)
{
    g->packs_loading = false;
    g->changes++;
}

bool tv_game_init(tv_Game *g, const tv_GameConfig *cfg, SDL_Renderer *r, SDL_Window *win, tv_Error *err)
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
    for (int p = 0; p < TV_MAX_PLAYERS; p++)
        snprintf(g->names[p], sizeof g->names[p], "%d", p + 1);
    if (!tv_gfx_init(&g->gfx, r, cfg->font_path, cfg->bold_path, err)) {
        tv_game_free(g);
        return false;
    }
    g->i18n = tv_game_load_strings(g, g->settings.lang, err);
    if (!g->i18n) {
        tv_game_free(g); /* the fonts and the text cache are open by now */
        return false;
    }
    for (int p = 0; p < TV_MAX_PLAYERS; p++) {
        char fmt_name[64];
        snprintf(fmt_name, sizeof fmt_name, tv_game_text(g, "players.name"), p + 1);
        snprintf(g->names[p], sizeof g->names[p], "%.31s", fmt_name);
    }
    /* Every pack that loaded starts selected; broken ones cannot be. */
    for (int i = 0; i < cfg->packs->n && i < TV_GAME_MAX_PACKS; i++)
        g->selected[i] = cfg->packs->packs[i].loaded && strcmp(cfg->packs->packs[i].id, "example") != 0;
    if (cfg->prefs_dir) {
        char path[4200];
        snprintf(path, sizeof path, "%s/scores.txt", cfg->prefs_dir);
        tv_scores_load(path, &g->scores, g->prefs_warning, sizeof g->prefs_warning);
    }
    if (!cfg->offscreen && !cfg->no_audio) {
        g->audio = tv_audio_open();
        if (g->audio)
            tv_audio_set_volume(g->audio, g->settings.volume, g->settings.mute);
    }
    tv_game_set_scene(g, TV_SCENE_TITLE);
    return true;
}

void tv_game_free(tv_Game *g)
{
    tv_session_free(&g->session);
    tv_scores_free(&g->scores);
    if (g->audio)
        tv_audio_close(g->audio);
    tv_i18n_free(g->i18n);
    tv_gfx_free(&g->gfx);
    memset(g, 0, sizeof *g); /* so a second free, or one after a failed init, is a no-op */
}
