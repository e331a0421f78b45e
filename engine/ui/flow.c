/* flow.c - the round flow over the session: starting it (tv_game_start), scene
 * changes, what follows an answer (the next player, the reveal), the next question,
 * time-outs and auto-advance, and saving the scores at the end; staging a scene for
 * screenshots and --scene (tv_game_stage). It draws nothing and knows no scene's
 * layout; the scenes call it.
 * Depends on: game_types.h, widgets (sounds), core (session), prefs (scores). */
#include "ui/flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/widgets.h"

const tv_Round *tv_flow_round(const tv_Game *g) { return tv_session_round(&g->session, g->round); }

int64_t tv_flow_limit(const tv_Game *g) { return tv_flow_round(g)->limit_ms; }

int64_t tv_flow_elapsed(const tv_Game *g)
{
    int64_t paused = g->paused_ms + (g->paused ? g->now_ms - g->pause_began : 0);
    int64_t t = g->now_ms - g->asked_ms - paused;
    return t < 0 ? 0 : t;
}

void tv_flow_set_scene(tv_Game *g, tv_Scene scene)
{
    g->changes++;
    g->scene_serial++; /* the scene's enter runs before its next frame or event (game.c) */
    g->scene = scene;
    g->scene_ms = g->now_ms;
    g->focus = 0;
    g->hover = HIT_NONE;
    if (scene == TV_SCENE_QUESTION && g->session.n_rounds > 0) {
        const tv_Question *q = tv_session_round(&g->session, g->round)->q;
        if (q->type == TV_Q_TEXT || q->type == TV_Q_NUMERIC)
            SDL_StartTextInput();
        else
            SDL_StopTextInput();
    } else if (g->editing_name < 0)
        SDL_StopTextInput();
}

void tv_flow_show_question(tv_Game *g)
{
    const tv_Round *r = tv_flow_round(g);
    g->asked_ms = g->now_ms;
    g->paused_ms = 0;
    g->paused = false;
    g->grabbed = false;
    g->drag_item = -1;
    g->last_tick_second = -1;
    for (int i = 0; i < r->n_shown; i++)
        g->order[i] = i;
    tv_flow_set_scene(g, TV_SCENE_QUESTION);
}

static void begin_round(tv_Game *g)
{
    g->player = 0;
    g->flagged = false;
    g->flag_note[0] = '\0';
    if (g->n_players > 1 && !g->simultaneous)
        tv_flow_set_scene(g, TV_SCENE_TURN);
    else
        tv_flow_show_question(g);
}

static bool everyone_answered(const tv_Game *g)
{
    for (int p = 0; p < g->n_players; p++)
        if (!tv_session_record(&g->session, p, g->round)->answered)
            return false;
    return true;
}

static void after_answer(tv_Game *g)
{
    if (g->simultaneous) {
        /* The question stays up until every seat has answered or the time runs out. */
        if (everyone_answered(g)) {
            tv_play_sound(g, TV_SOUND_CORRECT);
            tv_flow_set_scene(g, TV_SCENE_REVEAL);
        }
        return;
    }
    SDL_StopTextInput();
    if (g->player + 1 < g->n_players) {
        g->player++;
        tv_flow_set_scene(g, TV_SCENE_TURN);
    } else
        tv_flow_set_scene(g, TV_SCENE_REVEAL);
}

void tv_flow_combo_key(const tv_Game *g, char *out, size_t size)
{
    /* Sorted ids joined by '+': the same combination always names the same table. */
    const char *ids[TV_GAME_MAX_PACKS];
    int n = 0;
    for (int i = 0; i < g->cfg.packs->n && i < TV_GAME_MAX_PACKS; i++)
        if (g->selected[i] && g->cfg.packs->packs[i].loaded)
            ids[n++] = g->cfg.packs->packs[i].id;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
            const char *t = ids[j];
            ids[j] = ids[j - 1];
            ids[j - 1] = t;
        }
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i)
            strncat(out, "+", size - strlen(out) - 1);
        strncat(out, ids[i], size - strlen(out) - 1);
    }
}

static void save_scores(tv_Game *g)
{
    char key[256];
    tv_flow_combo_key(g, key, sizeof key);
    for (int p = 0; p < g->n_players; p++) {
        tv_Result res = tv_session_result(&g->session, p);
        tv_ScoreEntry e = {.score = res.total, .correct = res.correct, .asked = res.asked};
        snprintf(e.name, sizeof e.name, "%s", g->names[p]);
        tv_scores_add(&g->scores, key, &e);
    }
    tv_Error err = {0};
    if (!tv_prefs_save_scores(&g->prefs, &g->scores, &err))
        snprintf(g->prefs_warning, sizeof g->prefs_warning, "%.300s: %.900s", tv_prefs_path(&g->prefs, TV_PREFS_SCORES),
                 err.msg);
}

