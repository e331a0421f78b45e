/* report.h - what `trivium headless` and `trivium dump` print: JSON for machines,
 * aligned text for people.
 * Depends on: core, runner/play (tv_Labels), cJSON. */
#ifndef TV_REPORT_H
#define TV_REPORT_H

#include <stdio.h>

#include "play.h"
#include "session.h"

typedef struct tv_ReportInfo {
    const char *lang;
    tv_Labels labels;              /* the true/false options' words in lang (dumps) */
    int n_packs;
    const char *const *packs;      /* selected pack ids */
    const char *const *players;    /* answer-script names, one per player */
} tv_ReportInfo;

/* Session results. Returns false on out of memory. The text report gives each player
 * a table of their answers up to TV_MAX_PLAYERS players, and one line per player
 * (total, correct, longest streak, points per question) beyond that. */
bool tv_report_session_json(FILE *out, const tv_Session *s, const tv_ReportInfo *info);
void tv_report_session_text(FILE *out, const tv_Session *s, const tv_ReportInfo *info);

/* Every round of the session with its answer key, as shown. */
bool tv_report_dump_json(FILE *out, const tv_Session *s, const tv_ReportInfo *info);
void tv_report_dump_text(FILE *out, const tv_Session *s, const tv_ReportInfo *info);

#endif
