/* pack.h - one pack as the host decoded it: its metadata, sources, questions and
 * diagnostics, all owned by the pack's arena. Types only, shared by the loader
 * (packs.h) and the decoder (decode.h), so neither includes the other's header.
 * Depends on: core (alloc, error, question). */
#ifndef TV_PACK_H
#define TV_PACK_H

#include <stdbool.h>

#include "core/alloc.h"
#include "core/error.h"
#include "core/question.h"

typedef struct tv_Diag {
    const char *file;
    int line;
    bool warning;
    const char *msg;
    bool generating; /* found while generate ran: it may hold on some seeds only */
    bool dropped;    /* a generated question left out (a warning to play, an error to lint) */
    int n_trace;             /* an error raised in pack code: the Lua frames, innermost first */
    const char *const *trace; /* "file:line: in function 'f'"; NULL when n_trace is 0 */
} tv_Diag;

typedef struct tv_Pack {
    tv_Arena arena;     /* owns every string and array below */
    const char *dir;    /* the pack folder as found */
    const char *folder; /* its last path component: how a broken pack is known */
    const char *display; /* how messages name the folder (relative when possible) */
    bool loaded;        /* false: error says why */
    tv_Error error;
    const char *id, *title, *version, *description, *author;
    int n_languages;
    const char *languages[8];
    int n_sources;
    tv_Source *sources;
    int n_static, n_generated, n_questions;
    tv_Question *questions;
    int n_diags; /* warnings (and errors when the pack was rejected) */
    tv_Diag *diags;
    char raw_digest[17]; /* hash of the worker's question data, for determinism checks */
    size_t raw_size;     /* that data's length in bytes */
    bool seeded;         /* the pack drew random numbers: another seed may give other questions
                            (false: the worker saw no draw, so this result serves every seed) */
} tv_Pack;

#endif
