/* runner.scenario: the scenario-file parser (docs/testing.md): every field, the
 * defaults from #! directives, and errors that name file:line. */
#include "check.h"
#include "failing_alloc.h"
#include "runner/scenario.h"

static bool parse(tv_Scenario *sc, const char *text, tv_Error *err)
{
    return tv_scenario_parse(sc, "dir/s.json", text, strlen(text), tv_alloc_default(), err);
}

/* Parses text, which must fail; returns "file:line: message". */
static const char *failure(const char *text)
{
    static char buf[2048];
    tv_Scenario sc;
    tv_Error err = {0};
    if (parse(&sc, text, &err))
        snprintf(buf, sizeof buf, "(parsed)");
    else
        tv_error_format(&err, buf, sizeof buf);
    tv_scenario_free(&sc);
    return buf;
}

TEST("every documented field is read")
{
    tv_Scenario sc;
    tv_Error err = {0};
    CHECK(parse(&sc,
                "{ \"name\": \"two\", \"packs\": [\"p1\", \"p2\"], \"plugins\": [\"packs\", \"/abs\"], \"seed\": 7,\n"
                "  \"count\": 3, \"lang\": \"nl\", \"time_points\": false, \"streak\": false, \"timer_percent\": 50,\n"
                "  \"types\": [\"choice\", \"truefalse\"],\n"
                "  \"players\": [ { \"name\": \"Ana\", \"answers\": [\"correct @2\", \"B @4.5\", \"skip\"] },\n"
                "               { \"answers\": [\"A\", \"A\", \"A\"] } ],\n"
                "  \"expect\": [ { \"total\": 2725, \"correct\": 2, \"points\": [1450, 1275, 0] }, null ] }\n",
                &err));
    CHECK_STR("two", sc.name);
    CHECK_INT(2, sc.n_packs);
    CHECK_STR("p2", sc.packs[1]);
    CHECK_INT(2, sc.n_plugins);
    CHECK_STR("dir/packs", sc.plugins[0]);
    CHECK_STR("/abs", sc.plugins[1]);
    CHECK_INT(7, sc.seed);
    CHECK_INT(3, sc.count);
    CHECK_STR("nl", sc.lang);
    CHECK(!sc.time_points && !sc.streak);
    CHECK_INT(50, sc.timer_percent);
    CHECK_INT((1u << TV_Q_CHOICE) | (1u << TV_Q_TRUEFALSE), sc.types);
    CHECK_INT(2, sc.n_players);
    CHECK_STR("Ana", sc.players[0].name);
    CHECK_INT(3, sc.players[0].script.n_steps);
    CHECK_INT(4500, sc.players[0].script.steps[1].t_ms);
    CHECK(sc.players[0].expect.have_total && sc.players[0].expect.have_correct && sc.players[0].expect.have_points);
    CHECK_INT(2725, sc.players[0].expect.total);
    CHECK_INT(1275, sc.players[0].expect.points[1]);
    CHECK(!sc.players[1].expect.have_total && !sc.players[1].expect.have_points);
    tv_scenario_free(&sc);
    tv_scenario_free(&sc);
}

TEST("inline answer lines carry the scenario file's line numbers")
{
    tv_Scenario sc;
    tv_Error err = {0};
    CHECK(parse(&sc, "{\"packs\": [\"p\"], \"seed\": 1, \"players\": [ {\"answers\": [\n\"A\",\n\n\"B\"]} ]}", &err));
    CHECK_INT(2, sc.players[0].script.n_steps);
    CHECK_INT(2, sc.players[0].script.steps[0].line);
    CHECK_INT(4, sc.players[0].script.steps[1].line);
    CHECK_STR("dir/s.json", sc.players[0].script.name);
    tv_scenario_free(&sc);
}

TEST("player 1's directives fill in what the scenario leaves out, and the file wins")
{
    tv_Scenario sc;
    tv_Error err = {0};
    CHECK(parse(&sc,
                "{\"seed\": 9, \"players\": [ {\"answers\": [\"#! seed 5\", \"#! pack scoring\", \"#! count 2\", "
                "\"#! no-streak\", \"#! types order\", \"A\", \"B\"]} ]}",
                &err));
    CHECK_INT(9, sc.seed);
    CHECK_INT(1, sc.n_packs);
    CHECK_STR("scoring", sc.packs[0]);
    CHECK_INT(2, sc.count);
    CHECK(sc.time_points && !sc.streak);
    CHECK_INT(1u << TV_Q_ORDER, sc.types);
    CHECK_STR("en", sc.lang);
    tv_scenario_free(&sc);
}

