/* libFuzzer target: settings.txt text (tv_settings_parse) never crashes, and whatever
 * it says, every setting comes out in its documented range (docs/files.md), so the
 * game can use the result unchecked. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ui/prefs.h"
#include "core/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tv_Settings s;
    char warn[512];
    bool clean = tv_settings_parse("fuzz.txt", (const char *)data, size, &s, warn, sizeof warn);
    if (clean != (warn[0] == '\0'))
        abort();
    if (s.count < 5 || s.count > 50 || s.timer_percent < 50 || s.timer_percent > 300 || s.volume < 0 ||
        s.volume > 100 || s.text_size < 0 || s.text_size > 3)
        abort();
    size_t n = strnlen(s.lang, sizeof s.lang);
    if (n == sizeof s.lang || !tv_text_lang_valid(s.lang, n))
        abort();
    return 0;
}
