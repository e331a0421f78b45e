/* question.h - a question as plain data, with its text already in one language.
 *
 * Questions are produced by the plugin host (from a pack worker's output) and owned by
 * the pack's arena; the core only reads them.
 * Depends on: libc only. */
#ifndef TV_QUESTION_H
#define TV_QUESTION_H

#include <stdbool.h>

#define TV_MAX_OPTIONS 6       /* choice: the answer plus 1..5 wrong options */
#define TV_MAX_ITEMS 6         /* order: 2..6 items */
#define TV_MAX_ACCEPT 16       /* text: accepted answers */
#define TV_MAX_SOURCES 8       /* sources one question may name */
#define TV_TIME_MIN_MS 5000    /* per-question time limit bounds */
#define TV_TIME_MAX_MS 120000
#define TV_TIME_DEFAULT_MS 20000

typedef enum tv_QType {
    TV_Q_CHOICE,
    TV_Q_TRUEFALSE,
    TV_Q_NUMERIC,
    TV_Q_ORDER,
    TV_Q_TEXT,
} tv_QType;

/* Where a question's fact comes from: one entry of its pack's sources table. */
typedef struct tv_Source {
    const char *key, *publisher, *title, *date, *url; /* "" when absent */
} tv_Source;

typedef struct tv_Question {
    const char *pack; /* the pack's id */
    const char *id;   /* unique within the pack */
    tv_QType type;
    int difficulty;    /* 1..3 */
    int time_limit_ms; /* TV_TIME_MIN_MS..TV_TIME_MAX_MS */
    const char *category;
    const char *prompt;
    const char *explain; /* "" when none */
    const char *source;  /* key into the pack's sources, "" when none */
    const tv_Source *src; /* that source, resolved when the pack was decoded; NULL when
                             source is "" or names no entry of the pack's sources */
    /* Every source the question names, in the pack's order: a question that joins
     * several facts (an order question, say) may name a list. sources[0] is source and
     * srcs[0] is src; srcs[i] is NULL for a key the pack's sources table lacks. 0 (and
     * NULL lists) when source is "". */
    int n_sources;
    const char *const *sources;
    const tv_Source *const *srcs;
    const char *pack_version; /* the pack's version, for flags */
    const char *where;   /* "plugins/x/pack.lua:42" for messages, "" when unknown */

    /* choice: options[0] is the answer, options[1..] the wrong ones */
    int n_options;
    const char *options[TV_MAX_OPTIONS];
    /* truefalse */
    bool truth;
    /* numeric */
    double number, tolerance;
    const char *unit; /* "" when none */
    /* order: the items in the right order */
    int n_items;
    const char *items[TV_MAX_ITEMS];
    /* text: accepted answers */
    int n_accept;
    const char *accept[TV_MAX_ACCEPT];

    /* Facts, named by free text shared across packs (docs/pack-api.md): the one this
     * question asks ("" when undeclared) and those its visible text shows (prompt,
     * options, items, explanation, source title). The session's draw never asks a fact
     * twice in a round, nor after a question that showed it. */
    const char *asks;
    int n_shows;
    const char *const *shows;
} tv_Question;

/* "choice", "truefalse", "numeric", "order", "text". */
const char *tv_qtype_name(tv_QType type);
/* Parses a type name; false when unknown. */
bool tv_qtype_parse(const char *name, tv_QType *out);

/* A question's time limit under a timer setting of percent (100 = as written), kept
 * within TV_TIME_MIN_MS..TV_TIME_MAX_MS. The game and the headless runner share it so
 * a recorded round replays with the same limits. */
int tv_time_limit_scaled(int limit_ms, int percent);

/* Number of things shown to the player that the session shuffles: options for choice,
 * 2 for truefalse (never shuffled), items for order, 0 otherwise. */
int tv_question_shown_count(const tv_Question *q);

#endif
