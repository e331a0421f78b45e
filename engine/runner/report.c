/* report.c - JSON and text reports of sessions and dumps; the true/false words come
 * in tv_ReportInfo. Depends on: core, cJSON, runner/play (tv_format_given). */
#include "runner/report.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "runner/replay.h"

/* A true/false option's word: option 0 is true. */
/* "pack/id" as a terminal shows it: a question id is any UTF-8 its pack chose, so a
 * control character (an escape sequence, a forged line) is shown as '?'. */
static void question_name(char *out, size_t size, const tv_Question *q)
{
    char raw[300];
    snprintf(raw, sizeof raw, "%s/%s", q->pack, q->id);
    tv_copy_printable(out, size, raw);
}

static const char *tf_label(const tv_ReportInfo *info, bool value)
{
    return value ? info->labels.true_label : info->labels.false_label;
}

static void add_common(cJSON *root, const tv_Session *s, const tv_ReportInfo *info)
{
    cJSON_AddNumberToObject(root, "seed", (double)s->cfg.seed);
    cJSON_AddStringToObject(root, "lang", info->lang);
    cJSON *packs = cJSON_AddArrayToObject(root, "packs");
    for (int i = 0; i < info->n_packs; i++)
        cJSON_AddItemToArray(packs, cJSON_CreateString(info->packs[i]));
    cJSON_AddBoolToObject(root, "time_points", s->cfg.rules.time_points);
    cJSON_AddBoolToObject(root, "streak_bonus", s->cfg.rules.streak_bonus);
}

static cJSON *tallies(const tv_Tally *t, int n)
{
    cJSON *obj = cJSON_CreateObject();
    for (int i = 0; i < n; i++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddNumberToObject(e, "points", t[i].points);
        cJSON_AddNumberToObject(e, "correct", t[i].correct);
        cJSON_AddNumberToObject(e, "asked", t[i].asked);
        cJSON_AddItemToObject(obj, t[i].name, e);
    }
    return obj;
}

/* Adds one player's result fields to obj. */
static void add_player(cJSON *obj, const tv_Session *s, int p)
{
    tv_Result r = tv_session_result(s, p);
    cJSON_AddNumberToObject(obj, "total", r.total);
    cJSON_AddNumberToObject(obj, "correct", r.correct);
    cJSON_AddNumberToObject(obj, "asked", r.asked);
    cJSON_AddNumberToObject(obj, "longest_streak", r.longest_streak);
    cJSON_AddItemToObject(obj, "by_category", tallies(r.categories, r.n_categories));
    cJSON_AddItemToObject(obj, "by_pack", tallies(r.packs, r.n_packs));
    cJSON *qs = cJSON_AddArrayToObject(obj, "questions");
    for (int i = 0; i < s->n_rounds; i++) {
        const tv_Round *rd = tv_session_round(s, i);
        const tv_Record *rec = tv_session_record(s, p, i);
        char given[512];
        tv_format_given(&rec->answer, given, sizeof given);
        cJSON *q = cJSON_CreateObject();
        cJSON_AddNumberToObject(q, "index", i + 1);
        cJSON_AddStringToObject(q, "pack", rd->q->pack);
        cJSON_AddStringToObject(q, "id", rd->q->id);
        cJSON_AddStringToObject(q, "type", tv_qtype_name(rd->q->type));
        cJSON_AddNumberToObject(q, "difficulty", rd->q->difficulty);
        cJSON_AddStringToObject(q, "category", rd->q->category);
        cJSON_AddStringToObject(q, "given", given);
        cJSON_AddBoolToObject(q, "correct", rec->verdict == TV_V_CORRECT);
        cJSON_AddStringToObject(q, "verdict", tv_verdict_name(rec->verdict));
        cJSON_AddNumberToObject(q, "time", (double)rec->t_ms / 1000.0);
        cJSON_AddNumberToObject(q, "limit", rd->limit_ms / 1000.0);
        cJSON_AddNumberToObject(q, "points", rec->points);
        cJSON_AddNumberToObject(q, "bonus", rec->bonus);
        cJSON_AddNumberToObject(q, "streak", rec->streak);
        cJSON_AddBoolToObject(q, "lifeline", rec->lifeline);
        if (rd->q->type == TV_Q_ORDER)
            cJSON_AddNumberToObject(q, "in_place", rec->k);
        cJSON_AddItemToArray(qs, q);
    }
}

