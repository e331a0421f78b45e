/* libFuzzer target: folding must accept or refuse any bytes safely, and folding is
 * idempotent: a folded text folds to itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tv_Alloc al = tv_alloc_default();
    char *once = tv_text_fold(al, (const char *)data, size);
    if (!once)
        return 0;
    char *twice = tv_text_fold(al, once, strlen(once));
    if (!twice || strcmp(once, twice) != 0)
        abort();
    free(once);
    free(twice);
    return 0;
}
