/* play_setup.c - what `trivium play` and `trivium screenshot` share: their flag parser
 * (kept as it was until app's shared parser replaces it), the assets, prefs and cache
 * folders, the start-up preload of packs and fonts, and --scene staging by name.
 * Depends on: app/cli, ui (game, prefs, gfx), plugin host, SDL2. */
#include "play_setup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef TRIVIUM_SHARE_ASSETS
#define TRIVIUM_SHARE_ASSETS "/usr/local/share/trivium/assets"
#endif

const char *const tv_usage_play =
    "usage: trivium [play] [--lang en|nl] [--font PATH] [--record FILE] [--plugins DIR ...]\n"
    "                      [--scene title|packs|question|reveal|results|settings --seed N]\n"
    "                      [--bench first-frame|frames=N]\n"
    "\n"
    "Starts the desktop game. --record FILE saves the session as a headless answer script\n"
    "(one file per player: FILE, FILE.p2, ...) that `trivium headless --answers FILE`\n"
    "replays to the same score. --scene opens straight on a scene; --bench first-frame\n"
    "exits after the first frame is shown, --bench frames=N draws N frames without vsync\n"
    "and prints ms/frame.\n";

const char *const tv_usage_screenshot =
    "usage: trivium screenshot --scene title|packs|question|reveal|results|settings --seed N\n"
    "                          --size WxH [--lang en|nl] [--font PATH] [--gamepad] --out FILE.png\n"
    "\n"
    "Renders one scene offscreen (software renderer, no window) and writes a PNG.\n"
    "--gamepad draws it as with a gamepad connected (numeric and text questions then show\n"
    "the on-screen keyboard).\n";

const char *tv_play_assets_dir(const tv_Cli *cli)
{
    const char *env = getenv("TRIVIUM_ASSETS_DIR");
    if (env && *env)
        return env;
#if defined(TRIVIUM_BUILD_DIR) && defined(TRIVIUM_SOURCE_ASSETS)
    size_t n = strlen(TRIVIUM_BUILD_DIR);
    if (strncmp(cli->self_exe, TRIVIUM_BUILD_DIR, n) == 0 && cli->self_exe[n] == '/')
        return TRIVIUM_SOURCE_ASSETS;
#endif
    static char share[4200];
    tv_cli_share_dir(cli, "assets", TRIVIUM_SHARE_ASSETS, share, sizeof share);
    return share;
}

static bool parse_scene(const char *name, tv_Scene *out)
{
    static const struct {
        const char *name;
        tv_Scene scene;
    } scenes[] = {{"title", TV_SCENE_TITLE},     {"packs", TV_SCENE_PACKS},     {"question", TV_SCENE_QUESTION},
                  {"reveal", TV_SCENE_REVEAL},   {"results", TV_SCENE_RESULTS}, {"settings", TV_SCENE_SETTINGS},
                  {"players", TV_SCENE_PLAYERS}};
    for (size_t i = 0; i < sizeof scenes / sizeof scenes[0]; i++)
        if (strcmp(name, scenes[i].name) == 0) {
            *out = scenes[i].scene;
            return true;
        }
    return false;
}

int tv_play_parse_args(tv_Cli *cli, tv_PlayArgs *a, int argc, char **argv, int first, const char *usage)
{
    for (int i = first; i < argc; i++) {
        const char *f = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(f, "--help") == 0 || strcmp(f, "-h") == 0) {
            fputs(usage, stdout);
            return TV_EXIT_OK;
        }
        if (strcmp(f, "--gamepad") == 0 && usage == tv_usage_screenshot) {
            a->gamepad = true;
            continue;
        }
        bool takes = strcmp(f, "--scene") == 0 || strcmp(f, "--seed") == 0 || strcmp(f, "--font") == 0 ||
                     strcmp(f, "--record") == 0 || strcmp(f, "--out") == 0 || strcmp(f, "--size") == 0 ||
                     strcmp(f, "--lang") == 0 || strcmp(f, "--plugins") == 0 || strcmp(f, "--bench") == 0;
        if (!takes)
            return tv_cli_usage(cli->command, "unknown option %s", f);
        if (!v)
            return tv_cli_usage(cli->command, "%s needs a value", f);
        i++;
        if (strcmp(f, "--scene") == 0) {
            tv_Scene s;
            if (!parse_scene(v, &s))
                return tv_cli_usage(cli->command,
                                    "--scene %s: expected title, packs, players, question, reveal, results or settings",
                                    v);
            a->scene = v;
        } else if (strcmp(f, "--seed") == 0) {
            if (!tv_cli_parse_u64(v, &a->seed))
                return tv_cli_usage(cli->command, "--seed %s: expected a whole number", v);
            a->have_seed = true;
        } else if (strcmp(f, "--font") == 0)
            a->font = v;
        else if (strcmp(f, "--record") == 0)
            a->record = v;
        else if (strcmp(f, "--out") == 0)
            a->out = v;
        else if (strcmp(f, "--bench") == 0) {
            if (strcmp(v, "first-frame") != 0 && strncmp(v, "frames=", 7) != 0)
                return tv_cli_usage(cli->command, "--bench %s: expected first-frame or frames=N", v);
            a->bench = v;
        } else if (strcmp(f, "--size") == 0) {
            if (sscanf(v, "%dx%d", &a->w, &a->h) != 2 || a->w < 320 || a->h < 240 || a->w > 8192 || a->h > 8192)
                return tv_cli_usage(cli->command, "--size %s: expected WxH, from 320x240 to 8192x8192", v);
        } else if (strcmp(f, "--lang") == 0) {
            if (strcmp(v, "en") != 0 && strcmp(v, "nl") != 0)
                return tv_cli_usage(cli->command, "--lang %s: expected en or nl", v);
            cli->lang = v;
        } else if (strcmp(f, "--plugins") == 0) {
            if (cli->n_plugin_dirs < TV_MAX_PLUGIN_DIRS)
                cli->plugin_dirs[cli->n_plugin_dirs++] = v;
        }
    }
    return -1;
}

