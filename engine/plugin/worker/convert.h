/* convert.h - validates a pack's Lua tables and turns them into plain JSON data.
 *
 * Runs inside the worker, under lua_pcall, using raw table access only, so a pack's
 * metamethods never run and an error can never escape unprotected. Output trees live in
 * the tv_Convert struct (not on the C stack), so nothing leaks if Lua unwinds.
 * Depends on: Lua 5.4, cJSON, core (text, question). */
#ifndef TV_CONVERT_H
#define TV_CONVERT_H

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
    int errors;
    int pack_ref;     /* registry ref of the table pack.lua returned */
} tv_Convert;

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
    bool bad;         /* an error was reported: drop the item */
} tv_ConvItem;

/* Reads field name of its table as display text in the session language into obj[key]
 * ("" when absent and not required); reports what is wrong. translate: a plain string in
 * a multi-language pack gets a warning. Leaves the stack as it was. */
void tv_convert_add_text(tv_ConvItem *it, cJSON *obj, const char *key, const char *name, bool required,
                         size_t max, bool translate);

/* Replaces each byte of s that is not part of valid UTF-8 with '?', in place: what the
 * wire's strings must be (a folder name or a message may be anything). */
void tv_convert_make_utf8(char *s);
/* Records a diagnostic; severity is "error" or "warning". */
void tv_convert_diag(tv_Convert *c, const char *severity, const char *where, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif
