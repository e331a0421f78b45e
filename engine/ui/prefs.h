/* prefs.h - settings, high scores and question flags, kept in the prefs folder
 * (SDL_GetPrefPath's folder in the game; any folder in tests).
 *
 * Files are plain `key = value` text (docs/files.md), written atomically: a temp file
 * in the same folder, fsync, rename over the old one, fsync of the folder. A corrupt or
 * truncated file is never silently overwritten: it is copied to <name>.bad, a warning
 * is returned, and defaults are used.
 * Code: kvtext.c (the shared line reader and warnings), settings.c, scores.c, flags.c,
 * and prefs.c (the folder handle); file I/O is engine/io/file.h.
 * Depends on: io (file), core (error, text), libc, POSIX. No SDL: the caller passes
 * the folder. */
#ifndef TV_PREFS_H
#define TV_PREFS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

typedef struct tv_Settings {
    bool time_points;    /* the core's switches */
    bool streak_bonus;
    char lang[8];        /* a code like "nl" or "pt_BR", kept as the player chose it even
                          * when there is no such .po (the UI then shows English, and
                          * tv_i18n_warning says why) */
    int count;           /* questions per round, 5..50 */
    bool timer;          /* off: no time limit shown, answers scored at t = 0 */
    int timer_percent;   /* time limit multiplier, 50..300 */
    int volume;          /* 0..100 */
    bool mute;
    bool fullscreen;
    int text_size;       /* 0 small, 1 medium, 2 large, 3 extra large */
    bool reduced_motion;
    bool colorblind;     /* colour-blind-safe palette */
    bool auto_advance;
} tv_Settings;

void tv_settings_default(tv_Settings *s);
/* Reads path. A missing file gives defaults and true. A corrupt file gives defaults,
 * a copy at path.bad, false, and a warning in warn (file:line: what). Unknown keys are
 * ignored; bad values fall back to that key's default with a warning. */
bool tv_settings_load(const char *path, tv_Settings *s, char *warn, size_t warnsize);
/* The same rules for text in memory (data[0..len), any bytes; fuzzing, tools): no file
 * is read or kept as .bad; name is used in the warning. */
bool tv_settings_parse(const char *name, const char *data, size_t len, tv_Settings *s, char *warn, size_t warnsize);
/* Writes every key (docs/files.md) atomically; false with err naming path. */
bool tv_settings_save(const char *path, const tv_Settings *s, tv_Error *err);
bool tv_settings_equal(const tv_Settings *a, const tv_Settings *b);

#define TV_SCORES_PER_TABLE 10
typedef struct tv_ScoreEntry {
    char name[32];
    int score;
    int correct, asked;
} tv_ScoreEntry;

typedef struct tv_ScoreTable {
    char key[256]; /* the pack combination: sorted pack ids joined by '+' */
    int n;
    tv_ScoreEntry entries[TV_SCORES_PER_TABLE]; /* best first */
} tv_ScoreTable;

typedef struct tv_Scores {
    int n;
    tv_ScoreTable *tables; /* owned; free with tv_scores_free */
} tv_Scores;

/* Reads path like tv_settings_load; a file that does not parse as a whole (docs/files.md)
 * gives no tables, a .bad copy, false and a warning. */
bool tv_scores_load(const char *path, tv_Scores *scores, char *warn, size_t warnsize);
/* The same rules for text in memory; no file is read or kept. Free with tv_scores_free. */
bool tv_scores_parse(const char *name, const char *data, size_t len, tv_Scores *scores, char *warn, size_t warnsize);
bool tv_scores_save(const char *path, const tv_Scores *scores, tv_Error *err);
/* Adds an entry to the table for key (created when new); returns its rank (0 = best)
 * or -1 when it did not make the table. */
int tv_scores_add(tv_Scores *scores, const char *key, const tv_ScoreEntry *entry);
const tv_ScoreTable *tv_scores_find(const tv_Scores *scores, const char *key);
void tv_scores_free(tv_Scores *scores);

/* One line appended per flag: pack, id, version, language and reason
 * ("wrong" or "unclear"); tab-separated, fields stripped of tabs and newlines. */
bool tv_flags_append(const char *path, const char *pack, const char *id, const char *version, const char *lang,
                     const char *reason, tv_Error *err);
/* Calls fn once per flag in file order (for `trivium flags`); fields are pack, id,
 * version, language and reason, borrowed for the call, with control characters shown
 * as '?'. Returns the number of flags (0 for a missing file), or -1 with err set
 * (file:line) on a line that is not five fields with a known reason. */
int tv_flags_list(const char *path, void (*fn)(void *ud, const char *const fields[5]), void *ud, tv_Error *err);
/* The same for text in memory (data[0..len), any bytes, not changed); name is used in
 * errors. */
int tv_flags_parse(const char *name, const char *data, size_t len, void (*fn)(void *ud, const char *const fields[5]),
                   void *ud, tv_Error *err);

/* {====================================================================== the prefs folder */

/* The prefs folder and the paths of its three files, so no caller builds
 * "<dir>/settings.txt" by hand. A handle with no folder (dir NULL, or a zeroed struct)
 * keeps nothing: loads give the defaults and true, saves and appends do nothing and
 * return true, and listing flags gives 0. Holds no resources. */
typedef enum tv_PrefsFile { TV_PREFS_SETTINGS, TV_PREFS_SCORES, TV_PREFS_FLAGS } tv_PrefsFile;

typedef struct tv_Prefs {
    bool active;        /* a folder was given */
    char dir[4096];
    char paths[3][4128]; /* by tv_PrefsFile */
} tv_Prefs;

/* dir is copied; NULL (or "") gives a handle that keeps nothing. */
void tv_prefs_init(tv_Prefs *p, const char *dir);
/* Safe on a zeroed handle and twice. */
void tv_prefs_free(tv_Prefs *p);
/* The path of one file ("<dir>/settings.txt"), or NULL when the handle keeps nothing. */
const char *tv_prefs_path(const tv_Prefs *p, tv_PrefsFile which);

/* tv_settings_load / _save, tv_scores_load / _save, tv_flags_append / _list on the
 * folder's files, with the same results and warnings. */
bool tv_prefs_load_settings(const tv_Prefs *p, tv_Settings *s, char *warn, size_t warnsize);
bool tv_prefs_save_settings(const tv_Prefs *p, const tv_Settings *s, tv_Error *err);
bool tv_prefs_load_scores(const tv_Prefs *p, tv_Scores *scores, char *warn, size_t warnsize);
bool tv_prefs_save_scores(const tv_Prefs *p, const tv_Scores *scores, tv_Error *err);
bool tv_prefs_append_flag(const tv_Prefs *p, const char *pack, const char *id, const char *version, const char *lang,
                          const char *reason, tv_Error *err);
int tv_prefs_list_flags(const tv_Prefs *p, void (*fn)(void *ud, const char *const fields[5]), void *ud,
                        tv_Error *err);
/* Start-up housekeeping: removes the temp files killed saves left in the folder
 * (tv_file_remove_stale_temps, io/file.h; min_age_s 10 spares a save another running
 * game is making). Returns the number removed, 0 without a folder, -1 with err. */
int tv_prefs_remove_stale_temps(const tv_Prefs *p, int min_age_s, tv_Error *err);

/* }====================================================================== */

#endif
