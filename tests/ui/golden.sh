#!/usr/bin/env bash
# ui.golden: renders every scene (players included) at two sizes in two languages with
# `trivium screenshot` and compares it with the reference under tests/ui/golden/.
# On a mismatch the actual image and a diff are left in OUT_DIR.
# usage: golden.sh TRIVIUM IMGDIFF SOURCE_DIR OUT_DIR [--update]
set -u
TRIVIUM=$1 IMGDIFF=$2 SRC=$3 OUT=$4 MODE=${5:-}
cd "$SRC"
mkdir -p "$OUT"
[ "$MODE" == "--update" ] && mkdir -p tests/ui/golden
export TRIVIUM_NO_BUILTIN_PACKS=1
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
pass=0 fail=0
cases=()
for scene in title packs players question reveal results settings; do
  for size in 800x600 1280x720; do
    for lang in en nl; do cases+=("$scene 3 $size $lang"); done
  done
done
# The other answer widgets, in English at 1280x720: seeds whose first question is a
# choice (1), numeric (2), true/false (4), six-option choice (6) and text (8).
for seed in 1 2 4 6 8; do cases+=("question $seed 1280x720 en"); done
# With a gamepad connected: the on-screen keyboard for numbers (2) and text (8).
for size in 800x600 1920x1080; do
  cases+=("question 2 $size nl pad" "question 8 $size nl pad")
done
for c in "${cases[@]}"; do
  read -r scene seed size lang pad <<<"$c"
  name="${scene}-s${seed}-${size}-${lang}${pad:+-$pad}.png"
  if ! "$TRIVIUM" screenshot --plugins tests/ui/packs --font "$FONT" --scene "$scene" --seed "$seed" \
      --size "$size" --lang "$lang" ${pad:+--gamepad} --out "$OUT/$name" 2>"$OUT/$name.err"; then
    fail=$((fail + 1)); echo "FAIL: $name: $(cat "$OUT/$name.err")"; continue
  fi
  if [ "$MODE" == "--update" ]; then
    cp "$OUT/$name" "tests/ui/golden/$name"; echo "updated: $name"; continue
  fi
  if [ ! -f "tests/ui/golden/$name" ]; then
    fail=$((fail + 1)); echo "FAIL: $name: no reference (run scripts/update-goldens)"; continue
  fi
  if "$IMGDIFF" "tests/ui/golden/$name" "$OUT/$name" "$OUT/diff-$name" >"$OUT/$name.cmp"; then
    pass=$((pass + 1)); echo "ok: $name ($(cat "$OUT/$name.cmp"))"
  else
    fail=$((fail + 1)); echo "FAIL: $name: $(cat "$OUT/$name.cmp"); actual $OUT/$name, diff $OUT/diff-$name"
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
