/* scene_menu.c - title, pack selection, player set-up and settings.
 * Depends on: game internals, gfx, prefs, i18n. */
#include <stdio.h>
#include <string.h>

#include "game_internal.h"

enum { SETTING_ROWS = 13 };

/* ==================== title ==================== */

static const char *const title_items[3] = {"menu.play", "menu.settings", "menu.quit"};

static void title_draw(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int cx = x->w / 2;
    int y = x->h / 5;
    /* The four answer shapes as a logo, so the title says "quiz" before any word does. */
    for (int i = 0; i < 4; i++)
        tv_gfx_shape(x, (tv_Shape)i, cx + tv_px(x, (float)(i * 70 - 105)), y, tv_px(x, 24), p.option[i]);
    y += tv_px(x, 50);
    y += tv_gfx_text(x, "Trivium", 84, true, p.text, cx, y, 0, TV_ALIGN_CENTER);
    y += tv_gfx_text(x, tv_game_text(g, "menu.subtitle"), 24, false, p.dim, tv_px(x, 40), y, x->w - tv_px(x, 80),
                     TV_ALIGN_CENTER);
    y += tv_px(x, 40);
    int bw = tv_px(x, 360), bh = tv_px(x, 64), gap = tv_px(x, 18);
    for (int i = 0; i < 3; i++) {
        SDL_Rect r = {cx - bw / 2, y + i * (bh + gap), bw, bh};
        tv_draw_button(g, r, tv_game_text(g, title_items[i]), g->focus == i || g->hover == i, true, i);
    }
    if (g->prefs_warning[0])
        tv_gfx_text(x, g->prefs_warning, 16, false, p.accent, tv_px(x, 20), x->h - tv_px(x, 40), x->w - tv_px(x, 40),
                    TV_ALIGN_CENTER);
}

static void title_choose(tv_Game *g, int item)
{
    tv_play_sound(g, TV_SOUND_CLICK);
    if (item == 0)
        tv_game_set_scene(g, TV_SCENE_PACKS);
    else if (item == 1) {
        g->back_scene = TV_SCENE_TITLE;
        tv_game_set_scene(g, TV_SCENE_SETTINGS);
    } else
        g->quit = true;
}

/* ==================== packs ==================== */

/* While the host reloads the packs there are none to show or pick. */
static int n_packs(const tv_Game *g)
{
    if (g->packs_loading)
        return 0;
    return g->cfg.packs->n < TV_GAME_MAX_PACKS ? g->cfg.packs->n : TV_GAME_MAX_PACKS;
}

static int n_selected(const tv_Game *g)
{
    int n = 0;
    for (int i = 0; i < n_packs(g); i++)
        n += g->selected[i] && g->cfg.packs->packs[i].loaded;
    return n;
}

