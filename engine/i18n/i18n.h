/* i18n.h - UI strings from gettext .po files, one per language (assets/i18n/<lang>.po).
 *
 * msgid is a stable key ("menu.play"), msgstr the text. Adding a language needs a new
 * .po file, no C change. A key missing in the chosen language falls back to English,
 * and a key missing there too is shown as the key itself (so a gap is visible, not a
 * crash). Strings may hold printf conversions (%d, %s) in the same order in every
 * language.
 * Depends on: core (error). No SDL. */
#ifndef TV_I18N_H
#define TV_I18N_H

#include <stdbool.h>

#include "core/error.h"

typedef struct tv_I18n tv_I18n;

/* Loads dir/en.po and, when lang is not "en", dir/<lang>.po. Returns NULL with err set
 * when en.po is missing or malformed (file:line); a malformed <lang>.po is reported the
 * same way. Caller frees with tv_i18n_free. */
tv_I18n *tv_i18n_load(const char *dir, const char *lang, tv_Error *err);
void tv_i18n_free(tv_I18n *i18n);

/* The text for key in the loaded language, else English, else key itself. Borrowed
 * from i18n; lives until tv_i18n_free. */
const char *tv_i18n_get(const tv_I18n *i18n, const char *key);
const char *tv_i18n_lang(const tv_I18n *i18n);

/* Parses one .po file into parallel arrays of keys and texts (for tests and tools).
 * Returns the number of entries, or -1 with err set. Caller frees each string and the
 * arrays with free(). */
int tv_po_parse_file(const char *path, char ***keys, char ***texts, tv_Error *err);

#endif
