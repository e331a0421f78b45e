/* cmd_exchange.c - `trivium export` (a pack's questions for one seed and language in an
 * exchange format) and `trivium import` (a file in such a format into a new pack.lua).
 * The formats live in engine/exchange; this file parses flags, loads the pack, reads and
 * writes files and prints what was skipped. docs/exchange.md is the reference.
 * Depends on: app/cli, exchange, io (file), plugin host (through cli.c). Never Lua or SDL.
 * Trust boundary: the import file is untrusted: read with a size cap (FIFOs and devices
 * refused) and handed to the exchange readers; the output folder's pack.lua is never
 * overwritten. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/cli.h"
#include "app/commands.h"
#include "exchange/exchange.h"
#include "io/file.h"

static const char *const usage_export =
    "usage: trivium export --pack ID --format opentdb|gift|aiken|csv|json [--seed N] [--lang en|nl]\n"
    "                     [--out FILE] [--plugins DIR ...]\n"
    "\n"
    "Writes the pack's questions (static and, for the seed, generated; default seed 1) in\n"
    "one language to FILE, or to standard output. Each question the format cannot hold is\n"
    "left out and named on standard error as `skipped QID: why`. docs/exchange.md lists\n"
    "what each format holds.\n";

static const char *const usage_import =
    "usage: trivium import FILE --format opentdb|gift|aiken|csv|json --out DIR [--id ID]\n"
    "                      [--lang en|nl]\n"
    "\n"
    "Writes DIR/pack.lua: one quiz.*{...} call per question of FILE, texts in the --lang\n"
    "given (default en). Items that have no Trivium form are left out and named on\n"
    "standard error as `FILE:LINE: skipped: why`. An existing DIR/pack.lua is never\n"
    "overwritten. Then run `trivium lint DIR`: its warnings list what the format lacks\n"
    "(translations, sources, explanations). Exit 0 when written, 1 when FILE cannot be\n"
    "read or holds no question, 2 for a usage error.\n";

typedef struct XArgs {
    tv_Cli *cli;
    const char *format, *out, *id, *file;
    tv_XFormat fmt;
} XArgs;

static bool set_format(void *dest, const tv_ArgSpec *spec, const char *value, tv_Error *err)
{
    XArgs *a = dest;
    if (!tv_xformat_parse(value, &a->fmt))
        return tv_args_expected(err, spec, value);
    a->format = value;
    return true;
}

/* The tv_Cli rows, forwarded: args.h's way for a command with fields of its own. */
static bool set_plugins(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    return tv_cli_arg_plugins(((XArgs *)d)->cli, s, v, e);
}
static bool set_pack(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    return tv_cli_arg_pack(((XArgs *)d)->cli, s, v, e);
}
static bool set_seed(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    return tv_cli_arg_seed(((XArgs *)d)->cli, s, v, e);
}
static bool set_lang(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    return tv_cli_arg_lang(((XArgs *)d)->cli, s, v, e);
}
static bool set_file(void *d, const tv_ArgSpec *s, const char *v, tv_Error *e)
{
    XArgs *a = d;
    if (a->file)
        return tv_error_set(e, TV_ERR_USAGE, NULL, 0, "unexpected argument '%s' (one FILE only)", v);
    (void)s;
    a->file = v;
    return true;
}

#define FORMAT_ROW                                                                                              \
    {"--format", true, set_format, 0, "opentdb, gift, aiken, csv or json", "the exchange format"}
#define LANG_ROW {"--lang", true, set_lang, 0, "en or nl", "the texts' language"}

static const tv_ArgSpec export_args[] = {
    {"--plugins", true, set_plugins, 0, NULL, "also look for packs in DIR (repeatable)"},
    TV_CLI_ROW_ONLY_PLUGINS(set_plugins),
    {"--pack", true, set_pack, 0, NULL, "the pack to export"},
    {"--seed", true, set_seed, 0, "a whole number from 0 to 18446744073709551615", "the seed for generated questions"},
    LANG_ROW,
    FORMAT_ROW,
    {"--out", true, tv_arg_string, offsetof(XArgs, out), NULL, "write to FILE instead of standard output"},
};