static void packs_draw(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int y = tv_draw_title(g, tv_game_text(g, "packs.title"));
    int n = n_packs(g);
    int margin = tv_px(x, 60);
    int bottom = x->h - tv_px(x, 110);
    int row_h = n ? (bottom - y) / n : 0;
    if (row_h > tv_px(x, 110))
        row_h = tv_px(x, 110);
    int gap = tv_px(x, 10);
    if (g->packs_loading)
        tv_gfx_text(x, tv_game_text(g, "packs.loading"), 24, false, p.dim, margin, y, x->w - 2 * margin,
                    TV_ALIGN_CENTER);
    for (int i = 0; i < n; i++) {
        const tv_Pack *pk = &g->cfg.packs->packs[i];
        SDL_Rect r = {margin, y + i * row_h, x->w - 2 * margin, row_h - gap};
        bool focus = g->focus == i || g->hover == i;
        tv_gfx_round_rect(x, r, tv_px(x, 12), pk->loaded ? (focus ? p.panel_hi : p.panel) : tv_alpha(p.panel, 110));
        if (focus)
            tv_gfx_round_frame(x, r, tv_px(x, 12), tv_px(x, 3), p.accent);
        int box = tv_px(x, 30);
        SDL_Rect cb = {r.x + tv_px(x, 18), r.y + (r.h - box) / 2, box, box};
        tv_gfx_round_frame(x, cb, tv_px(x, 6), tv_px(x, 3), pk->loaded ? p.text : p.dim);
        if (g->selected[i] && pk->loaded)
            tv_gfx_mark(x, true, cb.x + box / 2, cb.y + box / 2, box, p.accent);
        int tx = cb.x + box + tv_px(x, 18), tw = r.x + r.w - tx - tv_px(x, 16);
        char head[400];
        if (pk->loaded) {
            /* Title on the left, size and languages on the right, description below. */
            char count[64], meta[160];
            snprintf(count, sizeof count, tv_game_text(g, "packs.questions"), pk->n_questions);
            snprintf(meta, sizeof meta, "%s", count);
            for (int l = 0; l < pk->n_languages; l++) {
                strncat(meta, l ? " · " : "   ", sizeof meta - strlen(meta) - 1);
                strncat(meta, pk->languages[l], sizeof meta - strlen(meta) - 1);
            }
            int mw, mh;
            tv_gfx_text_size(x, meta, 18, false, 0, &mw, &mh);
            tv_gfx_text(x, meta, 18, false, p.dim, r.x + r.w - tv_px(x, 16), r.y + tv_px(x, 14), 0, TV_ALIGN_RIGHT);
            int title_w = tw - mw - tv_px(x, 20);
            float ts = tv_gfx_fit_text(x, pk->title, 24, 14, true, title_w, tv_px(x, 34));
            int hh = tv_gfx_text(x, pk->title, ts, true, p.text, tx, r.y + tv_px(x, 10), title_w, TV_ALIGN_LEFT);
            float size = tv_gfx_fit_text(x, pk->description, 18, 11, false, tw, r.h - hh - tv_px(x, 16));
            tv_gfx_text(x, pk->description, size, false, p.dim, tx, r.y + tv_px(x, 12) + hh, tw, TV_ALIGN_LEFT);
            tv_hit_add(g, r, i);
        } else {
            snprintf(head, sizeof head, "%s", pk->folder);
            int hh = tv_gfx_text(x, head, 24, true, p.dim, tx, r.y + tv_px(x, 10), tw, TV_ALIGN_LEFT);
            char line[1400], err[1200];
            tv_error_format(&pk->error, err, sizeof err);
            snprintf(line, sizeof line, tv_game_text(g, "packs.error"), err);
            float size = tv_gfx_fit_text(x, line, 18, 11, false, tw, r.h - hh - tv_px(x, 16));
            tv_gfx_text(x, line, size, false, p.bad, tx, r.y + tv_px(x, 12) + hh, tw, TV_ALIGN_LEFT);
        }
    }
    int bw = tv_px(x, 300), bh = tv_px(x, 60);
    SDL_Rect back = {x->w / 2 - bw - tv_px(x, 12), x->h - tv_px(x, 90), bw, bh};
    SDL_Rect next = {x->w / 2 + tv_px(x, 12), x->h - tv_px(x, 90), bw, bh};
    tv_draw_button(g, back, tv_game_text(g, "common.back"), g->focus == n + 1 || g->hover == HIT_BACK, true, HIT_BACK);
    tv_draw_button(g, next, tv_game_text(g, "packs.start"), g->focus == n || g->hover == HIT_START, n_selected(g) > 0,
                   HIT_START);
}

static void packs_toggle(tv_Game *g, int i)
{
    if (i >= 0 && i < n_packs(g) && g->cfg.packs->packs[i].loaded) {
        g->selected[i] = !g->selected[i];
        tv_play_sound(g, TV_SOUND_CLICK);
    }
}

/* ==================== players ==================== */

/* Everyone at once needs a pad in every seat. The choice is kept while it cannot apply
 * (a pad unplugged for a moment) and only takes effect when the session starts. */
static bool can_simultaneous(const tv_Game *g) { return g->n_players > 1 && g->n_pads >= g->n_players; }

