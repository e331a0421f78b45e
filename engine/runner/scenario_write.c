/* scenario_write.c - a played session as a scenario file (tv_scenario_write), the way
 * goldens are made and updated: `trivium headless ... --write-scenario FILE`.
 * Writes only what the session was played with, explicitly (no #! directives), so the
 * file reads the same whatever defaults change later.
 * Trust boundary: writes what was read through the answer-script parser and the packs;
 * cJSON escapes every string, so any answer text round-trips.
 * Depends on: core (session, question), runner/answers, cJSON. */
#include "runner/scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

static void add_players(cJSON *root, const tv_Session *s, const tv_ScenarioSource *src)
{
    cJSON *players = cJSON_AddArrayToObject(root, "players");
    cJSON *expect = cJSON_AddArrayToObject(root, "expect");
    for (int p = 0; p < s->cfg.players; p++) {
        const tv_Script *sc = &src->scripts[p];
        cJSON *pl = cJSON_CreateObject();
        cJSON_AddStringToObject(pl, "name", sc->name);
        cJSON *lines = cJSON_AddArrayToObject(pl, "answers");
        for (int i = 0; i < sc->n_steps; i++)
            cJSON_AddItemToArray(lines, cJSON_CreateString(sc->steps[i].raw));
        cJSON_AddItemToArray(players, pl);

        tv_Result r = tv_session_result(s, p);
        cJSON *x = cJSON_CreateObject();
        cJSON_AddNumberToObject(x, "total", r.total);
        cJSON_AddNumberToObject(x, "correct", r.correct);
        cJSON *points = cJSON_AddArrayToObject(x, "points");
        for (int i = 0; i < s->n_rounds; i++)
            cJSON_AddItemToArray(points, cJSON_CreateNumber(tv_session_record(s, p, i)->points));
        cJSON_AddItemToArray(expect, x);
    }
}

char *tv_scenario_write(const tv_Session *s, const tv_ScenarioSource *src)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    cJSON_AddStringToObject(root, "name", src->name);
    cJSON *packs = cJSON_AddArrayToObject(root, "packs");
    for (int i = 0; i < src->n_packs; i++)
        cJSON_AddItemToArray(packs, cJSON_CreateString(src->packs[i]));
    cJSON *plugins = cJSON_AddArrayToObject(root, "plugins");
    for (int i = 0; i < src->n_plugins; i++)
        cJSON_AddItemToArray(plugins, cJSON_CreateString(src->plugins[i]));
    /* A JSON number holds integers exactly only up to 2^53; larger seeds go as strings. */
    if (s->cfg.seed <= (1ull << 53))
        cJSON_AddNumberToObject(root, "seed", (double)s->cfg.seed);
    else {
        char seed[32];
        snprintf(seed, sizeof seed, "%llu", (unsigned long long)s->cfg.seed);
        cJSON_AddStringToObject(root, "seed", seed);
    }
    cJSON_AddNumberToObject(root, "count", src->count);
    cJSON_AddStringToObject(root, "lang", src->lang);
    cJSON_AddBoolToObject(root, "time_points", s->cfg.rules.time_points);
    cJSON_AddBoolToObject(root, "streak", s->cfg.rules.streak_bonus);
    if (s->cfg.timer_percent)
        cJSON_AddNumberToObject(root, "timer_percent", s->cfg.timer_percent);
    if (s->cfg.types) {
        cJSON *types = cJSON_AddArrayToObject(root, "types");
        for (int t = 0; t < 32; t++)
            if (s->cfg.types & (1u << t))
                cJSON_AddItemToArray(types, cJSON_CreateString(tv_qtype_name((tv_QType)t)));
    }
    add_players(root, s, src);
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    size_t n = text ? strlen(text) : 0;
    char *grown = text ? realloc(text, n + 2) : NULL;
    if (!grown) {
        free(text);
        return NULL;
    }
    memcpy(grown + n, "\n", 2); /* a text file ends with a newline */
    return grown;
}
