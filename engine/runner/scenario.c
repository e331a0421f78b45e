/* scenario.c - scenario files (scenario.h): parsing with file:line errors, and the
 * comparison of a played session with the expectation.
 * Trust boundary: untrusted bytes in. cJSON parses within an explicit length; every
 * value is then checked for type and range before use, and the players' answers go
 * through the answer-script parser like any script.
 * Depends on: core (error, alloc, text, question, session), runner/answers, io/file,
 * cJSON. */
#include "runner/scenario.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "io/file.h"
#include "runner/json_lines.h"
#include "core/text.h"


typedef struct Ctx {
    tv_Scenario *sc;
    tv_JsonLines lines;
    tv_Error *err;
    const char *dir; /* the scenario file's folder, "" for the current one */
} Ctx;

static bool bad(Ctx *c, const cJSON *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool bad(Ctx *c, const cJSON *at, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return tv_error_set(c->err, TV_ERR_SCRIPT, c->sc->file, tv_json_lines_get(&c->lines, at), "%s", msg);
}

static bool nomem(Ctx *c) { return tv_error_set(c->err, TV_ERR_NOMEM, c->sc->file, 0, "out of memory"); }

/* A string of 1..TV_SCENARIO_MAX_STRING bytes of valid UTF-8 (empty when allow_empty). */
static bool get_string(Ctx *c, const cJSON *v, const char *what, bool allow_empty, const char **out)
{
    if (!cJSON_IsString(v) || !v->valuestring)
        return bad(c, v, "%s must be a string", what);
    size_t n = strlen(v->valuestring);
    if ((!n && !allow_empty) || n > TV_SCENARIO_MAX_STRING || !tv_utf8_valid(v->valuestring, n))
        return bad(c, v, "%s must be %s1 to %d bytes of UTF-8", what, allow_empty ? "0 or " : "",
                   TV_SCENARIO_MAX_STRING);
    *out = tv_arena_strdup(&c->sc->arena, v->valuestring);
    return *out ? true : nomem(c);
}

/* A whole number in [lo, hi]. */
static bool get_int(Ctx *c, const cJSON *v, const char *what, int lo, int hi, int *out)
{
    if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < lo || v->valuedouble > hi)
        return bad(c, v, "%s must be a whole number from %d to %d", what, lo, hi);
    *out = (int)v->valuedouble;
    return true;
}

static bool get_bool(Ctx *c, const cJSON *v, const char *what, bool *out)
{
    if (!cJSON_IsBool(v))
        return bad(c, v, "%s must be true or false", what);
    *out = cJSON_IsTrue(v);
    return true;
}

/* A list of 1..max strings into out[]. */
static bool get_strings(Ctx *c, const cJSON *v, const char *what, int max, const char **out, int *n)
{
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) > max)
        return bad(c, v, "%s must be a list of at most %d strings", what, max);
    *n = 0;
    for (const cJSON *e = v->child; e; e = e->next)
        if (!get_string(c, e, what, false, &out[(*n)++]))
            return false;
    return true;
}

/* "dir/path", or path itself when absolute. */
static const char *relative_to_file(Ctx *c, const char *path)
{
    if (path[0] == '/' || !c->dir[0])
        return tv_arena_strdup(&c->sc->arena, path);
    size_t n = strlen(c->dir) + strlen(path) + 2;
    char *out = tv_arena_alloc(&c->sc->arena, n);
    if (out)
        snprintf(out, n, "%s/%s", c->dir, path);
    return out;
}

static bool get_types(Ctx *c, const cJSON *v, unsigned *out)
{
    const char *names[8];
    int n = 0;
    const char *what = "\"types\" must be a list of choice, truefalse, numeric, order, text";
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) < 1 || cJSON_GetArraySize(v) > 5)
        return bad(c, v, "%s", what);
    if (!get_strings(c, v, "a type", 5, names, &n))
        return false;
    *out = 0;
    const cJSON *e = v->child;
    for (int i = 0; i < n; i++, e = e->next) {
        tv_QType t;
        if (!tv_qtype_parse(names[i], &t))
            return bad(c, e, "%s, got \"%s\"", what, names[i]);
        *out |= 1u << t;
    }
    return true;
}

