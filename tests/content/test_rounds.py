#!/usr/bin/env python3
"""Content tests over whole rounds of the shipped packs (issue 14).

Usage: test_rounds.py --trivium PATH --source DIR

For each iHostage pack and for all packs together, in English and Dutch, plays 300 film
nights of four 10-question rounds (`trivium stats --seeds 1-300 --evening 4`: one process
per run, the rounds drawn as the game's "play again" draws them) and checks:
  - no round holds a giveaway, declared (asks/shows) or found in the text by the
    engine's detector (core/giveaway.c): an answer an earlier question already showed;
  - every round is full (10 questions), so the draw's fact rules cost nothing;
  - no question is asked twice in a film night (the cast pack alone is exempt: seven
    characters hold fewer facts than 40 questions need; all packs together are not);
  - no pack is flagged for its answer lengths or true/false balance;
  - each pack offers at least 50 distinct questions (by id, over the 300 seeds) of all
    five types.
Prints "ok: ..." / "FAIL: ..." lines and "N passed, M failed"; exits 1 on any failure.
Standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

SEEDS = "1-300"
ROUNDS = 4
COUNT = 10
PACKS = ("ihostage-film", "ihostage-plot", "ihostage-cast", "leidseplein-2022")
TARGETS = PACKS + ("all",)
LANGS = ("en", "nl")
MIN_DISTINCT = 50
ALL_TYPES = {"choice", "truefalse", "numeric", "order", "text"}
# Seven characters give the cast pack 21 who-is-who facts and 11 static questions: fewer
# than a film night's 40, so alone it repeats; mixed with the other packs it does not.
REPEATS_ALLOWED = {"ihostage-cast"}
RUN_TIMEOUT = 600


def stats(exe, source, target, lang):
    env = {k: v for k, v in os.environ.items() if k != "TRIVIUM_PLUGIN_PATH"}
    cmd = [exe, "stats", "--plugins", os.path.join(source, "plugins"), "--pack", target, "--seeds", SEEDS,
           "--evening", str(ROUNDS), "--lang", lang, "--format", "json"]
    try:
        p = subprocess.run(cmd, cwd=source, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    if p.returncode != 0:
        return None, "exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace")[-500:])
    try:
        return json.loads(p.stdout.decode("utf-8")), None
    except ValueError as e:
        return None, "bad JSON: %s" % e


class Report:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, what, details=()):
        if ok:
            self.passed += 1
            print("ok: " + what)
        else:
            self.failed += 1
            print("FAIL: " + what)
            for d in list(details)[:40]:
                print("    - " + d)
        sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trivium", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    exe, source = os.path.abspath(args.trivium), os.path.abspath(args.source)
    rep = Report()
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = {(t, l): pool.submit(stats, exe, source, t, l) for t in TARGETS for l in LANGS}
        results = {k: f.result() for k, f in jobs.items()}
    distinct = {p: {} for p in PACKS}
    for (target, lang), (d, err) in sorted(results.items()):
        where = "%s (%s, seeds %s, %d-round film nights)" % (target, lang, SEEDS, ROUNDS)
        if err:
            rep.check(False, "trivium stats runs for " + where, [err])
            continue
        sessions = d["sessions"]
        g = d["giveaways"]
        rep.check(g["sessions"] == 0 and not g["pairs"],
                  "no round gives an answer away, declared or in the text: %s, %d rounds" % (where, sessions),
                  ["%s (%s) %s %s '%s' before %s (%s), in %d rounds" % (
                      p["earlier"], p["earlier_where"], p["kind"], p["field"], p["answer"], p["later"],
                      p["later_where"], p["sessions"]) for p in g["pairs"]])
        rep.check(d["rounds"] == sessions * COUNT, "every round of %s asks %d questions (%d in %d rounds)" % (
            where, COUNT, d["rounds"], sessions))
        nights = d.get("film_nights", {})
        if target in REPEATS_ALLOWED:
            print("skip: %s: film-night repeats (%d over %d nights; see REPEATS_ALLOWED)" % (
                where, nights.get("repeats", -1), nights.get("evenings", 0)))
        else:
            rep.check(nights.get("evenings") == 300 and nights.get("repeats") == 0,
                      "no question is asked twice in a film night: %s" % where,
                      ["%d repeats, the first %s" % (nights.get("repeats", -1), nights.get("first_repeat"))])
        flagged = ["%s: %s" % (p["id"], ", ".join(p["flags"])) for p in d["packs"]
                   if p["flags"] and p["id"] in PACKS]
        rep.check(not flagged, "no pack is flagged for answer lengths or true/false balance: %s" % where, flagged)
        for q in d["questions"]:
            if q["pack"] in distinct:
                distinct[q["pack"]][q["id"]] = q["type"]
    for p in PACKS:
        ids = distinct[p]
        types = set(ids.values())
        rep.check(len(ids) >= MIN_DISTINCT and types >= ALL_TYPES,
                  "%s offers %d distinct questions (at least %d) of %d types over seeds %s" % (
                      p, len(ids), MIN_DISTINCT, len(types), SEEDS),
                  ["missing types: %s" % ", ".join(sorted(ALL_TYPES - types))] if types < ALL_TYPES else [])
    print("%d passed, %d failed" % (rep.passed, rep.failed))
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main())
