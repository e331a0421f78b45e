/* dev_reload.c - live reload of the --dev packs while the game runs (dev_reload.h).
 * Depends on: io/dirwatch, ui (game), plugin host, SDL2. */
#include "app/dev_reload.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The thread: one SDL event per pack whose Lua files were saved, until stop is written. */
static int watch_thread(void *ud)
{
    tv_DevReload *d = ud;
    bool changed[TV_DIRWATCH_MAX], gone[TV_DIRWATCH_MAX];
    for (;;) {
        int rc = tv_dirwatch_wait(&d->watch, d->stop[0], -1, changed, gone);
        if (rc < 0)
            return 0;
        for (int i = 0; rc > 0 && i < d->n; i++)
            if (changed[i]) {
                SDL_Event ev = {.type = d->event};
                ev.user.code = i;
                SDL_PushEvent(&ev); /* thread-safe; wakes SDL_WaitEventTimeout */
            }
    }
}

bool tv_dev_reload_init(tv_DevReload *d, tv_PackSet *packs, int n, const tv_LoadOptions *opt, tv_Error *err)
{
    memset(d, 0, sizeof *d);
    d->stop[0] = d->stop[1] = -1;
    d->watch.fd = -1;
    if (n <= 0)
        return true;
    if (n > TV_DIRWATCH_MAX)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "--dev: at most %d packs at once", TV_DIRWATCH_MAX);
    d->packs = packs;
    d->n = n;
    d->opt = *opt;
    d->opt.background = false; /* the author is waiting for it */
    if (!tv_dirwatch_init(&d->watch, err))
        return false;
    for (int i = 0; i < n; i++)
        if (tv_dirwatch_add(&d->watch, packs->packs[i].dir, err) < 0)
            return false;
    d->event = SDL_RegisterEvents(1);
    if (d->event == (Uint32)-1)
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "--dev: no SDL event type left");
    if (pipe(d->stop) != 0)
        return tv_error_set(err, TV_ERR_IO, NULL, 0, "--dev: cannot make a pipe");
    /* Not for the pack workers and checks this process starts. */
    fcntl(d->stop[0], F_SETFD, FD_CLOEXEC);
    fcntl(d->stop[1], F_SETFD, FD_CLOEXEC);
    d->thread = SDL_CreateThread(watch_thread, "trivium-dev-watch", d);
    if (!d->thread)
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "--dev: cannot start the watch thread: %s", SDL_GetError());
    return true;
}

bool tv_dev_reload_event(const tv_DevReload *d, const SDL_Event *ev, int *pack)
{
    if (!d->thread || ev->type != d->event || ev->user.code < 0 || ev->user.code >= d->n)
        return false;
    *pack = ev->user.code;
    return true;
}

/* Appends text to out (size bytes, NUL-terminated), cut at the end when it is full. */
static void append(char *out, size_t size, const char *text)
{
    size_t len = strlen(out);
    snprintf(out + len, size - len, "%s", text);
}

/* What the overlay shows for a pack that did not load: its error (file:line: message)
 * with the traceback of the Lua frames it was raised in, then its other findings, one a
 * line. */
static void describe(const tv_Pack *p, char *out, size_t size)
{
    char error[1200];
    tv_error_format(&p->error, error, sizeof error);
    snprintf(out, size, "%s", error);
    /* The error is the first error among the findings: its frames come right after it. */
    int error_at = -1;
    for (int i = 0; i < p->n_diags && error_at < 0; i++) {
        const tv_Diag *dg = &p->diags[i];
        char line[1200];
        snprintf(line, sizeof line, "%s:%d: %s", dg->file ? dg->file : "", dg->line, dg->msg ? dg->msg : "");
        if (!dg->warning && strcmp(line, error) == 0)
            error_at = i;
    }
    if (error_at >= 0 && p->diags[error_at].n_trace) {
        append(out, size, "\ntraceback:");
        for (int f = 0; f < p->diags[error_at].n_trace; f++) {
            append(out, size, "\n    ");
            append(out, size, p->diags[error_at].trace[f]);
        }
    }
    for (int i = 0; i < p->n_diags; i++) {
        const tv_Diag *dg = &p->diags[i];
        if (i == error_at)
            continue;
        char line[1200];
        snprintf(line, sizeof line, "\n%s%s:%d: %s", dg->warning ? "warning: " : "", dg->file ? dg->file : "",
                 dg->line, dg->msg ? dg->msg : "");
        append(out, size, line);
    }
}

