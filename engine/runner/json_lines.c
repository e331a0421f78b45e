/* json_lines.c - where each value of a JSON text starts (json_lines.h).
 * cJSON keeps no positions, so one pass over the text records the line of every value
 * in document order, which is also the order of a pre-order walk of cJSON's tree (it
 * keeps members and elements in order, duplicates included); zipping the two gives each
 * node its line. The pass follows cJSON's own rules (bytes <= 32 are blanks, a leading
 * byte-order mark is skipped) and is bounded by the text's length; if the two counts
 * ever disagree, every line is unknown (0) rather than wrong.
 * Trust boundary: the text is untrusted, but only texts cJSON accepted are scanned.
 * Depends on: cJSON, libc. */
#include "runner/json_lines.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool is_ws(unsigned char c) { return c <= 32; } /* what cJSON skips */

/* Appends the line of each value of s[0..n) to out (at most max); returns the count. */
static int scan_values(const char *s, size_t n, int *out, int max)
{
    int line = 1, count = 0;
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3; /* cJSON skips a byte-order mark */
    while (i < n && count <= max) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            line++;
        if (is_ws(c) || c == ',' || c == ':' || c == ']' || c == '}') {
            i++;
            continue;
        }
        int start = line;
        if (c == '"') {
            size_t j = i + 1;
            while (j < n && s[j] != '"') {
                if (s[j] == '\\' && j + 1 < n)
                    j++;
                line += s[j] == '\n';
                j++;
            }
            i = j + 1;
            size_t k = i;
            while (k < n && is_ws((unsigned char)s[k]))
                k++;
            if (k < n && s[k] == ':')
                continue; /* a key, not a value */
        } else if (c == '{' || c == '[')
            i++;
        else
            while (i < n && !is_ws((unsigned char)s[i]) && !strchr(",:]}", s[i]))
                i++;
        if (count < max)
            out[count] = start;
        count++;
    }
    return count;
}

static void collect(const cJSON *node, tv_JsonNodeLine *map, int *k, int max)
{
    for (; node; node = node->next) {
        if (*k < max)
            map[*k].node = node;
        (*k)++;
        collect(node->child, map, k, max);
    }
}

static int by_node(const void *a, const void *b)
{
    const cJSON *x = ((const tv_JsonNodeLine *)a)->node, *y = ((const tv_JsonNodeLine *)b)->node;
    return x < y ? -1 : x > y;
}

void tv_json_lines_build(tv_JsonLines *l, const cJSON *root, const char *text, size_t len)
{
    int nodes = 0;
    collect(root, NULL, &nodes, 0);
    l->map = calloc((size_t)nodes + 1, sizeof *l->map);
    int *at = calloc((size_t)nodes + 1, sizeof *at);
    if (l->map && at) {
        int k = 0;
        collect(root, l->map, &k, nodes);
        if (scan_values(text, len, at, nodes) == nodes) {
            for (int i = 0; i < nodes; i++)
                l->map[i].line = at[i];
            qsort(l->map, (size_t)nodes, sizeof *l->map, by_node);
            l->n = nodes;
        }
    }
    free(at);
    if (!l->n) {
        free(l->map);
        l->map = NULL;
    }
}

int tv_json_lines_get(const tv_JsonLines *l, const cJSON *node)
{
    tv_JsonNodeLine key = {node, 0};
    const tv_JsonNodeLine *hit = l->map ? bsearch(&key, l->map, (size_t)l->n, sizeof key, by_node) : NULL;
    return hit ? hit->line : 0;
}

void tv_json_lines_free(tv_JsonLines *l)
{
    free(l->map);
    l->map = NULL;
    l->n = 0;
}