static bool print_json(FILE *out, cJSON *root, bool one_line)
{
    char *text = one_line ? cJSON_PrintUnformatted(root) : cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return false;
    fputs(text, out);
    fputc('\n', out);
    free(text);
    return true;
}

bool tv_report_session_json(FILE *out, const tv_Session *s, const tv_ReportInfo *info)
{
    cJSON *root = cJSON_CreateObject();
    add_common(root, s, info);
    /* The top-level result is the first player's, so single-player readers need not
     * look into `players`. */
    add_player(root, s, 0);
    cJSON *players = cJSON_AddArrayToObject(root, "players");
    for (int p = 0; p < s->cfg.players; p++) {
        cJSON *pl = cJSON_CreateObject();
        cJSON_AddNumberToObject(pl, "player", p + 1);
        cJSON_AddStringToObject(pl, "answers", info->players[p]);
        add_player(pl, s, p);
        cJSON_AddItemToArray(players, pl);
    }
    return print_json(out, root, info->one_line);
}

/* name cut to at most width bytes from its end ("...ers/p12.txt"): with many players the
 * scripts differ in their last characters, not their folders. */
static const char *tail_name(char *buf, size_t size, const char *name, int width)
{
    size_t n = strlen(name), w = (size_t)width;
    if (n <= w || w < 4)
        snprintf(buf, size, "%s", name);
    else {
        const char *t = name + n - (w - 3);
        while (((unsigned char)*t & 0xC0) == 0x80) /* not inside a UTF-8 sequence */
            t++;
        snprintf(buf, size, "...%s", t);
    }
    return buf;
}

/* More players than the game seats: the questions once, then one line per player with
 * the points of each question, so a thousand players read as a thousand lines rather
 * than a thousand tables. */
static void session_text_many(FILE *out, const tv_Session *s, const tv_ReportInfo *info)
{
    fprintf(out, "\n  #  %-28s %-9s d  %7s\n", "question", "type", "limit");
    for (int i = 0; i < s->n_rounds; i++) {
        const tv_Round *rd = tv_session_round(s, i);
        char name[64];
        question_name(name, sizeof name, rd->q);
        fprintf(out, "%3d  %-28.28s %-9s %d  %6.2fs\n", i + 1, name, tv_qtype_name(rd->q->type), rd->q->difficulty,
                rd->limit_ms / 1000.0);
    }
    int width = 7; /* "answers" */
    for (int p = 0; p < s->cfg.players; p++) {
        int len = (int)strlen(info->players[p]);
        width = len > width ? len : width;
    }
    width = width > 28 ? 28 : width;
    fprintf(out, "\n%6s  %-*s %7s %9s %7s  points per question\n", "player", width, "answers", "total", "correct",
            "longest");
    for (int p = 0; p < s->cfg.players; p++) {
        tv_Result r = tv_session_result(s, p);
        char correct[32];
        snprintf(correct, sizeof correct, "%d/%d", r.correct, r.asked);
        char name[64];
        fprintf(out, "%6d  %-*s %7d %9s %7d ", p + 1, width, tail_name(name, sizeof name, info->players[p], width),
                r.total, correct, r.longest_streak);
        for (int i = 0; i < s->n_rounds; i++)
            fprintf(out, " %d", tv_session_record(s, p, i)->points);
        fputc('\n', out);
    }
}

void tv_report_session_text(FILE *out, const tv_Session *s, const tv_ReportInfo *info)
{
    fprintf(out, "seed %llu, %s, packs:", (unsigned long long)s->cfg.seed, info->lang);
    for (int i = 0; i < info->n_packs; i++)
        fprintf(out, " %s", info->packs[i]);
    fprintf(out, "%s%s\n", s->cfg.rules.time_points ? "" : ", no time points",
            s->cfg.rules.streak_bonus ? "" : ", no streak bonus");
    if (s->cfg.players > TV_REPORT_TABLE_PLAYERS) {
        session_text_many(out, s, info);
        return;
    }
    for (int p = 0; p < s->cfg.players; p++) {
        if (s->cfg.players > 1)
            fprintf(out, "\nplayer %d (%s)\n", p + 1, info->players[p]);
        fprintf(out, "\n  #  %-28s %-9s d  %-10s %7s %6s %6s\n", "question", "type", "given", "time", "points",
                "streak");
        for (int i = 0; i < s->n_rounds; i++) {
            const tv_Round *rd = tv_session_round(s, i);
            const tv_Record *rec = tv_session_record(s, p, i);
            char given[40], name[64];
            tv_format_given(&rec->answer, given, sizeof given);
            question_name(name, sizeof name, rd->q);
            fprintf(out, "%3d  %-28.28s %-9s %d  %-10.10s %6.2fs %6d %6d  %s%s\n", i + 1, name,
                    tv_qtype_name(rd->q->type), rd->q->difficulty, given, (double)rec->t_ms / 1000.0, rec->points,
                    rec->streak, tv_verdict_name(rec->verdict), rec->lifeline ? " (50:50)" : "");
        }
        tv_Result r = tv_session_result(s, p);
        fprintf(out, "\n  total %d points, %d of %d correct, longest streak %d\n", r.total, r.correct, r.asked,
                r.longest_streak);
        for (int c = 0; c < r.n_categories; c++)
            fprintf(out, "    %-30s %6d points, %d/%d correct\n", r.categories[c].name, r.categories[c].points,
                    r.categories[c].correct, r.categories[c].asked);
    }
}

