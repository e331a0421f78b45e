/* session_open.h - building a session over loaded packs, and the true/false words
 * scripts may type: what `trivium headless`, `trivium dump` and `trivium test` share.
 * Prints nothing; callers turn the tv_Error into output.
 * Depends on: core, runner/play (tv_Labels), plugin host (tv_PackSet), app/cli. */
#ifndef TV_SESSION_OPEN_H
#define TV_SESSION_OPEN_H

#include "app/cli.h"
#include "i18n/i18n.h"
#include "plugin/packs.h"
#include "runner/replay.h"
#include "core/session.h"

/* Builds s over the questions of set->packs[selected[0..n_sel)] with cli's seed and
 * switches (timer percent, types, time points, streak); count 0 asks every question.
 * ids[] (TV_MAX_SELECT) gets the selected packs' ids, borrowed from set. Fails with
 * err set (TV_ERR_PACK when the selection holds no question). */
bool tv_open_session(const tv_Cli *cli, const tv_PackSet *set, const int *selected, int n_sel, int count,
                     int players, tv_Session *s, const char **ids, int *n_ids, tv_Error *err);

/* The true/false words the game shows (round.true and round.false in
 * assets/i18n/<lang>.po), for each language the game has: scripts may type either
 * language's, and a dump prints the words of --lang. */
typedef struct tv_Words {
    tv_I18n *i18n[2];
    tv_Labels labels[3];
    int n;
} tv_Words;

bool tv_words_load(tv_Cli *cli, tv_Words *w, tv_Error *err);
/* The words of lang; English for any other, as the game falls back. */
tv_Labels tv_words_of(const tv_Words *w, const char *lang);
/* Safe on a zeroed tv_Words and safe to call twice. */
void tv_words_free(tv_Words *w);

#endif