static bool get_seed(Ctx *c, const cJSON *v, uint64_t *out)
{
    const char *what = "\"seed\" must be a whole number from 0 to 18446744073709551615 (as a string above 2^53)";
    if (cJSON_IsNumber(v)) {
        if (v->valuedouble != floor(v->valuedouble) || v->valuedouble < 0 || v->valuedouble > 9007199254740992.0)
            return bad(c, v, "%s", what);
        *out = (uint64_t)v->valuedouble;
        return true;
    }
    /* Above 2^53 a JSON number loses digits, so a seed may be a string. */
    if (!cJSON_IsString(v) || !v->valuestring || !v->valuestring[0] || strspn(v->valuestring, "0123456789") !=
                                                                            strlen(v->valuestring))
        return bad(c, v, "%s", what);
    char *end;
    unsigned long long s = strtoull(v->valuestring, &end, 10);
    if (*end || strlen(v->valuestring) > 20 || (s == ULLONG_MAX && strcmp(v->valuestring, "18446744073709551615")))
        return bad(c, v, "%s", what);
    *out = s;
    return true;
}

/* Inline answer lines become one script whose steps carry the file's lines. */
static bool get_answers(Ctx *c, const cJSON *v, tv_Script *script)
{
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) > TV_SESSION_MAX_PLAYERS)
        return bad(c, v, "\"answers\" must be a list of answer lines (strings), at most %d", TV_SESSION_MAX_PLAYERS);
    int n = cJSON_GetArraySize(v), k = 0;
    const cJSON **elems = calloc((size_t)n + 1, sizeof *elems);
    size_t total = 1;
    for (const cJSON *e = v->child; e; e = e->next) {
        if (!cJSON_IsString(e) || !e->valuestring) {
            free(elems);
            return bad(c, e, "an answer line must be a string");
        }
        size_t len = strlen(e->valuestring);
        if (len > TV_SCRIPT_MAX_LINE || memchr(e->valuestring, '\n', len) || memchr(e->valuestring, '\r', len)) {
            free(elems);
            return bad(c, e, "an answer line must be one line of at most %d bytes", TV_SCRIPT_MAX_LINE);
        }
        total += len + 1;
        if (elems)
            elems[k++] = e;
    }
    char *text = malloc(total);
    if (!text || !elems) {
        free(text), free(elems);
        return nomem(c);
    }
    size_t at = 0;
    for (int i = 0; i < k; i++) {
        size_t len = strlen(elems[i]->valuestring);
        memcpy(text + at, elems[i]->valuestring, len);
        at += len;
        text[at++] = '\n';
    }
    tv_Error e = {0};
    bool ok = tv_script_parse(script, c->sc->file, text, at, c->sc->arena.alloc, &e);
    free(text);
    if (!ok) {
        *c->err = e;
        if (e.line >= 1 && e.line <= k)
            c->err->line = tv_json_lines_get(&c->lines, elems[e.line - 1]);
    } else
        for (int i = 0; i < script->n_steps; i++)
            if (script->steps[i].line >= 1 && script->steps[i].line <= k)
                script->steps[i].line = tv_json_lines_get(&c->lines, elems[script->steps[i].line - 1]);
    free(elems);
    return ok;
}

static bool get_player(Ctx *c, const cJSON *v, int index, tv_ScenarioPlayer *pl)
{
    if (!cJSON_IsObject(v))
        return bad(c, v, "player %d must be an object with \"answers\" or \"script\"", index);
    const cJSON *answers = NULL, *script = NULL;
    pl->name = "";
    for (const cJSON *f = v->child; f; f = f->next) {
        if (strcmp(f->string, "name") == 0) {
            if (!get_string(c, f, "\"name\"", true, &pl->name))
                return false;
        } else if (strcmp(f->string, "answers") == 0)
            answers = f;
        else if (strcmp(f->string, "script") == 0)
            script = f;
        else
            return bad(c, f, "player %d: unknown key \"%s\" (expected name, answers or script)", index, f->string);
    }
    if (!answers == !script)
        return bad(c, v, "player %d: give \"answers\" (a list of lines) or \"script\" (a file), one of them", index);
    if (answers)
        return get_answers(c, answers, &pl->script);
    const char *path;
    if (!get_string(c, script, "\"script\"", false, &path))
        return false;
    if (strcmp(path, "-") == 0)
        return bad(c, script, "player %d: \"script\" must name a file (standard input is not read)", index);
    if (!pl->name[0])
        pl->name = path;
    const char *full = relative_to_file(c, path);
    if (!full)
        return nomem(c);
    return tv_script_load(&pl->script, full, c->sc->arena.alloc, c->err);
}

