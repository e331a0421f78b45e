/* libFuzzer target: scores.txt text (tv_scores_parse) never crashes or leaks, and a
 * file it accepts holds only what the format allows: at most ten entries per table,
 * best first, 0 <= correct <= asked, names without control characters. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ui/prefs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tv_Scores sc;
    char warn[512];
    bool ok = tv_scores_parse("fuzz.txt", (const char *)data, size, &sc, warn, sizeof warn);
    if (!ok && sc.n != 0)
        abort();
    for (int i = 0; i < sc.n; i++) {
        const tv_ScoreTable *t = &sc.tables[i];
        if (t->n < 0 || t->n > TV_SCORES_PER_TABLE || !t->key[0] || strnlen(t->key, sizeof t->key) == sizeof t->key)
            abort();
        for (int j = 0; j < t->n; j++) {
            const tv_ScoreEntry *e = &t->entries[j];
            if (e->correct < 0 || e->correct > e->asked || e->score < 0 || (j && e->score > t->entries[j - 1].score))
                abort();
            size_t nl = strnlen(e->name, sizeof e->name);
            if (nl == sizeof e->name)
                abort();
            for (size_t k = 0; k < nl; k++)
                if ((unsigned char)e->name[k] < 0x20 || e->name[k] == 0x7F)
                    abort();
        }
    }
    tv_scores_free(&sc);
    return 0;
}
