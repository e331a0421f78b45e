/* qr.h - QR codes for the party lobby (docs/party.md, "The TV"): the module matrix of a
 * text from libqrencode (level M, byte mode, case kept, the smallest version that
 * fits), and its drawing as dark squares on a light panel with the 4-module quiet zone
 * the standard asks for, at a whole number of pixels per module so every module edge is
 * crisp for a phone camera.
 * Depends on: libqrencode, core (error), gfx (drawing only). */
#ifndef TV_QR_H
#define TV_QR_H

#include <stdbool.h>

#include "core/error.h"
#include "ui/gfx.h"

#define TV_QR_QUIET 4 /* modules of light margin on every side */

typedef struct tv_QrMatrix {
    int width;           /* modules per side, without the quiet zone (21 + 4 per version step) */
    int version;         /* 1..40 */
    unsigned char *dark; /* width * width, row by row: 1 = dark module, 0 = light */
} tv_QrMatrix;

/* Encodes text (UTF-8, as is). False with err set when text is empty, too long for a
 * QR code, or memory runs out. The caller frees m with tv_qr_free. */
bool tv_qr_encode(const char *text, tv_QrMatrix *m, tv_Error *err);
/* Safe on a zeroed matrix and twice. */
void tv_qr_free(tv_QrMatrix *m);
/* Pixels per module for a code with its quiet zone inside max_side pixels (at least 1). */
int tv_qr_scale(const tv_QrMatrix *m, int max_side);
/* Draws m with its quiet zone at (x, y), `scale` pixels per module; returns the side in
 * pixels ((width + 2 * TV_QR_QUIET) * scale). */
int tv_qr_draw(tv_Gfx *g, const tv_QrMatrix *m, int x, int y, int scale);

#endif