/* --scene NAME (already checked by parse_args) staged for seed. */
bool tv_play_enter_scene(tv_Game *g, const char *name, uint64_t seed, tv_Error *err)
{
    tv_Scene scene = TV_SCENE_TITLE;
    if (name)
        parse_scene(name, &scene);
    return tv_game_stage(g, scene, seed, err);
}

char *tv_play_prefs_folder(void)
{
    const char *env = getenv("TRIVIUM_PREFS_DIR");
    if (env && *env)
        return SDL_strdup(env);
    return SDL_GetPrefPath("trivium", "trivium");
}


/* Where the game keeps pack results between runs: $TRIVIUM_CACHE_DIR, else the XDG
 * cache folder. False when there is no home to put it in. */
static bool cache_folder(char *out, size_t size)
{
    const char *env = getenv("TRIVIUM_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (env && *env)
        snprintf(out, size, "%s", env);
    else if (xdg && *xdg == '/')
        snprintf(out, size, "%s/trivium", xdg);
    else if (home && *home == '/')
        snprintf(out, size, "%s/.cache/trivium", home);
    else
        return false;
    return true;
}

int tv_preload_run(void *ud)
{
    tv_Preload *p = ud;
    tv_PackLoad *load = tv_packset_load_begin(p->packs, &p->opt, NULL);
    if (!p->font_ok)
        p->font_ok = tv_font_find(NULL, p->font, sizeof p->font, p->bold, sizeof p->bold, &p->font_err);
    tv_packset_load_end(load);
    SDL_AtomicSet(&p->done, 1);
    return 0;
}

/* Waits for the preload: -1 when a font was found, else prints why not and returns
 * the exit code. */
int tv_preload_end(tv_Preload *p)
{
    if (p->thread)
        SDL_WaitThread(p->thread, NULL);
    p->thread = NULL;
    return p->font_ok ? -1 : tv_cli_fail(&p->font_err);
}

/* Loads the settings and finds the packs, then starts the preload (in the background
 * when `background`, else done before returning). A --font file is checked at once,
 * so a wrong path fails before anything opens. */
int tv_play_setup(tv_Cli *cli, const tv_PlayArgs *a, tv_PackSet *packs, tv_Settings *settings, char *prefs_warn,
                 size_t warn_size, tv_Preload *pre, bool background)
{
    tv_Error err = {0};
    tv_settings_default(settings);
    char *prefs = tv_play_prefs_folder();
    if (prefs && !a->out) {
        char path[4200];
        snprintf(path, sizeof path, "%s/settings.txt", prefs);
        tv_settings_load(path, settings, prefs_warn, warn_size);
    }
    SDL_free(prefs);
    if (cli->lang && (strcmp(cli->lang, "en") != 0 || a->out))
        snprintf(settings->lang, sizeof settings->lang, "%s", cli->lang);
    memset(pre, 0, sizeof *pre);
    if (a->font && !tv_font_find(a->font, pre->font, sizeof pre->font, pre->bold, sizeof pre->bold, &err))
        return tv_cli_fail(&err);
    pre->font_ok = a->font != NULL;
    tv_packset_init(packs, tv_alloc_default());
    if (!tv_cli_discover(cli, packs, &err))
        return tv_cli_fail(&err);
    snprintf(pre->lang, sizeof pre->lang, "%s", settings->lang);
    pre->packs = packs;
    pre->opt = (tv_LoadOptions){.worker_exe = cli->pack_worker, .seed = 1, .lang = pre->lang, .background = background};
    /* The game opens much sooner when it need not start a worker per unchanged pack;
     * screenshots (goldens, tests) always run the packs. */
    if (background && cache_folder(pre->cache_dir, sizeof pre->cache_dir))
        pre->opt.cache_dir = pre->cache_dir;
    pre->thread = background ? SDL_CreateThread(tv_preload_run, "trivium-preload", pre) : NULL;
    if (pre->thread)
        return -1;
    tv_preload_run(pre);
    int rc = tv_preload_end(pre);
    if (rc >= 0)
        tv_packset_free(packs);
    return rc;
}

