/* i18n.h - UI strings from gettext .po files, one per language (assets/i18n/<lang>.po).
 *
 * msgid is a stable key ("menu.play"), msgstr the text. Adding a language needs a new
 * .po file, no C change. A key missing in the chosen language falls back to English,
 * and a key missing there too is shown as the key itself (so a gap is visible, not a
 * crash). Strings may hold printf conversions (%d, %s): the keys the code formats are
 * listed with the conversions it passes in formats.c (tv_i18n_format_of), and a file
 * that disagrees with that list, or a translation that disagrees with en.po, is not
 * used. English is compiled in from the shipped en.po, so loading never fails for a
 * bad or missing file: it falls back and says why in tv_i18n_warning.
 * Depends on: core (error), io (file). No SDL. */
#ifndef TV_I18N_H
#define TV_I18N_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

typedef struct tv_I18n tv_I18n;

/* Loads dir/en.po and, when lang is not "en", dir/<lang>.po.
 * - en.po missing, malformed, or with other conversions than the code passes: the
 *   built-in English (the en.po this program was built with) is used instead.
 * - <lang>.po missing, malformed, with other conversions than en.po or the code, or
 *   lang not a code like "nl" / "pt_BR": English is shown (tv_i18n_lang says "en").
 * Each case sets tv_i18n_warning, which the caller shows (the title screen, stderr).
 * Returns NULL with err set only when out of memory. Caller frees with tv_i18n_free. */
tv_I18n *tv_i18n_load(const char *dir, const char *lang, tv_Error *err);
void tv_i18n_free(tv_I18n *i18n);

/* The text for key in the loaded language, else English, else key itself. Borrowed
 * from i18n; lives until tv_i18n_free. A key of formats.c's table always comes back
 * with exactly the conversions listed there (or as the key, which has none). */
const char *tv_i18n_get(const tv_I18n *i18n, const char *key);
/* The language shown: lang as asked, or "en" after a fallback. */
const char *tv_i18n_lang(const tv_I18n *i18n);
/* Why tv_i18n_load fell back, as one line "<file>:<line>: <what>; showing English"
 * (" (and N more)" when several files were bad), or "" when nothing was wrong.
 * Borrowed from i18n. */
const char *tv_i18n_warning(const tv_I18n *i18n);

/* The printf conversions the code passes with key, in order, as a string ("d", "dd",
 * "s"), or NULL when the code never uses key's text as a format. */
const char *tv_i18n_format_of(const char *key);
/* The i-th key of that table, or NULL past its end (for tools and tests). */
const char *tv_i18n_format_key(size_t i);

/* Parses one .po file into parallel arrays of keys and texts (for tests and tools).
 * Returns the number of entries, or -1 with err set (file:line). Caller frees each
 * string and the arrays with free(). Checks the syntax and that only %d, %s and %%
 * occur, not the conversions against the code (tv_i18n_load does that). */
int tv_po_parse_file(const char *path, char ***keys, char ***texts, tv_Error *err);
/* The same for data[0..len) (any bytes), with name used in errors. */
int tv_po_parse_buffer(const char *name, const char *data, size_t len, char ***keys, char ***texts, tv_Error *err);

#endif
