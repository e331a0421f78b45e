#!/usr/bin/env bash
# app.stats: `trivium stats` on packs built here with known skews, reported exactly.
# usage: test_stats.sh TRIVIUM SOURCE_DIR
set -u
TRIVIUM=$1
SRC=$2
cd "$SRC"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
json() { /usr/bin/python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
expect_eq() { if [ "$2" == "$3" ]; then ok "$1"; else bad "$1: expected '$2', got '$3'"; fi; }
expect_rc() {
  local name=$1 want=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  local rc=$?
  if [ "$rc" == "$want" ]; then ok "$name"; else bad "$name: expected exit $want, got $rc: $(head -c 400 "$T/err")"; fi
}

# skew: the answer is the only longest option in 3 of 4 choice questions (75%), and every
# true/false answer is true. even: no choice answer stands out, true/false half and half.
# Both hold fewer than 10 questions, so every session draws each of them once.
mkdir -p "$T/packs/skew" "$T/packs/even"
q() { echo "    quiz.$1 { id = \"$2\", prompt = \"Prompt $2\", $3, difficulty = 1, time = 20, category = \"$4\", source = \"f\" },"; }
{
  echo 'return { id = "skew", title = "Skew", version = "1", sources = { f = { publisher = "Trivium tests", title = "Skew" } }, questions = {'
  q choice long1 'answer = "the longest answer", wrong = { "a", "b", "c" }' Long
  q choice long2 'answer = "also the longest", wrong = { "x", "y", "z" }' Long
  q choice long3 'answer = "longest once more", wrong = { "p", "q", "r" }' Long
  q choice tie 'answer = "same", wrong = { "size", "wörd", "four" }' Short
  q truefalse t1 'answer = true' Truth
  q truefalse t2 'answer = true' Truth
  q truefalse t3 'answer = true' Truth
  echo '} }'
} >"$T/packs/skew/pack.lua"
{
  echo 'return { id = "even", title = "Even", version = "1", sources = { f = { publisher = "Trivium tests", title = "Even" } }, questions = {'
  q choice e1 'answer = "a", wrong = { "bb", "c" }' Even
  q truefalse e2 'answer = true' Even
  q truefalse e3 'answer = false' Even
  echo '} }'
} >"$T/packs/even/pack.lua"

expect_rc "stats over 50 seeds" 0 "$TRIVIUM" stats --plugins "$T/packs" --pack skew --seeds 1-50 --format json
cp "$T/out" "$T/skew.json"
expect_eq "50 sessions of 7 questions" "50 350" "$(json "$T/skew.json" '"%d %d" % (j["sessions"], j["rounds"])')"
expect_eq "every question drawn in every session" "[50, 50, 50, 50, 50, 50, 50]" "$(json "$T/skew.json" '[q["drawn"] for q in j["questions"]]')"
expect_eq "choice: 200 in the pools, 150 with the answer the only longest" "200 150" "$(json "$T/skew.json" '"%d %d" % (j["packs"][0]["choice"], j["packs"][0]["only_longest"])')"
expect_eq "true/false: 150, all true" "150 150" "$(json "$T/skew.json" '"%d %d" % (j["packs"][0]["truefalse"], j["packs"][0]["true"])')"
expect_eq "both skews are flagged" "['only_longest', 'truefalse_balance']" "$(json "$T/skew.json" 'j["packs"][0]["flags"]')"
expect_eq "correct at 0 s scores 7000 + 2000 of streak bonus in every session" 9000 "$(json "$T/skew.json" 'j["expected_total"]["correct"]')"
expect_eq "random guessing scores less, and something" True "$(json "$T/skew.json" '0 < j["expected_total"]["random"] < 9000')"
expect_eq "the correct option's positions add up to the choice rounds" 200 "$(json "$T/skew.json" 'sum(j["choice_correct_position"])')"
expect_eq "drawn true/false rounds" "150 150" "$(json "$T/skew.json" '"%d %d" % (j["truefalse"]["rounds"], j["truefalse"]["true"])')"
expect_eq "the category mix" "[('Long', 150), ('Short', 50), ('Truth', 150)]" "$(json "$T/skew.json" 'sorted(j["categories"].items())')"

expect_rc "a pack without skew" 0 "$TRIVIUM" stats --plugins "$T/packs" --pack even --seeds 1-20 --format json
expect_eq "is not flagged" "[]" "$(json "$T/out" 'j["packs"][0]["flags"]')"
expect_rc "the same seeds give the same figures" 0 "$TRIVIUM" stats --plugins "$T/packs" --pack skew --seeds 1-50 --format json
if cmp -s "$T/out" "$T/skew.json"; then ok "identical JSON"; else bad "stats differ between two runs"; fi
# Ten questions in all: 10 x 1000 + 100 x (0+1+2+3+4+5+5+5+5+5) = 13500 for correct at 0 s.
expect_rc "text report" 0 "$TRIVIUM" stats --plugins "$T/packs" --pack skew --pack even --seeds 1-10
for line in \
  "flag: skew: the correct option is the only longest one in 75.0% of choice questions (more than 40%)" \
  "flag: skew: 100.0% of true/false answers are true (outside 40% to 60%)" \
  "expected total: 13500.0 answering correct at 0 s, " \
  "skew                           40          75.0%          30    100.0%" \
  "even                           10           0.0%          20     50.0%"; do
  if grep -qF -- "$line" "$T/out"; then ok "text says: $line"; else bad "text lacks: $line"$'\n'"$(cat "$T/out")"; fi
done
if grep -q "^flag: even" "$T/out"; then bad "even is flagged: $(cat "$T/out")"; else ok "the even pack is not flagged in text"; fi
expect_rc "--seeds is required" 2 "$TRIVIUM" stats --plugins "$T/packs" --pack skew
if grep -qF "trivium stats: --seeds is required (for example 1-1000)" "$T/err"; then ok "(saying so)"; else bad "stats without seeds: $(cat "$T/err")"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
