/* report.h - what `trivium headless` and `trivium dump` print: JSON for machines,
 * aligned text for people.
 * Depends on: core, runner/play (tv_Labels), cJSON. */
#ifndef TV_REPORT_H
#define TV_REPORT_H

#include <stdio.h>

#include "runner/replay.h"
#include "core/session.h"

/* Up to this many players the text report shows each player's answers in full; past it,
 * the questions once and one line per player, so a party of hundreds stays readable. */
#define TV_REPORT_TABLE_PLAYERS 4

typedef struct tv_ReportInfo {
    const char *lang;
    tv_Labels labels;              /* the true/false options' words in lang (dumps) */
    int n_packs;
    const char *const *packs;      /* selected pack ids */
    const char *const *players;    /* answer-script names, one per player */
    bool one_line;                 /* JSON on one line (--format jsonl) */
} tv_ReportInfo;

/* Session results. Returns false on out of memory. The text report gives each player
 * a table of their answers up to TV_REPORT_TABLE_PLAYERS players, and one line per player
 * (total, correct, longest streak, points per question) beyond that. */
bool tv_report_session_json(FILE *out, const tv_Session *s, const tv_ReportInfo *info);
void tv_report_session_text(FILE *out, const tv_Session *s, const tv_ReportInfo *info);

/* Every round of the session with its answer key, as shown. */
bool tv_report_dump_json(FILE *out, const tv_Session *s, const tv_ReportInfo *info);
void tv_report_dump_text(FILE *out, const tv_Session *s, const tv_ReportInfo *info);

/* The distribution of each player's totals over a batch: totals[k * players + p] is
 * player p's total in session k. Text: a line per player with min, median, max and
 * mean; JSON: {"sessions", "players": [{"player", "answers", "min", "median", "max",
 * "mean"}]}. Returns false on out of memory. */
typedef struct tv_SummaryInfo {
    const char *const *players; /* answer-script names */
    bool json, one_line;
} tv_SummaryInfo;
bool tv_report_summary(FILE *out, const int *totals, int sessions, int players, const tv_SummaryInfo *info);

#endif