bool tv_report_dump_json(FILE *out, const tv_Session *s, const tv_ReportInfo *info)
{
    cJSON *root = cJSON_CreateObject();
    add_common(root, s, info);
    cJSON *qs = cJSON_AddArrayToObject(root, "questions");
    for (int i = 0; i < s->n_rounds; i++) {
        const tv_Round *rd = tv_session_round(s, i);
        const tv_Question *q = rd->q;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "index", i + 1);
        cJSON_AddStringToObject(o, "pack", q->pack);
        cJSON_AddStringToObject(o, "id", q->id);
        cJSON_AddStringToObject(o, "type", tv_qtype_name(q->type));
        cJSON_AddNumberToObject(o, "difficulty", q->difficulty);
        cJSON_AddStringToObject(o, "category", q->category);
        cJSON_AddNumberToObject(o, "time", rd->limit_ms / 1000.0);
        cJSON_AddStringToObject(o, "prompt", q->prompt);
        tv_Answer key;
        tv_session_correct_answer(s, i, &key);
        char letters[16];
        switch (q->type) {
        case TV_Q_CHOICE:
        case TV_Q_TRUEFALSE: {
            cJSON *opts = cJSON_AddArrayToObject(o, "options");
            for (int k = 0; k < rd->n_shown; k++)
                cJSON_AddItemToArray(opts, cJSON_CreateString(q->type == TV_Q_CHOICE
                                                                  ? q->options[rd->shown[k]]
                                                                  : tf_label(info, k == 0)));
            cJSON_AddStringToObject(o, "answer", q->type == TV_Q_CHOICE ? q->options[0]
                                                                         : tf_label(info, q->truth));
            break;
        }
        case TV_Q_ORDER: {
            cJSON *items = cJSON_AddArrayToObject(o, "items");
            for (int k = 0; k < rd->n_shown; k++)
                cJSON_AddItemToArray(items, cJSON_CreateString(q->items[rd->shown[k]]));
            cJSON *ans = cJSON_AddArrayToObject(o, "answer");
            for (int k = 0; k < q->n_items; k++)
                cJSON_AddItemToArray(ans, cJSON_CreateString(q->items[k]));
            break;
        }
        case TV_Q_NUMERIC:
            cJSON_AddNumberToObject(o, "answer", q->number);
            cJSON_AddNumberToObject(o, "tolerance", q->tolerance);
            cJSON_AddStringToObject(o, "unit", q->unit);
            break;
        case TV_Q_TEXT: {
            cJSON *ans = cJSON_AddArrayToObject(o, "answer");
            for (int k = 0; k < q->n_accept; k++)
                cJSON_AddItemToArray(ans, cJSON_CreateString(q->accept[k]));
            break;
        }
        }
        tv_format_given(&key, letters, sizeof letters);
        if (q->type == TV_Q_CHOICE || q->type == TV_Q_TRUEFALSE || q->type == TV_Q_ORDER)
            cJSON_AddStringToObject(o, "key", letters);
        cJSON_AddStringToObject(o, "explain", q->explain);
        cJSON_AddStringToObject(o, "source", q->source);
        if (q->n_sources > 1) { /* the first is "source" above, as before lists existed */
            cJSON *list = cJSON_AddArrayToObject(o, "sources");
            for (int k = 0; k < q->n_sources; k++)
                cJSON_AddItemToArray(list, cJSON_CreateString(q->sources[k]));
        }
        cJSON_AddItemToArray(qs, o);
    }
    return print_json(out, root, info->one_line);
}

