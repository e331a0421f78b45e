/* formats.c - the one table of UI strings the code formats with printf, and the
 * conversions it passes with each (see i18n.h, tv_i18n_format_of).
 *
 * Trust boundary: this table is the code's side of the contract; a .po file is the
 * outside side. i18n.c refuses any file whose text for a key here holds other
 * conversions, and the build refuses an en.po that does (po2c.c), because printf
 * with a "%s" where the code passes an int reads a wild pointer.
 * When you add snprintf(..., tv_game_text(g, "some.key"), ...) to the UI, add the key
 * here; tests/i18n/test_formats.py fails until you do.
 * Depends on: libc. */
#include "i18n/i18n.h"

#include <string.h>

/* key -> the conversions in order: 'd' for an int, 's' for a string. */
static const struct {
    const char *key, *conv;
} formats[] = {
    {"packs.error", "s"},
    {"packs.questions", "d"},
    {"players.count", "d"},
    {"players.gamepads", "dd"},
    {"players.name", "d"},
    {"results.correct", "dd"},
    {"results.longest_streak", "d"},
    {"results.total", "d"},
    {"reveal.answer", "s"},
    {"reveal.partial", "dd"},
    {"reveal.source", "s"},
    {"reveal.your_answer", "s"},
    {"round.question_of", "dd"},
    {"round.streak", "d"},
    {"scoreboard.turn", "s"},
};

const char *tv_i18n_format_of(const char *key)
{
    for (size_t i = 0; key && i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].key, key) == 0)
            return formats[i].conv;
    return NULL;
}

const char *tv_i18n_format_key(size_t i) { return i < sizeof formats / sizeof formats[0] ? formats[i].key : NULL; }
