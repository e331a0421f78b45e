/* scene_settings.c - the settings screen: language, questions per round, scoring,
 * timer, sound, display and accessibility, saved to the prefs folder on leaving. A
 * language change loads the new UI strings and has the host reload the packs.
 * Depends on: game_types.h, widgets, flow (the reload), prefs, i18n, audio. */
#include <stdio.h>
#include <string.h>

#include "ui/flow.h"
#include "ui/scenes.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

enum { SETTING_ROWS = 13 };

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
            /* A broken or missing translation shows English: say why on the title. */
            snprintf(g->prefs_warning, sizeof g->prefs_warning, "%s", tv_i18n_warning(next));
        }
        tv_flow_reload_packs(g);
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
    tv_Error err = {0};
    if (!tv_prefs_save_settings(&g->prefs, &g->settings, &err))
        snprintf(g->prefs_warning, sizeof g->prefs_warning, "%.300s: %.900s",
                 tv_prefs_path(&g->prefs, TV_PREFS_SETTINGS), err.msg);
    tv_flow_set_scene(g, g->back_scene);
}

void tv_scene_settings_draw(tv_Game *g)
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

bool tv_scene_settings_event(tv_Game *g, const SDL_Event *ev)
{
    tv_Action a;
    int id = tv_menu_input(g, ev, SETTING_ROWS + 1, g->focus < SETTING_ROWS ? HIT_SETTING0 + g->focus : HIT_BACK, &a);
    if ((a == TV_ACT_LEFT || a == TV_ACT_RIGHT) && g->focus < SETTING_ROWS)
        setting_change(g, g->focus, a == TV_ACT_RIGHT ? +1 : -1);
    else if (id >= HIT_SETTING0 && id < HIT_SETTING0 + SETTING_ROWS)
        setting_change(g, id - HIT_SETTING0, +1);
    else if (id == HIT_BACK || a == TV_ACT_BACK)
        settings_leave(g);
    return true;
}
