#!/usr/bin/env bash
# app.cli: the trivium binary end to end — headless sessions from answer scripts with
# totals worked out by hand (docs/scoring.md), lint's exact messages, and exit codes.
# usage: test_cli.sh TRIVIUM SOURCE_DIR
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
# json FILE EXPR: evaluates a Python expression over the parsed JSON as `j`.
json() { python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
expect_eq() { # name expected got
  if [ "$2" == "$3" ]; then ok "$1"; else bad "$1: expected '$2', got '$3'"; fi
}
expect_rc() { # name expected-rc command...
  local name=$1 want=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  local rc=$?
  if [ "$rc" == "$want" ]; then ok "$name"; else bad "$name: expected exit $want, got $rc: $(head -c 300 "$T/err")"; fi
}
expect_err() { # name text: stderr of the last expect_rc contains text
  if grep -qF -- "$2" "$T/err"; then ok "$1"; else bad "$1: stderr lacks '$2': $(head -c 300 "$T/err")"; fi
}
PK=(--plugins tests/packs)

# Seed 1 shows: c4 (right = D), ord (key BADC), num, tf (B), txt, c6 (right = D).
cat >"$T/p1.txt" <<'S'
# hand-worked: see docs/scoring.md
D @5            # 1000 * (1 - 5/40) = 875
BACD @10        # order, 2 of 4 in place: 1500 * 2/4 * (1 - 10/40) = 562.5 -> 563
42.4 @20        # within 0.5: 2000 * (1 - 20/80) = 1500
B @10           # at t = T: 1500 * 1/2 = 750, + streak bonus 100 = 850
=admir sehovic @30.001   # just over the limit: timeout, 0
5050 D @4.5     # 1500 * (1 - 4.5/40) / 2 = 665.625 -> 666
S
expect_rc "headless session from a script exits 0" 0 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/p1.txt" --format json
cp "$T/out" "$T/p1.json"
expect_eq "hand-worked total is 4454" 4454 "$(json "$T/p1.json" 'j["total"]')"
expect_eq "four answers are correct" 4 "$(json "$T/p1.json" 'j["correct"]')"
expect_eq "six questions asked" 6 "$(json "$T/p1.json" 'j["asked"]')"
expect_eq "longest streak is 2" 2 "$(json "$T/p1.json" 'j["longest_streak"]')"
expect_eq "per-question points" "[875, 563, 1500, 850, 0, 666]" "$(json "$T/p1.json" '[q["points"] for q in j["questions"]]')"
expect_eq "per-question streaks" "[1, 0, 1, 2, 0, 1]" "$(json "$T/p1.json" '[q["streak"] for q in j["questions"]]')"
expect_eq "the 50:50 is recorded" "True" "$(json "$T/p1.json" 'j["questions"][5]["lifeline"]')"
expect_eq "per-category points" "{'Alpha': 2375, 'Beta': 1413, 'Gamma': 666}" "$(json "$T/p1.json" '{k: v["points"] for k, v in j["by_category"].items()}')"
expect_eq "JSON has the contract's fields" "True" "$(json "$T/p1.json" 'all(k in j for k in ["seed","lang","packs","total","correct","asked","longest_streak","by_category","questions"]) and all(k in j["questions"][0] for k in ["index","pack","id","type","difficulty","category","given","correct","time","points","streak"])')"
expect_eq "the JSON echoes both switches" "True True" "$(json "$T/p1.json" 'str(j["time_points"]) + " " + str(j["streak_bonus"])')"

expect_rc "--no-time-points" 0 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/p1.txt" --format json --no-time-points
expect_eq "without time points a correct answer scores its base (6100)" 6100 "$(json "$T/out" 'j["total"]')"
expect_eq "the JSON echoes time_points off" False "$(json "$T/out" 'j["time_points"]')"
expect_rc "--no-streak" 0 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/p1.txt" --format json --no-streak
expect_eq "without the streak bonus the total drops by 100 (4354)" 4354 "$(json "$T/out" 'j["total"]')"

# Two players: the second answers everything wrong.
printf 'wrong\nwrong\nwrong\nwrong\nwrong\nwrong\n' >"$T/p2.txt"
expect_rc "two players" 0 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/p1.txt" --answers "$T/p2.txt" --format json
expect_eq "players list holds each result" "[4454, 0]" "$(json "$T/out" '[p["total"] for p in j["players"]]')"
expect_eq "wrong on an order question puts no item in place" 0 "$(json "$T/out" 'j["players"][1]["questions"][1]["in_place"]')"

# Many players: --answers repeats up to 10000 times; past the game's four seats the text
# report is one line per player.
many=()
for i in $(seq 500); do many+=(--answers "$T/p1.txt" --answers "$T/p2.txt"); done
expect_rc "a session of 1000 players" 0 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 "${many[@]}" --format json
expect_eq "every player has a result" "1000 4454 0" "$(json "$T/out" '"%d %d %d" % (len(j["players"]), j["players"][998]["total"], j["players"][999]["total"])')"
expect_rc "text report of 1000 players" 0 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 "${many[@]}"
expect_eq "one line per player" 1000 "$(grep -cE '^ +[0-9]+  .*p[12]\.txt' "$T/out")"
if grep -qE '^ +999  .*p1\.txt +4454 +4/6 +2  875 563 1500 850 0 666$' "$T/out"; then ok "a player's line has total, correct, streak and points"; else bad "many-player line: $(sed -n 12,14p "$T/out")"; fi

# correct on every line: the documented maximum. Seed 1 difficulties 1,2,3,2,3,2 -> bases
# 1000,1500,2000,1500,2000,1500 = 9500, bonuses 0+100+200+300+400+500 = 1500.
printf 'correct\n%.0s' 1 2 3 4 5 6 | "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers - --format json >"$T/max.json" 2>"$T/err"
expect_eq "all correct at t=0 scores the maximum 11000 (answers from stdin)" 11000 "$(json "$T/max.json" 'j["total"]')"

expect_rc "the same seed twice gives the same result" 0 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/p1.txt" --format json
if cmp -s "$T/out" "$T/p1.json"; then ok "identical JSON for the same seed"; else bad "JSON differs between two runs of seed 1"; fi

expect_rc "text format" 0 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/p1.txt"
if grep -q "total 4454 points, 4 of 6 correct, longest streak 2" "$T/out"; then ok "text report states the total"; else bad "text report: $(cat "$T/out")"; fi

# Exit codes and messages.
expect_rc "missing --seed is a usage error" 2 "$TRIVIUM" headless "${PK[@]}" --pack scoring --answers "$T/p1.txt"
expect_err "it names the flag" "--seed is required"
expect_rc "a bad seed is a usage error" 2 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 12x --answers "$T/p1.txt"
expect_err "it names the value" "--seed 12x: expected a whole number"
expect_rc "an unknown language is a usage error" 2 "$TRIVIUM" dump "${PK[@]}" --pack scoring --seed 1 --lang fr
expect_err "it names the value" "--lang fr: expected en or nl"
expect_rc "an unknown flag is a usage error" 2 "$TRIVIUM" list --frobnicate
expect_err "it names the flag" "unknown option --frobnicate"
expect_rc "an unknown pack is a usage error" 2 "$TRIVIUM" headless "${PK[@]}" --pack nosuch --seed 1 --answers "$T/p1.txt"
expect_err "it lists the packs found" "--pack nosuch: no such pack (found:"
expect_rc "a broken pack selected by folder name exits 3" 3 "$TRIVIUM" headless --plugins tests/packs/broken --pack syntax_error --seed 1 --answers "$T/p1.txt"
expect_err "with file, line and Lua's message" "tests/packs/broken/syntax_error/pack.lua:7: '}' expected (to close '{' at line 5) near 'quiz'"
printf 'D\nG\n' >"$T/badline.txt"
expect_rc "a bad script line exits 4" 4 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/badline.txt"
expect_err "naming file and line" "badline.txt:2: expected a letter A-F, a number, =TEXT, correct, wrong, timeout or skip: 'G'"
printf 'A\n' >"$T/short.txt"
expect_rc "a script shorter than the session exits 4" 4 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/short.txt"
expect_err "saying how many answers are missing" "the script answers 1 questions but the session asks 6"
printf 'A\nA\nA\nA\nA\nA\n' >"$T/shape.txt"
expect_rc "a letter for an order question is a script error" 4 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/shape.txt"
expect_err "naming the line and the question" "shape.txt:2: question 2 (scoring/ord): question ord has 4 items to order, got 1"
expect_rc "--count limits the session" 0 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --count 1 --answers "$T/short.txt" --format json
expect_eq "one question asked" 1 "$(json "$T/out" 'j["asked"]')"
expect_rc "a missing answers file exits 4" 4 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/none.txt"
# --help for every command the top-level usage lists (so a new command is covered
# without editing this file), and at least the ones known today.
expect_rc "--help" 0 "$TRIVIUM" --help
commands=$(sed -n '/^commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' "$T/out" | tr '\n' ' ')
missing=""
for c in headless list lint dump play screenshot flags; do
  case " $commands" in *" $c "*) ;; *) missing="$missing $c" ;; esac
