/* widgets.c - the palette, UI strings, hit regions, sounds, buttons and titles that
 * every screen draws with. Draws only what it is asked to; knows no scene.
 * Depends on: game_types.h, input (actions), gfx, i18n, audio. */
#include "ui/widgets.h"
#include "ui/shapes.h"

#include <string.h>

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

tv_I18n *tv_game_load_strings(const tv_Game *g, const char *lang, tv_Error *err)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/i18n", g->cfg.assets_dir);
    return tv_i18n_load(dir, lang, err);
}

int tv_menu_input(tv_Game *g, const SDL_Event *ev, int count, int focus_id, tv_Action *act)
{
    *act = TV_ACT_NONE;
    if (ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT)
        return tv_hit_at(g, ev->button.x, ev->button.y);
    *act = tv_action_of(ev);
    if (*act == TV_ACT_UP || *act == TV_ACT_DOWN) {
        g->focus = (g->focus + (*act == TV_ACT_UP ? -1 : 1) + count) % count;
        g->hover = HIT_NONE;
        tv_play_sound(g, TV_SOUND_CLICK);
    }
    return *act == TV_ACT_OK ? focus_id : HIT_NONE;
}
