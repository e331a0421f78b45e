# check.sh - what the end-to-end shell tests share: sourced after `cd` into the source
# tree, it makes the temporary folder $T (removed on exit) and the checks, each printing
# "ok: ..." or "FAIL: ...", and `finish` prints "N passed, N failed" and sets the status.
# test_lint.sh, test_packtests.sh and test_luacheck.sh source it; older scripts keep copies.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
# expect_rc NAME RC COMMAND...: runs COMMAND with stdout in $T/out and stderr in $T/err.
expect_rc() {
  local name=$1 want=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  local rc=$?
  if [ "$rc" == "$want" ]; then ok "$name"; else bad "$name: expected exit $want, got $rc: $(head -c 600 "$T/out" "$T/err")"; fi
}
# has NAME FILE TEXT: FILE holds the line part TEXT.
has() {
  if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: no '$3' in: $(head -c 600 "$2")"; fi
}
# same NAME FILE TEXT: FILE is exactly TEXT.
same() {
  if [ "$(cat "$2")" == "$3" ]; then ok "$1"; else bad "$1: got"$'\n'"$(cat "$2")"$'\n'"expected"$'\n'"$3"; fi
}
finish() {
  echo "$pass passed, $fail failed"
  [ "$fail" == 0 ]
}