static bool get_expect(Ctx *c, const cJSON *v, int index, tv_ScenarioExpect *x)
{
    if (cJSON_IsNull(v))
        return true;
    if (!cJSON_IsObject(v))
        return bad(c, v, "expect %d must be an object (or null)", index);
    for (const cJSON *f = v->child; f; f = f->next) {
        if (strcmp(f->string, "total") == 0) {
            if (!get_int(c, f, "\"total\"", 0, 1000000000, &x->total))
                return false;
            x->have_total = true;
        } else if (strcmp(f->string, "correct") == 0) {
            if (!get_int(c, f, "\"correct\"", 0, 10000, &x->correct))
                return false;
            x->have_correct = true;
        } else if (strcmp(f->string, "points") == 0) {
            if (!cJSON_IsArray(f) || cJSON_GetArraySize(f) > 10000)
                return bad(c, f, "\"points\" must be a list of at most 10000 whole numbers");
            x->n_points = cJSON_GetArraySize(f);
            x->points = tv_arena_alloc(&c->sc->arena, sizeof(int) * (size_t)(x->n_points + 1));
            if (!x->points)
                return nomem(c);
            int k = 0;
            for (const cJSON *e = f->child; e; e = e->next)
                if (!get_int(c, e, "a question's points", 0, 1000000000, &x->points[k++]))
                    return false;
            x->have_points = true;
        } else
            return bad(c, f, "expect %d: unknown key \"%s\" (expected total, correct or points)", index, f->string);
    }
    return true;
}

/* Player 1's #! directives fill in what the scenario left out, as in `trivium headless`. */
static bool apply_directives(Ctx *c, const cJSON *root, bool have_seed, bool have_tp, bool have_streak)
{
    tv_Scenario *sc = c->sc;
    const tv_ScriptDirectives *d = &sc->players[0].script.directives;
    for (int i = 0; sc->n_packs == 0 && i < d->n_packs; i++)
        sc->packs[i] = d->packs[i];
    if (sc->n_packs == 0)
        sc->n_packs = d->n_packs;
    if (!have_seed && d->have_seed)
        sc->seed = d->seed, have_seed = true;
    if (!sc->count)
        sc->count = d->count;
    if (!sc->lang && d->lang)
        sc->lang = d->lang;
    if (!sc->timer_percent)
        sc->timer_percent = d->timer_percent;
    if (!have_tp)
        sc->time_points = !d->no_time_points;
    if (!have_streak)
        sc->streak = !d->no_streak;
    if (!sc->types && d->types) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s", d->types);
        for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
            tv_QType q;
            if (tv_qtype_parse(t, &q))
                sc->types |= 1u << q;
        }
    }
    if (!sc->lang)
        sc->lang = "en";
    if (sc->n_packs == 0)
        return bad(c, root, "no packs: give \"packs\" or a #! pack line in player 1's answers");
    if (!have_seed)
        return bad(c, root, "no seed: give \"seed\" or a #! seed line in player 1's answers");
    return true;
}

