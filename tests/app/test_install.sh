#!/usr/bin/env bash
# app.install: `cmake --install` into a fresh prefix gives a game that runs from any
# folder: it finds its packs and UI strings in the share folder, renders a scene, and
# ships the desktop entry, the icon and the docs.
# A headless-only build (-DTRIVIUM_UI=OFF) installs no assets, desktop entry or icon.
# usage: test_install.sh BUILD_DIR [ui|headless]
set -u
BUILD=$1 KIND=${2:-ui}
T=$(mktemp -d)
export TRIVIUM_CACHE_DIR=$T/cache # headless keeps pack results there; never the home folder's
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); echo "ok: $1"; else fail=$((fail + 1)); echo "FAIL: $1"; fi; }
cmake --install "$BUILD" --prefix "$T/prefix" >"$T/install.log" 2>&1
check "cmake --install succeeds" '[ -x "$T/prefix/bin/trivium" ]'
cd /
unset TRIVIUM_PLUGIN_PATH
"$T/prefix/bin/trivium" list >"$T/list.txt" 2>&1
check "the installed game lists the built-in packs from its share folder" 'grep -q "^ihostage-film " "$T/list.txt"'
check "it finds all five packs" '[ "$(grep -cE "^(example|ihostage|leidseplein)" "$T/list.txt")" -eq 5 ]'
printf 'correct\n%.0s' 1 2 3 >"$T/a.txt"
check "headless plays from another folder" '"$T/prefix/bin/trivium" headless --pack ihostage-film --seed 1 --count 3 --answers "$T/a.txt" --format json >"$T/h.json"'
if [ "$KIND" = headless ]; then
  check "no SDL library is linked into the headless-only build" '! ldd "$T/prefix/bin/trivium" | grep -qi sdl'
  check "play says the build has no front end (exit 2)" \
    '"$T/prefix/bin/trivium" play 2>"$T/p.err"; [ $? -eq 2 ] && grep -q "without the desktop front end" "$T/p.err"'
  check "the docs are installed" '[ -f "$T/prefix/share/doc/trivium/pack-api.md" ]'
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit
fi
check "the front end module is installed in lib/trivium, and trivium itself links no SDL" \
  '[ -f "$T/prefix/lib/trivium/trivium-ui.so" ] && ! ldd "$T/prefix/bin/trivium" | grep -qi sdl'
check "the installed game renders a scene with its own UI strings" \
  '"$T/prefix/bin/trivium" screenshot --scene title --seed 1 --size 800x600 --lang nl --out "$T/t.png" && [ -s "$T/t.png" ]'
check "a desktop entry is installed" '[ -f "$T/prefix/share/applications/trivium.desktop" ]'
check "an icon is installed" '[ -f "$T/prefix/share/icons/hicolor/scalable/apps/trivium.svg" ]'
check "the docs are installed" '[ -f "$T/prefix/share/doc/trivium/pack-api.md" ]'
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
