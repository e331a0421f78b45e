/* cmd_list.c - `trivium list` (the packs found, with question counts or the error that
 * rejected each).
 * Depends on: core, plugin host (through cli.c); never Lua or SDL. */
#include <stddef.h>
#include <stdio.h>

#include "app/cli.h"
#include "app/commands.h"

static const char *const usage_list = "usage: trivium list [--plugins DIR ...] [--lang en|nl]\n"
                                      "\n"
                                      "Shows every pack found with id, title, version and question count\n"
                                      "(static + generated), or the error that rejected it.\n";

static const tv_ArgSpec list_args[] = {TV_CLI_ROW_PLUGINS, TV_CLI_ROW_LANG};

int tv_cmd_list(tv_Cli *cli, int argc, char **argv)
{
    int rc = tv_cli_parse(cli, usage_list, list_args, sizeof list_args / sizeof list_args[0], cli, argc, argv, 2);
    if (rc >= 0)
        return rc;
    tv_PackSet set;
    tv_Error err = {0};
    tv_packset_init(&set, tv_alloc_default());
    if (!tv_cli_discover(cli, &set, &err)) {
        tv_packset_free(&set);
        return tv_cli_fail(&err);
    }
    tv_LoadOptions opt = tv_cli_load_options(cli, cli->seed, cli->lang);
    tv_packset_load(&set, &opt, NULL);
    if (set.n == 0)
        printf("no packs found (search path: --plugins, $TRIVIUM_PLUGIN_PATH, the installed packs)\n");
    else
        printf("%-22s %-36s %-8s %s\n", "ID", "TITLE", "VERSION", "QUESTIONS");
    for (int i = 0; i < set.n; i++) {
        const tv_Pack *p = &set.packs[i];
        if (p->loaded) {
            char version[64];
            tv_copy_printable(version, sizeof version, p->version); /* any UTF-8 the pack chose */
            printf("%-22s %-36.36s %-8s %d (%d static + %d generated)\n", p->id, p->title, version, p->n_questions,
                   p->n_static, p->n_generated);
        } else {
            char buf[2048], folder[256];
            tv_error_format(&p->error, buf, sizeof buf);
            tv_copy_printable(folder, sizeof folder, p->folder); /* a folder name can hold escapes */
            printf("%-22s ERROR: %s\n", folder, buf);
        }
    }
    tv_packset_free(&set);
    return TV_EXIT_OK;
}
