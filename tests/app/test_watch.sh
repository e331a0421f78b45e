#!/usr/bin/env bash
# app.watch: `trivium watch` on a real pack folder, through real saves: the first check at
# start, a save (in place and by rename, as editors do) re-checks, a broken save prints
# its file:line error and keeps the last good result in view, a fix clears it, a file
# that is not Lua changes nothing, and Ctrl-C (SIGINT) exits 0.
# The waits are for the watch to answer at all (up to 20 s on a loaded machine); nothing
# here is timed.
# usage: test_watch.sh TRIVIUM SOURCE_DIR
set -u
TRIVIUM=$1
SRC=$2
T=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/../check.sh"
# wait_for N PATTERN: until the watch has printed N summary lines, the last matching PATTERN.
wait_for() {
  local n=$1 pattern=$2
  for _ in $(seq 200); do
    if [ "$(grep -c '^watch: rivers: ' "$T/out")" -ge "$n" ]; then break; fi
    sleep 0.1
  done
  local last
  last=$(grep '^watch: rivers: ' "$T/out" | sed -n "${n}p")
  if [[ "$last" =~ $pattern ]]; then ok "$3"; else bad "$3: summary $n is '$last'; output: $(tail -c 600 "$T/out")"; fi
}

cd "$T"
"$TRIVIUM" new rivers --dir "$T/packs" --lang en,nl >/dev/null 2>&1 || bad "trivium new failed"
# Lint alone first (the tests come back at the end), so every state below is known.
mv packs/rivers/tests.lua "$T/tests.lua"
"$TRIVIUM" watch packs/rivers >"$T/out" 2>"$T/err" &
pid=$!
wait_for 1 '^watch: rivers: ok: lint clean \([0-9]+ ms\)$' "the first check runs at start: lint clean"
grep -q '^watch: watching 1 pack' "$T/out" && ok "it says what it watches" || bad "no banner: $(head -c 300 "$T/out")"

pack=packs/rivers/pack.lua
# Edit in place (IN_CLOSE_WRITE).
sed 's/^return {/return {  -- edited/' "$pack" >"$T/edited" && cat "$T/edited" >"$pack"
wait_for 2 '^watch: rivers: ok: ' "a save in place re-checks"

# A broken save, written by rename as many editors do (IN_MOVED_TO).
cp "$pack" "$T/good.lua"
printf 'return {\n  id = "rivers",\n' >"$T/broken.lua" && mv "$T/broken.lua" "$pack"
wait_for 3 '^watch: rivers: BROKEN: lint: 1 error' "a broken save is reported as BROKEN"
grep -q "^packs/rivers/pack.lua:3: error: " "$T/out" && ok "with the error's file:line" || bad "no file:line error: $(tail -c 600 "$T/out")"
last=$(grep '^watch: rivers: ' "$T/out" | sed -n 3p)
[[ "$last" == *"; last good "[0-9][0-9]:[0-9][0-9]:[0-9][0-9]": lint clean" ]] && ok "the last good result stays in view" || bad "no last good: $last"

# Not a Lua file: no check.
echo notes >packs/rivers/notes.txt
cp "$T/good.lua" "$pack"
wait_for 4 '^watch: rivers: ok: lint clean' "fixing the file clears the error"
[ "$(grep -c '^watch: rivers: ' "$T/out")" == 4 ] && ok "a file that is not Lua triggers nothing" || bad "$(grep -c '^watch: rivers: ' "$T/out") summaries"

# quiz.log in the pack shows in the watch, with its file:line.
sed 's/^return {/quiz.log("hello from", "the pack")\nreturn {/' "$T/good.lua" >"$pack"
wait_for 5 '^watch: rivers: ok: ' "a save with quiz.log re-checks"
grep -qP '^packs/rivers/pack.lua:[0-9]+: log: hello from\tthe pack$' "$T/out" && ok "quiz.log prints file:line: log: ..." || bad "no log line: $(tail -c 600 "$T/out")"

# A tests.lua appearing is a save too, and from then on `trivium test DIR` runs after lint.
cp "$T/tests.lua" packs/rivers/tests.lua
wait_for 6 '^watch: rivers: [A-Z]*:? ?.*(tests: |trivium test)' "a tests.lua is run by trivium test"

kill -INT "$pid"
wait "$pid"
rc=$?
pid=
[ "$rc" == 0 ] && ok "Ctrl-C exits 0" || bad "Ctrl-C exit $rc"
grep -q '^watch: stopped' "$T/out" && ok "and says it stopped" || bad "no stop line"

"$TRIVIUM" watch >/dev/null 2>"$T/err"
[ $? == 2 ] && ok "no PATH is a usage error" || bad "no PATH: wrong exit"
"$TRIVIUM" watch "$T/nothing-here" >/dev/null 2>"$T/err"
[ $? == 2 ] && grep -q "nothing-here" "$T/err" && ok "a missing PATH is a usage error naming it" || bad "missing PATH: $(cat "$T/err")"

finish