/* All the packs' reload errors, one after the other, or "" when none stands. */
static void show_errors(tv_DevReload *d, tv_Game *g)
{
    char text[4096] = "";
    for (int i = 0; i < d->n; i++)
        if (d->broken[i]) {
            size_t len = strlen(text);
            snprintf(text + len, sizeof text - len, "%s%s", len ? "\n" : "", d->errors[i]);
        }
    tv_game_dev_error(g, text[0] ? text : NULL);
}

static void reload_one(tv_DevReload *d, tv_Game *g, int i)
{
    tv_Pack *now = &d->packs->packs[i];
    tv_PackSet fresh;
    tv_packset_init(&fresh, d->packs->alloc);
    fresh.display_base = d->packs->display_base;
    tv_Error err = {0};
    if (!tv_packset_add(&fresh, now->dir, &err)) {
        tv_error_format(&err, d->errors[i], sizeof d->errors[i]);
        d->broken[i] = true;
        fprintf(stderr, "trivium: dev: %s\n", d->errors[i]);
        tv_packset_free(&fresh);
        return;
    }
    tv_packset_load(&fresh, &d->opt, NULL);
    tv_Pack *got = &fresh.packs[0];
    if (!got->loaded) {
        describe(got, d->errors[i], sizeof d->errors[i]);
        d->broken[i] = true;
        fprintf(stderr, "trivium: dev: %s did not load; the last good version keeps playing:\n%s\n", got->folder,
                d->errors[i]);
        tv_packset_free(&fresh);
        return;
    }
    tv_PackSet *grown = realloc(d->retired, sizeof *grown * (size_t)(d->n_retired + 1));
    if (!grown) {
        snprintf(d->errors[i], sizeof d->errors[i], "%s: out of memory while reloading", got->folder);
        d->broken[i] = true;
        tv_packset_free(&fresh);
        return;
    }
    d->retired = grown;
    /* The new version takes the old one's place (and index) in the game's set; the old
     * one lives on in fresh, kept with the retired ones. */
    tv_Pack old = *now;
    *now = *got;
    *got = old;
    d->retired[d->n_retired++] = fresh;
    tv_game_dev_pack_replaced(g, got, now);
    d->broken[i] = false;
    fprintf(stderr, "trivium: dev: reloaded %s (%d questions)\n", now->id, now->n_questions);
}

void tv_dev_reload_pack(tv_DevReload *d, tv_Game *g, int pack)
{
    for (int i = 0; i < d->n; i++) {
        if (pack >= 0 && i != pack)
            continue;
        if (tv_game_packs_loading(g)) /* the preload thread has the set: later */
            d->pending[i] = true;
        else
            reload_one(d, g, i);
    }
    if (d->n)
        show_errors(d, g);
}

void tv_dev_reload_pending(tv_DevReload *d, tv_Game *g)
{
    for (int i = 0; i < d->n; i++)
        if (d->pending[i] && !tv_game_packs_loading(g)) {
            d->pending[i] = false;
            tv_dev_reload_pack(d, g, i);
        }
}

void tv_dev_reload_free(tv_DevReload *d)
{
    if (d->n == 0) /* zeroed, or play without --dev: nothing was opened */
        return;
    if (d->thread) {
        ssize_t w = write(d->stop[1], "x", 1);
        (void)w; /* a full pipe also wakes the thread */
        SDL_WaitThread(d->thread, NULL);
        d->thread = NULL;
    }
    for (int i = 0; i < 2; i++)
        if (d->stop[i] >= 0)
            close(d->stop[i]), d->stop[i] = -1;
    tv_dirwatch_free(&d->watch);
    for (int i = 0; i < d->n_retired; i++)
        tv_packset_free(&d->retired[i]);
    free(d->retired);
    d->retired = NULL;
    d->n_retired = 0;
}
