# check.sh - what the end-to-end shell tests of tests/app share: sourced after `cd` into
# the source tree, it makes the temporary folder $T (removed on exit) and brings in
# tests/check.sh (ok, bad, expect_rc, finish) with two more checks on files.
# test_lint.sh, test_packtests.sh and test_luacheck.sh source it; older scripts keep copies.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=../check.sh
source "$(dirname "${BASH_SOURCE[0]}")/../check.sh"
# has NAME FILE TEXT: FILE holds the line part TEXT.
has() {
  if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: no '$3' in: $(head -c 600 "$2")"; fi
}
# same NAME FILE TEXT: FILE is exactly TEXT.
same() {
  if [ "$(cat "$2")" == "$3" ]; then ok "$1"; else bad "$1: got"$'\n'"$(cat "$2")"$'\n'"expected"$'\n'"$3"; fi
}
