/* play_setup.c - what `trivium play` and `trivium screenshot` share: their flag tables
 * (app/args.h, as for every command), the assets, prefs and cache folders, the start-up preload of packs and fonts, and --scene staging by name.
 * Depends on: app/cli, ui (game, prefs, gfx), plugin host, SDL2. */
#include "app/play_setup.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/args.h"
#include "app/paths.h"
#include "io/file.h"

const char *const tv_usage_play =
    "usage: trivium [play] [--lang en|nl] [--font PATH] [--record FILE] [--plugins DIR ...] [--only-plugins]\n"
    "                      [--scene title|packs|players|question|reveal|results|settings --seed N]\n"
    "                      [--bench first-frame|frames=N] [--dev PACKDIR ... [--dev-snapshot FILE.png]]\n"
    "\n"
    "Starts the desktop game. --record FILE saves the session as a headless answer script\n"
    "(one file per player: FILE, FILE.p2, ...) that `trivium headless --answers FILE`\n"
    "replays to the same score. --scene opens straight on a scene; --bench first-frame\n"
    "exits after the first frame is shown, --bench frames=N draws N frames without vsync\n"
    "and prints ms/frame.\n"
    "--dev plays the packs in each PACKDIR (a pack folder or a folder of packs) too and\n"
    "reloads a pack whenever one of its files is saved (or on F5): the question on screen\n"
    "shows the new text, the round and its scores go on. A save that breaks the pack shows\n"
    "its file:line and message over the game, and the last good version keeps playing\n"
    "until the file is fixed (docs/workbench.md). --dev-snapshot FILE.png writes the frame\n"
    "shown after each reload (for tests and bug reports).\n";

const char *const tv_usage_screenshot =
    "usage: trivium screenshot --scene title|packs|players|question|reveal|results|settings --seed N\n"
    "                          --size WxH [--lang en|nl] [--font PATH] [--gamepad] [--plugins DIR ...]\n"
    "                          [--only-plugins] [--text-size 0|1|2|3] --out FILE.png\n"
    "       trivium screenshot --pack ID --question QID [--reveal] [--seed N] [--size WxH] [--lang en|nl]\n"
    "                          [--text-size 0|1|2|3] [--plugins DIR ...] [--only-plugins] --out FILE.png\n"
    "\n"
    "Renders one scene offscreen (software renderer, no window) and writes a PNG.\n"
    "--gamepad draws it as with a gamepad connected (numeric and text questions then show\n"
    "the on-screen keyboard). --pack ID --question QID previews that one question as players\n"
    "see it (--reveal: its reveal after a right answer); a generated question is found by\n"
    "its id among those the seed generates (default 1). --text-size is the settings' text\n"
    "size: 0 small, 1 medium (default), 2 large, 3 extra large.\n";

const char *tv_play_assets_dir(const tv_Cli *cli)
{
    static char dir[TV_PATHS_MAX];
    tv_paths_assets_dir(cli->self_exe, dir, sizeof dir);
    return dir;
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

/* What the table's setters write into: the command's own flags, and tv_Cli for the ones
 * every command shares (--lang, --plugins). */
typedef struct Dest {
    tv_PlayArgs *a;
    tv_Cli *cli;
} Dest;

static bool set_scene(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    tv_Scene s;
    if (!parse_scene(v, &s))
        return tv_args_expected(err, spec, v);
    ((Dest *)dest)->a->scene = v;
    return true;
}

static bool set_seed(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    tv_PlayArgs *a = ((Dest *)dest)->a;
    if (!tv_args_parse_u64(v, &a->seed))
        return tv_args_expected(err, spec, v);
    a->have_seed = true;
    return true;
}

static bool set_size(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    tv_PlayArgs *a = ((Dest *)dest)->a;
    char tail;
    if (sscanf(v, "%dx%d%c", &a->w, &a->h, &tail) != 2 || a->w < 320 || a->h < 240 || a->w > 8192 || a->h > 8192)
        return tv_args_expected(err, spec, v);
    return true;
}

static bool set_bench(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    if (strcmp(v, "first-frame") != 0 && (strncmp(v, "frames=", 7) != 0 || atol(v + 7) < 1))
        return tv_args_expected(err, spec, v);
    ((Dest *)dest)->a->bench = v;
    return true;
}

/* A string flag of tv_PlayArgs, found by the offset in the row. */
static bool set_text(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    return tv_arg_string(((Dest *)dest)->a, spec, v, err);
}

static bool set_gamepad(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    (void)spec, (void)v, (void)err;
    ((Dest *)dest)->a->gamepad = true;
    return true;
}

static bool set_lang(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    return tv_cli_arg_lang(((Dest *)dest)->cli, spec, v, err);
}

static bool set_plugins(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    return tv_cli_arg_plugins(((Dest *)dest)->cli, spec, v, err);
}

static bool set_text_size(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    if (!v[0] || v[1] || v[0] < '0' || v[0] > '3')
        return tv_args_expected(err, spec, v);
    ((Dest *)dest)->a->text_size = v[0] - '0';
    return true;
}

static bool set_reveal(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    (void)spec, (void)v, (void)err;
    ((Dest *)dest)->a->reveal = true;
    return true;
}

static bool set_dev(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    (void)spec, (void)v, (void)err;
    ((Dest *)dest)->a->dev = true;
    return true;
}

/* play's positional arguments: the pack folders of --dev. */
static bool set_dev_dir(void *dest, const tv_ArgSpec *spec, const char *v, tv_Error *err)
{
    tv_PlayArgs *a = ((Dest *)dest)->a;
    (void)spec;
    if (a->n_dev_dirs == (int)(sizeof a->dev_dirs / sizeof a->dev_dirs[0]))
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "at most %d pack folders",
                            (int)(sizeof a->dev_dirs / sizeof a->dev_dirs[0]));
    a->dev_dirs[a->n_dev_dirs++] = v;
    return true;
}

