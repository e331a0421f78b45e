/* giveaway.c - in-round giveaways, declared and found in the text (giveaway.h).
 * Depends on: core (question, text, alloc). Reads no clock, no file, no global state. */
#include "core/giveaway.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"

const char *tv_giveaway_kind_name(tv_GiveawayKind kind) { return kind == TV_GIVEAWAY_DECLARED ? "declared" : "text"; }

/* tv_text_fold, with a fast path for plain ASCII text (most of what packs write): there
 * folding is lower case and collapsed white space, the same as utf8proc gives, at a
 * fraction of the cost; the draw folds every round's texts. The caller frees with
 * tv_free(alloc, p, strlen(p) + 1). */
static char *fold(tv_Alloc alloc, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return tv_text_fold(alloc, s, len);
    char *out = tv_alloc(alloc, len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    bool pending_space = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            pending_space = o > 0;
            continue;
        }
        if (pending_space)
            out[o++] = ' ';
        pending_space = false;
        out[o++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    out[o] = '\0';
    char *shrunk = tv_realloc(alloc, out, len + 1, o + 1);
    return shrunk ? shrunk : out;
}

/* Folded copies of one question's texts, freed together. */
typedef struct Folded {
    int n;
    char *text[TV_MAX_OPTIONS + TV_MAX_ITEMS + TV_MAX_SOURCES + 4];
    const char *field[TV_MAX_OPTIONS + TV_MAX_ITEMS + TV_MAX_SOURCES + 4];
} Folded;

static void folded_free(Folded *f, tv_Alloc alloc)
{
    for (int i = 0; i < f->n; i++)
        tv_free(alloc, f->text[i], strlen(f->text[i]) + 1);
    f->n = 0;
}

/* Appends the folded form of s (skipped when empty); false when out of memory. Text that
 * is not valid UTF-8 never reaches the core (the host checks it), so a NULL from the
 * fold is taken as out of memory. */
static bool add(Folded *f, tv_Alloc alloc, const char *s, const char *field)
{
    if (!s || !*s)
        return true;
    char *t = fold(alloc, s, strlen(s));
    if (!t)
        return false;
    f->field[f->n] = field;
    f->text[f->n++] = t;
    return true;
}

/* What a player reads of q before the next question: prompt, options, items,
 * explanation (on the reveal) and its sources' titles (the reveal's source line). */
static bool fold_visible(const tv_Question *q, tv_Alloc alloc, Folded *f)
{
    f->n = 0;
    bool ok = add(f, alloc, q->prompt, "prompt");
    for (int i = 0; ok && q->type == TV_Q_CHOICE && i < q->n_options; i++)
        ok = add(f, alloc, q->options[i], "option");
    for (int i = 0; ok && q->type == TV_Q_ORDER && i < q->n_items; i++)
        ok = add(f, alloc, q->items[i], "item");
    ok = ok && add(f, alloc, q->explain, "explanation");
    if (q->n_sources > 0 && q->srcs)
        for (int i = 0; ok && i < q->n_sources && i < TV_MAX_SOURCES; i++)
            ok = add(f, alloc, q->srcs[i] ? q->srcs[i]->title : NULL, "source title");
    else
        ok = ok && add(f, alloc, q->src ? q->src->title : NULL, "source title");
    if (!ok)
        folded_free(f, alloc);
    return ok;
}

/* Length in code points: what "at least 4 characters" counts. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* A number as a player reads it: no trailing zeros, no exponent. */
static void number_text(char *buf, size_t size, double x)
{
    if (x == floor(x) && fabs(x) < 1e15)
        snprintf(buf, size, "%.0f", x);
    else {
        snprintf(buf, size, "%.6f", x);
        char *end = buf + strlen(buf) - 1;
        while (end > buf && *end == '0')
            *end-- = '\0';
        if (*end == '.')
            *end = '\0';
    }
}

/* The answer texts of q, as written (shown = what the message prints) and folded.
 * Returns the count; -1 when out of memory. */
static int answers_of(const tv_Question *q, tv_Alloc alloc, char **folded, const char **shown, char bufs[][96])
{
    int n = 0;
    const char *raw[TV_MAX_ACCEPT];
    int n_raw = 0;
    if (q->type == TV_Q_CHOICE && q->n_options > 0)
        raw[n_raw++] = q->options[0];
    else if (q->type == TV_Q_TEXT)
        for (int i = 0; i < q->n_accept; i++)
            raw[n_raw++] = q->accept[i];
    else if (q->type == TV_Q_NUMERIC) {
        char num[64];
        number_text(num, sizeof num, q->number);
        if (q->unit && *q->unit)
            snprintf(bufs[0], 96, "%s %s", num, q->unit);
        else
            snprintf(bufs[0], 96, "%s", num);
        raw[n_raw++] = bufs[0];
    }
    for (int i = 0; i < n_raw; i++) {
        char *f = fold(alloc, raw[i], strlen(raw[i]));
        if (!f) {
            for (int k = 0; k < n; k++)
                tv_free(alloc, folded[k], strlen(folded[k]) + 1);
            return -1;
        }
        /* Short answers ("Yes", "5") are everywhere; a number with its unit is not. */
        bool numeric_with_unit = q->type == TV_Q_NUMERIC && q->unit && *q->unit;
        if (!numeric_with_unit && chars(f) < 4) {
            tv_free(alloc, f, strlen(f) + 1);
            continue;
        }
        folded[n] = f;
        shown[n++] = raw[i];
    }
    return n;
}

static bool word_char(unsigned char c) { return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); }

