/* answers.h - the answer-script format (docs/scoring.md, "Answer scripts").
 *
 * One line per question in session order; '#' comment lines and blank lines are
 * ignored. A line is  [5050] ANSWER [@SECONDS]  where ANSWER is a letter A-F, a letter
 * sequence (order), a number, =TEXT, correct, wrong, timeout or skip.
 * Trust boundary: the script is untrusted input. The parser takes an explicit length,
 * never reads past it, bounds every field, and reports the line at fault.
 * Depends on: core (error, alloc). */
#ifndef TV_ANSWERS_H
#define TV_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/error.h"

#define TV_SCRIPT_MAX_BYTES (4u << 20) /* 4 MiB */
#define TV_SCRIPT_MAX_LINE 4096
#define TV_SCRIPT_MAX_SECONDS 100000

typedef enum tv_StepKind {
    TV_STEP_LETTERS, /* one letter (an option) or several (an order) */
    TV_STEP_NUMBER,
    TV_STEP_TEXT, /* =TEXT */
    TV_STEP_CORRECT,
    TV_STEP_WRONG,
    TV_STEP_TIMEOUT,
    TV_STEP_SKIP,
} tv_StepKind;

typedef struct tv_Step {
    int line; /* 1-based line in the script */
    tv_StepKind kind;
    bool lifeline; /* leading 5050 */
    int n_letters;
    int letters[6]; /* 0 = A */
    double number;
    const char *text; /* TV_STEP_TEXT, owned by the script */
    int64_t t_ms;     /* @SECONDS in milliseconds, rounded half up; 0 when absent */
    const char *raw;  /* the line without comment and surrounding spaces, owned by the script */
} tv_Step;

/* Directives: "#! key value" lines, written by `trivium play --record`, so that
 * `trivium headless --answers FILE` replays a recorded round without repeating its
 * flags. Flags given on the command line win. */
#define TV_SCRIPT_MAX_PACKS 32
typedef struct tv_ScriptDirectives {
    bool have_seed;
    unsigned long long seed;
    int n_packs;
    const char *packs[TV_SCRIPT_MAX_PACKS];
    int count;          /* 0 when absent */
    const char *lang;   /* NULL when absent */
    int timer_percent;  /* 0 when absent */
    bool no_time_points, no_streak;
    const char *types; /* "choice,truefalse": only these question types are asked */
    const char *name;  /* party play: the seat's name (NULL when absent) */
    int seat;          /* party play: the seat's number, 1-based (0 when absent) */
} tv_ScriptDirectives;

typedef struct tv_Script {
    tv_Arena arena;
    char name[256]; /* file name for messages ("-" for stdin) */
    int n_steps;
    tv_Step *steps;
    tv_ScriptDirectives directives;
} tv_Script;

/* Parses data[0..len). On failure returns false with err naming name:line; the script is
 * then safe to free. */
bool tv_script_parse(tv_Script *script, const char *name, const char *data, size_t len, tv_Alloc alloc,
                     tv_Error *err);
/* Reads a file ("-" for stdin) of at most TV_SCRIPT_MAX_BYTES and parses it. */
bool tv_script_load(tv_Script *script, const char *path, tv_Alloc alloc, tv_Error *err);
void tv_script_free(tv_Script *script);

#endif
