/* libFuzzer target: every exchange reader (the first byte picks opentdb, gift, aiken, csv
 * or json) must take any bytes safely, and whatever it keeps must go through every writer
 * and come back from Trivium JSON unchanged: JSON -> list -> JSON is a fixed point. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exchange/exchange.h"

static void ignore(void *ud, int line, const char *qid, const char *why)
{
    (void)ud, (void)line, (void)qid, (void)why;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    tv_Alloc al = tv_alloc_default();
    tv_XList list, again;
    tv_Error err;
    tv_xlist_init(&list, al);
    tv_xlist_init(&again, al);
    tv_XFormat f = (tv_XFormat)(data[0] % 5);
    if (tv_xread(f, "fuzz", (const char *)data + 1, size - 1, &list, ignore, NULL, &err)) {
        tv_XBuf out[6];
        for (int k = 0; k < 5; k++) {
            tv_xbuf_init(&out[k], al);
            tv_xwrite((tv_XFormat)k, &list, &out[k], ignore, NULL);
        }
        tv_xbuf_init(&out[5], al);
        tv_xwrite_lua(&list, "fuzz", "a comment\nwith a newline", &out[5]);
        const tv_XBuf *json = &out[TV_X_JSON];
        if (!json->data || !tv_xread(TV_X_JSON, "again", json->data, json->len, &again, ignore, NULL, &err))
            abort();
        tv_XBuf twice;
        tv_xbuf_init(&twice, al);
        tv_xwrite(TV_X_JSON, &again, &twice, ignore, NULL);
        if (again.n != list.n || !twice.data || strcmp(twice.data, json->data) != 0)
            abort();
        tv_xbuf_free(&twice);
        for (int k = 0; k < 6; k++)
            tv_xbuf_free(&out[k]);
    }
    tv_xlist_free(&again);
    tv_xlist_free(&list);
    return 0;
}