/* needle appears in hay as whole words (folded text is lower case). */
static bool contains_words(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        bool start = p == hay || !word_char((unsigned char)p[-1]) || !word_char((unsigned char)needle[0]);
        bool end = !word_char((unsigned char)p[n]) || !word_char((unsigned char)needle[n - 1]);
        if (start && end)
            return true;
    }
    return false;
}

static bool in_list(const char *fact, const char *const *list, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(fact, list[i]) == 0)
            return true;
    return false;
}

/* Declared: the later question asks what the earlier asks or shows. */
static bool declared(const tv_Question *earlier, const tv_Question *later, int i, int j, tv_GiveawayFn fn, void *ctx,
                     bool *stop)
{
    if (!later->asks || !*later->asks)
        return false;
    bool twin = earlier->asks && strcmp(earlier->asks, later->asks) == 0;
    if (!twin && !in_list(later->asks, earlier->shows, earlier->n_shows))
        return false;
    tv_Giveaway g = {TV_GIVEAWAY_DECLARED, i, j, later->asks, twin ? "asks" : "shows"};
    *stop = !fn(ctx, earlier, later, &g);
    return true;
}

bool tv_giveaways_find(const tv_Question *const *round, int n, tv_Alloc alloc, tv_GiveawayFn fn, void *ctx)
{
    bool stop = false;
    for (int j = 1; j < n && !stop; j++) {
        const tv_Question *later = round[j];
        char *answers[TV_MAX_ACCEPT];
        const char *shown[TV_MAX_ACCEPT];
        char bufs[1][96];
        int n_answers = answers_of(later, alloc, answers, shown, bufs);
        if (n_answers < 0)
            return false;
        bool ok = true;
        for (int i = 0; i < j && !stop && ok; i++) {
            const tv_Question *earlier = round[i];
            declared(earlier, later, i, j, fn, ctx, &stop);
            if (stop || n_answers == 0)
                continue;
            Folded vis;
            if (!fold_visible(earlier, alloc, &vis)) {
                ok = false;
                break;
            }
            /* One report per pair: the first answer text found, where it is first shown. */
            bool found = false;
            for (int a = 0; a < n_answers && !found; a++)
                for (int t = 0; t < vis.n && !found; t++)
                    if (contains_words(vis.text[t], answers[a])) {
                        found = true;
                        tv_Giveaway g = {TV_GIVEAWAY_TEXT, i, j, shown[a], vis.field[t]};
                        stop = !fn(ctx, earlier, later, &g);
                    }
            folded_free(&vis, alloc);
        }
        for (int a = 0; a < n_answers; a++)
            tv_free(alloc, answers[a], strlen(answers[a]) + 1);
        if (!ok)
            return false;
    }
    return true;
}

struct tv_GiveawayScan {
    tv_Alloc alloc;
    int n, max;
    const tv_Question **qs;
    Folded *vis; /* the draw's: one text per question (join_visible), the field unnamed */
};

/* What fold_visible folds, joined by \x01 (kept by the fold, never a word character, so
 * no answer matches across two fields) and folded in one call: the draw asks only
 * whether an answer is shown, and one fold per question is what keeps it fast. */
static bool join_visible(const tv_Question *q, tv_Alloc alloc, Folded *f)
{
    const char *parts[TV_MAX_OPTIONS + TV_MAX_ITEMS + TV_MAX_SOURCES + 4];
    int n = 0;
    parts[n++] = q->prompt;
    for (int i = 0; q->type == TV_Q_CHOICE && i < q->n_options; i++)
        parts[n++] = q->options[i];
    for (int i = 0; q->type == TV_Q_ORDER && i < q->n_items; i++)
        parts[n++] = q->items[i];
    parts[n++] = q->explain;
    if (q->n_sources > 0 && q->srcs)
        for (int i = 0; i < q->n_sources && i < TV_MAX_SOURCES; i++)
            parts[n++] = q->srcs[i] ? q->srcs[i]->title : NULL;
    else
        parts[n++] = q->src ? q->src->title : NULL;
    size_t len = 0;
    for (int i = 0; i < n; i++)
        len += (parts[i] ? strlen(parts[i]) : 0) + 1;
    char *joined = tv_alloc(alloc, len + 1);
    if (!joined)
        return false;
    size_t at = 0;
    for (int i = 0; i < n; i++) {
        size_t k = parts[i] ? strlen(parts[i]) : 0;
        memcpy(joined + at, parts[i] ? parts[i] : "", k);
        at += k;
        joined[at++] = '\x01';
    }
    joined[at] = '\0';
    f->n = 0;
    bool ok = add(f, alloc, joined, "visible text");
    tv_free(alloc, joined, len + 1);
    return ok;
}

