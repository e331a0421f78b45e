/* po2c.c - build tool: compiles assets/i18n/en.po into the built-in English table
 * (en_builtin.inc) that i18n.c falls back to when the installed en.po is missing or
 * broken. Usage: po2c IN.po OUT.inc
 *
 * Trust boundary: en.po is our own file, but it is checked exactly as at run time and
 * more strictly (every key of the format table must be there, with its conversions),
 * so a shipped en.po that would crash printf fails the build instead. The output is
 * written with every byte outside printable ASCII escaped, so no text can end the C
 * string early or form a trigraph.
 * Depends on: po.c, formats.c, core (error), libc. Prints: it is a tool, not the game. */
#include "i18n/i18n.h"
#include "i18n/po.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_c_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\' || *p == '?')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7F)
            fprintf(f, "\\%03o", *p); /* octal stops after three digits; \x would not */
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: po2c IN.po OUT.inc\n");
        return 2;
    }
    tv_Po po;
    tv_Error err = {0};
    if (!tv_po_load(argv[1], &po, &err)) {
        fprintf(stderr, "%s:%d: %s\n", err.file, err.line, err.msg);
        return 1;
    }
    int bad = 0;
    for (size_t i = 0; tv_i18n_format_key(i); i++) {
        const char *key = tv_i18n_format_key(i), *want = tv_i18n_format_of(key);
        int at = -1;
        for (int j = 0; j < po.n && at < 0; j++)
            if (strcmp(po.v[j].key, key) == 0)
                at = j;
        if (at < 0 || !tv_po_conversions_are(po.v[at].text, want)) {
            fprintf(stderr, "%s:%d: '%s' must be in en.po with the conversions the code passes (\"%s\"; "
                            "engine/i18n/formats.c)\n",
                    argv[1], at < 0 ? 0 : po.v[at].str_line, key, want);
            bad++;
        }
    }
    if (bad) {
        tv_po_free(&po);
        return 1;
    }
    qsort(po.v, (size_t)po.n, sizeof *po.v, tv_po_cmp_entry);
    FILE *f = fopen(argv[2], "w");
    if (!f) {
        perror(argv[2]);
        tv_po_free(&po);
        return 1;
    }
    fprintf(f, "/* Generated from %s by po2c (engine/i18n/po2c.c); do not edit. Sorted by key. */\n", argv[1]);
    for (int i = 0; i < po.n; i++) {
        fputc('{', f);
        put_c_string(f, po.v[i].key);
        fputs(", ", f);
        put_c_string(f, po.v[i].text);
        fputs("},\n", f);
    }
    tv_po_free(&po);
    if (fclose(f) != 0) {
        perror(argv[2]);
        return 1;
    }
    return 0;
}