static bool parse_root(Ctx *c, const cJSON *root)
{
    tv_Scenario *sc = c->sc;
    if (!cJSON_IsObject(root))
        return bad(c, root, "a scenario must be a JSON object");
    const cJSON *players = NULL, *expect = NULL;
    bool have_seed = false, have_tp = false, have_streak = false;
    for (const cJSON *f = root->child; f; f = f->next) {
        const char *k = f->string;
        bool ok = true;
        if (strcmp(k, "name") == 0)
            ok = get_string(c, f, "\"name\"", false, &sc->name);
        else if (strcmp(k, "packs") == 0)
            ok = get_strings(c, f, "\"packs\"", TV_SCENARIO_MAX_PACKS, sc->packs, &sc->n_packs);
        else if (strcmp(k, "plugins") == 0) {
            ok = get_strings(c, f, "\"plugins\"", TV_SCENARIO_MAX_PLUGINS, sc->plugins, &sc->n_plugins);
            for (int i = 0; ok && i < sc->n_plugins; i++)
                ok = (sc->plugins[i] = relative_to_file(c, sc->plugins[i])) != NULL || nomem(c);
        } else if (strcmp(k, "seed") == 0)
            ok = get_seed(c, f, &sc->seed), have_seed = true;
        else if (strcmp(k, "count") == 0)
            ok = get_int(c, f, "\"count\"", 1, 10000, &sc->count);
        else if (strcmp(k, "lang") == 0) {
            ok = cJSON_IsString(f) && (strcmp(f->valuestring, "en") == 0 || strcmp(f->valuestring, "nl") == 0);
            ok = ok ? (sc->lang = strcmp(f->valuestring, "en") == 0 ? "en" : "nl") != NULL
                    : bad(c, f, "\"lang\" must be \"en\" or \"nl\"");
        } else if (strcmp(k, "time_points") == 0)
            ok = get_bool(c, f, "\"time_points\"", &sc->time_points), have_tp = true;
        else if (strcmp(k, "streak") == 0)
            ok = get_bool(c, f, "\"streak\"", &sc->streak), have_streak = true;
        else if (strcmp(k, "timer_percent") == 0)
            ok = get_int(c, f, "\"timer_percent\"", 10, 1000, &sc->timer_percent);
        else if (strcmp(k, "types") == 0)
            ok = get_types(c, f, &sc->types);
        else if (strcmp(k, "players") == 0)
            players = f;
        else if (strcmp(k, "expect") == 0)
            expect = f;
        else
            ok = bad(c, f,
                     "unknown key \"%s\" (expected name, packs, plugins, seed, count, lang, time_points, streak, "
                     "timer_percent, types, players or expect)",
                     k);
        if (!ok)
            return false;
    }
    if (!players || !cJSON_IsArray(players) || cJSON_GetArraySize(players) < 1 ||
        cJSON_GetArraySize(players) > TV_SESSION_MAX_PLAYERS)
        return bad(c, players ? players : root, "\"players\" must be a list of 1 to %d players",
                   TV_SESSION_MAX_PLAYERS);
    sc->players = tv_arena_alloc(&sc->arena, sizeof *sc->players * (size_t)cJSON_GetArraySize(players));
    if (!sc->players)
        return nomem(c);
    memset(sc->players, 0, sizeof *sc->players * (size_t)cJSON_GetArraySize(players));
    for (const cJSON *p = players->child; p; p = p->next) {
        /* Counted before parsing, so tv_scenario_free frees a half-parsed script too. */
        tv_ScenarioPlayer *pl = &sc->players[sc->n_players++];
        if (!get_player(c, p, sc->n_players, pl))
            return false;
    }
    if (expect) {
        if (!cJSON_IsArray(expect) || cJSON_GetArraySize(expect) > sc->n_players)
            return bad(c, expect, "\"expect\" must be a list of at most %d entries, one per player", sc->n_players);
        int i = 0;
        for (const cJSON *x = expect->child; x; x = x->next, i++)
            if (!get_expect(c, x, i + 1, &sc->players[i].expect))
                return false;
    }
    return apply_directives(c, root, have_seed, have_tp, have_streak);
}

