/* libFuzzer target: the scenario-file parser must take any bytes without crashing,
 * reading out of bounds or leaking, and either parse or report file:line. Its own
 * line pass runs beside cJSON's parser on every input, so a disagreement between the
 * two shows up here as a wrong line, never as an out-of-bounds read. */
#include <stddef.h>
#include <stdint.h>

#include "runner/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tv_Scenario sc;
    tv_Error err = {0};
    if (!tv_scenario_parse(&sc, "fuzz.json", (const char *)data, size, tv_alloc_default(), &err) && !err.msg[0])
        __builtin_trap(); /* every failure says what is wrong */
    tv_scenario_free(&sc);
    tv_scenario_free(&sc);
    return 0;
}
