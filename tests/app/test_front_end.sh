#!/usr/bin/env bash
# app.front_end: `trivium` loads SDL, SDL_ttf and fontconfig only for the commands that
# draw (play, screenshot, flags: the trivium-ui.so module, engine/app/front_end.h). Every
# other command is run for real and the dynamic loader's own log (LD_DEBUG=libs) is
# searched for those libraries; `flags` is the control that shows the search sees them.
# usage: test_front_end.sh TRIVIUM SOURCE_DIR ui|headless
set -u
BIN=$1 SRC=$2 KIND=$3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); echo "ok: $1"; else fail=$((fail + 1)); echo "FAIL: $1"; fi; }
export TRIVIUM_CACHE_DIR=$T/cache TRIVIUM_PREFS_DIR=$T/prefs SDL_VIDEODRIVER=dummy
UI_LIBS='libSDL2-2\.0|libSDL2_ttf|libfontconfig'
# loads NAME COMMAND...: runs the command with the loader logging; true when any UI
# library was loaded into the process (the log names each library as it maps it).
loads() {
  local name=$1
  shift
  LD_DEBUG=libs LD_DEBUG_OUTPUT=$T/ld.$name "$@" >"$T/out.$name" 2>&1
  echo $? >"$T/rc.$name"
  cat "$T"/ld."$name".* >"$T/log.$name" 2>/dev/null
  grep -Eq "$UI_LIBS" "$T/log.$name"
}
check "trivium links none of SDL, SDL_ttf, fontconfig or Lua" "! ldd '$BIN' | grep -Eiq 'sdl|fontconfig|lua'"
printf 'correct @2\n%.0s' 1 2 3 >"$T/a.txt"
"$BIN" new probe --dir "$T" >/dev/null
"$BIN" export --pack ihostage-film --format json --out "$T/film.json" >/dev/null
cmds=(
  "headless|$BIN headless --pack all --seed 7 --count 3 --answers $T/a.txt"
  "batch|$BIN headless --pack all --seeds 1-4 --count 3 --answers $T/a.txt --format jsonl"
  "test|$BIN test $SRC/tests/app/scenarios/hand-scored.json"
  "stats|$BIN stats --pack ihostage-film --seeds 1-3"
  "lint|$BIN lint $T/probe"
  "list|$BIN list"
  "dump|$BIN dump --pack ihostage-film --seed 1"
  "export|$BIN export --pack ihostage-film --format gift --out $T/film.gift"
  "import|$BIN import $T/film.json --format json --out $T/imported"
  "new|$BIN new other --dir $T"
  "version|$BIN --version"
)
for entry in "${cmds[@]}"; do
  name=${entry%%|*}
  check "trivium $name maps no SDL, SDL_ttf or fontconfig" "! loads $name ${entry#*|}"
  check "trivium $name ran (exit 0) and the loader logged it" "[ \"\$(cat '$T/rc.$name')\" = 0 ] && [ -s '$T/log.$name' ]"
done
check "headless printed its session" "grep -q 'ihostage' '$T/out.headless'"
if [ "$KIND" = ui ]; then
  check "the control: trivium flags does load SDL (through trivium-ui.so)" "loads flags '$BIN' flags"
  check "trivium flags works from the module" "grep -q 'no flagged questions' '$T/out.flags'"
  # A trivium without its module beside it says where it looked, and only the SDL
  # commands fail: the rest never needed it.
  mkdir "$T/bare" && cp "$BIN" "$(dirname "$BIN")/trivium-pack-worker" "$T/bare/"
  "$T/bare/trivium" play --help >"$T/bare.out" 2>"$T/bare.err"
  check "without trivium-ui.so, play fails (exit 1) naming the module and where it looked" \
    "[ \$? -eq 1 ] && grep -q 'desktop front end (trivium-ui.so) is not at $T/bare/trivium-ui.so or' '$T/bare.err'"
  check "without trivium-ui.so, headless still plays" \
    "TRIVIUM_PLUGIN_PATH=$SRC/plugins '$T/bare/trivium' headless --pack ihostage-film --seed 1 --count 3 --answers '$T/a.txt' >/dev/null"
else
  "$BIN" play --help >/dev/null
  check "play --help in a headless-only build says so (exit 0)" "[ \$? -eq 0 ]"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
