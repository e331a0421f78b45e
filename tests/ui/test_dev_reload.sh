#!/usr/bin/env bash
# ui.dev-reload: `trivium play --dev` under SDL's offscreen video driver, as a real game
# process with a real pack folder. The game opens on the reveal of the pack's only
# question (a still scene), then the test saves the pack three times and reads the frame
# the game shows after each reload (--dev-snapshot):
#   1. a new prompt: the frame is `trivium screenshot --pack --question --reveal` of the
#      new file, pixel for pixel within imgdiff's tolerance: the new text, and the same
#      points and streak, so the round's score is unaffected;
#   2. a broken file: the game keeps running, the frame differs from the good one (the
#      overlay) and stderr names the file:line;
#   3. a generator that fails: the overlay's text carries the Lua traceback;
#   4. fixed again: the overlay is gone and the frame is the preview of the fixed file.
# The waits are for the game to answer at all; nothing is timed.
# usage: test_dev_reload.sh TRIVIUM IMGDIFF
set -u
TRIVIUM=$1 IMGDIFF=$2
T=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/../check.sh"
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy TRIVIUM_PREFS_DIR=$T/prefs TRIVIUM_CACHE_DIR=$T/cache
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
cd "$T"
mkdir -p packs/rivers prefs cache
write_pack() { # PROMPT
  cat >"$T/new.lua" <<LUA
return {
  id = "rivers", title = "Rivers", version = "1", languages = { "en", "nl" },
  questions = {
    quiz.choice{ id = "longest", prompt = { en = "$1", nl = "Welke rivier is het langst?" },
      answer = "Rhine", wrong = { "Meuse", "Scheldt", "IJssel" } },
  },
}
LUA
  mv "$T/new.lua" packs/rivers/pack.lua # by rename, as many editors save
}
preview() { # OUT.png: the question's reveal as the pack is now, seed 1, as players see it
  "$TRIVIUM" screenshot --only-plugins --plugins packs --pack rivers --question longest --reveal --seed 1 \
    --font "$FONT" --size 1280x720 --out "$1" 2>"$T/preview.err" || bad "preview failed: $(cat "$T/preview.err")"
}
wait_shot() { # N: until the game has written its Nth snapshot
  for _ in $(seq 200); do
    [ "$(grep -c '^trivium: dev: wrote ' "$T/err")" -ge "$1" ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

write_pack "Which river is the longest?"
preview "$T/old.png"
"$TRIVIUM" play --dev packs/rivers --only-plugins --font "$FONT" --scene reveal --seed 1 \
  --dev-snapshot "$T/shot.png" >"$T/out" 2>"$T/err" &
pid=$!
# A save before the game watches would go unseen: wait for it to say it watches.
for _ in $(seq 200); do grep -q '^trivium: dev: watching 1 pack;' "$T/err" && break; sleep 0.1; done
grep -q '^trivium: dev: watching 1 pack;' "$T/err" && ok "the game starts and watches" || bad "no start: $(cat "$T/err")"

write_pack "Which river is the LONGEST of all?"
if wait_shot 1; then ok "a save reloads the pack in the running game"; else bad "no reload: $(cat "$T/err")"; fi
grep -q '^trivium: dev: reloaded rivers' "$T/err" && ok "and says so" || bad "no reload line: $(cat "$T/err")"
cp "$T/shot.png" "$T/shot1.png"
preview "$T/new.png"
"$IMGDIFF" "$T/new.png" "$T/shot1.png" "$T/diff1.png" >/dev/null && ok "the reveal shows the new prompt, same points" \
  || bad "the frame after the reload is not the new question's reveal"
"$IMGDIFF" "$T/old.png" "$T/shot1.png" "$T/diff0.png" >/dev/null && bad "the frame still shows the old prompt" \
  || ok "and no longer the old one"

printf 'return {\n  id = "rivers",\n' >"$T/broken.lua" && mv "$T/broken.lua" packs/rivers/pack.lua
if wait_shot 2; then ok "a broken save is handled"; else bad "no frame after the broken save: $(cat "$T/err")"; fi
kill -0 "$pid" 2>/dev/null && ok "the game keeps running" || bad "the game ended"
grep -q 'packs/rivers/pack.lua:3: unexpected symbol' "$T/err" && ok "stderr names file:line" || bad "stderr: $(cat "$T/err")"
cp "$T/shot.png" "$T/shot2.png"
"$IMGDIFF" "$T/new.png" "$T/shot2.png" "$T/diff2.png" >/dev/null && bad "no overlay over the game" \
  || ok "the overlay shows over the game"

# A generator that fails when it runs: the overlay's text has the Lua traceback.
cat >"$T/gen.lua" <<'LUA'
local function pick(t)
  return t.missing.field
end
return {
  id = "rivers", title = "Rivers", version = "1", languages = { "en" },
  questions = { quiz.truefalse{ id = "wet", prompt = "Water is wet.", answer = true } },
  generate = function(ctx)
    local q = pick({})
    return { q }
  end,
}
LUA
mv "$T/gen.lua" packs/rivers/pack.lua
if wait_shot 3; then ok "a generator error is handled"; else bad "no frame after the generator error: $(cat "$T/err")"; fi
grep -q "^packs/rivers/pack.lua:2: attempt to index a nil value (field 'missing')$" "$T/err" \
  && grep -A1 "field 'missing')$" "$T/err" | grep -q '^traceback:$'  && grep -q "^    packs/rivers/pack.lua:2: in upvalue 'pick'$" "$T/err" \
  && grep -q '^    packs/rivers/pack.lua:8: in function <packs/rivers/pack.lua:7>$' "$T/err" \
  && ok "with the error's file:line and a traceback of its frames" || bad "stderr: $(tail -c 800 "$T/err")"

write_pack "Which river is the longest, then?"
if wait_shot 4; then ok "the fix reloads"; else bad "no frame after the fix: $(cat "$T/err")"; fi
cp "$T/shot.png" "$T/shot3.png"
preview "$T/fixed.png"
"$IMGDIFF" "$T/fixed.png" "$T/shot3.png" "$T/diff3.png" >/dev/null && ok "the overlay clears and the fixed text shows" \
  || bad "the frame after the fix is not the fixed question's reveal"

kill "$pid"
wait "$pid" 2>/dev/null
pid=

"$TRIVIUM" play --dev >/dev/null 2>"$T/err"
[ $? == 2 ] && grep -q -- '--dev needs' "$T/err" && ok "--dev without a folder is a usage error" || bad "--dev alone: $(cat "$T/err")"
"$TRIVIUM" play packs/rivers >/dev/null 2>"$T/err"
[ $? == 2 ] && ok "a pack folder without --dev is a usage error" || bad "folder without --dev: $(cat "$T/err")"

finish