done
expect_eq "--help lists every command known today" "" "$missing"
for c in $commands; do
  expect_rc "$c --help exits 0" 0 "$TRIVIUM" "$c" --help
  if grep -qE "^usage: trivium \[?$c\]?( |$)" "$T/out"; then ok "$c --help prints its usage line on stdout"
  else bad "$c --help: no 'usage: trivium $c' line on stdout: $(head -c 300 "$T/out")"; fi
done
expect_rc "--version" 0 "$TRIVIUM" --version

# dump: options as shown and the answer key.
expect_rc "dump json" 0 "$TRIVIUM" dump "${PK[@]}" --pack scoring --seed 1 --format json
expect_eq "dump lists every question in session order" "['c4', 'ord', 'num', 'tf', 'txt', 'c6']" "$(json "$T/out" '[q["id"] for q in j["questions"]]')"
expect_eq "choice options are shown shuffled with the answer" "D right" "$(json "$T/out" 'j["questions"][0]["key"] + " " + j["questions"][0]["answer"]')"
expect_eq "numeric answer carries tolerance and unit" "42 0.5 units" "$(json "$T/out" '"%g %g %s" % (j["questions"][2]["answer"], j["questions"][2]["tolerance"], j["questions"][2]["unit"])')"

# list and lint.
expect_rc "list shows a broken pack with its error and the others" 0 "$TRIVIUM" list --plugins tests/packs/broken --plugins tests/packs
if grep -q "^syntax_error .*ERROR: tests/packs/broken/syntax_error/pack.lua:7:" "$T/out" && grep -q "^scoring .* 6 (6 static + 0 generated)" "$T/out"; then ok "list output"; else bad "list output: $(cat "$T/out")"; fi
expect_rc "lint of a broken pack exits 1" 1 "$TRIVIUM" lint tests/packs/broken/bad_fields
for msg in \
  "tests/packs/broken/bad_fields/pack.lua:8: error: question 'dup-option': the answer 'Sehovic' is also among the wrong options" \
  "tests/packs/broken/bad_fields/pack.lua:9: error: question 'too-hard': difficulty must be 1, 2 or 3, got 5" \
  "tests/packs/broken/bad_fields/pack.lua:10: error: question 'plain': items must hold 2 to 6 entries, got 1" \
  "tests/packs/broken/bad_fields/pack.lua:11: warning: question 'no-nl': prompt has no 'nl' translation" \
  "tests/packs/broken/bad_fields/pack.lua:11: warning: question 'no-nl': unknown field 'anwser' (did you mean 'answer'?)" \
  "tests/packs/broken/bad_fields/pack.lua:11: warning: question 'no-nl': explain is a plain string; give a table with a translation for each of the pack's languages" \
  "tests/packs/broken/bad_fields/pack.lua:11: warning: question 'no-nl': has no source: name where the fact comes from"; do
  if grep -qF -- "$msg" "$T/out"; then ok "lint says: ${msg#*: }"; else bad "lint lacks: $msg"$'\n'"$(cat "$T/out")"; fi