tv_GiveawayScan *tv_giveaway_scan_new(tv_Alloc alloc, int max)
{
    tv_GiveawayScan *scan = tv_alloc(alloc, sizeof *scan);
    if (!scan)
        return NULL;
    *scan = (tv_GiveawayScan){.alloc = alloc, .max = max > 0 ? max : 1};
    scan->qs = tv_alloc(alloc, sizeof *scan->qs * (size_t)scan->max);
    scan->vis = tv_alloc(alloc, sizeof *scan->vis * (size_t)scan->max);
    if (!scan->qs || !scan->vis) {
        tv_giveaway_scan_free(scan);
        return NULL;
    }
    return scan;
}

void tv_giveaway_scan_free(tv_GiveawayScan *scan)
{
    if (!scan)
        return;
    for (int i = 0; i < scan->n; i++)
        folded_free(&scan->vis[i], scan->alloc);
    if (scan->qs)
        tv_free(scan->alloc, scan->qs, sizeof *scan->qs * (size_t)scan->max);
    if (scan->vis)
        tv_free(scan->alloc, scan->vis, sizeof *scan->vis * (size_t)scan->max);
    tv_free(scan->alloc, scan, sizeof *scan);
}

static bool stop_at_first(void *ctx, const tv_Question *earlier, const tv_Question *later, const tv_Giveaway *g)
{
    (void)earlier, (void)later, (void)g;
    *(bool *)ctx = true;
    return false;
}

int tv_giveaway_scan_leaks(const tv_GiveawayScan *scan, const tv_Question *q)
{
    bool found = false, stop = false;
    for (int i = 0; i < scan->n && !found; i++)
        declared(scan->qs[i], q, i, scan->n, stop_at_first, &found, &stop);
    if (found)
        return 1;
    char *answers[TV_MAX_ACCEPT];
    const char *shown[TV_MAX_ACCEPT];
    char bufs[1][96];
    int n_answers = answers_of(q, scan->alloc, answers, shown, bufs);
    if (n_answers < 0)
        return -1;
    for (int i = 0; i < scan->n && !found; i++)
        for (int a = 0; a < n_answers && !found; a++)
            for (int t = 0; t < scan->vis[i].n && !found; t++)
                found = contains_words(scan->vis[i].text[t], answers[a]);
    for (int a = 0; a < n_answers; a++)
        tv_free(scan->alloc, answers[a], strlen(answers[a]) + 1);
    return found;
}

bool tv_giveaway_scan_add(tv_GiveawayScan *scan, const tv_Question *q)
{
    if (scan->n == scan->max || !join_visible(q, scan->alloc, &scan->vis[scan->n]))
        return false;
    scan->qs[scan->n++] = q;
    return true;
}

bool tv_giveaways_undeclared(const tv_Question *const *pool, int n, tv_Alloc alloc, tv_GiveawayFn fn, void *ctx)
{
    /* Each question's texts folded once, field by field, for the message. */
    Folded *vis = n > 0 ? tv_alloc(alloc, sizeof *vis * (size_t)n) : NULL;
    if (n > 0 && !vis)
        return false;
    int n_vis = 0;
    bool ok = true, stop = false;
    for (; ok && n_vis < n; n_vis++)
        if (!(ok = fold_visible(pool[n_vis], alloc, &vis[n_vis])))
            break;
    for (int j = 0; ok && !stop && j < n; j++) {
        const tv_Question *later = pool[j];
        char *answers[TV_MAX_ACCEPT];
        const char *shown[TV_MAX_ACCEPT];
        char bufs[1][96];
        int n_answers = answers_of(later, alloc, answers, shown, bufs);
        if (n_answers < 0) {
            ok = false;
            break;
        }
        for (int i = 0; i < n && !stop && n_answers > 0; i++) {
            bool covered = false, halt = false;
            if (i == j || declared(pool[i], later, i, j, stop_at_first, &covered, &halt))
                continue;
            bool found = false;
            for (int a = 0; a < n_answers && !found; a++)
                for (int t = 0; t < vis[i].n && !found; t++)
                    if (contains_words(vis[i].text[t], answers[a])) {
                        found = true;
                        tv_Giveaway g = {TV_GIVEAWAY_TEXT, i, j, shown[a], vis[i].field[t]};
                        stop = !fn(ctx, pool[i], later, &g);
                    }
        }
        for (int a = 0; a < n_answers; a++)
            tv_free(alloc, answers[a], strlen(answers[a]) + 1);
    }
    for (int i = 0; i < n_vis; i++)
        folded_free(&vis[i], alloc);
    if (vis)
        tv_free(alloc, vis, sizeof *vis * (size_t)n);
    return ok;
}

static bool count_one(void *ctx, const tv_Question *earlier, const tv_Question *later, const tv_Giveaway *g)
{
    (void)earlier, (void)later, (void)g;
    ++*(int *)ctx;
    return true;
}

int tv_giveaways_count(const tv_Question *const *round, int n, tv_Alloc alloc)
{
    int count = 0;
    return tv_giveaways_find(round, n, alloc, count_one, &count) ? count : -1;
}
