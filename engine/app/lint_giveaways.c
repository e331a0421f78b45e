/* lint_giveaways.c - undeclared giveaways as lint findings (lint_giveaways.h).
 * Trust boundary: the questions were checked by the plugin host; the message copies
 * their ids and answers as printable text (the host allows no control characters).
 * Depends on: core (giveaway), plugin host. */
#include "app/lint_giveaways.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/giveaway.h"

typedef struct Ctx {
    tv_LintReport report;
    void *ctx;
} Ctx;

/* "plugins/x/pack.lua:42" -> file "plugins/x/pack.lua", line 42. */
static int split_where(const char *where, char *file, size_t size)
{
    snprintf(file, size, "%s", where);
    char *colon = strrchr(file, ':');
    if (!colon)
        return 0;
    int line = atoi(colon + 1);
    if (line > 0)
        *colon = '\0';
    return line;
}

static bool one(void *p, const tv_Question *earlier, const tv_Question *later, const tv_Giveaway *g)
{
    Ctx *c = p;
    char file[1100], msg[2000];
    int line = split_where(earlier->where, file, sizeof file);
    if (!*file)
        snprintf(file, sizeof file, "%s", earlier->pack);
    snprintf(msg, sizeof msg,
             "question '%s' shows '%s' in its %s, the answer of question '%s' (%s): the draw keeps them apart; "
             "declare it (asks = \"FACT\" on '%s', shows = { \"FACT\" } on '%s') or reword",
             earlier->id, g->what, g->field, later->id, *later->where ? later->where : later->pack, later->id,
             earlier->id);
    c->report(c->ctx, file, line, msg);
    return true;
}

bool tv_lint_giveaways(const tv_PackSet *set, const bool *want, tv_LintReport report, void *ctx)
{
    Ctx c = {report, ctx};
    for (int i = 0; i < set->n; i++) {
        const tv_Pack *p = &set->packs[i];
        if ((want && !want[i]) || !p->loaded || p->n_questions == 0)
            continue;
        const tv_Question **pool = malloc(sizeof *pool * (size_t)p->n_questions);
        if (!pool)
            return false;
        for (int k = 0; k < p->n_questions; k++)
            pool[k] = &p->questions[k];
        bool ok = tv_giveaways_undeclared(pool, p->n_questions, tv_alloc_default(), one, &c);
        free(pool);
        if (!ok)
            return false;
    }
    return true;
}
