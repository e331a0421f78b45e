#!/usr/bin/env bash
# ui.record: `trivium play --record` as app writes it (the game reports the session
# and each answer; app/cmd_play.c writes them with runner/script_writer.c): the header
# is the format recordings have always had, and `trivium headless` replays the file.
# The round is staged with --scene results (a varied round, answered in the game) and
# drawn once in a window of SDL's dummy video driver (not offscreen: that one loads the
# EGL driver, whose own leaks fail the sanitizer build).
# usage: test_record.sh TRIVIUM SOURCE_DIR
set -u
TRIVIUM=$1 SRC=$2
cd "$SRC"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TRIVIUM_NO_BUILTIN_PACKS=1 TRIVIUM_PREFS_DIR=$tmp/prefs TRIVIUM_CACHE_DIR=$tmp/cache
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
mkdir -p "$tmp/prefs"
fail=0
check() { # name, then the command; counts a failure when the command fails
  local name=$1
  shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; fail=$((fail + 1)); fi
}

check "a staged round is recorded" "$TRIVIUM" play --plugins tests/packs --scene results --seed 5 \
  --record "$tmp/round.txt" --bench first-frame
cat >"$tmp/want" <<EOT
# Recorded by trivium play: player 1 (Player 1) of 1.
# Replay with: trivium headless --answers $tmp/round.txt
#! seed 5
#! pack scoring
#! count 6
#! lang en
EOT
head -n 6 "$tmp/round.txt" >"$tmp/got"
check "the header names the player, the replay command and the session's directives" \
  diff "$tmp/want" "$tmp/got"
check "every question has one answer line with its time" \
  test "$(grep -cE '^(5050 )?[^#].* @[0-9]+\.[0-9]{3}$' "$tmp/round.txt")" -eq 6
check "the last answer ran out of time" test "$(tail -n 1 "$tmp/round.txt")" == "timeout @20.000"
check "trivium headless replays the recording" "$TRIVIUM" headless --plugins tests/packs --answers "$tmp/round.txt"
echo "$fail failed"
[ "$fail" -eq 0 ]
