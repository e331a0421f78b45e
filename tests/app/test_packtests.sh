#!/usr/bin/env bash
# app.packtests: packs' tests.lua under `trivium test`, on packs this test writes: the
# exact ok/FAIL lines with file:line, one summary for pack tests and scenarios alike,
# the exit codes (1 failed, 3 tests.lua cannot run, 4 a bad answer line in t.session,
# 2 usage), the sandbox (no os, the instruction budget), JUnit with both kinds of case,
# and the path from `trivium new` through `lint --strict` to a passing `trivium test`.
# usage: test_packtests.sh TRIVIUM SOURCE_DIR
set -u
TRIVIUM=$1
SRC=$2
cd "$SRC" || exit 1
# shellcheck source=check.sh
. tests/app/check.sh

# From nothing to a tested pack.
expect_rc "new makes a pack" 0 "$TRIVIUM" new rivers --dir "$T/new"
expect_rc "it passes lint --strict" 0 "$TRIVIUM" lint --strict "$T/new/rivers"
expect_rc "and its own tests" 0 "$TRIVIUM" test "$T/new/rivers"
grep -q "^2 passed, 0 failed$" "$T/out" && ok "the scaffold's two tests pass" || bad "scaffold: $(cat "$T/out")"

# A pack with tests that pass and fail, each failure at its line.
P=$T/packs/quiz1
mkdir -p "$P"
cat >"$P/pack.lua" <<'LUA'
return {
  id = "quiz1", title = "Quiz one", version = "1.0",
  sources = { s = { title = "S" } },
  questions = {
    quiz.choice { id = "c", prompt = "Capital of the Netherlands?", answer = "Amsterdam",
                  wrong = { "Rotterdam", "Utrecht" }, source = "s" },
    quiz.numeric { id = "n", prompt = "How many provinces?", answer = 12, source = "s" },
  },
}
LUA
cat >"$P/tests.lua" <<'LUA'
test("two questions", function(t)
  t.eq(#t.questions(1, "en"), 2)
end)
test("a wrong count", function(t)
  t.eq(#t.questions(1), 3, "questions")
end)
test("near", function(t)
  local q = t.questions(1)[2]
  t.near(q.answer, 12.5, 0.1)
end)
test("fails", function(t)
  t.fails(function() error("no such province") end, "province")
  t.fails(function() end, "x")
end)
test("a session", function(t)
  local r = t.session { seed = 1, count = 2, answers = { "correct @1", "12 @3" } }
  t.eq(r.correct, 2)
  t.eq(#r.questions, 2)
  t.ok(r.total > 1000, "two right answers score over 1000")
end)
test("no clock in tests either", function(t)
  t.ok(os.time())
end)
LUA
expect_rc "failing tests exit 1" 1 "$TRIVIUM" test "$P"
same "one line per test, file:line on failures, one summary" "$T/out" "ok quiz1: two questions
FAIL quiz1: a wrong count: $P/tests.lua:5: questions: expected 3, got 2
FAIL quiz1: near: $P/tests.lua:9: expected 12.5 within 0.1, got 12
FAIL quiz1: fails: $P/tests.lua:13: expected an error matching \"x\", but none was raised
ok quiz1: a session
FAIL quiz1: no clock in tests either: $P/tests.lua:22: undefined global 'os' (packs have no clock or system calls; use ctx.rng in generate for chance)
2 passed, 4 failed"

# t.session with a bad answer line: exit 4, at the test's line.
cat >"$P/tests.lua" <<'LUA'
test("bad line", function(t)
  t.session { seed = 1, count = 1, answers = { "@@" } }
end)
LUA
expect_rc "a bad answer line in t.session exits 4" 4 "$TRIVIUM" test "$P"
grep -qF "FAIL quiz1: bad line: $P/tests.lua:2: t.session: " "$T/out" && ok "named at the test's line" || bad "bad line: $(cat "$T/out")"

# tests.lua that cannot run: exit 3 with file:line.
printf 'test("x", function(t)\n  t.ok(true)\nend\n' >"$P/tests.lua"
expect_rc "a syntax error in tests.lua exits 3" 3 "$TRIVIUM" test "$P"
grep -qF "FAIL quiz1: tests.lua: $P/tests.lua:4: " "$T/out" && ok "the syntax error has its line" || bad "syntax: $(cat "$T/out")"
printf 'test("loops", function(t)\n  while true do end\nend)\ntest("after", function(t) t.ok(true) end)\n' >"$P/tests.lua"
expect_rc "an endless test fails, the next still runs" 1 "$TRIVIUM" test "$P"
grep -qF "FAIL quiz1: loops: $P/tests.lua:2: instruction budget of 50 million exceeded while testing (an endless loop?)" "$T/out" \
  && grep -q "^ok quiz1: after$" "$T/out" && ok "the budget stops one test" || bad "budget: $(cat "$T/out")"
# Work the instruction count cannot see (comparing two long equal strings is one
# instruction each time) meets the wall clock.
cat >"$P/tests.lua" <<'LUA'
test("a comparison that never ends", function(t)
  local a, b = string.rep("a", 8000000), string.rep("a", 7999999) .. "a"
  while a <= b do end
  t.ok(false)
end)
LUA
TRIVIUM_WORKER_TIMEOUT_MS=500 expect_rc "a test stuck outside Lua is stopped: exit 3" 3 "$TRIVIUM" test "$P"
grep -qF "FAIL quiz1: tests.lua: $P/tests.lua: the tests were stopped after 500 ms without a result (an endless loop?)" "$T/out" \
  && ok "by the wall clock, named" || bad "timeout: $(cat "$T/out")"
printf '\n' >"$P/tests.lua"
expect_rc "a tests.lua with no test exits 3" 3 "$TRIVIUM" test "$P"
grep -qF "defines no test" "$T/out" && ok "and says so" || bad "no test: $(cat "$T/out")"

# Pack tests and scenarios in one run: one summary, one JUnit report.
printf 'test("fine", function(t) t.ok(true) end)\n' >"$P/tests.lua"
cat >"$T/packs/one.json" <<EOF2
{ "name": "scenario one", "packs": ["quiz1"], "plugins": ["."], "seed": 1, "count": 2,
  "players": [ { "answers": ["correct", "correct"] } ], "expect": [ { "correct": 2 } ] }
EOF2
expect_rc "a folder runs its scenarios and its packs' tests" 0 "$TRIVIUM" test "$T/packs" --junit "$T/junit.xml"
same "in one run" "$T/out" "ok scenario one
ok quiz1: fine
2 passed, 0 failed"
if /usr/bin/python3 - "$T/junit.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
cases = root.findall("./testsuite/testcase")
assert [c.get("name") for c in cases] == ["scenario one", "quiz1: fine"], [c.get("name") for c in cases]
assert cases[1].get("classname").endswith("quiz1/tests"), cases[1].get("classname")
assert all(float(c.get("time")) >= 0 for c in cases)
PY
then ok "JUnit holds the scenario and the pack test"; else bad "junit: $(cat "$T/junit.xml")"; fi

# Usage.
mkdir -p "$T/bare"
printf 'return { id = "bare", title = "B", version = "1", questions = {} }\n' >"$T/bare/pack.lua"
expect_rc "a pack without tests.lua is a usage error" 2 "$TRIVIUM" test "$T/bare"
grep -qF "the pack has no tests.lua" "$T/err" && ok "which says so" || bad "bare: $(cat "$T/err")"

# The built-in packs' own tests.
expect_rc "the built-in packs pass their tests" 0 "$TRIVIUM" test
grep -q "^[1-9][0-9]* passed, 0 failed$" "$T/out" && ok "with a summary" || bad "built-in: $(cat "$T/out")"

# quiz.log in a test reaches stderr with its file:line, as in lint, dump and watch.
printf 'test("logs", function(t) quiz.log("seen", 42) t.ok(true) end)\n' >"$P/tests.lua"
expect_rc "a test that logs passes" 0 "$TRIVIUM" test "$P"
has "quiz.log prints file:line and its values on stderr" "$T/err" "$P/tests.lua:1: log: seen	42"

finish
