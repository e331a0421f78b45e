/* libFuzzer target: the answer-script parser must take any bytes without crashing,
 * reading out of bounds or leaking, and either parse or report a line. */
#include <stddef.h>
#include <stdint.h>

#include "runner/answers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tv_Script s;
    tv_Error err;
    tv_script_parse(&s, "fuzz", (const char *)data, size, tv_alloc_default(), &err);
    tv_script_free(&s);
    return 0;
}
