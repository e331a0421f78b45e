/* lint_giveaways.h - the giveaway half of `trivium lint`: each loaded pack's questions
 * through the core's detector (core/giveaway.h), every undeclared pair a finding at the
 * question whose text gives the answer away. Kept apart from lint.c so the detector's
 * wiring is one call there.
 * Depends on: core (giveaway), plugin host (tv_PackSet). */
#ifndef TV_LINT_GIVEAWAYS_H
#define TV_LINT_GIVEAWAYS_H

#include <stdbool.h>

#include "plugin/packs.h"

/* file and line of the question at fault (line 0 when the pack does not know it). */
typedef void (*tv_LintReport)(void *ctx, const char *file, int line, const char *msg);

/* Reports each undeclared giveaway of set->packs[i] (want NULL or want[i]) through
 * report, as a warning; false when out of memory. */
bool tv_lint_giveaways(const tv_PackSet *set, const bool *want, tv_LintReport report, void *ctx);

#endif