#define ROW_SCENE                                                                                               \
    {"--scene", true, set_scene, 0, "title, packs, players, question, reveal, results or settings",          \
     "open straight on a scene"}
#define ROW_SEED {"--seed", true, set_seed, 0, "a whole number", "the seed of a --scene's round"}
#define ROW_FONT {"--font", true, set_text, offsetof(tv_PlayArgs, font), NULL, "draw with this font file"}
#define ROW_LANG {"--lang", true, set_lang, 0, "en or nl", "the game's language"}
#define ROW_PLUGINS                                                                                             \
    {"--plugins", true, set_plugins, 0, NULL, "also look for packs in DIR (repeatable)"},                       \
        TV_CLI_ROW_ONLY_PLUGINS(set_plugins)

static const tv_ArgSpec play_flags[] = {
    ROW_SCENE, ROW_SEED, ROW_FONT, ROW_LANG, ROW_PLUGINS,
    {"--record", true, set_text, offsetof(tv_PlayArgs, record), NULL, "save the round as answer scripts"},
    {"--bench", true, set_bench, 0, "first-frame or frames=N", "measure start-up or frame time"},
    {"--dev", false, set_dev, 0, NULL, "reload packs as their files change"},
    {"--dev-snapshot", true, set_text, offsetof(tv_PlayArgs, dev_snapshot), NULL, "write the frame after each reload"},
    {NULL, true, set_dev_dir, 0, NULL, "a pack folder for --dev (repeatable)"},
};

static const tv_ArgSpec screenshot_flags[] = {
    ROW_SCENE, ROW_SEED, ROW_FONT, ROW_LANG, ROW_PLUGINS,
    {"--size", true, set_size, 0, "WxH, from 320x240 to 8192x8192", "the picture's size"},
    {"--out", true, set_text, offsetof(tv_PlayArgs, out), NULL, "the PNG file to write"},
    {"--gamepad", false, set_gamepad, 0, NULL, "draw as with a gamepad connected"},
    {"--pack", true, set_text, offsetof(tv_PlayArgs, pack), NULL, "the pack of --question"},
    {"--question", true, set_text, offsetof(tv_PlayArgs, question), NULL, "preview this one question"},
    {"--reveal", false, set_reveal, 0, NULL, "--question: its reveal"},
    {"--text-size", true, set_text_size, 0, "0, 1, 2 or 3", "the text-size setting"},
};

