/* convert.h - validates a pack's Lua tables and turns them into plain JSON data.
 *
 * Runs inside the worker, under lua_pcall, using raw table access only, so a pack's
 * metamethods never run and an error can never escape unprotected. Output trees live in
 * the tv_Convert struct (not on the C stack), so nothing leaks if Lua unwinds.
 * Depends on: Lua 5.4, cJSON, core (text, question). */
#ifndef TV_CONVERT_H
#define TV_CONVERT_H

#include <time.h>

#include <cjson/cJSON.h>

#include "plugin/worker/sandbox.h"

typedef struct tv_Convert {
    tv_Sandbox *sb;
    const char *lang;
    int n_langs;
    char langs[8][8];
    cJSON *pack;      /* meta fields */
    cJSON *questions; /* array */
    cJSON *diags;     /* array of {where, severity, msg} */
    cJSON *ids;       /* object used as a set of question ids */
    cJSON *sources;   /* object key -> source, or NULL when the pack has none */
    cJSON *used_sources;
    cJSON *source_shows; /* object key -> array of the facts that source's title shows */
    int errors;
    int pack_ref;     /* registry ref of the table pack.lua returned */
    int n_diags;      /* diagnostics in diags, the summary included */
    int dropped;      /* diagnostics past the cap, counted in the summary */
    cJSON *summary;   /* the "... and N more" diagnostic, once the cap is reached */
    tv_SbPlace *places; /* where each question of the list being converted is written */
    long time_limit_ms; /* for each of tv_convert_pack and tv_convert_questions */
    struct timespec deadline;
    bool timed_out;   /* the deadline passed: conversion stopped, with an error */
} tv_Convert;

/* Diagnostics kept per pack; past it one more says how many were left out. */
#define TV_CONVERT_MAX_DIAGS 100
/* How much CPU time converting the tables may take, once for the pack table and once
 * for each list of questions (static, generated): the worker's own C work, which no
 * instruction budget counts. Good packs take a few milliseconds. */
#define TV_CONVERT_TIME_LIMIT_MS 1000

/* The fields convert reads from the tables a pack returns, NULL-terminated: the pack
 * table, a question (plus "__where", which the quiz.* constructors set), a source. A
 * pack or question field not listed gets an "unknown field" warning. Also printed by
 * pack-worker --describe-api, for the docs check. */
extern const char *const tv_convert_pack_fields[];
extern const char *const tv_convert_question_fields[];
extern const char *const tv_convert_source_fields[];

void tv_convert_init(tv_Convert *c, tv_Sandbox *sb, const char *lang);
void tv_convert_free(tv_Convert *c);

/* Reads the pack table (at the top of the stack; it is popped and kept in the registry).
 * Returns false if the pack is unusable; the reason is in c->diags. */
bool tv_convert_pack(tv_Convert *c);
/* Converts the list at the top of the stack (popped) as static or generated questions. */
bool tv_convert_questions(tv_Convert *c, bool generated);
/* Warns about sources no question used. */
void tv_convert_finish(tv_Convert *c);

/* ---- shared by convert.c and convert_pack.c only ---- */

/* A table being converted: a question, or the pack table. */
typedef struct tv_ConvItem {
    tv_Convert *c;
    int t;            /* stack index of the table */
    char where[1300]; /* file:line */
    char label[160];  /* "question 'id'", "the pack table" */
    int index;        /* 1-based position in its list, or 0 */
    bool bad;         /* an error was reported: drop the item */
    bool generated;   /* a generated question: its errors drop it, not the pack */
    const char *field; /* the field a diagnostic is about, when known: its own line is
                          searched for below the constructor's */
} tv_ConvItem;

/* Reads field name of its table as display text in the session language into obj[key]
 * ("" when absent and not required); reports what is wrong. translate: a plain string in
 * a multi-language pack gets a warning. Leaves the stack as it was. */
void tv_convert_add_text(tv_ConvItem *it, cJSON *obj, const char *key, const char *name, bool required,
                         size_t max, bool translate);

/* Starts the clock of one conversion; true while it has time left, else (once) records
 * the error and sets timed_out. */
void tv_convert_start_clock(tv_Convert *c);
bool tv_convert_in_time(tv_Convert *c, const char *where);

/* The string keys of the table at idx that are not in known (NULL-terminated), sorted,
 * so that their warnings come in the same order every run (the order of pairs changes
 * from run to run); *other says whether it has a key that is not a string. The strings
 * are the table's; free the array. Stops when the clock runs out (tv_convert_in_time). */
const char **tv_convert_unknown_keys(tv_Convert *c, int idx, const char *const *known, const char *where, int *n,
                                     bool *other);

/* Replaces each byte of s that is not part of valid UTF-8 with '?', in place: what the
 * wire's strings must be (a folder name or a message may be anything). */
void tv_convert_make_utf8(char *s);
/* Records a diagnostic; severity is "error" or "warning". Past TV_CONVERT_MAX_DIAGS only
 * counted (errors still make the pack unusable). */
void tv_convert_diag(tv_Convert *c, const char *severity, const char *where, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif
