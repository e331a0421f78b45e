/* play.h - plays a session from answer scripts on a virtual clock.
 *
 * The same tv_Session calls the desktop game makes, driven by script lines instead of
 * input events: this is the headless backend of the rules core.
 * Depends on: core, runner/answers. */
#ifndef TV_PLAY_H
#define TV_PLAY_H

#include "answers.h"
#include "session.h"

/* Labels of the true/false options in lang ("en" or "nl"). */
const char *tv_truefalse_label(const char *lang, bool value);

/* Answers every round for every player from scripts[0..n) (one per player, in order).
 * Fails with TV_ERR_SCRIPT naming the script file and line at fault. */
bool tv_play_scripts(tv_Session *s, const tv_Script *scripts, int n, tv_Error *err);

/* Writes how an answer would be written in a script ("B", "CADB", "12.5", "=text",
 * "timeout", "skip") into buf. */
void tv_format_given(const tv_Answer *a, char *buf, size_t size);

#endif