void tv_report_dump_text(FILE *out, const tv_Session *s, const tv_ReportInfo *info)
{
    for (int i = 0; i < s->n_rounds; i++) {
        const tv_Round *rd = tv_session_round(s, i);
        const tv_Question *q = rd->q;
        char name[256];
        question_name(name, sizeof name, q);
        fprintf(out, "%d. [%s] %s, difficulty %d, %s, %g s\n   %s\n", i + 1, name,
                tv_qtype_name(q->type), q->difficulty, q->category, rd->limit_ms / 1000.0, q->prompt);
        switch (q->type) {
        case TV_Q_CHOICE:
        case TV_Q_TRUEFALSE:
            for (int k = 0; k < rd->n_shown; k++) {
                bool right = tv_round_option_correct(rd, k);
                fprintf(out, "   %c) %s%s\n", 'A' + k,
                        q->type == TV_Q_CHOICE ? q->options[rd->shown[k]] : tf_label(info, k == 0),
                        right ? "   <- answer" : "");
            }
            break;
        case TV_Q_ORDER: {
            for (int k = 0; k < rd->n_shown; k++)
                fprintf(out, "   %c) %s\n", 'A' + k, q->items[rd->shown[k]]);
            tv_Answer key;
            tv_session_correct_answer(s, i, &key);
            char letters[16];
            tv_format_given(&key, letters, sizeof letters);
            fprintf(out, "   answer: %s\n", letters);
            break;
        }
        case TV_Q_NUMERIC:
            fprintf(out, "   answer: %g%s%s (tolerance %g)\n", q->number, q->unit[0] ? " " : "", q->unit, q->tolerance);
            break;
        case TV_Q_TEXT:
            fprintf(out, "   answer:");
            for (int k = 0; k < q->n_accept; k++)
                fprintf(out, "%s %s", k ? " |" : "", q->accept[k]);
            fputc('\n', out);
            break;
        }
        if (q->explain[0])
            fprintf(out, "   why: %s\n", q->explain);
        for (int k = 0; k < q->n_sources; k++) {
            char key[256];
            tv_copy_printable(key, sizeof key, q->sources[k]); /* a key is any UTF-8 the pack chose */
            fprintf(out, "%s%s", k ? ", " : "   source: ", key);
        }
        if (q->n_sources)
            fputc('\n', out);
        fputc('\n', out);
    }
}

static int by_value(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

bool tv_report_summary(FILE *out, const int *totals, int sessions, int players, const tv_SummaryInfo *info)
{
    int *sorted = malloc(sizeof *sorted * (size_t)(sessions > 0 ? sessions : 1));
    cJSON *root = info->json ? cJSON_CreateObject() : NULL;
    if (!sorted || (info->json && !root)) {
        free(sorted);
        cJSON_Delete(root);
        return false;
    }
    cJSON *list = NULL;
    if (root) {
        cJSON_AddNumberToObject(root, "sessions", sessions);
        list = cJSON_AddArrayToObject(root, "players");
    } else
        fprintf(out, "%6s  %-28s %8s %8s %9s %8s %10s\n", "player", "answers", "sessions", "min", "median", "max",
                "mean");
    for (int p = 0; p < players; p++) {
        double sum = 0;
        for (int k = 0; k < sessions; k++)
            sum += sorted[k] = totals[(size_t)k * (size_t)players + (size_t)p];
        qsort(sorted, (size_t)sessions, sizeof *sorted, by_value);
        double median = sessions % 2 ? sorted[sessions / 2] : (sorted[sessions / 2 - 1] + sorted[sessions / 2]) / 2.0;
        double mean = sum / sessions;
        if (root) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "player", p + 1);
            cJSON_AddStringToObject(o, "answers", info->players[p]);
            cJSON_AddNumberToObject(o, "min", sorted[0]);
            cJSON_AddNumberToObject(o, "median", median);
            cJSON_AddNumberToObject(o, "max", sorted[sessions - 1]);
            cJSON_AddNumberToObject(o, "mean", mean);
            cJSON_AddItemToArray(list, o);
        } else {
            char name[64];
            fprintf(out, "%6d  %-28s %8d %8d %9.1f %8d %10.2f\n", p + 1, tail_name(name, sizeof name, info->players[p], 28),
                    sessions, sorted[0], median, sorted[sessions - 1], mean);
        }
    }
    free(sorted);
    return root ? print_json(out, root, info->one_line) : true;
}