static void players_draw(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int y = tv_draw_title(g, tv_game_text(g, "players.title"));
    int cx = x->w / 2;
    char count[64];
    snprintf(count, sizeof count, tv_game_text(g, "players.count"), g->n_players);
    int bw = tv_px(x, 64);
    SDL_Rect minus = {cx - tv_px(x, 220), y, bw, bw}, plus = {cx + tv_px(x, 156), y, bw, bw};
    tv_draw_button(g, minus, "−", g->focus == 0 && g->hover == HIT_NONE, g->n_players > 1, HIT_PLAYERS_MINUS);
    tv_draw_button(g, plus, "+", g->focus == 0 && g->hover == HIT_NONE, g->n_players < TV_MAX_PLAYERS,
                   HIT_PLAYERS_PLUS);
    int th;
    tv_gfx_text_size(x, count, 30, true, 0, NULL, &th);
    tv_gfx_text(x, count, 30, true, g->focus == 0 ? p.accent : p.text, cx, y + (bw - th) / 2, 0, TV_ALIGN_CENTER);
    y += bw + tv_px(x, 30);
    int rw = tv_px(x, 520), rh = tv_px(x, 58), gap = tv_px(x, 12);
    for (int i = 0; i < g->n_players; i++) {
        SDL_Rect r = {cx - rw / 2, y + i * (rh + gap), rw, rh};
        bool focus = g->focus == i + 1;
        tv_gfx_round_rect(x, r, tv_px(x, 12), focus ? p.panel_hi : p.panel);
        if (g->editing_name == i)
            tv_gfx_round_frame(x, r, tv_px(x, 12), tv_px(x, 3), p.accent);
        tv_gfx_shape(x, (tv_Shape)i, r.x + tv_px(x, 34), r.y + rh / 2, tv_px(x, 16), p.option[i]);
        char label[64];
        snprintf(label, sizeof label, "%s%s", g->names[i], g->editing_name == i ? "▏" : "");
        tv_gfx_text(x, label, 26, true, p.text, r.x + tv_px(x, 64), r.y + (rh - tv_px(x, 32)) / 2,
                    r.w - tv_px(x, 80), TV_ALIGN_LEFT);
        tv_hit_add(g, r, HIT_NAME0 + i);
    }
    y += g->n_players * (rh + gap) + tv_px(x, 16);
    /* The mode: take turns, or all at once when every seat has a pad. */
    char mode[200];
    bool can_simul = can_simultaneous(g), simul = g->simultaneous && can_simul;
    if (g->n_players > 1 && can_simul)
        snprintf(mode, sizeof mode, "‹  %s  ›", tv_game_text(g, simul ? "players.simultaneous" : "players.hotseat"));
    else if (g->n_players > 1)
        snprintf(mode, sizeof mode, tv_game_text(g, "players.gamepads"), g->n_pads, g->n_players);
    else
        snprintf(mode, sizeof mode, "%s", tv_game_text(g, "players.hint"));
    SDL_Rect mode_r = {cx - rw / 2, y - tv_px(x, 6), rw, tv_px(x, 40)};
    if (can_simul) {
        tv_gfx_round_rect(x, mode_r, tv_px(x, 10), g->hover == HIT_MODE ? p.panel_hi : p.panel);
        tv_hit_add(g, mode_r, HIT_MODE);
    }
    tv_gfx_text(x, mode, 19, can_simul, can_simul ? p.accent : p.dim, mode_r.x, mode_r.y + tv_px(x, 8), mode_r.w,
                TV_ALIGN_CENTER);
    const char *hint = g->n_players < 2 ? "" : simul ? "players.simultaneous_hint" : can_simul ? "players.hotseat_hint" : "players.need_gamepads";
    if (*hint)
        tv_gfx_text(x, tv_game_text(g, hint), 16, false, p.dim, tv_px(x, 60), mode_r.y + mode_r.h + tv_px(x, 6),
                    x->w - tv_px(x, 120), TV_ALIGN_CENTER);
    int bwide = tv_px(x, 300), bh = tv_px(x, 60);
    SDL_Rect back = {x->w / 2 - bwide - tv_px(x, 12), x->h - tv_px(x, 90), bwide, bh};
    SDL_Rect start = {x->w / 2 + tv_px(x, 12), x->h - tv_px(x, 90), bwide, bh};
    tv_draw_button(g, back, tv_game_text(g, "common.back"), g->focus == g->n_players + 2, true, HIT_BACK);
    tv_draw_button(g, start, tv_game_text(g, "players.start"), g->focus == g->n_players + 1, true, HIT_START);
}

static void start_game(tv_Game *g)
{
    tv_Error err = {0};
    /* A new seed per round from the host (the game reads no clock); the seed is
     * recorded, so a round can still be replayed. */
    uint64_t seed = g->cfg.next_seed ? g->cfg.next_seed(g->cfg.host) : (uint64_t)g->now_ms * 2654435761u;
    if (!tv_game_start(g, seed, &err))
        snprintf(g->prefs_warning, sizeof g->prefs_warning, "%s", err.msg);
}

/* ==================== settings ==================== */

