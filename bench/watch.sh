#!/usr/bin/env bash
# The author's loop of issue 15: how long after a save `trivium watch` prints its summary
# (the goal: within 300 ms). Saves a line to a fresh `trivium new` pack RUNS times, each
# after the previous summary, and prints the median and the worst time from the write to
# the summary line, measured here with the shell's nanosecond clock. The pack's tests.lua
# is left out unless WITH_TESTS=1, so the figure is lint's part alone.
# usage: bench/watch.sh BUILD_DIR [RUNS]   (docs/performance.md has the figures)
set -euo pipefail
build=$1 runs=${2:-21}
T=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -INT "$pid" 2>/dev/null; rm -rf "$T"' EXIT
cd "$T"
"$build/trivium" new rivers --dir packs >/dev/null
[ "${WITH_TESTS:-0}" = 1 ] || rm packs/rivers/tests.lua
"$build/trivium" watch packs/rivers >out 2>&1 &
pid=$!
summaries() { grep -c '^watch: rivers: ' out || true; }
until [ "$(summaries)" -ge 1 ]; do sleep 0.01; done
times=()
for i in $(seq "$runs"); do
  n=$(summaries)
  t0=$(date +%s%N)
  echo "-- save $i" >>packs/rivers/pack.lua
  until [ "$(summaries)" -gt "$n" ]; do sleep 0.002; done
  t1=$(date +%s%N)
  times+=($(((t1 - t0) / 1000000)))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "watch: save to summary, $runs saves: median ${sorted[$((runs / 2))]} ms, worst ${sorted[$((runs - 1))]} ms"