void tv_flow_next_round(tv_Game *g)
{
    tv_play_sound(g, TV_SOUND_CLICK);
    if (g->round + 1 >= g->session.n_rounds) {
        save_scores(g);
        tv_play_sound(g, TV_SOUND_FANFARE);
        tv_flow_set_scene(g, TV_SCENE_RESULTS);
        return;
    }
    g->round++;
    begin_round(g);
}

void tv_flow_quit_round(tv_Game *g)
{
    g->paused = false;
    g->in_session = false;
    tv_flow_set_scene(g, TV_SCENE_TITLE);
}

static void question_tick(tv_Game *g)
{
    if (g->paused || !g->settings.timer)
        return;
    int64_t left = tv_flow_limit(g) - tv_flow_elapsed(g);
    if (left < 0) {
        tv_Answer a = {.kind = TV_ANS_TIMEOUT};
        if (g->simultaneous) {
            for (int p = 0; p < g->n_players && g->scene == TV_SCENE_QUESTION; p++)
                if (!tv_session_record(&g->session, p, g->round)->answered) {
                    g->player = p;
                    tv_flow_submit(g, &a);
                }
            return;
        }
        tv_flow_submit(g, &a);
        return;
    }
    int second = (int)(left / 1000);
    if (left <= 5000 && second != g->last_tick_second) {
        g->last_tick_second = second;
        tv_play_sound(g, TV_SOUND_TICK);
    }
}

void tv_flow_tick(tv_Game *g)
{
    if (g->scene == TV_SCENE_QUESTION)
        question_tick(g);
    /* Auto-advance goes by the reveal's age. */
    else if (g->scene == TV_SCENE_REVEAL && g->settings.auto_advance && g->now_ms - g->scene_ms > 7000)
        tv_flow_next_round(g);
}

/* Tells the host what it needs to record the session that just began. */
static void report_session(tv_Game *g)
{
    if (!g->cfg.on_session)
        return;
    tv_GameSession info = {.seed = g->seed,
                           .evening_round = g->evening_round,
                           .n_players = g->n_players,
                           .count = g->session.n_rounds,
                           .lang = g->settings.lang,
                           .timer_percent = g->settings.timer_percent,
                           .time_points = g->settings.time_points,
                           .streak_bonus = g->settings.streak_bonus,
                           .simultaneous = g->simultaneous};
    for (int p = 0; p < g->n_players; p++)
        info.names[p] = g->names[p];
    for (int i = 0; i < g->cfg.packs->n && i < TV_GAME_MAX_PACKS; i++)
        if (g->selected[i] && g->cfg.packs->packs[i].loaded)
            info.packs[info.n_packs++] = g->cfg.packs->packs[i].id;
    g->cfg.on_session(g->cfg.host, &info);
}

/* A session of count questions drawn from pool (count 0: the settings' count): round
 * evening_round of the film night begun at first_seed, which the core draws past the
 * evening's earlier rounds, so four rounds of 10 over the shipped packs repeat nothing. */
static bool start_pool(tv_Game *g, uint64_t first_seed, int evening_round, const tv_Question **pool, int n, int count,
                       tv_Error *err)
{
    g->seed = first_seed + (uint64_t)evening_round;
    g->evening_seed = first_seed;
    g->evening_round = evening_round;
    /* With everyone answering at once on pads, only questions a pad's buttons can answer
     * are asked. The session applies the timer setting and this filter exactly as
     * `trivium headless` does for the recorded directives. */
    tv_SessionConfig cfg = {.seed = first_seed,
                            .count = count ? count : g->settings.count,
                            .players = g->n_players,
                            .rules = {.time_points = g->settings.time_points, .streak_bonus = g->settings.streak_bonus},
                            .timer_percent = g->settings.timer_percent,
                            .types = g->simultaneous ? (1u << TV_Q_CHOICE) | (1u << TV_Q_TRUEFALSE) : 0};
    if (!tv_session_init_evening(&g->session, &cfg, evening_round, pool, n, tv_alloc_default(), err))
        return false;
    g->in_session = true;
    g->round = 0;
    g->player = 0;
    report_session(g);
    begin_round(g);
    return true;
}

static bool start_round(tv_Game *g, uint64_t first_seed, int evening_round, tv_Error *err);

bool tv_game_start(tv_Game *g, uint64_t seed, tv_Error *err) { return start_round(g, seed, 0, err); }

bool tv_game_next_round(tv_Game *g, tv_Error *err) { return start_round(g, g->evening_seed, g->evening_round + 1, err); }