done
expect_rc "lint --strict turns warnings into errors" 1 "$TRIVIUM" lint --strict tests/packs/broken/bad_fields
if grep -qF "pack.lua:11: error: question 'no-nl': prompt has no 'nl' translation" "$T/out"; then ok "strict prints the warning as an error"; else bad "strict output: $(cat "$T/out")"; fi
expect_rc "lint --strict passes the example pack" 0 "$TRIVIUM" lint --strict plugins/example
expect_eq "with no findings" "" "$(cat "$T/out")"

# The trivium binary itself: no Lua in the game process, folders found at run time.
if ldd "$TRIVIUM" | grep -qi lua; then bad "trivium links Lua: $(ldd "$TRIVIUM" | grep -i lua)"; else ok "trivium does not link Lua (pack code runs in trivium-pack-worker)"; fi
if nm "$TRIVIUM" 2>/dev/null | grep -q ' lua_'; then bad "trivium holds Lua symbols"; else ok "trivium holds no lua_ symbols"; fi
mkdir -p "$T/copy"
cp "$TRIVIUM" "$T/copy/trivium"
expect_rc "a copy without the build-tree marker finds no source-tree packs" 0 env -u TRIVIUM_PLUGIN_PATH "$T/copy/trivium" list
if grep -q "^example " "$T/out"; then bad "the copy found the source tree's plugins/: $(cat "$T/out")"; else ok "so it does not list plugins/example"; fi
expect_eq "the build tree has the marker, naming this source tree" "$PWD" "$(cat "$(dirname "$TRIVIUM")/trivium-source-tree")"
expect_rc "a missing worker stops a pack load with exit 3" 3 "$T/copy/trivium" list "${PK[@]}"
expect_err "naming where it looked" "cannot load packs: trivium-pack-worker, which runs their code, is not at $T/copy/trivium-pack-worker or $T/copy/../libexec/trivium/trivium-pack-worker"

