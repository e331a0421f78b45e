/* script_writer.c - the answer-script writer, beside its parser (answers.c): what one
 * writes, the other reads back, so a recorded round replays headless. Writes only to
 * the stream it is given; opening files and reporting errors are the caller's.
 * Depends on: runner/answers, runner/play (tv_format_given), core. */
#include "runner/script_writer.h"

#include <string.h>

#include "runner/replay.h"

bool tv_script_write_header(FILE *f, const char *comment, const tv_ScriptDirectives *d)
{
    for (const char *line = comment; line && *line;) {
        size_t n = strcspn(line, "\n");
        fprintf(f, "# %.*s\n", (int)n, line);
        line += n + (line[n] == '\n');
    }
    if (d->have_seed)
        fprintf(f, "#! seed %llu\n", d->seed);
    for (int i = 0; i < d->n_packs; i++)
        fprintf(f, "#! pack %s\n", d->packs[i]);
    if (d->count)
        fprintf(f, "#! count %d\n", d->count);
    if (d->lang)
        fprintf(f, "#! lang %s\n", d->lang);
    if (d->timer_percent)
        fprintf(f, "#! timer-percent %d\n", d->timer_percent);
    if (d->no_time_points)
        fprintf(f, "#! no-time-points\n");
    if (d->no_streak)
        fprintf(f, "#! no-streak\n");
    if (d->types)
        fprintf(f, "#! types %s\n", d->types);
    if (d->evening_round)
        fprintf(f, "#! round %d\n", d->evening_round);
    return !ferror(f);
}

bool tv_script_write_answer(FILE *f, const tv_Record *rec)
{
    char given[300];
    tv_format_given(&rec->answer, given, sizeof given);
    fprintf(f, "%s%s @%.3f\n", rec->lifeline ? "5050 " : "", given, (double)rec->t_ms / 1000.0);
    return !ferror(f);
}
