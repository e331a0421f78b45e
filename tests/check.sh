# check.sh - what the shell tests share (sourced; the shell analog of check.h): ok and
# bad count and print each check, expect_rc runs a command and checks its exit code
# (its stdout and stderr left in $T/out and $T/err), finish prints the count line and
# fails the test when any check failed. Needs T, the test's scratch folder.
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
expect_rc() { # name expected-rc command...
  local name=$1 want=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  local rc=$?
  if [ "$rc" == "$want" ]; then ok "$name"; else bad "$name: expected exit $want, got $rc: $(head -c 600 "$T/out" "$T/err")"; fi
}
finish() {
  echo "$pass passed, $fail failed"
  [ "$fail" == 0 ]
}