# True/false words come from the UI strings (assets/i18n/*.po), in either language.
for w in "=true:0" "=False:1" "=waar:0" "=niet waar:1" "=onwaar:1"; do
  printf 'D\nBACD\n42\n%s\n=x\nA\n' "${w%:*}" >"$T/tf.txt"
  expect_rc "a typed true/false answer '${w%:*}' is accepted" 0 "$TRIVIUM" headless "${PK[@]}" --pack scoring --seed 1 --answers "$T/tf.txt" --format json
  expect_eq "and read as option ${w#*:}" "$( [ "${w#*:}" = 0 ] && echo A || echo B)" "$(json "$T/out" 'j["questions"][3]["given"]')"
done
expect_rc "dump --lang nl" 0 "$TRIVIUM" dump "${PK[@]}" --pack scoring --seed 1 --lang nl --format json
expect_eq "shows the game's Dutch true/false words" "['Waar', 'Niet waar'] Niet waar" "$(json "$T/out" 'str(j["questions"][3]["options"]) + " " + j["questions"][3]["answer"]')"

# One flag parser (engine/app/args.c) for every command: the same words everywhere.
for cmd in headless list lint dump; do
  expect_rc "$cmd: an unknown option is a usage error" 2 "$TRIVIUM" $cmd --frobnicate
  expect_err "$cmd: it names the option" "trivium $cmd: unknown option --frobnicate"
  expect_rc "$cmd: a flag without its value is a usage error" 2 "$TRIVIUM" $cmd --plugins
  expect_err "$cmd: it names the flag" "trivium $cmd: --plugins needs a value"
  many=()
  for i in $(seq 33); do many+=(--plugins "$T"); done
  expect_rc "$cmd: a 33rd --plugins folder is refused" 2 "$TRIVIUM" $cmd "${many[@]}"
  expect_err "$cmd: saying how many are allowed" "trivium $cmd: --plugins: at most 32 folders"
done
expect_rc "a bad value names the flag and what was expected" 2 "$TRIVIUM" headless --count 0
expect_err "(--count)" "trivium headless: --count 0: expected a number from 1 to 10000"
expect_rc "a positional argument where none is taken" 2 "$TRIVIUM" list extra
expect_err "is named" "trivium list: unexpected argument 'extra'"
expect_rc "the worker is not a trivium command any more" 2 "$TRIVIUM" pack-worker
expect_err "(it is trivium-pack-worker)" "trivium: unknown command 'pack-worker'"

# Declared facts: no round asks a fact twice or after a question that showed it.
rounds=""
for seed in $(seq 1 40); do
  "$TRIVIUM" dump --plugins "$SRC/tests/packs/facts" --pack twins --seed "$seed" --format json >"$T/f.json" 2>"$T/f.err" || bad "dump of the facts pack, seed $seed: $(cat "$T/f.err")"
  rounds+="$(json "$T/f.json" '"".join(q["id"] for q in j["questions"])') "
done
expect_eq "twins that ask one fact never share a round" "" "$(tr ' ' '\n' <<<"$rounds" | grep -E 'a.*b|b.*a')"
expect_eq "a fact is never asked after a question that showed it" "" "$(tr ' ' '\n' <<<"$rounds" | grep 'd.*c')"
expect_eq "but each of them is asked in some round" "abcd" "$(tr -d ' \n' <<<"$rounds" | fold -w1 | sort -u | tr -d '\n')"

# A pack that claims another pack's id takes nobody's place: both are refused, each
# naming the other's folder, and --pack ID says why (exit 3), not "no such pack".
mkdir -p "$T/clash/first" "$T/clash/second"
for f in first second; do
  printf 'return { id = "twin", title = "%s", version = "1", questions = { quiz.truefalse{ id = "q", prompt = "True?", answer = true } } }\n' "$f" >"$T/clash/$f/pack.lua"
done
expect_rc "list with two packs of one id" 0 "$TRIVIUM" list --plugins "$T/clash"
expect_eq "neither is listed as playable" 0 "$(grep -c "1 (1 static" "$T/out")"
expect_eq "the first names the second" 1 "$(grep -c "first/pack.lua: pack id 'twin' is also claimed by $T/clash/second: neither pack is played" "$T/out")"
expect_eq "the second names the first" 1 "$(grep -c "second/pack.lua: pack id 'twin' is also claimed by $T/clash/first: neither pack is played" "$T/out")"
printf 'correct\n' >"$T/one.txt"
expect_rc "--pack with the clashing id exits 3" 3 "$TRIVIUM" headless --plugins "$T/clash" --pack twin --seed 1 --answers "$T/one.txt"
expect_err "with the pack's own error" "pack id 'twin' is also claimed by"

# Pack-supplied ids, versions and source keys never reach the terminal raw: an escape
# sequence or a forged line shows as '?'.
mkdir -p "$T/esc/esc"
printf 'return { id = "esc", title = "Esc", version = "1\\27[31mred", sources = { ["k\\27[2J"] = { publisher = "P" } }, questions = { quiz.truefalse{ id = "q\\27[1A\\nforged", prompt = "True?", answer = true, source = "k\\27[2J" } } }\n' >"$T/esc/esc/pack.lua"
expect_rc "list of a pack with escapes in its version" 0 "$TRIVIUM" list --plugins "$T/esc"
expect_eq "shows them as '?'" 1 "$(grep -c '^esc .* 1?\[31mred 1 (1 static' "$T/out")"
expect_rc "dump of a question with escapes in its id and source key" 0 "$TRIVIUM" dump --plugins "$T/esc" --pack esc --seed 1
expect_eq "no control character reaches the terminal" 0 "$(LC_ALL=C grep -c $'[\x01-\x08\x0b-\x1f\x7f]' "$T/out")"
expect_eq "the forged line stays on its own" 1 "$(grep -c '^1\. \[esc/q?\[1A?forged\]' "$T/out")"

# Many packs: every one in a folder is read (past 512 entries too), workers run a few at
# a time with their own deadlines, and a low descriptor limit still loads them all.
mkdir -p "$T/many"
for i in $(seq -w 1 520); do mkdir "$T/many/empty$i"; done
for i in $(seq -w 1 30); do
  mkdir "$T/many/pack$i"
  printf 'return { id = "pack%s", title = "P", version = "1", questions = { quiz.truefalse{ id = "q", prompt = "True?", answer = true } } }\n' "$i" >"$T/many/pack$i/pack.lua"
done
expect_rc "list of a folder with 550 entries and 30 packs" 0 "$TRIVIUM" list --plugins "$T/many"
expect_eq "all 30 packs load" 30 "$(grep -c '^pack[0-9]* .* 1 (1 static' "$T/out")"
expect_rc "the same with 40 file descriptors" 0 bash -c 'ulimit -n 40 && exec "$@"' _ "$TRIVIUM" list --plugins "$T/many"
expect_eq "all 30 packs still load" 30 "$(grep -c '^pack[0-9]* .* 1 (1 static' "$T/out")"

# A film night replays from its directives: #! round K with its own seed draws round K of
# the evening begun K seeds before, past everything rounds 0..K-1 asked.
for r in 0 1 2; do
  { printf '#! seed %d\n#! round %d\n#! pack leidseplein-2022\n#! count 10\n' $((40 + r)) "$r"
    printf 'correct\n%.0s' $(seq 10); } >"$T/night$r.txt"
  expect_rc "film night round $r replays from its directives" 0 "$TRIVIUM" headless --plugins plugins --answers "$T/night$r.txt" --format json
  cp "$T/out" "$T/night$r.json"
done
expect_eq "three rounds of a film night ask 30 different questions" 30 \
  "$(/usr/bin/python3 -c 'import json,sys; print(len({q["id"] for f in sys.argv[1:] for q in json.load(open(f))["questions"]}))' "$T"/night[012].json)"
{ printf '#! seed 42\n#! pack leidseplein-2022\n#! count 10\n'; printf 'correct\n%.0s' $(seq 10); } >"$T/plain.txt"
expect_rc "the same seed without #! round" 0 "$TRIVIUM" headless --plugins plugins --answers "$T/plain.txt" --format json
expect_eq "is the plain draw of seed 42, not the evening's round 2" "False" \
  "$(/usr/bin/python3 -c 'import json,sys; a,b=[[q["id"] for q in json.load(open(f))["questions"]] for f in sys.argv[1:]]; print(a==b)' "$T/out" "$T/night2.json")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
