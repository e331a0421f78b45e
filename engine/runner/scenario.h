/* scenario.h - scenario files: golden tests of scoring (docs/testing.md).
 *
 * A scenario is one JSON object naming the packs, the seed and the switches of a
 * session, one entry per player with its answer script (inline lines or a file), and
 * what each player is expected to score. tv_scenario_parse checks every field and
 * turns the players' answers into tv_Scripts; tv_scenario_check compares a played
 * session with the expectation.
 * Trust boundary: the file is untrusted input. Its size, every list and every string
 * are bounded, every key is known, and each error names file:line of the offending
 * key or element (cJSON keeps no lines, so the parser finds them by its own pass over
 * the text).
 * Depends on: core (error, alloc, session), runner/answers, cJSON. */
#ifndef TV_SCENARIO_H
#define TV_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/alloc.h"
#include "runner/answers.h"
#include "core/error.h"
#include "core/session.h"

#define TV_SCENARIO_MAX_BYTES (16u << 20) /* 16 MiB: a thousand players of 1000 lines */
#define TV_SCENARIO_MAX_PACKS 64
#define TV_SCENARIO_MAX_PLUGINS 32
#define TV_SCENARIO_MAX_STRING 4096

/* What one player is expected to score; a have_ flag is false for a field left out. */
typedef struct tv_ScenarioExpect {
    bool have_total, have_correct, have_points;
    int total, correct;
    int n_points;
    int *points; /* per question, in session order; owned by the scenario */
} tv_ScenarioExpect;

typedef struct tv_ScenarioPlayer {
    const char *name;   /* "name", else the script path, else "" */
    tv_Script script;   /* inline "answers" (named after the scenario file, lines as in
                           it) or the "script" file */
    tv_ScenarioExpect expect;
} tv_ScenarioPlayer;

/* A parsed scenario. Player 1's #! directives fill in what the scenario leaves out, as
 * they do for `trivium headless`; after parsing, the fields below are the whole truth. */
typedef struct tv_Scenario {
    tv_Arena arena;
    char file[256];   /* the scenario file, for messages */
    const char *name; /* "name", else the file */
    int n_packs;
    const char *packs[TV_SCENARIO_MAX_PACKS];
    int n_plugins;
    const char *plugins[TV_SCENARIO_MAX_PLUGINS]; /* resolved against the file's folder */
    uint64_t seed;
    int count;          /* 0: the default (TV_DEFAULT_COUNT) */
    const char *lang;   /* "en" when not given */
    bool time_points, streak;
    int timer_percent;  /* 0: as the packs say */
    unsigned types;     /* bit per tv_QType; 0: all */
    int n_players;
    tv_ScenarioPlayer *players;
} tv_Scenario;

/* Parses data[0..len), the text of file (whose folder "plugins" and "script" paths are
 * relative to). On failure returns false with err naming file:line (TV_ERR_SCRIPT, or
 * TV_ERR_IO for a script file that cannot be read); the scenario is then safe to free. */
bool tv_scenario_parse(tv_Scenario *sc, const char *file, const char *data, size_t len, tv_Alloc alloc,
                       tv_Error *err);
/* Reads file (at most TV_SCENARIO_MAX_BYTES) and parses it. */
bool tv_scenario_load(tv_Scenario *sc, const char *file, tv_Alloc alloc, tv_Error *err);
/* Safe on a zeroed scenario and safe to call twice. */
void tv_scenario_free(tv_Scenario *sc);

/* Compares s, played from sc, with sc's expectations. True when everything given
 * matches; otherwise writes the mismatches into msg (at most three, then how many
 * more), each naming the player and, for points, the question index and id:
 *   player 1 (Ana): question 2 (ihostage-film/q17): points: expected 1275, got 1200 */
bool tv_scenario_check(const tv_Scenario *sc, const tv_Session *s, char *msg, size_t size);

/* What tv_scenario_write needs besides the session: borrowed for the call. */
typedef struct tv_ScenarioSource {
    const char *name;               /* the scenario's name */
    int n_packs;
    const char *const *packs;       /* the selected packs' ids */
    int n_plugins;
    const char *const *plugins;     /* folders, already relative to the scenario's folder */
    const char *lang;
    int count;                      /* the count asked for (not what the pool allowed) */
    const tv_Script *scripts;       /* one per player */
} tv_ScenarioSource;

/* The scenario of session s as played from src->scripts (their answer lines inline,
 * the scripts' names as player names), with "expect" filled in from its results, so
 * `trivium test` on it passes. Caller frees with free(); NULL when out of memory.
 * (scenario_write.c) */
char *tv_scenario_write(const tv_Session *s, const tv_ScenarioSource *src);

#endif