static const char *const setting_keys[SETTING_ROWS] = {
    "settings.language",   "settings.count",      "settings.time_points", "settings.streak_bonus",
    "settings.timer",      "settings.timer_length", "settings.volume",    "settings.mute",
    "settings.fullscreen", "settings.text_size",  "settings.reduced_motion", "settings.colorblind",
    "settings.auto_advance"};

static void setting_value(tv_Game *g, int row, char *out, size_t size)
{
    tv_Settings *s = &g->settings;
    const char *on = tv_game_text(g, "common.on"), *off = tv_game_text(g, "common.off");
    static const char *const sizes[4] = {"settings.text_small", "settings.text_medium", "settings.text_large",
                                         "settings.text_xlarge"};
    switch (row) {
    case 0: snprintf(out, size, "%s", strcmp(s->lang, "nl") == 0 ? "Nederlands" : "English"); break;
    case 1: snprintf(out, size, "%d", s->count); break;
    case 2: snprintf(out, size, "%s", s->time_points ? on : off); break;
    case 3: snprintf(out, size, "%s", s->streak_bonus ? on : off); break;
    case 4: snprintf(out, size, "%s", s->timer ? on : off); break;
    case 5: snprintf(out, size, "%d%%", s->timer_percent); break;
    case 6: snprintf(out, size, "%d%%", s->volume); break;
    case 7: snprintf(out, size, "%s", s->mute ? on : off); break;
    case 8: snprintf(out, size, "%s", s->fullscreen ? on : off); break;
    case 9: snprintf(out, size, "%s", tv_game_text(g, sizes[s->text_size < 0 ? 0 : s->text_size > 3 ? 3 : s->text_size])); break;
    case 10: snprintf(out, size, "%s", s->reduced_motion ? on : off); break;
    case 11: snprintf(out, size, "%s", s->colorblind ? on : off); break;
    case 12: snprintf(out, size, "%s", s->auto_advance ? on : off); break;
    default: out[0] = '\0';
    }
}

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static void setting_change(tv_Game *g, int row, int dir)
{
    tv_Settings *s = &g->settings;
    switch (row) {
    case 0: {
        snprintf(s->lang, sizeof s->lang, "%s", strcmp(s->lang, "nl") == 0 ? "en" : "nl");
        tv_Error err = {0};
        tv_I18n *next = tv_game_load_strings(g, s->lang, &err);
        if (next) {
            tv_i18n_free(g->i18n);
            g->i18n = next;
        }
        tv_game_reload_packs(g);
        break;
    }
    case 1: s->count = clampi(s->count + 5 * dir, 5, 50); break;
    case 2: s->time_points = !s->time_points; break;
    case 3: s->streak_bonus = !s->streak_bonus; break;
    case 4: s->timer = !s->timer; break;
    case 5: s->timer_percent = clampi(s->timer_percent + 25 * dir, 50, 300); break;
    case 6: s->volume = clampi(s->volume + 10 * dir, 0, 100); break;
    case 7: s->mute = !s->mute; break;
    case 8:
        s->fullscreen = !s->fullscreen;
        if (g->win)
            SDL_SetWindowFullscreen(g->win, s->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        break;
    case 9: s->text_size = (s->text_size + (dir > 0 ? 1 : 3)) % 4; break;
    case 10: s->reduced_motion = !s->reduced_motion; break;
    case 11: s->colorblind = !s->colorblind; break;
    case 12: s->auto_advance = !s->auto_advance; break;
    default: return;
    }
    if (g->audio)
        tv_audio_set_volume(g->audio, s->volume, s->mute);
    tv_play_sound(g, TV_SOUND_CLICK);
}

static void settings_leave(tv_Game *g)
{
    if (g->cfg.prefs_dir) {
        char path[4200];
        tv_Error err = {0};
        snprintf(path, sizeof path, "%s/settings.txt", g->cfg.prefs_dir);
        if (!tv_settings_save(path, &g->settings, &err))
            snprintf(g->prefs_warning, sizeof g->prefs_warning, "%.300s: %.900s", path, err.msg);
    }
    tv_game_set_scene(g, g->back_scene);
}

static void settings_draw(tv_Game *g)
{
    tv_Palette p = tv_palette(g);
    tv_Gfx *x = &g->gfx;
    int y = tv_draw_title(g, tv_game_text(g, "settings.title"));
    int bottom = x->h - tv_px(x, 100);
    int row_h = (bottom - y) / SETTING_ROWS;
    if (row_h > tv_px(x, 52))
        row_h = tv_px(x, 52);
    int w = x->w - 2 * tv_px(x, 80);
    if (w > tv_px(x, 900))
        w = tv_px(x, 900);
    int left = (x->w - w) / 2;
    float size = 22;
    for (int i = 0; i < SETTING_ROWS; i++) {
        SDL_Rect r = {left, y + i * row_h, w, row_h - tv_px(x, 4)};
        bool focus = g->focus == i || g->hover == HIT_SETTING0 + i;
        tv_gfx_round_rect(x, r, tv_px(x, 8), focus ? p.panel_hi : tv_alpha(p.panel, 200));
        char value[64];
        setting_value(g, i, value, sizeof value);
        int th;
        tv_gfx_text_size(x, tv_game_text(g, setting_keys[i]), size, false, 0, NULL, &th);
        int ty = r.y + (r.h - th) / 2;
        tv_gfx_text(x, tv_game_text(g, setting_keys[i]), size, false, p.text, r.x + tv_px(x, 16), ty,
                    r.w / 2 + tv_px(x, 60), TV_ALIGN_LEFT);
        char shown[80];
        snprintf(shown, sizeof shown, "‹  %s  ›", value);
        tv_gfx_text(x, shown, size, true, focus ? p.accent : p.text, r.x + r.w - tv_px(x, 16), ty, 0, TV_ALIGN_RIGHT);
        tv_hit_add(g, r, HIT_SETTING0 + i);
    }
    int bw = tv_px(x, 300), bh = tv_px(x, 60);
    SDL_Rect back = {x->w / 2 - bw / 2, x->h - tv_px(x, 86), bw, bh};
    tv_draw_button(g, back, tv_game_text(g, "common.back"), g->focus == SETTING_ROWS || g->hover == HIT_BACK, true,
                   HIT_BACK);
}

/* ==================== dispatch ==================== */

void tv_scene_menu_draw(tv_Game *g)
{
    switch (g->scene) {
    case TV_SCENE_TITLE: title_draw(g); break;
    case TV_SCENE_PACKS: packs_draw(g); break;
    case TV_SCENE_PLAYERS: players_draw(g); break;
    case TV_SCENE_SETTINGS: settings_draw(g); break;
    default: break;
    }
}

static void move_focus(tv_Game *g, int dir, int count)
{
    g->focus = (g->focus + dir + count) % count;
    g->hover = HIT_NONE;
    tv_play_sound(g, TV_SOUND_CLICK);
}

static bool name_edit_event(tv_Game *g, const SDL_Event *ev)
{
    char *name = g->names[g->editing_name];
    if (ev->type == SDL_TEXTINPUT) {
        if (strlen(name) + strlen(ev->text.text) < sizeof g->names[0] - 1)
            strcat(name, ev->text.text);
        return true;
    }
    if (ev->type == SDL_KEYDOWN) {
        SDL_Keycode k = ev->key.keysym.sym;
        if (k == SDLK_BACKSPACE) {
            size_t n = strlen(name);
            while (n > 0 && ((unsigned char)name[n - 1] & 0xC0) == 0x80)
                n--; /* a whole UTF-8 character */
            if (n > 0)
                name[n - 1] = '\0';
            return true;
        }
        if (k == SDLK_RETURN || k == SDLK_ESCAPE || k == SDLK_TAB) {
            if (!name[0])
                snprintf(name, sizeof g->names[0], tv_game_text(g, "players.name"), g->editing_name + 1);
            g->editing_name = -1;
            SDL_StopTextInput();
            return true;
        }
        return true; /* typing keys never move the focus */
    }
    if (ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_CONTROLLERBUTTONDOWN) {
        g->editing_name = -1;
        SDL_StopTextInput();
    }
    return false;
}

static void activate(tv_Game *g, int id)
{
    switch (g->scene) {
    case TV_SCENE_TITLE:
        if (id >= 0 && id < 3)
            title_choose(g, id);
        break;
    case TV_SCENE_PACKS:
        if (id >= 0 && id < n_packs(g))
            packs_toggle(g, id);
        else if (id == HIT_START && n_selected(g) > 0) {
            tv_play_sound(g, TV_SOUND_CLICK);
            tv_game_set_scene(g, TV_SCENE_PLAYERS);
        } else if (id == HIT_BACK)
            tv_game_set_scene(g, TV_SCENE_TITLE);
        break;
    case TV_SCENE_PLAYERS:
        if (id == HIT_PLAYERS_MINUS && g->n_players > 1)
            g->n_players--;
        else if (id == HIT_PLAYERS_PLUS && g->n_players < TV_MAX_PLAYERS)
            g->n_players++;
        else if (id >= HIT_NAME0 && id < HIT_NAME0 + g->n_players) {
            g->editing_name = id - HIT_NAME0;
            g->names[g->editing_name][0] = '\0';
            SDL_StartTextInput();
        } else if (id == HIT_MODE && can_simultaneous(g)) {
            g->simultaneous = !g->simultaneous;
            tv_play_sound(g, TV_SOUND_CLICK);
        } else if (id == HIT_START) {
            g->simultaneous = g->simultaneous && can_simultaneous(g);
            start_game(g);
        }
        else if (id == HIT_BACK)
            tv_game_set_scene(g, TV_SCENE_PACKS);
        break;
    case TV_SCENE_SETTINGS:
        if (id >= HIT_SETTING0 && id < HIT_SETTING0 + SETTING_ROWS)
            setting_change(g, id - HIT_SETTING0, +1);
        else if (id == HIT_BACK)
            settings_leave(g);
        break;
    default: break;
    }
}

/* The focus index as an activation id for the scene. */
static int focus_id(const tv_Game *g)
{
    switch (g->scene) {
    case TV_SCENE_TITLE: return g->focus;
    case TV_SCENE_PACKS:
        return g->focus < n_packs(g) ? g->focus : g->focus == n_packs(g) ? HIT_START : HIT_BACK;
    case TV_SCENE_PLAYERS:
        if (g->focus == 0)
            return HIT_NONE;
        if (g->focus <= g->n_players)
            return HIT_NAME0 + g->focus - 1;
        return g->focus == g->n_players + 1 ? HIT_START : HIT_BACK;
    case TV_SCENE_SETTINGS: return g->focus < SETTING_ROWS ? HIT_SETTING0 + g->focus : HIT_BACK;
    default: return HIT_NONE;
    }
}

static int focus_count(const tv_Game *g)
{
    switch (g->scene) {
    case TV_SCENE_TITLE: return 3;
    case TV_SCENE_PACKS: return n_packs(g) + 2;
    case TV_SCENE_PLAYERS: return g->n_players + 3;
    case TV_SCENE_SETTINGS: return SETTING_ROWS + 1;
    default: return 1;
    }
}

bool tv_scene_menu_event(tv_Game *g, const SDL_Event *ev)
{
    if (g->editing_name >= 0 && name_edit_event(g, ev))
        return true;
    if (ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT) {
        int id = tv_hit_at(g, ev->button.x, ev->button.y);
        if (id != HIT_NONE)
            activate(g, id);
        return true;
    }
    if (g->scene == TV_SCENE_PLAYERS && can_simultaneous(g) &&
        ((ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_m) || tv_action_of(ev) == TV_ACT_ALT)) {
        activate(g, HIT_MODE);
        return true;
    }
    if (ev->type == SDL_KEYDOWN && g->scene == TV_SCENE_PACKS && ev->key.keysym.sym == SDLK_SPACE) {
        packs_toggle(g, g->focus);
        return true;
    }
    tv_Action a = tv_action_of(ev);
    switch (a) {
    case TV_ACT_UP: move_focus(g, -1, focus_count(g)); return true;
    case TV_ACT_DOWN: move_focus(g, +1, focus_count(g)); return true;
    case TV_ACT_LEFT:
    case TV_ACT_RIGHT:
        if (g->scene == TV_SCENE_SETTINGS && g->focus < SETTING_ROWS)
            setting_change(g, g->focus, a == TV_ACT_RIGHT ? +1 : -1);
        else if (g->scene == TV_SCENE_PLAYERS && g->focus == 0)
            activate(g, a == TV_ACT_RIGHT ? HIT_PLAYERS_PLUS : HIT_PLAYERS_MINUS);
        return true;
    case TV_ACT_OK: {
        int id = focus_id(g);
        if (id != HIT_NONE)
            activate(g, id);
        return true;
    }
    case TV_ACT_BACK:
        if (g->scene == TV_SCENE_TITLE)
            g->quit = true;
        else if (g->scene == TV_SCENE_SETTINGS)
            settings_leave(g);
        else
            tv_game_set_scene(g, g->scene == TV_SCENE_PLAYERS ? TV_SCENE_PACKS : TV_SCENE_TITLE);
        return true;
    default: return false;
    }
}
