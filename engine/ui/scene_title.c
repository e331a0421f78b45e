/* scene_title.c - the title screen: the logo, Play, Settings, Quit, and any warning
 * about the prefs files.
 * Depends on: game_types.h, widgets, flow (scene changes). */
#include <stdio.h>
#include <string.h>

#include "ui/flow.h"
#include "ui/scenes.h"
#include "ui/widgets.h"
#include "ui/shapes.h"

static const char *const title_items[3] = {"menu.play", "menu.settings", "menu.quit"};

void tv_scene_title_draw(tv_Game *g)
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
        tv_flow_set_scene(g, TV_SCENE_PACKS);
    else if (item == 1) {
        g->back_scene = TV_SCENE_TITLE;
        tv_flow_set_scene(g, TV_SCENE_SETTINGS);
    } else
        g->quit = true;
}

bool tv_scene_title_event(tv_Game *g, const SDL_Event *ev)
{
    tv_Action a;
    int id = tv_menu_input(g, ev, 3, g->focus, &a);
    if (id >= 0 && id < 3)
        title_choose(g, id);
    else if (a == TV_ACT_BACK)
        g->quit = true;
    return true;
}
