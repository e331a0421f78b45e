#!/usr/bin/env bash
# The headless targets of issue 11, each a median of whole processes measured by
# hyperfine (docs/performance.md records the figures and the command):
#  - one 10-question session over every shipped pack, pack cache warm and cold
#  - 1000 sessions (--seeds 1-1000, 10 questions, one player), cache cold and warm
#  - `trivium test` over 1000 scenario files
# usage: bench/headless.sh BUILD_DIR [RUNS]   (run by scripts/bench)
set -euo pipefail
build=$1 runs=${2:-21}
bin=$build/trivium
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export TRIVIUM_CACHE_DIR=$T/cache
unset TRIVIUM_PLUGIN_PATH
printf 'correct @2\n%.0s' $(seq 10) >"$T/answers.txt"
one=("$bin" headless --pack all --seed 7 --answers "$T/answers.txt")
batch=("$bin" headless --pack all --seeds 1-1000 --answers "$T/answers.txt" --format jsonl)

# median_ms RUNS PREPARE COMMAND...: hyperfine's median wall time in ms (PREPARE runs
# before each timed run, outside the time; "" for none).
median_ms() {
  local n=$1 prep=$2
  shift 2
  local args=(-N --style none --export-json "$T/h.json" -r "$n")
  if [ -n "$prep" ]; then args+=(--prepare "$prep"); else args+=(-w 3); fi
  hyperfine "${args[@]}" "$(printf '%q ' "$@")" >/dev/null 2>&1
  /usr/bin/python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$T/h.json"
}

echo "headless, 10-question session over every pack, cache warm:  $(median_ms "$runs" "" "${one[@]}") ms (median of $runs)"
echo "headless, the same, cache cold (emptied before each run):    $(median_ms "$runs" "rm -rf $T/cache" "${one[@]}") ms"
echo "headless, the same, --no-cache:                              $(median_ms "$runs" "" "${one[@]}" --no-cache) ms"
bruns=$(((runs + 1) / 4 > 3 ? (runs + 1) / 4 : 3))
echo "headless --seeds 1-1000, cache cold:                         $(median_ms "$bruns" "rm -rf $T/cache" "${batch[@]}") ms (median of $bruns)"
"${batch[@]}" >/dev/null
echo "headless --seeds 1-1000, cache warm:                         $(median_ms "$bruns" "" "${batch[@]}") ms"
echo "headless --seeds 1-1000 --summary, cache warm:               $(median_ms "$bruns" "" "${batch[@]}" --summary) ms"

# 1000 scenario files: 4 seeds (as a golden suite reuses a few), and 1000 seeds.
mkdir -p "$T/s4" "$T/s1000"
for s in $(seq 1000); do
  "$bin" headless --pack all --seed "$s" --answers "$T/answers.txt" --write-scenario "$T/s1000/s$s.json" >/dev/null
done
for s in $(seq 1000); do cp "$T/s1000/s$(((s - 1) % 4 + 1)).json" "$T/s4/s$s.json"; done
echo "trivium test, 1000 scenarios over 4 seeds:                  $(median_ms "$bruns" "" "$bin" test "$T/s4") ms"
echo "trivium test, 1000 scenarios over 1000 seeds:               $(median_ms 3 "" "$bin" test "$T/s1000") ms (median of 3)"
