/* xtest.h - what the exchange tests share: reading a sample held in the test into a list
 * while recording every skip, and finding a recorded skip by line and reason. */
#ifndef TV_XTEST_H
#define TV_XTEST_H

#include <stdio.h>
#include <string.h>

#include "check.h"
#include "exchange/exchange.h"

typedef struct Skips {
    int n;
    int line[64];
    char id[64][120];
    char why[64][200];
} Skips;

static void collect(void *ud, int line, const char *qid, const char *why)
{
    Skips *s = ud;
    if (s->n < 64) {
        s->line[s->n] = line;
        snprintf(s->id[s->n], sizeof s->id[0], "%s", qid ? qid : "");
        snprintf(s->why[s->n], sizeof s->why[0], "%s", why);
    }
    s->n++;
}

/* Reads text in format f into a fresh list; false (err set) when the file fails whole. */
static bool read_sample(tv_XFormat f, const char *text, tv_XList *list, Skips *skips, tv_Error *err)
{
    memset(skips, 0, sizeof *skips);
    memset(err, 0, sizeof *err);
    tv_xlist_init(list, tv_alloc_default());
    return tv_xread(f, "sample", text, strlen(text), list, collect, skips, err);
}

/* True when a skip was reported at line with why containing part. */
static bool skipped(const Skips *s, int line, const char *part)
{
    for (int i = 0; i < s->n && i < 64; i++)
        if (s->line[i] == line && strstr(s->why[i], part))
            return true;
    fprintf(stderr, "  no skip at line %d with '%s'; got:", line, part);
    for (int i = 0; i < s->n && i < 64; i++)
        fprintf(stderr, " [%d: %s]", s->line[i], s->why[i]);
    fprintf(stderr, "\n");
    return false;
}

/* Writes list in format f and reads it back into again; returns the text written. */
static char *write_read(tv_XFormat f, const tv_XList *list, tv_XList *again, Skips *wskips, Skips *rskips)
{
    tv_XBuf b;
    tv_Error err;
    tv_xbuf_init(&b, tv_alloc_default());
    memset(wskips, 0, sizeof *wskips);
    CHECK(tv_xwrite(f, list, &b, collect, wskips));
    CHECK(read_sample(f, b.data ? b.data : "", again, rskips, &err));
    return b.data; /* the caller frees with free() (the default allocator is libc's) */
}

#endif
