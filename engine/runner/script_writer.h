/* script_writer.h - writes answer scripts, the format answers.h parses: a header of
 * comment lines and "#! key value" directives, then one line per answer. This is what
 * `trivium play --record` saves, so `trivium headless --answers FILE` replays a round
 * played in the game to the same score.
 * Depends on: runner/answers (tv_ScriptDirectives), runner/play (tv_format_given),
 * core (tv_Record). */
#ifndef TV_SCRIPT_WRITER_H
#define TV_SCRIPT_WRITER_H

#include <stdbool.h>
#include <stdio.h>

#include "runner/answers.h"
#include "core/session.h"

/* Writes each line of comment (may be NULL) as "# LINE", then d's directives in the
 * order seed, pack..., count, lang, timer-percent, no-time-points, no-streak, types,
 * leaving out those d marks absent. Returns false when the stream reports an error. */
bool tv_script_write_header(FILE *f, const char *comment, const tv_ScriptDirectives *d);

/* Writes rec as one script line, "[5050 ]ANSWER @SECONDS" with the time in seconds to
 * the millisecond. Returns false when the stream reports an error. */
bool tv_script_write_answer(FILE *f, const tv_Record *rec);

#endif