static const tv_ArgSpec import_args[] = {
    FORMAT_ROW,
    LANG_ROW,
    {"--out", true, tv_arg_string, offsetof(XArgs, out), NULL, "the pack folder to create"},
    {"--id", true, tv_arg_string, offsetof(XArgs, id), NULL, "the pack id (default: from DIR)"},
    {NULL, true, set_file, 0, NULL, "the file to import"},
};

typedef struct Skips {
    const char *file; /* import: the input's name; export: NULL */
    int n;
} Skips;

static void report_skip(void *ud, int line, const char *qid, const char *why)
{
    Skips *s = ud;
    char id[256], file[512];
    tv_copy_printable(id, sizeof id, qid && qid[0] ? qid : "?");
    s->n++;
    if (!s->file) {
        fprintf(stderr, "skipped %s: %s\n", id, why);
        return;
    }
    tv_copy_printable(file, sizeof file, s->file);
    fprintf(stderr, "%s:%d: skipped: %s\n", file, line, why);
}

/* {====================================================================== export */

static int export_pack(XArgs *a, const tv_Pack *p)
{
    tv_XList list;
    tv_XBuf out;
    tv_xlist_init(&list, tv_alloc_default());
    tv_xbuf_init(&out, tv_alloc_default());
    list.pack = p->id;
    list.lang = a->cli->lang;
    tv_XSource src[256];
    int n_src = p->n_sources < 256 ? p->n_sources : 256;
    for (int i = 0; i < n_src; i++) {
        const tv_Source *s = &p->sources[i];
        src[i] = (tv_XSource){s->key, s->publisher, s->title, s->date, s->url};
    }
    Skips skips = {NULL, 0};
    tv_Error err = {0};
    int rc = TV_EXIT_OK;
    if (!tv_xlist_copy(&list, p->questions, p->n_questions, src, n_src) ||
        !tv_xwrite(a->fmt, &list, &out, report_skip, &skips))
        rc = tv_cli_fail(&(tv_Error){.code = TV_ERR_NOMEM, .msg = "out of memory"});
    else if (a->out) {
        if (!tv_file_write_atomic(a->out, out.data ? out.data : "", out.len, &err))
            rc = tv_cli_fail(&err);
    } else if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len)
        rc = 1;
    tv_xbuf_free(&out);
    tv_xlist_free(&list);
    return rc;
}

int tv_cmd_export(tv_Cli *cli, int argc, char **argv)
{
    XArgs a = {.cli = cli};
    int rc = tv_cli_parse(cli, usage_export, export_args, sizeof export_args / sizeof export_args[0], &a, argc,
                          argv, 2);
    if (rc >= 0)
        return rc;
    if (cli->n_select != 1 || strcmp(cli->select[0], "all") == 0)
        return tv_cli_usage("export", "--pack names the one pack to export");
    if (!a.format)
        return tv_cli_usage("export", "--format is required (opentdb, gift, aiken, csv or json)");
    tv_PackSet set;
    tv_Error err = {0};
    int sel[TV_MAX_SELECT], n_sel = 0;
    tv_packset_init(&set, tv_alloc_default());
    if (!tv_cli_discover(cli, &set, &err) || !tv_cli_select(cli, &set, sel, &n_sel, &err))
        rc = tv_cli_fail(&err);
    else
        rc = export_pack(&a, &set.packs[sel[0]]);
    tv_packset_free(&set);
    return rc;
}

/* }====================================================================== */

/* {====================================================================== import */

