#!/usr/bin/env bash
# app.scenarios: `trivium test` end to end (docs/testing.md) — scenarios that pass, that
# fail in each checked field (messages word for word), that are malformed (exit codes,
# file:line), the exit-code order 2, 4, 3, 1, JUnit read back by xml.etree, JSON, and
# `trivium headless --write-scenario` round trips and `--seeds` batches.
# usage: test_scenarios.sh TRIVIUM SOURCE_DIR
set -u
TRIVIUM=$1
SRC=$2
cd "$SRC"
T=$(mktemp -d)
export TRIVIUM_CACHE_DIR=$T/cache # headless keeps pack results there; never the home folder's
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
json() { /usr/bin/python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
expect_eq() { # name expected got
  if [ "$2" == "$3" ]; then ok "$1"; else bad "$1: expected '$2', got '$3'"; fi
}
expect_rc() { # name expected-rc command...
  local name=$1 want=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  local rc=$?
  if [ "$rc" == "$want" ]; then ok "$name"; else bad "$name: expected exit $want, got $rc: $(head -c 400 "$T/out" "$T/err")"; fi
}
expect_out() { # name line: stdout of the last expect_rc has this exact line
  if grep -qxF -- "$2" "$T/out"; then ok "$1"; else bad "$1: stdout lacks '$2': $(head -c 600 "$T/out")"; fi
}
expect_err() { # name text: stderr of the last expect_rc contains text
  if grep -qF -- "$2" "$T/err"; then ok "$1"; else bad "$1: stderr lacks '$2': $(head -c 300 "$T/err")"; fi
}
PACKS=$PWD/tests/packs
P1='"D @5", "BACD @10", "42.4 @20", "B @10", "=admir sehovic @30.001", "5050 D @4.5"'
# scenario FILE EXPECT [EXTRA-KEYS]: the hand-worked session of docs/scoring.md.
scenario() {
  printf '{ "name": "t", "packs": ["scoring"], "plugins": ["%s"], "seed": 1, %s\n  "players": [ { "name": "by hand", "answers": [%s] } ],\n  "expect": [ %s ] }\n' \
    "$PACKS" "${3:-}" "$P1" "$2" >"$1"
}

# Scenarios that pass.
expect_rc "the committed scenarios pass" 0 "$TRIVIUM" test tests/app/scenarios
expect_eq "one line per case, sorted by file name, then the summary" \
  "ok scoring pack, seed 1, hand-worked in docs/scoring.md|ok no time points, from a #! directive|2 passed, 0 failed" \
  "$(tr '\n' '|' <"$T/out" | sed 's/|$//')"
scenario "$T/pass.json" '{ "total": 4454, "correct": 4, "points": [875, 563, 1500, 850, 0, 666] }'
expect_rc "a scenario with every check right passes" 0 "$TRIVIUM" test "$T/pass.json"
expect_out "(its line)" "ok t"
scenario "$T/none.json" '{}'
expect_rc "a scenario with nothing to check passes" 0 "$TRIVIUM" test "$T/none.json"

# Scenarios that fail, one field each, messages word for word.
check_fail() { # name expect-json message
  scenario "$T/f.json" "$2"
  expect_rc "$1 fails with exit 1" 1 "$TRIVIUM" test "$T/f.json"
  expect_out "$1: the message names the player, question, expected and got" "FAIL t: $3"
  expect_out "$1: the summary" "0 passed, 1 failed"
}
check_fail "a wrong total" '{ "total": 4455 }' "player 1 (by hand): total: expected 4455, got 4454"
check_fail "a wrong correct count" '{ "correct": 5 }' "player 1 (by hand): correct: expected 5, got 4"
check_fail "a wrong question's points" '{ "points": [875, 564, 1500, 850, 0, 666] }' \
  "player 1 (by hand): question 2 (scoring/ord): points: expected 564, got 563"
check_fail "a points list of the wrong length" '{ "points": [875, 563, 1500, 850, 0] }' \
  "player 1 (by hand): points: expected 5 questions, the session asked 6"
check_fail "many mismatches" '{ "total": 1, "correct": 1, "points": [1, 2, 3, 4, 0, 666] }' \
  "player 1 (by hand): total: expected 1, got 4454; player 1 (by hand): correct: expected 1, got 4; player 1 (by hand): question 1 (scoring/c4): points: expected 1, got 875; and 3 more"

# Malformed scenarios: exit 4 with file:line.
printf '{ "packs": ["scoring"], "plugins": ["%s"], "seed": 1,\n  "players": [ { "answers": [\n    "D @5",\n    "G" ] } ] }\n' "$PACKS" >"$T/badline.json"
expect_rc "a bad answer line exits 4" 4 "$TRIVIUM" test "$T/badline.json"
expect_out "naming the scenario file and the line of the answer" \
  "FAIL $T/badline.json: $T/badline.json:4: expected a letter A-F, a number, =TEXT, correct, wrong, timeout or skip: 'G'"
printf '{ "packs": ["scoring"], "plugins": ["%s"], "seed": 1,\n  "players": [ { "answers": [\n "D", "A", "A", "A", "A", "A"] } ] }\n' "$PACKS" >"$T/shape.json"
expect_rc "an answer that does not fit its question exits 4" 4 "$TRIVIUM" test "$T/shape.json"
expect_out "naming the line and the question" \
  "FAIL $T/shape.json: $T/shape.json:3: question 2 (scoring/ord): question ord has 4 items to order, got 1"
printf '{ "packs": ["scoring"],\n  "seed": 1,\n  "players": [ }\n' >"$T/json.json"
expect_rc "invalid JSON exits 4" 4 "$TRIVIUM" test "$T/json.json"
expect_out "naming the line" "FAIL $T/json.json: $T/json.json:3: not valid JSON (parsing stopped here)"
printf '{ "packs": ["scoring"],\n  "seed": "seven",\n  "players": [] }\n' >"$T/seed.json"
expect_rc "a wrong field exits 4" 4 "$TRIVIUM" test "$T/seed.json"
expect_out "naming the key's line and what a good value is" \
  "FAIL $T/seed.json: $T/seed.json:2: \"seed\" must be a whole number from 0 to 18446744073709551615 (as a string above 2^53)"
printf '{ "packs": ["scoring"], "seed": 1,\n "players": [ { "script": "nope.txt" } ] }\n' >"$T/noscript.json"
expect_rc "a missing script file exits 4" 4 "$TRIVIUM" test "$T/noscript.json"
expect_out "naming the script next to the scenario" "FAIL $T/noscript.json: $T/nope.txt: the answer script does not exist"

# A pack that fails to load: exit 3.
printf '{ "packs": ["syntax_error"], "plugins": ["%s/broken"], "seed": 1, "players": [ { "answers": ["A"] } ] }\n' "$PACKS" >"$T/broken.json"
expect_rc "a pack that fails to load exits 3" 3 "$TRIVIUM" test "$T/broken.json"
expect_out "with the pack's file:line" \
  "FAIL $T/broken.json: tests/packs/broken/syntax_error/pack.lua:7: '}' expected (to close '{' at line 5) near 'quiz'"
printf '{ "packs": ["nosuch"], "plugins": ["%s"], "seed": 1, "players": [ { "answers": ["A"] } ] }\n' "$PACKS" >"$T/nosuch.json"
expect_rc "an unknown pack exits 3" 3 "$TRIVIUM" test "$T/nosuch.json"
if grep -qF "FAIL $T/nosuch.json: pack nosuch: no such pack (found: " "$T/out"; then ok "naming the pack and the ones found"; else bad "unknown pack: $(cat "$T/out")"; fi

# When several apply, the first of 2, 4, 3, 1 wins.
expect_rc "failed and pack: 3" 3 "$TRIVIUM" test "$T/f.json" "$T/broken.json"
expect_rc "failed, pack and bad line: 4" 4 "$TRIVIUM" test "$T/f.json" "$T/broken.json" "$T/badline.json"
expect_out "every case is still run and reported" "0 passed, 3 failed"
expect_rc "a path that does not exist: 2, before anything runs" 2 "$TRIVIUM" test "$T/badline.json" "$T/missing.json"
expect_err "naming the path" "trivium test: $T/missing.json: no such file or folder"
expect_rc "no path: 2" 2 "$TRIVIUM" test
expect_rc "an unknown option: 2" 2 "$TRIVIUM" test "$T/pass.json" --frob
expect_rc "--format yaml: 2" 2 "$TRIVIUM" test "$T/pass.json" --format yaml

# Reports CI reads: JUnit (checked by xml.etree) and JSON.
expect_rc "--junit with a pass and two failures exits 4" 4 "$TRIVIUM" test "$T/pass.json" "$T/f.json" "$T/badline.json" --junit "$T/report.xml"
junit=$(/usr/bin/python3 - "$T/report.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
suites = root.findall("testsuite")
assert len(suites) == 1
s = suites[0]
for a in ("name", "tests", "failures", "errors", "time"):
    assert a in s.attrib, a
cases = s.findall("testcase")
assert int(s.get("tests")) == len(cases) == 3
assert int(s.get("failures")) == 2
float(s.get("time"))
out = []
for c in cases:
    for a in ("name", "classname", "time"):
        assert a in c.attrib, a
    float(c.get("time"))
    f = c.findall("failure")
    out.append("%s|%s|%s" % (c.get("name"), c.get("classname").rsplit("/", 1)[-1], f[0].get("message") if f else "-"))
print("\n".join(out))
PY
)
expect_eq "JUnit has a testcase per scenario with name, classname, time and the failure message" \
  "t|pass|-
t|f|player 1 (by hand): total: expected 1, got 4454; player 1 (by hand): correct: expected 1, got 4; player 1 (by hand): question 1 (scoring/c4): points: expected 1, got 875; and 3 more
$T/badline.json|badline|$T/badline.json:4: expected a letter A-F, a number, =TEXT, correct, wrong, timeout or skip: 'G'" "$junit"
printf '{ "name": "a <b> & \\"c\\" '"'"'d'"'"' \\u0001 e", "packs": ["scoring"], "plugins": ["%s"], "seed": 1, "players": [ { "answers": [%s] } ], "expect": [ { "total": 1 } ] }\n' "$PACKS" "$P1" >"$T/hostile.json"
expect_rc "a name with XML's special characters and a control character" 1 "$TRIVIUM" test "$T/hostile.json" --junit "$T/hostile.xml"
expect_out "is shown with the control as ?" "FAIL a <b> & \"c\" 'd' ? e: player 1: total: expected 1, got 4454"
expect_eq "and survives the JUnit report" "a <b> & \"c\" 'd' ? e" "$(/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as ET; print(ET.parse(sys.argv[1]).getroot().find("testsuite/testcase").get("name"))' "$T/hostile.xml")"
expect_rc "--format json" 4 "$TRIVIUM" test "$T/pass.json" "$T/f.json" "$T/badline.json" --format json
expect_eq "JSON counts and statuses" "1 2 ['pass', 'fail', 'fail'] [0, 1, 4]" \
  "$(json "$T/out" '"%d %d %s %s" % (j["passed"], j["failed"], [t["status"] for t in j["tests"]], [t["code"] for t in j["tests"]])')"

# --write-scenario, then trivium test: the golden passes as written, for 1, 4 and 200
# players, and fails once its expectation is changed.
printf '%s\n' "D @5" "BACD @10" "42.4 @20" "B @10" "=admir sehovic @30.001" "5050 D @4.5" >"$T/p1.txt"
printf 'wrong\n%.0s' 1 2 3 4 5 6 >"$T/wrong.txt"
printf 'correct @3\n%.0s' 1 2 3 4 5 6 >"$T/right.txt"
# (seed-independent: fits any question of any seed)
printf '%s\n' "#! no-streak" timeout "correct @1.5" skip "correct @39" wrong "correct @2" >"$T/mixed.txt"
mkdir -p "$T/goldens"
for n in 1 4 200; do
  args=()
  scripts=("$T/p1.txt" "$T/wrong.txt" "$T/right.txt" "$T/mixed.txt")
  for i in $(seq 0 $((n - 1))); do args+=(--answers "${scripts[$((i % 4))]}"); done
  expect_rc "headless --write-scenario with $n players" 0 "$TRIVIUM" headless --plugins tests/packs --pack scoring --seed 1 "${args[@]}" --write-scenario "$T/goldens/p$n.json"
  expect_rc "trivium test passes the scenario of $n players" 0 "$TRIVIUM" test "$T/goldens/p$n.json"
  expect_out "($n players: its line)" "ok p$n"
  expect_eq "($n players: one expectation per player)" "$n $n" "$(json "$T/goldens/p$n.json" '"%d %d" % (len(j["players"]), len(j["expect"]))')"
done
expect_eq "the golden holds the played totals" "[4454, 0]" "$(json "$T/goldens/p4.json" '[x["total"] for x in j["expect"][:2]]')"
expect_eq "and its plugin folder relative to the file" "True" "$(json "$T/goldens/p1.json" 'not j["plugins"][0].startswith("/") and __import__("os").path.realpath(__import__("os").path.join(sys.argv[1].rsplit("/", 1)[0], j["plugins"][0])) == __import__("os").path.realpath("tests/packs")')"
# Beside the goldens, so its relative plugin folder still resolves (from a folder of
# another depth it would not, wherever the source tree lies).
mkdir -p "$T/changed"
sed 's/"total":\t4454/"total":\t4453/' "$T/goldens/p4.json" >"$T/changed/p4.json"
expect_rc "a golden whose total is changed fails" 1 "$TRIVIUM" test "$T/changed/p4.json"
expect_out "saying so" "FAIL p4: player 1 ($T/p1.txt): total: expected 4453, got 4454"
expect_rc "the folder of goldens passes, sorted" 0 "$TRIVIUM" test "$T/goldens"
expect_eq "(p1, p200, p4)" "ok p1|ok p200|ok p4|3 passed, 0 failed" "$(tr '\n' '|' <"$T/out" | sed 's/|$//')"
expect_rc "a shipped pack round trips without plugins" 0 "$TRIVIUM" headless --pack ihostage-film --seed 7 --count 3 --answers "$T/right.txt" --count 6 --write-scenario "$T/film.json"
expect_rc "(and passes)" 0 "$TRIVIUM" test "$T/film.json"

# Batches: --seeds plays the same scripts once per seed, equal to the seeds one by one.
expect_rc "--seeds 1-3,7 --format jsonl" 0 "$TRIVIUM" headless --plugins tests/packs --pack scoring --seeds 1-3,7 --answers "$T/right.txt" --answers "$T/mixed.txt" --format jsonl
cp "$T/out" "$T/batch.jsonl"
expect_eq "one line per session" 4 "$(wc -l <"$T/batch.jsonl")"
same=yes
k=0
for seed in 1 2 3 7; do
  k=$((k + 1))
  "$TRIVIUM" headless --plugins tests/packs --pack scoring --seed $seed --answers "$T/right.txt" --answers "$T/mixed.txt" --format json >"$T/one.json" 2>&1
  sed -n "${k}p" "$T/batch.jsonl" >"$T/line.json"
  if ! /usr/bin/python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' "$T/one.json" "$T/line.json"; then same="seed $seed differs"; fi
done
expect_eq "each line equals that seed played alone with --format json" yes "$same"
expect_eq "each line carries its seed" "[1, 2, 3, 7]" "$(/usr/bin/python3 -c 'import json,sys; print([json.loads(l)["seed"] for l in open(sys.argv[1])])' "$T/batch.jsonl")"
expect_rc "--seeds 1,5,9" 0 "$TRIVIUM" headless --plugins tests/packs --pack scoring --seeds 1,5,9 --answers "$T/right.txt" --format jsonl
expect_eq "(three sessions)" 3 "$(wc -l <"$T/out")"
expect_rc "--summary" 0 "$TRIVIUM" headless --plugins tests/packs --pack scoring --seeds 1-3,7 --answers "$T/right.txt" --answers "$T/mixed.txt" --summary --format json
want=$(/usr/bin/python3 -c '
import json,sys,statistics as st
rows=[json.loads(l) for l in open(sys.argv[1])]
out=[]
for p in range(2):
    t=[r["players"][p]["total"] for r in rows]
    out.append([float(min(t)), float(st.median(t)), float(max(t)), round(st.mean(t), 6)])
print(out)' "$T/batch.jsonl")
expect_eq "min, median, max and mean of each player's totals" "$want" "$(json "$T/out" '[[float(p["min"]), float(p["median"]), float(p["max"]), round(p["mean"], 6)] for p in j["players"]]')"
one=$(json "$T/goldens/p4.json" 'j["expect"][2]["total"]')
expect_rc "--summary as text" 0 "$TRIVIUM" headless --plugins tests/packs --pack scoring --seeds 1,1 --answers "$T/right.txt" --summary
shown=$T/right.txt
[ ${#shown} -le 28 ] || shown="...${shown: -25}" # a long name keeps its end
expect_out "(a line per player)" "     1  $(printf '%-28s' "$shown")        2 $(printf '%8d %9.1f %8d %10.2f' "$one" "$one" "$one" "$one")"
expect_rc "a descending range is a usage error" 2 "$TRIVIUM" headless --plugins tests/packs --pack scoring --seeds 5-3 --answers "$T/right.txt"
expect_err "naming the value" "trivium headless: --seeds 5-3: expected seeds and ranges like 1-1000, 1,5,9 or 1-3,7 (at most 100000 seeds)"
expect_rc "more than 100000 seeds is a usage error" 2 "$TRIVIUM" headless --plugins tests/packs --pack scoring --seeds 1-100000,7 --answers "$T/right.txt"
expect_rc "--seed with --seeds is a usage error" 2 "$TRIVIUM" headless --plugins tests/packs --pack scoring --seed 1 --seeds 1-2 --answers "$T/right.txt"
expect_err "(saying so)" "trivium headless: --seed and --seeds: give one of them"
printf 'A\nA\nA\nA\nA\nA\n' >"$T/shape.txt"
expect_rc "a script error in one seed of a batch exits 4" 4 "$TRIVIUM" headless --plugins tests/packs --pack scoring --seeds 1-2 --answers "$T/shape.txt" --format jsonl
expect_err "naming the seed" "shape.txt:2: seed 1: question 2 (scoring/ord): question ord has 4 items to order, got 1"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