static bool start_round(tv_Game *g, uint64_t first_seed, int evening_round, tv_Error *err)
{
    if (g->packs_loading)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "the packs are still loading");
    tv_session_free(&g->session);
    int total = 0;
    for (int i = 0; i < g->cfg.packs->n; i++)
        if (g->selected[i] && g->cfg.packs->packs[i].loaded)
            total += g->cfg.packs->packs[i].n_questions;
    const tv_Question **pool = malloc(sizeof *pool * (size_t)(total ? total : 1));
    if (!pool)
        return tv_error_set(err, TV_ERR_NOMEM, NULL, 0, "out of memory");
    int n = 0;
    for (int i = 0; i < g->cfg.packs->n; i++) {
        const tv_Pack *pk = &g->cfg.packs->packs[i];
        if (g->selected[i] && pk->loaded)
            for (int k = 0; k < pk->n_questions; k++)
                pool[n++] = &pk->questions[k];
    }
    bool ok = start_pool(g, first_seed, evening_round, pool, n, 0, err);
    free(pool); /* the session keeps pointers to the questions, not to the pool */
    return ok;
}

void tv_flow_submit(tv_Game *g, const tv_Answer *answer)
{
    g->changes++;
    tv_Error err = {0};
    int64_t t = g->settings.timer ? tv_flow_elapsed(g) : 0;
    const tv_Record *rec = tv_session_answer(&g->session, g->player, g->round, answer, t, &err);
    if (!rec)
        return; /* the widget only offers valid answers; nothing to record */
    if (g->cfg.on_answer)
        g->cfg.on_answer(g->cfg.host, g->player, g->round, rec);
    if (!g->simultaneous)
        tv_play_sound(g, rec->verdict == TV_V_CORRECT ? TV_SOUND_CORRECT : TV_SOUND_WRONG);
    after_answer(g);
}

void tv_flow_reload_packs(tv_Game *g)
{
    if (!g->cfg.reload_packs)
        return;
    /* The session points into the packs' arenas, which the reload frees. */
    tv_session_free(&g->session);
    g->in_session = false;
    g->packs_loading = true;
    g->changes++;
    g->cfg.reload_packs(g->cfg.host, g->settings.lang);
}

void tv_game_packs_reloaded(tv_Game *g)
{
    g->packs_loading = false;
    g->changes++;
}

/* The question just begun, staged six seconds in, or its reveal after the right answer. */
static void stage_round(tv_Game *g, tv_Scene scene)
{
    if (scene == TV_SCENE_QUESTION)
        g->asked_ms = g->now_ms - 6000; /* six seconds into the question */
    else {
        tv_Answer a;
        tv_session_correct_answer(&g->session, g->round, &a);
        g->asked_ms = g->now_ms - 4500;
        tv_flow_submit(g, &a);
    }
    g->scene_ms = g->now_ms - 10000; /* entry animations finished */
}

bool tv_game_preview(tv_Game *g, const tv_Question *q, uint64_t seed, bool reveal, tv_Error *err)
{
    if (g->packs_loading)
        return tv_error_set(err, TV_ERR_USAGE, NULL, 0, "the packs are still loading");
    tv_session_free(&g->session);
    const tv_Question *pool[1] = {q};
    if (!start_pool(g, seed, 0, pool, 1, 1, err))
        return false;
    stage_round(g, reveal ? TV_SCENE_REVEAL : TV_SCENE_QUESTION);
    return true;
}

bool tv_game_stage(tv_Game *g, tv_Scene scene, uint64_t seed, tv_Error *err)
{
    if (scene != TV_SCENE_QUESTION && scene != TV_SCENE_REVEAL && scene != TV_SCENE_RESULTS)
        tv_flow_set_scene(g, scene);
    else if (!tv_game_start(g, seed, err))
        return false;
    else if (scene == TV_SCENE_QUESTION)
        g->asked_ms = g->now_ms - 6000; /* six seconds into the question */
    else if (scene == TV_SCENE_REVEAL) {
        tv_Answer a;
        tv_session_correct_answer(&g->session, 0, &a);
        g->asked_ms = g->now_ms - 4500;
        tv_flow_submit(g, &a);
    } else {
        /* A varied round: mostly right, one wrong, one timeout. */
        int n = g->session.n_rounds;
        for (int i = 0; i < n; i++) {
            tv_Answer a;
            if (i % 4 == 2)
                tv_session_wrong_answer(&g->session, 0, g->round, &a);
            else
                tv_session_correct_answer(&g->session, g->round, &a);
            if (i == n - 1)
                a.kind = TV_ANS_TIMEOUT;
            g->asked_ms = g->now_ms - 1000 * (i % 7 + 2);
            tv_flow_submit(g, &a);
            if (g->scene == TV_SCENE_REVEAL)
                tv_flow_next_round(g); /* the last one goes on to the results */
        }
    }
    g->scene_ms = g->now_ms - 10000; /* entry animations finished */
    return true;
}

void tv_game_warn(tv_Game *g, const char *msg) { snprintf(g->prefs_warning, sizeof g->prefs_warning, "%s", msg); }

bool tv_game_quitting(const tv_Game *g) { return g->quit; }

const tv_Settings *tv_game_settings(const tv_Game *g) { return &g->settings; }

bool tv_game_packs_loading(const tv_Game *g) { return g->packs_loading; }