/* A pack id from the folder's last name: [a-z0-9.-], lower-cased, at most 64. */
static void id_from_dir(const char *dir, char *out, size_t size)
{
    size_t end = strlen(dir);
    while (end > 1 && dir[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && dir[start - 1] != '/')
        start--;
    size_t o = 0;
    for (size_t i = start; i < end && o + 1 < size && o < 64; i++) {
        char c = dir[i];
        c = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        out[o++] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ? c : '-';
    }
    out[o] = '\0';
    if (o == 0 || strspn(out, ".") == o)
        snprintf(out, size, "imported");
}

static bool id_valid(const char *id)
{
    size_t n = strlen(id);
    return n > 0 && n <= 64 && strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789.-") == n;
}

static int write_pack(const XArgs *a, const tv_XList *list, const char *id)
{
    char path[4096], comment[1024];
    tv_Error err = {0};
    if (snprintf(path, sizeof path, "%s/pack.lua", a->out) >= (int)sizeof path)
        return tv_cli_usage("import", "--out is too long");
    struct stat st;
    if (lstat(path, &st) == 0 || errno != ENOENT) {
        tv_error_set(&err, TV_ERR_IO, path, 0, "already exists; not overwritten (choose another --out)");
        return tv_cli_fail(&err);
    }
    if (!tv_file_mkdirs(a->out, 0755, &err))
        return tv_cli_fail(&err);
    char file[512];
    tv_copy_printable(file, sizeof file, a->file);
    snprintf(comment, sizeof comment, "Imported by `trivium import` from %s (%s); the texts are in '%s'.", file,
             tv_xformat_name(a->fmt), list->lang);
    tv_XBuf lua;
    tv_xbuf_init(&lua, tv_alloc_default());
    int rc = TV_EXIT_OK;
    if (!tv_xwrite_lua(list, id, comment, &lua))
        rc = tv_cli_fail(&(tv_Error){.code = TV_ERR_NOMEM, .msg = "out of memory"});
    else if (!tv_file_write_atomic(path, lua.data, lua.len, &err))
        rc = tv_cli_fail(&err);
    tv_xbuf_free(&lua);
    return rc;
}

int tv_cmd_import(tv_Cli *cli, int argc, char **argv)
{
    XArgs a = {.cli = cli};
    int rc = tv_cli_parse(cli, usage_import, import_args, sizeof import_args / sizeof import_args[0], &a, argc,
                          argv, 2);
    if (rc >= 0)
        return rc;
    if (!a.file)
        return tv_cli_usage("import", "FILE is required");
    if (!a.format)
        return tv_cli_usage("import", "--format is required (opentdb, gift, aiken, csv or json)");
    if (!a.out || !a.out[0])
        return tv_cli_usage("import", "--out DIR is required");
    char id[80];
    if (a.id && !id_valid(a.id))
        return tv_cli_usage("import", "--id %s: expected 1 to 64 of a-z, 0-9, '.' and '-'", a.id);
    if (a.id)
        snprintf(id, sizeof id, "%s", a.id);
    else
        id_from_dir(a.out, id, sizeof id);

    char *data = NULL;
    size_t len = 0;
    tv_Error err = {0};
    if (tv_file_read(a.file, TV_X_MAX_INPUT, TV_FILE_FOLLOW, &data, &len, &err) != TV_FILE_OK)
        return tv_cli_fail(&err);
    tv_XList list;
    tv_xlist_init(&list, tv_alloc_default());
    list.lang = cli->lang;
    Skips skips = {a.file, 0};
    if (!tv_xread(a.fmt, a.file, data, len, &list, report_skip, &skips, &err))
        rc = tv_cli_fail(&err);
    else if (list.n == 0) {
        tv_error_set(&err, TV_ERR_IO, a.file, 0, "holds no question Trivium can take (%d skipped)", skips.n);
        rc = tv_cli_fail(&err);
    } else if ((rc = write_pack(&a, &list, id)) == TV_EXIT_OK) {
        char dir[512];
        tv_copy_printable(dir, sizeof dir, a.out);
        printf("wrote %s/pack.lua: %d question%s, %d skipped; `trivium lint %s` lists what to add\n", dir, list.n,
               list.n == 1 ? "" : "s", skips.n, dir);
    }
    tv_xlist_free(&list);
    free(data);
    return rc;
}

/* }====================================================================== */
