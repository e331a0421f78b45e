/* prefs_kill_helper: the process ui.prefs-kill SIGKILLs. Saves settings, high scores
 * and a flag in folder DIR with the real save functions, over and over, each save's
 * content derived from one generation number g (START, START+1, ...), so the test can
 * tell a whole old or new file from a mix. Runs until killed.
 * usage: prefs_kill_helper DIR START */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/prefs.h"

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    tv_Prefs prefs;
    tv_prefs_init(&prefs, argv[1]);
    long g = atol(argv[2]);
    for (;; g++) {
        tv_Settings s;
        tv_settings_default(&s);
        int v = (int)(g % 101);
        s.volume = v;
        s.timer_percent = 50 + v;
        s.text_size = v % 4;
        s.count = 5 + v % 46;
        s.mute = v % 2;
        tv_Error err = {0};
        if (!tv_prefs_save_settings(&prefs, &s, &err)) {
            fprintf(stderr, "%s: %s\n", err.file, err.msg);
            return 1;
        }
        tv_Scores sc = {0};
        tv_ScoreEntry e = {.score = (int)(g % 1000000000), .correct = (int)(g % 1000), .asked = 1000};
        snprintf(e.name, sizeof e.name, "g%d", e.score);
        if (tv_scores_add(&sc, "kill+loop", &e) < 0 || !tv_prefs_save_scores(&prefs, &sc, &err)) {
            fprintf(stderr, "%s: %s\n", err.file, err.msg);
            return 1;
        }
        tv_scores_free(&sc);
        /* Not every time, so flags.tsv stays small enough to re-read after each kill. */
        if (g % 16 == 0) {
            char id[32];
            snprintf(id, sizeof id, "q%ld", g);
            if (!tv_prefs_append_flag(&prefs, "kill-pack", id, "1.0.0", "en", g % 32 ? "wrong" : "unclear", &err)) {
                fprintf(stderr, "%s: %s\n", err.file, err.msg);
                return 1;
            }
        }
    }
}
