/* qr.c - the lobby's QR code: libqrencode's symbol reduced to a plain matrix of dark
 * modules, and drawn as one light square plus one rectangle per horizontal run of dark
 * modules (a version-3 code is ~300 runs, not ~450 single squares).
 * Depends on: libqrencode, core (error), gfx and shapes. */
#include "ui/qr.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "ui/shapes.h"

bool tv_qr_encode(const char *text, tv_QrMatrix *m, tv_Error *err)
{
    memset(m, 0, sizeof *m);
    if (!text || !*text)
        return tv_error_set(err, TV_ERR_USAGE, "", 0, "QR code: nothing to encode");
    /* Level M survives glare on a glossy TV; byte mode with case kept encodes the URL
     * exactly as printed (the query's "room" must stay lower case). */
    errno = 0;
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q) {
        if (errno == ENOMEM)
            return tv_error_set(err, TV_ERR_NOMEM, "", 0, "QR code: out of memory");
        return tv_error_set(err, TV_ERR_USAGE, "", 0, "QR code: cannot encode %zu bytes (%s)", strlen(text),
                            errno == ERANGE ? "too long" : "invalid input");
    }
    size_t n = (size_t)q->width * (size_t)q->width;
    m->dark = malloc(n);
    if (!m->dark) {
        QRcode_free(q);
        return tv_error_set(err, TV_ERR_NOMEM, "", 0, "QR code: out of memory");
    }
    /* Bit 0 is the module's colour; the other bits only say which pattern it belongs to. */
    for (size_t i = 0; i < n; i++)
        m->dark[i] = q->data[i] & 1u;
    m->width = q->width;
    m->version = q->version;
    QRcode_free(q);
    return true;
}

void tv_qr_free(tv_QrMatrix *m)
{
    free(m->dark);
    memset(m, 0, sizeof *m);
}

int tv_qr_scale(const tv_QrMatrix *m, int max_side)
{
    int side = m->width + 2 * TV_QR_QUIET;
    int scale = side > 0 ? max_side / side : 1;
    return scale < 1 ? 1 : scale;
}

int tv_qr_draw(tv_Gfx *g, const tv_QrMatrix *m, int x, int y, int scale)
{
    int side = (m->width + 2 * TV_QR_QUIET) * scale;
    tv_gfx_rect(g, (SDL_Rect){x, y, side, side}, tv_rgb(0xffffff));
    tv_Color ink = tv_rgb(0x000000);
    int ox = x + TV_QR_QUIET * scale, oy = y + TV_QR_QUIET * scale;
    for (int r = 0; r < m->width; r++) {
        const unsigned char *row = m->dark + (size_t)r * (size_t)m->width;
        for (int c = 0; c < m->width;) {
            if (!row[c]) {
                c++;
                continue;
            }
            int start = c;
            while (c < m->width && row[c])
                c++;
            tv_gfx_rect(g, (SDL_Rect){ox + start * scale, oy + r * scale, (c - start) * scale, scale}, ink);
        }
    }
    return side;
}