TEST("a seed above 2^53 is given as a string")
{
    tv_Scenario sc;
    tv_Error err = {0};
    CHECK(parse(&sc, "{\"packs\": [\"p\"], \"seed\": \"18446744073709551615\", \"players\": [{\"answers\": []}]}",
                &err));
    CHECK(sc.seed == UINT64_MAX);
    tv_scenario_free(&sc);
}

TEST("a bad answer line is named by the scenario file and the line of its element")
{
    CHECK_STR("dir/s.json:3: expected a letter A-F, a number, =TEXT, correct, wrong, timeout or skip: 'G'",
              failure("{\"packs\": [\"p\"], \"seed\": 1,\n\"players\": [{\"answers\": [\"A\",\n \"G\"]}]}"));
}

TEST("a wrong field names its key's line and what was expected")
{
    CHECK_STR("dir/s.json:2: \"seed\" must be a whole number from 0 to 18446744073709551615 (as a string above 2^53)",
              failure("{\"packs\": [\"p\"],\n \"seed\": -1, \"players\": []}"));
    CHECK_STR("dir/s.json:3: \"count\" must be a whole number from 1 to 10000",
              failure("{\"packs\": [\"p\"],\n\n \"count\": 2.5}"));
    CHECK_STR("dir/s.json:1: \"lang\" must be \"en\" or \"nl\"", failure("{\"lang\": \"fr\"}"));
    CHECK_STR("dir/s.json:1: \"time_points\" must be true or false", failure("{\"time_points\": 1}"));
    CHECK_STR("dir/s.json:1: \"types\" must be a list of choice, truefalse, numeric, order, text, got \"essay\"",
              failure("{\"types\": [\"essay\"]}"));
    CHECK_STR("dir/s.json:2: unknown key \"sede\" (expected name, packs, plugins, seed, count, lang, time_points, "
              "streak, timer_percent, types, players or expect)",
              failure("{\"packs\": [\"p\"],\n \"sede\": 1}"));
    CHECK_STR("dir/s.json:1: \"players\" must be a list of 1 to 10000 players", failure("{\"packs\": [\"p\"]}"));
    CHECK_STR("dir/s.json:2: player 1: give \"answers\" (a list of lines) or \"script\" (a file), one of them",
              failure("{\"players\": [\n{\"name\": \"x\"}]}"));
    CHECK_STR("dir/s.json:2: an answer line must be a string", failure("{\"players\": [{\"answers\": [\n 3]}]}"));
    CHECK_STR("dir/s.json:3: expect 1: unknown key \"totl\" (expected total, correct or points)",
              failure("{\"players\": [{\"answers\": []}],\n\"expect\": [{\n\"totl\": 3}]}"));
    CHECK_STR("dir/s.json:1: \"expect\" must be a list of at most 1 entries, one per player",
              failure("{\"players\": [{\"answers\": []}], \"expect\": [{}, {}]}"));
    CHECK_STR("dir/s.json:1: no seed: give \"seed\" or a #! seed line in player 1's answers",
              failure("{\"packs\": [\"p\"], \"players\": [{\"answers\": []}]}"));
}

TEST("malformed JSON names the line where parsing stopped")
{
    CHECK_STR("dir/s.json:3: not valid JSON (parsing stopped here)", failure("{\n\"packs\": [\"p\"],\n\"seed\": }"));
    CHECK_STR("dir/s.json:2: text after the scenario's closing brace", failure("{}\n}"));
    CHECK_STR("dir/s.json:1: a scenario must be a JSON object", failure("[1]"));
}
TEST("parsing fails cleanly with out of memory and frees everything when any allocation fails")
{
    const char *text = "{\"name\": \"n\", \"packs\": [\"p\"], \"plugins\": [\"x\"], \"seed\": 1,\n"
                       "\"players\": [{\"name\": \"a\", \"answers\": [\"#! count 2\", \"A @1\", \"=t\"]},\n"
                       "{\"answers\": [\"B\", \"skip\"]}], \"expect\": [{\"total\": 1, \"points\": [1, 0]}]}";
    bool parsed = false;
    for (int n = 1; n < 200 && !parsed; n++) {
        Counter c = {.fail_at = n};
        tv_Scenario sc;
        tv_Error err = {0};
        parsed = tv_scenario_parse(&sc, "s.json", text, strlen(text), (tv_Alloc){counting, &c}, &err);
        if (!parsed)
            CHECK_INT(TV_ERR_NOMEM, err.code);
        else
            CHECK_INT(2, sc.count);
        tv_scenario_free(&sc);
        tv_scenario_free(&sc);
        CHECK_INT(0, c.live);
    }
    CHECK(parsed);
}

TEST_MAIN()
