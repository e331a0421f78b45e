/* ui.qr: the lobby's QR matrix (engine/ui/qr.c) against a golden matrix, its finder
 * patterns, sizes and errors. The golden file is cross-checked by decoding it with
 * zbarimg in party.lobby-qr, so it is a real code, not just last run's output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ui/qr.h"

/* The golden matrix: one row per line, # dark, . light (tests/ui/golden/qr-join-url.txt). */
static const char *const golden_path = TV_QR_GOLDEN;

static bool finder_at(const tv_QrMatrix *m, int r0, int c0)
{
    /* 7x7: a dark ring, a light ring, a dark 3x3 centre. */
    for (int r = 0; r < 7; r++)
        for (int c = 0; c < 7; c++) {
            int ring = r < c ? (r < 6 - c ? r : 6 - c) : (c < 6 - r ? c : 6 - r);
            bool want = ring != 1;
            if ((m->dark[(r0 + r) * m->width + c0 + c] != 0) != want)
                return false;
        }
    return true;
}

TEST("the join URL encodes to the golden matrix, row for row")
{
    tv_QrMatrix m;
    tv_Error err = {0};
    CHECK(tv_qr_encode("http://192.168.178.23:47123/?room=K7QX", &m, &err));
    FILE *f = fopen(golden_path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[256];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        CHECK_INT(m.width, (int)strlen(line));
        for (int c = 0; c < m.width && c < (int)strlen(line); c++)
            if ((line[c] == '#') != (m.dark[rows * m.width + c] != 0)) {
                fprintf(stderr, "  row %d column %d differs\n", rows, c);
                check_failed_here = 1;
            }
        rows++;
    }
    fclose(f);
    CHECK_INT(m.width, rows);
    tv_qr_free(&m);
}

TEST("a code has finder patterns in three corners and 17 + 4 * version modules a side")
{
    tv_QrMatrix m;
    tv_Error err = {0};
    CHECK(tv_qr_encode("http://10.0.0.2:8080/?room=ABCD", &m, &err));
    CHECK_INT(17 + 4 * m.version, m.width);
    CHECK(finder_at(&m, 0, 0));
    CHECK(finder_at(&m, 0, m.width - 7));
    CHECK(finder_at(&m, m.width - 7, 0));
    CHECK(!finder_at(&m, m.width - 7, m.width - 7));
    tv_qr_free(&m);
    tv_qr_free(&m); /* twice is safe */
}

TEST("empty and over-long text are refused with a reason")
{
    tv_QrMatrix m;
    tv_Error err = {0};
    CHECK(!tv_qr_encode("", &m, &err));
    CHECK(strstr(err.msg, "nothing to encode") != NULL);
    char *big = malloc(8001);
    memset(big, 'x', 8000);
    big[8000] = '\0';
    CHECK(!tv_qr_encode(big, &m, &err));
    CHECK(strstr(err.msg, "8000 bytes") != NULL);
    CHECK(m.dark == NULL);
    free(big);
}

TEST("the scale is a whole number of pixels per module that fits, never 0")
{
    tv_QrMatrix m = {.width = 29};
    CHECK_INT(10, tv_qr_scale(&m, 370)); /* 37 modules with the quiet zone */
    CHECK_INT(9, tv_qr_scale(&m, 369));
    CHECK_INT(1, tv_qr_scale(&m, 5));
}

TEST_MAIN()
