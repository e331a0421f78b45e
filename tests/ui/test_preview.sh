#!/usr/bin/env bash
# ui.preview: `trivium screenshot --pack ID --question QID` renders exactly what players
# see. With a pack of one question, the preview must equal the game's own question and
# reveal scenes of a session over that pack (same seed), at every size and language;
# a generated question is found by its id for the seed; --text-size changes the text;
# bad input gets its exit code and a message naming the thing at fault.
# usage: test_preview.sh TRIVIUM IMGDIFF [KEEP_DIR]   (KEEP_DIR: leave the PNGs there)
set -u
TRIVIUM=$1 IMGDIFF=$2 KEEP=${3:-}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/../check.sh"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
cd "$T"
mkdir -p one/rivers gen/gen broken/broken
cat >one/rivers/pack.lua <<'LUA'
return {
  id = "rivers", title = "Rivers", version = "1", languages = { "en", "nl" },
  questions = {
    quiz.choice{ id = "longest", category = { en = "Geography", nl = "Aardrijkskunde" },
      prompt = { en = "Which river is the longest?", nl = "Welke rivier is het langst?" },
      answer = "Rhine", wrong = { "Meuse", "Scheldt", "IJssel" },
      explain = { en = "The Rhine flows through six countries.", nl = "De Rijn stroomt door zes landen." } },
  },
}
LUA
cat >gen/gen/pack.lua <<'LUA'
return {
  id = "gen", title = "Generated", version = "1", languages = { "en" },
  questions = { quiz.truefalse{ id = "static", prompt = "Water is wet.", answer = true } },
  generate = function(ctx)
    local n = ctx.rng:int(1, 1000)
    return { quiz.numeric{ id = "num-" .. n, prompt = "Type " .. n .. ".", answer = n } }
  end,
}
LUA
printf 'return {\n  id = "broken",\n' >broken/broken/pack.lua

shot() { "$TRIVIUM" screenshot --only-plugins --font "$FONT" "$@" 2>"$T/err"; }
for size in 800x600 1280x720 1920x1080; do
  for lang in en nl; do
    for what in question reveal; do
      name=$what-$size-$lang
      reveal=
      [ $what == reveal ] && reveal=--reveal
      if ! shot --plugins one --pack rivers --question longest $reveal --seed 3 --size "$size" --lang "$lang" \
          --out "$T/$name-preview.png"; then
        bad "$name: preview failed: $(cat "$T/err")"; continue
      fi
      shot --plugins one --scene "$what" --seed 3 --size "$size" --lang "$lang" --out "$T/$name-scene.png" \
        || { bad "$name: scene failed: $(cat "$T/err")"; continue; }
      if "$IMGDIFF" "$T/$name-scene.png" "$T/$name-preview.png" "$T/diff-$name.png" >/dev/null; then
        ok "$name: the preview is the game's own $what"
      else bad "$name: the preview differs from the game's $what"; fi
    done
  done
done
"$IMGDIFF" "$T/question-1280x720-en-preview.png" "$T/question-1280x720-nl-preview.png" "$T/d.png" >/dev/null \
  && bad "en and nl previews are the same" || ok "--lang nl previews the Dutch text"
"$IMGDIFF" "$T/question-1280x720-en-preview.png" "$T/reveal-1280x720-en-preview.png" "$T/d.png" >/dev/null \
  && bad "--reveal changes nothing" || ok "--reveal shows the reveal"
shot --plugins one --pack rivers --question longest --seed 3 --text-size 3 --out "$T/big.png" || bad "--text-size 3 failed"
"$IMGDIFF" "$T/question-1280x720-en-preview.png" "$T/big.png" "$T/d.png" >/dev/null \
  && bad "--text-size 3 changes nothing" || ok "--text-size 3 draws larger text"
shot --plugins one --pack rivers --question longest --out "$T/noseed.png" && ok "--seed is not needed" \
  || bad "no --seed: $(cat "$T/err")"

# From nothing: `trivium new`, then a preview of its static and of a generated question.
"$TRIVIUM" new rivers --dir "$T/new" >/dev/null 2>&1 || bad "trivium new failed"
expect_rc "a new pack's static question previews" 0 "$TRIVIUM" screenshot --only-plugins --plugins new \
  --pack rivers --question longest-river --lang nl --out "$T/new-static.png"
gen_id=$("$TRIVIUM" dump --only-plugins --plugins new --pack rivers --seed 4 | sed -n 's/^[0-9]*\. \[rivers\/\(length-[a-z]*\)\].*/\1/p' | head -1)
expect_rc "and its generated one, revealed" 0 "$TRIVIUM" screenshot --only-plugins --plugins new --pack rivers \
  --question "$gen_id" --seed 4 --reveal --size 800x600 --out "$T/new-generated.png"

# A generated question, by its id for the seed (default 1).
id=$("$TRIVIUM" dump --only-plugins --plugins gen --pack gen --seed 5 | sed -n 's/^[0-9]*\. \[gen\/\(num-[0-9]*\)\].*/\1/p')
expect_rc "a generated question is previewed by its id for its seed" 0 \
  "$TRIVIUM" screenshot --only-plugins --plugins gen --pack gen --question "$id" --seed 5 --out "$T/gen.png"
id1=$("$TRIVIUM" dump --only-plugins --plugins gen --pack gen --seed 1 | sed -n 's/^[0-9]*\. \[gen\/\(num-[0-9]*\)\].*/\1/p')
if [ "$id" != "$id1" ]; then
  expect_rc "another seed does not generate it" 2 \
    "$TRIVIUM" screenshot --only-plugins --plugins gen --pack gen --question "$id" --out "$T/gen.png"
  grep -qF -- "--question $id: pack gen has no such question for this seed (it has: static, $id1)" "$T/err" \
    && ok "and the error lists the ids there are" || bad "message: $(cat "$T/err")"
fi

expect_rc "an unknown pack is a usage error" 2 "$TRIVIUM" screenshot --only-plugins --plugins one --pack nope \
  --question longest --out "$T/x.png"
grep -qF -- "--pack nope: no such pack (found: rivers)" "$T/err" && ok "naming the packs found" || bad "message: $(cat "$T/err")"
expect_rc "a broken pack exits 3" 3 "$TRIVIUM" screenshot --only-plugins --plugins broken --pack broken \
  --question x --out "$T/x.png"
grep -q "broken/broken/pack.lua:3: " "$T/err" && ok "with its file:line" || bad "message: $(cat "$T/err")"
expect_rc "--pack without --question is a usage error" 2 "$TRIVIUM" screenshot --pack rivers --out "$T/x.png"
expect_rc "--question with --scene is a usage error" 2 "$TRIVIUM" screenshot --pack rivers --question longest \
  --scene question --seed 1 --out "$T/x.png"
expect_rc "--reveal without --question is a usage error" 2 "$TRIVIUM" screenshot --scene reveal --seed 1 \
  --reveal --out "$T/x.png"
expect_rc "a bad --text-size is a usage error" 2 "$TRIVIUM" screenshot --pack rivers --question longest \
  --text-size 4 --out "$T/x.png"
grep -qF -- "--text-size" "$T/err" && ok "naming the flag" || bad "message: $(cat "$T/err")"
"$TRIVIUM" screenshot --help >"$T/help"
grep -qF -- "--only-plugins" "$T/help" && grep -qF -- "--plugins" "$T/help" && grep -qF -- "--question" "$T/help" \
  && ok "--help lists --plugins, --only-plugins and --question" || bad "help: $(cat "$T/help")"

[ -n "$KEEP" ] && mkdir -p "$KEEP" && cp "$T"/*.png "$KEEP"/
finish
