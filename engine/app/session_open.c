/* session_open.c - a session over loaded packs, and the true/false words (see
 * session_open.h). Moved out of cmd_headless.c so `trivium test` opens its sessions
 * exactly as `trivium headless` does.
 * Trust boundary: none of its own; the questions were checked by the plugin host and the
 * flags by args.c.
 * Depends on: core, runner/play, plugin host (tv_PackSet), ui/i18n (plain C), app/paths. */
#include "app/session_open.h"

#include <stdlib.h>
#include <string.h>

#include "app/paths.h"

bool tv_open_session(const tv_Cli *cli, const tv_PackSet *set, const int *selected, int n_sel, int count,
                     int players, tv_Session *s, const char **ids, int *n_ids, tv_Error *err)
{
    int total = 0;
    for (int i = 0; i < n_sel; i++)
        total += set->packs[selected[i]].n_questions;
    const tv_Question **pool = malloc(sizeof *pool * (size_t)(total ? total : 1));
    if (!pool)
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
    int n = 0;
    *n_ids = 0;
    for (int i = 0; i < n_sel && *n_ids < TV_MAX_SELECT; i++) {
        const tv_Pack *p = &set->packs[selected[i]];
        ids[(*n_ids)++] = p->id;
        for (int k = 0; k < p->n_questions; k++)
            pool[n++] = &p->questions[k];
    }
    /* The session applies --timer-percent and --types itself, as it does for the game. */
    tv_SessionConfig cfg = {.seed = cli->seed,
                            .count = count ? count : n,
                            .players = players,
                            .rules = {.time_points = !cli->no_time_points, .streak_bonus = !cli->no_streak},
                            .timer_percent = cli->timer_percent,
                            .types = cli->types};
    /* A film night's round K replays from its own seed: the evening began K seeds before. */
    int round = cli->evening_round;
    if (round > 0 && (uint64_t)round <= cli->seed)
        cfg.seed = cli->seed - (uint64_t)round;
    else
        round = 0;
    bool ok = tv_session_init_evening(s, &cfg, round, pool, n, tv_alloc_default(), err);
    free(pool); /* the session keeps pointers to the questions, not to the pool */
    if (!ok && err->code == TV_ERR_USAGE && n == 0)
        err->code = TV_ERR_PACK;
    return ok;
}

static const char *const word_langs[2] = {"en", "nl"};

void tv_words_free(tv_Words *w)
{
    for (int i = 0; i < 2; i++) {
        tv_i18n_free(w->i18n[i]);
        w->i18n[i] = NULL;
    }
    w->n = 0;
}

bool tv_words_load(tv_Cli *cli, tv_Words *w, tv_Error *err)
{
    char dir[TV_PATHS_MAX + 8];
    tv_paths_assets_dir(cli->self_exe, dir, TV_PATHS_MAX);
    strcat(dir, "/i18n");
    for (int i = 0; i < 2; i++) {
        w->i18n[i] = tv_i18n_load(dir, word_langs[i], err);
        if (!w->i18n[i])
            return false;
        w->labels[w->n++] = (tv_Labels){tv_i18n_get(w->i18n[i], "round.true"), tv_i18n_get(w->i18n[i], "round.false")};
    }
    /* A question its pack gave no category is shown under the language's default one;
     * packs load after this (tv_cli_load_options passes it on). */
    for (int i = 0; i < 2; i++)
        if (cli->lang && strcmp(cli->lang, word_langs[i]) == 0)
            cli->default_category = tv_i18n_get(w->i18n[i], "round.category_default");
    /* docs/scoring.md has always accepted =onwaar, the word the runner once printed. */
    w->labels[w->n++] = (tv_Labels){"waar", "onwaar"};
    return true;
}

tv_Labels tv_words_of(const tv_Words *w, const char *lang)
{
    for (int i = 0; i < 2; i++)
        if (strcmp(lang, word_langs[i]) == 0)
            return w->labels[i];
    return w->labels[0];
}
