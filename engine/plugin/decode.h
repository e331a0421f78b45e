/* decode.h - a pack worker's output (wire.h) into a tv_Pack: the host's trust boundary.
 *
 * The worker ran pack code, so nothing it wrote is trusted: the frame is found without
 * reading past its length and every field of the document is re-checked (types, counts,
 * lengths, the display-text rule of text.h, whole numbers, distinct ids and options)
 * before a tv_Question is built. Works on bytes only, so tests and the fuzzer call it
 * without starting a process.
 * Depends on: core, cJSON. */
#ifndef TV_DECODE_H
#define TV_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "plugin/pack.h"

/* The category of a question whose pack gives none, when the caller passes NULL. */
#define TV_DEFAULT_CATEGORY "General"

/* Finds the data frame in a worker's stdout out[0..len). True with *data pointing into
 * out and *dlen its byte count when a complete frame is there; false when there is none
 * or it is cut short. */
bool tv_wire_find_data(const char *out, size_t len, const char **data, size_t *dlen);

/* The last phase the worker announced in out[0..len) (TV_WIRE_PHASE_LOADING or
 * _GENERATING), or TV_WIRE_PHASE_STARTING when none: a static string. */
const char *tv_wire_last_phase(const char *out, size_t len);

/* Decodes the document json[0..len) into p. p must hold only what a fresh pack holds:
 * its arena initialised (tv_arena_init) and dir, folder and display set; every string and
 * array decoded is allocated from that arena. default_category is given to questions
 * without one (NULL: TV_DEFAULT_CATEGORY); it is copied.
 * Returns p->loaded: true when the pack loaded. False when the pack was rejected (its
 * first error diagnostic in p->error, every diagnostic in p->diags) or the document is
 * malformed (p->error says which field and what was expected) or memory ran out
 * (TV_ERR_NOMEM). On failure the arena may hold partial data: tv_arena_free releases it. */
bool tv_pack_decode(tv_Pack *p, const char *json, size_t len, const char *default_category);

#endif
