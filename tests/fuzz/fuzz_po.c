/* libFuzzer target: .po text (tv_po_parse_buffer) never crashes or leaks; every text
 * it accepts holds only %d, %s and %%; and a text for a key the code formats that
 * passes the loader's check (tv_po_conversions_are) is safe to hand to printf with
 * the arguments formats.c lists, which is the promise tv_i18n_load relies on. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"
#include "i18n/po.h"

/* Formats text with the arguments the code passes for want ("d", "ds", ...). */
static void format_as_code(const char *text, const char *want)
{
    char out[256];
    size_t n = strlen(want);
    if (n == 0)
        snprintf(out, sizeof out, text, 0); /* an extra argument is harmless */
    else if (n == 1)
        want[0] == 'd' ? snprintf(out, sizeof out, text, 7) : snprintf(out, sizeof out, text, "x");
    else if (n == 2 && want[0] == 'd' && want[1] == 'd')
        snprintf(out, sizeof out, text, 1, 2);
    else
        abort(); /* formats.c grew a shape this target does not cover: extend it */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char **keys, **texts;
    tv_Error err = {0};
    int n = tv_po_parse_buffer("fuzz.po", (const char *)data, size, &keys, &texts, &err);
    if (n < 0) {
        if (err.line < 0 || !strstr(err.file, "fuzz.po"))
            abort();
        return 0;
    }
    for (int i = 0; i < n; i++) {
        if (!tv_po_conversions_valid(texts[i]))
            abort();
        const char *want = tv_i18n_format_of(keys[i]);
        /* The fuzzer rarely hits a real key, so each text is also tried as every
         * listed shape it matches. */
        const char *shapes[] = {"", "d", "s", "dd"};
        for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++)
            if (tv_po_conversions_are(texts[i], shapes[k]))
                format_as_code(texts[i], shapes[k]);
        if (want && tv_po_conversions_are(texts[i], want))
            format_as_code(texts[i], want);
        free(keys[i]);
        free(texts[i]);
    }
    free(keys);
    free(texts);
    return 0;
}
