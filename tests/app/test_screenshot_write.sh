#!/usr/bin/env bash
# app.screenshot-write: `trivium screenshot` checks its PNG write: a write that fails
# (no such folder, a file too large for RLIMIT_FSIZE) names the path and the reason,
# exits 1 and leaves neither a partial PNG nor a temporary file; a good one is a PNG.
# usage: test_screenshot_write.sh TRIVIUM
set -u
TRIVIUM=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
shot() { "$TRIVIUM" screenshot --scene title --seed 1 --size 320x240 --out "$@"; }

touch "$T/afile"
shot "$T/afile/x.png" >"$T/out" 2>"$T/err"
rc=$?
want="trivium screenshot: --out $T/afile/x.png: cannot create a temporary file in its folder: Not a directory"
if [ $rc = 1 ] && grep -Fxq -- "$want" "$T/err"; then ok "a folder that is a file: exit 1 naming the path and reason"
else bad "a folder that is a file: exit $rc: $(cat "$T/err")"; fi

# 1 KiB of file size allowed: the PNG (several KiB) cannot be written whole. SIGXFSZ
# is ignored so the write fails with EFBIG instead of killing the process.
mkdir "$T/small"
(trap '' XFSZ; ulimit -f 1; shot "$T/small/x.png") >"$T/out" 2>"$T/err"
rc=$?
if [ $rc = 1 ] && grep -q "^trivium screenshot: --out $T/small/x.png: .*File too large$" "$T/err"; then
  ok "a write cut short by RLIMIT_FSIZE: exit 1 naming the path and reason"
else bad "a write cut short: exit $rc: $(cat "$T/err")"; fi
left=$(ls -A "$T/small")
if [ -z "$left" ]; then ok "a failed write leaves no partial PNG and no temporary file"
else bad "a failed write left: $left"; fi

shot "$T/good.png" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc = 0 ] && [ "$(head -c 8 "$T/good.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
  ok "a good write is a PNG"
else bad "a good write: exit $rc: $(cat "$T/err")"; fi
if [ -z "$(ls "$T" | grep '\.tmp\.')" ]; then ok "no temporary file is left after a good write"; else bad "temp files left: $(ls "$T")"; fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
