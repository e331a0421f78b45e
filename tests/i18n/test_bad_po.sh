#!/usr/bin/env bash
# i18n.bad-po: the game survives a .po file whose conversions differ from what the
# code passes (issue 10: "Player %s" in en.po made `trivium screenshot` die with
# SIGSEGV) and a language with no .po file: each draws in English and exits 0. And
# `lang = de` in settings.txt (no de.po) no longer stops the game on every launch, and
# the player's choice stays in the file (the English fallback is not saved back).
# usage: test_bad_po.sh TRIVIUM SOURCE_DIR
set -u
trivium=$1 src=$2
tmp=$(mktemp -d /tmp/trivium-badpo-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0
cp -r "$src/assets" "$tmp/assets"
sed -i 's/"Player %d"/"Player %s"/' "$tmp/assets/i18n/en.po"
grep -q '"Player %s"' "$tmp/assets/i18n/en.po" || { echo "FAIL: could not plant Player %s"; exit 1; }
for lang in en nl; do
  TRIVIUM_ASSETS_DIR=$tmp/assets "$trivium" screenshot --scene title --seed 1 --size 800x600 --lang $lang \
    --out "$tmp/title-$lang.png" 2>"$tmp/err"
  rc=$?
  if [ $rc -ne 0 ] || [ ! -s "$tmp/title-$lang.png" ]; then
    echo "FAIL: screenshot --lang $lang with Player %s in en.po exited $rc"; cat "$tmp/err"; fail=1
  else
    echo "ok: screenshot --lang $lang with Player %s in en.po exits 0"
  fi
done
# A translation with the wrong conversion, English intact.
cp "$src/assets/i18n/en.po" "$tmp/assets/i18n/en.po"
sed -i 's/"Speler %d"/"Speler %s"/' "$tmp/assets/i18n/nl.po"
TRIVIUM_ASSETS_DIR=$tmp/assets "$trivium" screenshot --scene players --seed 1 --size 800x600 --lang nl \
  --out "$tmp/players-nl.png" 2>"$tmp/err"
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL: screenshot with Speler %s in nl.po exited $rc"; cat "$tmp/err"; fail=1
else echo "ok: screenshot with Speler %s in nl.po exits 0"; fi
# No nl.po at all.
rm "$tmp/assets/i18n/nl.po"
TRIVIUM_ASSETS_DIR=$tmp/assets "$trivium" screenshot --scene title --seed 1 --size 800x600 --lang nl \
  --out "$tmp/title-missing.png" 2>"$tmp/err"
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL: screenshot --lang nl without nl.po exited $rc"; cat "$tmp/err"; fail=1
else echo "ok: screenshot --lang nl without nl.po exits 0"; fi
# lang = de in settings.txt: the game opens its first frame, and the file keeps de.
# SDL's dummy video driver, not offscreen: offscreen loads the EGL driver, whose own
# leaks fail the sanitizer build.
mkdir -p "$tmp/prefs" "$tmp/cache"
printf '# Trivium settings\nlang = de\nvolume = 40\n' >"$tmp/prefs/settings.txt"
TRIVIUM_PREFS_DIR=$tmp/prefs TRIVIUM_CACHE_DIR=$tmp/cache SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
  TRIVIUM_ASSETS_DIR=$src/assets timeout 60 "$trivium" play --bench first-frame 2>"$tmp/err"
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL: play with lang = de in settings.txt exited $rc"; cat "$tmp/err"; fail=1
else echo "ok: play with lang = de in settings.txt shows its first frame"; fi
if ! grep -qx 'lang = de' "$tmp/prefs/settings.txt"; then
  echo "FAIL: the English fallback was saved over lang = de:"; cat "$tmp/prefs/settings.txt"; fail=1
else echo "ok: settings.txt still says lang = de"; fi
exit $fail
