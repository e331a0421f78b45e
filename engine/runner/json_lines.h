/* json_lines.h - the line of each value of a parsed JSON text, for errors that name
 * file:line (cJSON gives no positions). Used by the scenario parser; any cJSON reader
 * of untrusted files can use it.
 * Depends on: cJSON. */
#ifndef TV_JSON_LINES_H
#define TV_JSON_LINES_H

#include <stddef.h>

#include <cjson/cJSON.h>

typedef struct tv_JsonNodeLine {
    const cJSON *node;
    int line;
} tv_JsonNodeLine;

typedef struct tv_JsonLines {
    tv_JsonNodeLine *map; /* sorted by node; NULL when unknown */
    int n;
} tv_JsonLines;

/* Maps every node of root, parsed by cJSON from text[0..len), to the 1-based line
 * where its value starts. Out of memory leaves every line unknown. */
void tv_json_lines_build(tv_JsonLines *l, const cJSON *root, const char *text, size_t len);
/* The line where node's value starts (for an object member, the line of its value,
 * which is its key's line as JSON is usually written); 0 when unknown. */
int tv_json_lines_get(const tv_JsonLines *l, const cJSON *node);
/* Safe on a zeroed tv_JsonLines and safe to call twice. */
void tv_json_lines_free(tv_JsonLines *l);

#endif
