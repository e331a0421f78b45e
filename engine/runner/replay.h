/* replay.h - plays a session from answer scripts on a virtual clock.
 *
 * The same tv_Session calls the desktop game makes, driven by script lines instead of
 * input events: this is the headless backend of the rules core.
 * Depends on: core, runner/answers. */
#ifndef TV_REPLAY_H
#define TV_REPLAY_H

#include "runner/answers.h"
#include "core/session.h"

/* The words on a true/false question's two options in one language (the UI strings
 * round.true and round.false). Borrowed: the caller keeps them alive. */
typedef struct tv_Labels {
    const char *true_label;
    const char *false_label;
} tv_Labels;

/* Answers every round for every player from scripts[0..n) (one per player, in order).
 * A typed answer (=TEXT) to a true/false question matches either label of any of
 * accept[0..n_accept), so a script reads the same whatever --lang is.
 * Fails with TV_ERR_SCRIPT naming the script file and line at fault. */
bool tv_play_scripts(tv_Session *s, const tv_Script *scripts, int n, const tv_Labels *accept, int n_accept,
                     tv_Error *err);

/* One script step as the answer it gives player on round (correct and wrong resolved
 * against the session; =TEXT on true/false by accept's words). Party play parses a
 * phone's answer token with the script parser and turns it into an answer here. */
bool tv_step_to_answer(const tv_Session *s, int player, int round, const tv_Step *st, const tv_Labels *accept,
                       int n_accept, tv_Answer *a, tv_Error *err);

/* Writes how an answer would be written in a script ("B", "CADB", "12.5", "=text",
 * "timeout", "skip") into buf. */
void tv_format_given(const tv_Answer *a, char *buf, size_t size);

#endif
