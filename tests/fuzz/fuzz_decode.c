/* libFuzzer target: the host's decoder of pack worker output (decode.h). Any bytes, read
 * as a worker's whole stdout (phase lines and a data frame) or, when they hold no frame, as
 * the document itself, must be accepted or refused without a crash, a leak or undefined
 * behaviour; a pack that loads must hold only what the decoder promises. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plugin/decode.h"
#include "plugin/wire.h"

static void require(int ok)
{
    if (!ok)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *doc = (const char *)data;
    size_t len = size;
    const char *frame;
    size_t flen;
    if (tv_wire_find_data(doc, size, &frame, &flen)) {
        require(frame >= doc && frame + flen <= doc + size);
        doc = frame, len = flen;
    }
    (void)tv_wire_last_phase((const char *)data, size);
    tv_Pack p;
    memset(&p, 0, sizeof p);
    tv_arena_init(&p.arena, tv_alloc_default());
    p.dir = p.folder = p.display = "fuzz";
    if (tv_pack_decode(&p, doc, len, NULL)) {
        require(p.id && p.id[0] && p.title && p.version && p.n_static >= 0 && p.n_static <= p.n_questions);
        for (int i = 0; i < p.n_questions; i++) {
            const tv_Question *q = &p.questions[i];
            require(q->id && q->prompt && q->prompt[0] && q->category && q->explain && q->unit && q->source);
            require(q->difficulty >= 1 && q->difficulty <= 3);
            require(q->time_limit_ms >= TV_TIME_MIN_MS && q->time_limit_ms <= TV_TIME_MAX_MS);
            require(q->n_options <= TV_MAX_OPTIONS && q->n_items <= TV_MAX_ITEMS && q->n_accept <= TV_MAX_ACCEPT);
            require(!q->src || (q->src >= p.sources && q->src < p.sources + p.n_sources));
            require(q->pack_version == p.version);
        }
    }
    tv_arena_free(&p.arena);
    return 0;
}
