/* prefs.c - the prefs folder handle (see prefs.h): where settings.txt, scores.txt and
 * flags.tsv live, so the game, the menu, the round and `trivium flags` all name the
 * same files and none of them builds a path by hand.
 * Depends on: settings.c, scores.c, flags.c, io (file), libc. No SDL: the caller finds the folder. */
#include "ui/prefs.h"

#include "io/file.h"

#include <stdio.h>
#include <string.h>

static const char *const file_names[3] = {"settings.txt", "scores.txt", "flags.tsv"};

void tv_prefs_init(tv_Prefs *p, const char *dir)
{
    memset(p, 0, sizeof *p);
    /* A folder too long for its paths is treated as none rather than cut short, so
     * nothing is ever written to a truncated path. */
    if (!dir || !dir[0] || strlen(dir) >= sizeof p->dir)
        return;
    snprintf(p->dir, sizeof p->dir, "%s", dir);
    for (int i = 0; i < 3; i++)
        snprintf(p->paths[i], sizeof p->paths[i], "%s/%s", dir, file_names[i]);
    p->active = true;
}

void tv_prefs_free(tv_Prefs *p) { memset(p, 0, sizeof *p); }

const char *tv_prefs_path(const tv_Prefs *p, tv_PrefsFile which)
{
    return p->active && (unsigned)which < 3 ? p->paths[which] : NULL;
}

bool tv_prefs_load_settings(const tv_Prefs *p, tv_Settings *s, char *warn, size_t warnsize)
{
    if (!p->active) {
        tv_settings_default(s);
        if (warnsize)
            warn[0] = '\0';
        return true;
    }
    return tv_settings_load(p->paths[TV_PREFS_SETTINGS], s, warn, warnsize);
}

bool tv_prefs_save_settings(const tv_Prefs *p, const tv_Settings *s, tv_Error *err)
{
    return !p->active || tv_settings_save(p->paths[TV_PREFS_SETTINGS], s, err);
}

bool tv_prefs_load_scores(const tv_Prefs *p, tv_Scores *scores, char *warn, size_t warnsize)
{
    if (!p->active) {
        memset(scores, 0, sizeof *scores);
        if (warnsize)
            warn[0] = '\0';
        return true;
    }
    return tv_scores_load(p->paths[TV_PREFS_SCORES], scores, warn, warnsize);
}

bool tv_prefs_save_scores(const tv_Prefs *p, const tv_Scores *scores, tv_Error *err)
{
    return !p->active || tv_scores_save(p->paths[TV_PREFS_SCORES], scores, err);
}

bool tv_prefs_append_flag(const tv_Prefs *p, const char *pack, const char *id, const char *version, const char *lang,
                          const char *reason, tv_Error *err)
{
    return !p->active || tv_flags_append(p->paths[TV_PREFS_FLAGS], pack, id, version, lang, reason, err);
}

int tv_prefs_list_flags(const tv_Prefs *p, void (*fn)(void *ud, const char *const fields[5]), void *ud,
                        tv_Error *err)
{
    return p->active ? tv_flags_list(p->paths[TV_PREFS_FLAGS], fn, ud, err) : 0;
}

int tv_prefs_remove_stale_temps(const tv_Prefs *p, int min_age_s, tv_Error *err)
{
    return p->active ? tv_file_remove_stale_temps(p->dir, min_age_s, err) : 0;
}
