#!/usr/bin/env bash
# app.batch: `trivium headless --seeds` over the shipped packs (two of them draw random
# numbers, so they are loaded again per seed by workers serving many seeds) prints
# exactly what the same seeds played one by one print, with the pack cache cold, warm,
# tampered with and bypassed (--no-cache); a pack that fails on some seeds fails only
# those. Never timed: speed is bench/'s.
# usage: test_batch.sh TRIVIUM SOURCE_DIR
set -u
BIN=$1 SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); echo "ok: $1"; else fail=$((fail + 1)); echo "FAIL: $1"; fi; }
export TRIVIUM_CACHE_DIR=$T/cache
unset TRIVIUM_PLUGIN_PATH
cd "$SRC"
printf 'correct @2\ncorrect @4.5\nwrong\ncorrect @1\nskip\ncorrect @7\ntimeout\nwrong @3\ncorrect\ncorrect @3\n' >"$T/a.txt"
printf 'correct @1\n%.0s' 1 2 3 4 5 >"$T/five.txt"
printf 'wrong\ncorrect @0.5\n%.0s' 1 2 3 4 5 >"$T/b.txt"
SEEDS="3,1-12,40,12"
# The reference: each seed alone, no cache, one JSON line each (the jsonl form).
one_by_one() {
  local s
  for s in ${SEEDS//,/ }; do
    if [[ $s == *-* ]]; then
      for ((x = ${s%-*}; x <= ${s#*-}; x++)); do "$BIN" headless "$@" --seed "$x" --format jsonl --no-cache; done
    else
      "$BIN" headless "$@" --seed "$s" --format jsonl --no-cache
    fi
  done
}
args=(--pack all --answers "$T/a.txt" --answers "$T/b.txt")
one_by_one "${args[@]}" >"$T/ref.jsonl" 2>"$T/ref.err"
check "the reference has one line per seed" "[ \$(wc -l <'$T/ref.jsonl') -eq 15 ]"
check "the reference draws other questions for other seeds (the packs depend on the seed)" \
  "[ \$(grep -o '\"id\":\"[^\"]*\"' '$T/ref.jsonl' | sort -u | wc -l) -gt 40 ]"

"$BIN" headless "${args[@]}" --seeds "$SEEDS" --format jsonl >"$T/cold.jsonl" 2>"$T/cold.err"
check "a cold batch (empty cache) exits 0" "[ \$? -eq 0 ]"
check "a cold batch equals the seeds one by one, in the order given" "cmp -s '$T/ref.jsonl' '$T/cold.jsonl'"
check "it kept every seed of the two seed-dependent packs in the batch files" \
  "[ \$(ls '$T'/cache/*.seeds.txt | wc -l) -eq 2 ] && [ \$(cat '$T'/cache/*.seeds.txt | grep -ac '^seed ') -eq 24 ]"
check "and one entry for every seed of each pack that draws no random number" \
  "[ \$(cat '$T'/cache/pack-*[0-9a-f].txt | grep -ac '^any ') -eq 3 ]"

"$BIN" headless "${args[@]}" --seeds "$SEEDS" --format jsonl >"$T/warm.jsonl" 2>"$T/warm.err"
check "a warm batch equals them too" "cmp -s '$T/ref.jsonl' '$T/warm.jsonl'"

# What the cache holds is read: a category changed in place (same length) shows up in
# the seeds a batch reads from its file (2 and 4-12; 1 and 3 were never in it: seed 3
# was the first of the batch above, kept in the one-seed file, and 1 is this batch's;
# a seed whose five questions hold no makers question shows neither)...
cp -R "$T/cache" "$T/cache.kept"
sed -i 's/"The makers"/"The MAKERS"/g' "$T"/cache/*.seeds.txt
"$BIN" headless --pack example --seeds 1-12 --answers "$T/five.txt" --format jsonl --count 5 >"$T/t1.jsonl"
check "an entry changed in place is what a warm batch plays (the cache is read)" \
  "[ \$(grep -c 'The MAKERS' '$T/t1.jsonl') -ge 5 ] && ! grep -v -e '\"seed\":1,' -e '\"seed\":3,' '$T/t1.jsonl' | grep -q 'The makers' && ! grep -e '\"seed\":1,' -e '\"seed\":3,' '$T/t1.jsonl' | grep -q 'The MAKERS'"
rm -rf "$T/cache" && mv "$T/cache.kept" "$T/cache"
# ...but it is decoded and checked like a worker's output: an entry the decoder refuses
# is a miss, the worker runs again and the results are right.
sed -i 's/"difficulty":1/"difficulty":7/g' "$T"/cache/*.seeds.txt "$T"/cache/pack-*[0-9a-f].txt
"$BIN" headless "${args[@]}" --seeds "$SEEDS" --format jsonl >"$T/bad.jsonl" 2>"$T/bad.err"
check "entries the decoder refuses are misses: the batch still equals the reference" "cmp -s '$T/ref.jsonl' '$T/bad.jsonl'"
check "without a word about them" "[ ! -s '$T/bad.err' ]"

rm -rf "$T/cache"
"$BIN" headless "${args[@]}" --seeds "$SEEDS" --format jsonl --no-cache >"$T/nc.jsonl"
check "--no-cache equals the reference" "cmp -s '$T/ref.jsonl' '$T/nc.jsonl'"
check "and neither reads nor writes the cache" "[ ! -e '$T/cache' ]"

# Both cores: after the first seed, a seed-dependent pack's other seeds go to two
# workers serving many seeds each. The loader starts a log per executed process (not per
# forked seed child): trivium, the first seed's worker and the two batch workers.
rm -rf "$T/cache" "$T/ld" && mkdir "$T/ld"
LD_DEBUG=files LD_DEBUG_OUTPUT=$T/ld/p "$BIN" headless --pack example --seeds 1-12 --answers "$T/five.txt" --count 5 \
  --format jsonl >"$T/ex.jsonl" 2>/dev/null
check "a 12-seed batch of one seed-dependent pack runs 3 workers (1 + 2 sharing the 11 other seeds), not 12" \
  "[ \$(ls '$T/ld' | wc -l) -eq 4 ] && [ \$(wc -l <'$T/ex.jsonl') -eq 12 ]"

# --summary over a batch equals the summary of the lines one by one.
"$BIN" headless "${args[@]}" --seeds "$SEEDS" --summary --format json >"$T/sum.json"
/usr/bin/python3 - "$T/ref.jsonl" "$T/sum.json" >"$T/sum.check" <<'PY'
import json, statistics, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
summary = json.load(open(sys.argv[2]))
text = json.dumps(summary)
for p in range(2):
    totals = [l["players"][p]["total"] for l in lines]
    for v in (min(totals), max(totals)):
        assert str(v) in text, (p, v, text)
print("ok")
PY
check "--summary of a batch names each player's min and max of the one-by-one totals" "grep -q ok '$T/sum.check'"

# A seed-dependent pack that fails for some seeds: those seeds fail as they do alone.
mkdir -p "$T/plugins/dice"
cat >"$T/plugins/dice/pack.lua" <<'LUA'
return {
  id = "dice", title = "Dice", version = "1", languages = { "en" },
  questions = {
    quiz.truefalse { id = "t", prompt = "A die has six faces.", answer = true, difficulty = 1 },
  },
  generate = function(ctx)
    local roll = ctx.rng:int(1, 4)
    if roll == 1 then error("rolled a one") end
    return { quiz.choice { id = "r", prompt = "What was rolled?", answer = tostring(roll),
                           wrong = { "x", "y", "z" }, difficulty = 1 } }
  end,
}
LUA
printf 'correct\ncorrect\n' >"$T/d.txt"
ok_seeds="" bad_seed=""
for s in $(seq 1 30); do
  if "$BIN" headless --plugins "$T/plugins" --pack dice --seed "$s" --answers "$T/d.txt" --no-cache >/dev/null 2>"$T/one.err"; then
    ok_seeds="$ok_seeds${ok_seeds:+,}$s"
  elif [ -z "$bad_seed" ]; then bad_seed=$s; cp "$T/one.err" "$T/bad_one.err"; fi
done
check "the dice pack fails on some seeds and loads on others" "[ -n '$bad_seed' ] && [ -n '$ok_seeds' ]"
"$BIN" headless --plugins "$T/plugins" --pack dice --seeds "$ok_seeds" --answers "$T/d.txt" --format jsonl >"$T/dice.jsonl"
check "a batch of the seeds that load plays them all" "[ \$(wc -l <'$T/dice.jsonl') -eq \$(echo '$ok_seeds' | tr ',' '\n' | wc -l) ]"
"$BIN" headless --plugins "$T/plugins" --pack dice --seeds "${ok_seeds%%,*},$bad_seed" --answers "$T/d.txt" --format jsonl >"$T/dice2.jsonl" 2>"$T/dice2.err"
check "a batch reaching a failing seed exits 3 (a pack failed to load)" "[ \$? -eq 3 ]"
check "with the error that seed gives alone" "cmp -s '$T/bad_one.err' '$T/dice2.err'"
check "after the seeds before it" "[ \$(wc -l <'$T/dice2.jsonl') -eq 1 ]"
"$BIN" headless --plugins "$T/plugins" --pack all --seeds "${ok_seeds%%,*},$bad_seed" --answers "$T/d.txt" --format jsonl \
  --count 2 >"$T/dice3.jsonl" 2>"$T/dice3.err"
check "with --pack all the failing seed skips the pack, naming it and the seed" \
  "grep -q 'skipping pack dice for seed $bad_seed: .*rolled a one' '$T/dice3.err' && [ \$(wc -l <'$T/dice3.jsonl') -eq 2 ]"

# A seed stuck in C (comparing two long equal strings is one instruction each time) is
# killed at the per-seed deadline by the worker serving it, as a one-seed worker is by
# the host.
mkdir -p "$T/slowp/slow"
cat >"$T/slowp/slow/pack.lua" <<'LUA'
return {
  id = "slow", title = "Slow", version = "1", languages = { "en" },
  questions = { quiz.truefalse { id = "t", prompt = "A die has six faces.", answer = true, difficulty = 1 } },
  generate = function(ctx)
    if ctx.rng:int(1, 3) == 1 then
      -- Comparing two equal 8 MB strings is one instruction of C work (memcmp/strcoll).
      local a, b = string.rep("a", 8000000), string.rep("a", 7999999) .. "a"
      while a <= b do end
    end
    return { quiz.truefalse { id = "g", prompt = "Generated.", answer = true, difficulty = 1 } }
  end,
}
LUA
slow() { TRIVIUM_WORKER_TIMEOUT_MS=500 "$BIN" headless --plugins "$T/slowp" --pack slow --answers "$T/d.txt" --no-cache "$@"; }
good="" stuck=""
for s in $(seq 1 12); do
  if slow --seed "$s" >/dev/null 2>"$T/slow1.err"; then good="$good${good:+,}$s"
  elif [ -z "$stuck" ]; then stuck=$s; cp "$T/slow1.err" "$T/stuck.err"; fi
done
slow --seeds "${good%%,*},$stuck" --format jsonl >"$T/slow.jsonl" 2>"$T/slow.err"
check "a batch seed stuck in C is killed at its deadline: exit 3, the one-seed message" \
  "[ \$? -eq 3 ] && grep -q 'killed after 0.5 s while generating' '$T/slow.err' && cmp -s '$T/stuck.err' '$T/slow.err'"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
