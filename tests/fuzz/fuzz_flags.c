/* libFuzzer target: flags.tsv text (tv_flags_parse) never crashes, and every field it
 * hands to `trivium flags` (which prints them) is free of control characters and
 * escape sequences, and the reason is one of the two known words. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ui/prefs.h"

static void check_flag(void *ud, const char *const fields[5])
{
    (void)ud;
    for (int i = 0; i < 5; i++)
        for (const unsigned char *c = (const unsigned char *)fields[i]; *c; c++)
            if (*c < 0x20 || *c == 0x7F)
                abort();
    if (strcmp(fields[4], "wrong") != 0 && strcmp(fields[4], "unclear") != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tv_Error err = {0};
    (void)tv_flags_parse("fuzz.tsv", (const char *)data, size, check_flag, NULL, &err);
    return 0;
}