bool tv_scenario_parse(tv_Scenario *sc, const char *file, const char *data, size_t len, tv_Alloc alloc,
                       tv_Error *err)
{
    memset(sc, 0, sizeof *sc);
    tv_arena_init(&sc->arena, alloc);
    snprintf(sc->file, sizeof sc->file, "%s", file);
    sc->name = sc->file;
    sc->time_points = sc->streak = true;
    if (len > TV_SCENARIO_MAX_BYTES)
        return tv_error_set(err, TV_ERR_SCRIPT, sc->file, 0, "larger than %u bytes", TV_SCENARIO_MAX_BYTES);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data, len, &end, false);
    size_t stop = end && end >= data && end <= data + len ? (size_t)(end - data) : len;
    if (root) /* only blanks may follow the object */
        while (stop < len && (unsigned char)data[stop] <= 32 /* what cJSON skips */)
            stop++;
    if (!root || stop < len) {
        int line = 1;
        for (size_t i = 0; i < stop; i++)
            line += data[i] == '\n';
        cJSON_Delete(root);
        return tv_error_set(err, TV_ERR_SCRIPT, sc->file, line,
                            root ? "text after the scenario's closing brace" : "not valid JSON (parsing stopped here)");
    }
    char dir[256];
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        dir[0] = '\0';
    Ctx c = {.sc = sc, .err = err, .dir = dir};
    tv_json_lines_build(&c.lines, root, data, len);
    bool ok = parse_root(&c, root);
    tv_json_lines_free(&c.lines);
    cJSON_Delete(root);
    return ok;
}

bool tv_scenario_load(tv_Scenario *sc, const char *file, tv_Alloc alloc, tv_Error *err)
{
    char *data = NULL;
    size_t len = 0;
    if (tv_file_read(file, TV_SCENARIO_MAX_BYTES, TV_FILE_FOLLOW, &data, &len, err) != TV_FILE_OK) {
        memset(sc, 0, sizeof *sc);
        err->code = TV_ERR_SCRIPT;
        return false;
    }
    bool ok = tv_scenario_parse(sc, file, data, len, alloc, err);
    free(data);
    return ok;
}

void tv_scenario_free(tv_Scenario *sc)
{
    for (int i = 0; i < sc->n_players; i++)
        tv_script_free(&sc->players[i].script);
    sc->n_players = 0;
    sc->players = NULL;
    tv_arena_free(&sc->arena);
}

/* Appends one mismatch to msg; after three, only counts them. */
typedef struct Report {
    char *msg;
    size_t size, used;
    int n;
} Report;

static void mismatch(Report *r, const tv_Scenario *sc, int p, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void mismatch(Report *r, const tv_Scenario *sc, int p, const char *fmt, ...)
{
    if (r->n++ >= 3)
        return;
    const char *name = sc->players[p].name;
    int w = snprintf(r->msg + r->used, r->size - r->used, "%splayer %d%s%s%s: ", r->n > 1 ? "; " : "", p + 1,
                     name[0] ? " (" : "", name, name[0] ? ")" : "");
    r->used += w > 0 && (size_t)w < r->size - r->used ? (size_t)w : 0;
    va_list ap;
    va_start(ap, fmt);
    w = vsnprintf(r->msg + r->used, r->size - r->used, fmt, ap);
    va_end(ap);
    r->used += w > 0 && (size_t)w < r->size - r->used ? (size_t)w : 0;
}

bool tv_scenario_check(const tv_Scenario *sc, const tv_Session *s, char *msg, size_t size)
{
    Report r = {msg, size, 0, 0};
    msg[0] = '\0';
    for (int p = 0; p < sc->n_players && p < s->cfg.players; p++) {
        const tv_ScenarioExpect *x = &sc->players[p].expect;
        tv_Result got = tv_session_result(s, p);
        if (x->have_total && x->total != got.total)
            mismatch(&r, sc, p, "total: expected %d, got %d", x->total, got.total);
        if (x->have_correct && x->correct != got.correct)
            mismatch(&r, sc, p, "correct: expected %d, got %d", x->correct, got.correct);
        if (x->have_points && x->n_points != s->n_rounds)
            mismatch(&r, sc, p, "points: expected %d questions, the session asked %d", x->n_points, s->n_rounds);
        for (int i = 0; x->have_points && i < x->n_points && i < s->n_rounds; i++) {
            const tv_Round *rd = tv_session_round(s, i);
            int pts = tv_session_record(s, p, i)->points;
            if (pts != x->points[i])
                mismatch(&r, sc, p, "question %d (%s/%s): points: expected %d, got %d", i + 1, rd->q->pack,
                         rd->q->id, x->points[i], pts);
        }
    }
    if (r.n > 3 && r.used < size)
        snprintf(msg + r.used, size - r.used, "; and %d more", r.n - 3);
    return r.n == 0;
}