static int parse_args(tv_Cli *cli, tv_PlayArgs *a, int argc, char **argv, int first, const char *usage)
{
    Dest d = {a, cli};
    bool shot = usage == tv_usage_screenshot;
    int rc = tv_cli_parse(cli, usage, shot ? screenshot_flags : play_flags,
                          shot ? sizeof screenshot_flags / sizeof screenshot_flags[0]
                               : sizeof play_flags / sizeof play_flags[0],
                          &d, argc, argv, first);
    if (rc >= 0)
        return rc;
    if (!shot && a->n_dev_dirs && !a->dev)
        return tv_cli_usage("play", "a pack folder (%s) is only read with --dev", a->dev_dirs[0]);
    if (!shot && a->dev && !a->n_dev_dirs)
        return tv_cli_usage("play", "--dev needs the pack folders to reload (--dev PACKDIR ...)");
    if (!shot && a->dev_snapshot && !a->dev)
        return tv_cli_usage("play", "--dev-snapshot goes with --dev");
    if (!shot)
        return rc;
    if ((a->pack || a->question) && !(a->pack && a->question))
        return tv_cli_usage("screenshot", "--pack and --question go together (a pack id and one of its question ids)");
    if (a->question && a->scene)
        return tv_cli_usage("screenshot", "--question shows its own scene: leave out --scene (add --reveal for the reveal)");
    if (a->reveal && !a->question)
        return tv_cli_usage("screenshot", "--reveal goes with --question (use --scene reveal otherwise)");
    if (a->question && !a->out)
        return tv_cli_usage("screenshot", "--out is required");
    if (a->question && !a->have_seed)
        a->seed = 1; /* the seed that generates the question and shuffles its options */
    if (!a->question && (!a->out || !a->scene || !a->have_seed))
        return tv_cli_usage("screenshot", "--scene, --seed and --out are required (or --pack and --question)");
    return rc;
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


/* A question its pack gave no category is shown under the UI's default one for p->lang. */
static void default_category(tv_Preload *p)
{
    char dir[sizeof p->assets_dir + 8];
    snprintf(dir, sizeof dir, "%s/i18n", p->assets_dir);
    tv_I18n *strings = tv_i18n_load(dir, p->lang, NULL);
    snprintf(p->category, sizeof p->category, "%s",
             strings ? tv_i18n_get(strings, "round.category_default") : "General");
    tv_i18n_free(strings);
    p->opt.lang = p->lang;
    p->opt.default_category = p->category;
}

int tv_preload_run(void *ud)
{
    tv_Preload *p = ud;
    default_category(p);
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
static int setup(tv_Cli *cli, const tv_PlayArgs *a, tv_PackSet *packs, tv_Settings *settings, char *prefs_warn,
                 size_t warn_size, tv_Preload *pre, bool background)
{
    tv_Error err = {0};
    tv_settings_default(settings);
    char *prefs = tv_play_prefs_folder();
    if (prefs && !a->out) {
        tv_Prefs files;
        tv_prefs_init(&files, prefs);
        /* Saves killed midway leave temp files; ten seconds spares one that another
         * running game is writing right now. */
        tv_Error cerr = {0};
        if (tv_prefs_remove_stale_temps(&files, 10, &cerr) < 0)
            fprintf(stderr, "trivium: %s: %s\n", cerr.file, cerr.msg);
        tv_prefs_load_settings(&files, settings, prefs_warn, warn_size);
    }
    SDL_free(prefs);
    if (cli->lang && (strcmp(cli->lang, "en") != 0 || a->out))
        snprintf(settings->lang, sizeof settings->lang, "%s", cli->lang);
    if (a->text_size >= 0)
        settings->text_size = a->text_size;
    memset(pre, 0, sizeof *pre);
    if (a->font && !tv_font_find(a->font, pre->font, sizeof pre->font, pre->bold, sizeof pre->bold, &err))
        return tv_cli_fail(&err);
    pre->font_ok = a->font != NULL;
    tv_packset_init(packs, tv_alloc_default());
    /* --dev's folders come first, so the pack being written wins over an installed one
     * of the same folder name. */
    packs->display_base = cli->cwd[0] ? cli->cwd : NULL;
    for (int i = 0; i < a->n_dev_dirs; i++) {
        char lua[4200];
        snprintf(lua, sizeof lua, "%s/pack.lua", a->dev_dirs[i]);
        bool one = access(lua, F_OK) == 0;
        if (!(one ? tv_packset_add(packs, a->dev_dirs[i], &err) : tv_packset_scan(packs, a->dev_dirs[i], &err))) {
            tv_packset_free(packs);
            return tv_cli_fail(&err);
        }
    }
    pre->n_dev_packs = packs->n;
    if (!tv_cli_discover(cli, packs, &err)) {
        tv_packset_free(packs);
        return tv_cli_fail(&err);
    }
    snprintf(pre->lang, sizeof pre->lang, "%s", settings->lang);
    pre->packs = packs;
    /* A previewed question is generated for its own seed; scenes keep seed 1's packs. */
    pre->opt = tv_cli_load_options(cli, a->question ? a->seed : 1, pre->lang);
    pre->opt.background = background;
    snprintf(pre->assets_dir, sizeof pre->assets_dir, "%s", tv_play_assets_dir(cli));
    /* The game opens much sooner when it need not start a worker per unchanged pack;
     * screenshots (goldens, tests) always run the packs. */
    if (background && tv_paths_cache_dir(pre->cache_dir, sizeof pre->cache_dir)) {
        pre->opt.cache_dir = pre->cache_dir;
        tv_Error cerr = {0};
        if (tv_file_remove_stale_temps(pre->cache_dir, 10, &cerr) < 0)
            fprintf(stderr, "trivium: %s: %s\n", cerr.file, cerr.msg);
    }
    pre->thread = background ? SDL_CreateThread(tv_preload_run, "trivium-preload", pre) : NULL;
    if (pre->thread)
        return -1;
    tv_preload_run(pre);
    int rc = tv_preload_end(pre);
    if (rc >= 0)
        tv_packset_free(packs);
    return rc;
}


int tv_play_start(tv_Cli *cli, tv_PlayArgs *a, int argc, char **argv, int first, const char *usage,
                  tv_PackSet *packs, tv_Settings *settings, char *prefs_warn, size_t warn_size, tv_Preload *pre)
{
    int rc = parse_args(cli, a, argc, argv, first, usage);
    return rc >= 0 ? rc : setup(cli, a, packs, settings, prefs_warn, warn_size, pre, usage == tv_usage_play);
}
