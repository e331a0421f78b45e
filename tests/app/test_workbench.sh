#!/usr/bin/env bash
# app.workbench: the author's commands that need no front end: dump --question (one
# question, text and JSON, a generated one by its id for the seed), --only-plugins (the
# given folders alone, in every command with --plugins), and quiz.log (file:line: log:
# on stderr in lint and dump, bounded; nothing in headless or list).
# usage: test_workbench.sh TRIVIUM
set -u
TRIVIUM=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/../check.sh"
cd "$T"
mkdir -p p/gen p/loud
cat >p/gen/pack.lua <<'LUA'
return {
  id = "gen", title = "Generated", version = "1", languages = { "en", "nl" },
  questions = {
    quiz.truefalse{ id = "wet", prompt = { en = "Water is wet.", nl = "Water is nat." }, answer = true },
    quiz.choice{ id = "rivers", prompt = "Which river is longest?", answer = "Rhine", wrong = { "Meuse", "IJssel" } },
  },
  generate = function(ctx)
    local n = ctx.rng:int(1, 1000)
    quiz.log("drew", n, "for", ctx.lang)
    return { quiz.numeric{ id = "num-" .. n, prompt = "Type " .. n .. ".", answer = n } }
  end,
}
LUA
cat >p/loud/pack.lua <<'LUA'
for i = 1, 100000 do quiz.log("line", i, string.rep("x", 40)) end
return { id = "loud", title = "Loud", version = "1", languages = { "en" },
  questions = { quiz.truefalse{ id = "t", prompt = "Loud?", answer = true } } }
LUA

printf "correct\ncorrect\ncorrect\n" >"$T/answers"

# dump --question
expect_rc "dump --question prints one question" 0 "$TRIVIUM" dump --only-plugins --plugins p --pack gen --question wet
[ "$(grep -c '^[0-9]*\. \[' "$T/out")" == 1 ] && grep -q '^1\. \[gen/wet\] truefalse' "$T/out" \
  && ok "exactly that one" || bad "dump: $(cat "$T/out")"
expect_rc "dump --question --lang nl --format json" 0 "$TRIVIUM" dump --only-plugins --plugins p --pack gen \
  --question wet --lang nl --format json
/usr/bin/python3 - "$T/out" <<'PY' && ok "its JSON holds that question in Dutch" || bad "json: $(head -c 400 "$T/out")"
import json, sys
d = json.load(open(sys.argv[1]))
qs = d["questions"] if isinstance(d, dict) else d
assert len(qs) == 1, qs
assert qs[0]["id"] == "wet" and qs[0]["prompt"] == "Water is nat.", qs[0]
PY
id=$("$TRIVIUM" dump --only-plugins --plugins p --pack gen --seed 9 2>/dev/null | sed -n 's/^[0-9]*\. \[gen\/\(num-[0-9]*\)\].*/\1/p')
expect_rc "a generated question by its id for the seed" 0 "$TRIVIUM" dump --only-plugins --plugins p --pack gen \
  --question "$id" --seed 9
grep -q "^1\. \[gen/$id\] numeric" "$T/out" && ok "is the one that seed generates" || bad "dump: $(cat "$T/out")"
expect_rc "an unknown question is a usage error" 2 "$TRIVIUM" dump --only-plugins --plugins p --pack gen --question nope
grep -qF -- "--question nope: pack gen has no such question for this seed (it has: wet, rivers, num-" "$T/err" \
  && ok "naming the ids there are" || bad "message: $(cat "$T/err")"
expect_rc "--question with --pack all is a usage error" 2 "$TRIVIUM" dump --pack all --question wet

# --only-plugins
expect_rc "list --only-plugins" 0 "$TRIVIUM" list --only-plugins --plugins p
grep -q '^gen ' "$T/out" && ! grep -q '^example ' "$T/out" && ok "lists only the given folders" \
  || bad "list: $(cat "$T/out")"
expect_rc "list without it" 0 "$TRIVIUM" list --plugins p
grep -q '^example ' "$T/out" && ok "also lists the built-in packs" || bad "list: $(cat "$T/out")"
expect_rc "headless --only-plugins hides the built-in packs" 2 "$TRIVIUM" headless --only-plugins --plugins p \
  --pack example --seed 1 --answers "$T/answers"
grep -qF -- "--pack example: no such pack (found: gen, loud" "$T/err" && ok "naming what it found" || bad "$(cat "$T/err")"
for cmd in list lint dump headless stats export; do
  "$TRIVIUM" $cmd --help >"$T/help" 2>&1
  grep -qF -- "--only-plugins" "$T/help" && grep -qF -- "--plugins" "$T/help" && ok "$cmd --help names --plugins and --only-plugins" \
    || bad "$cmd --help: $(head -c 300 "$T/help")"
done

# quiz.log
expect_rc "dump with quiz.log" 0 "$TRIVIUM" dump --only-plugins --plugins p --pack gen --seed 9
grep -qP "^p/gen/pack.lua:9: log: drew\t${id#num-}\tfor\ten$" "$T/err" && ok "dump prints file:line: log: ... on stderr" \
  || bad "stderr: $(cat "$T/err")"
grep -q "log:" "$T/out" && bad "log output on stdout" || ok "and nothing on stdout"
expect_rc "lint with quiz.log" 0 "$TRIVIUM" lint p/gen
grep -q "^p/gen/pack.lua:9: log: drew" "$T/err" && ok "lint prints it too" || bad "lint stderr: $(cat "$T/err")"
expect_rc "headless" 0 "$TRIVIUM" headless --only-plugins --plugins p --pack gen --seed 9 --answers "$T/answers"
grep -q "log:" "$T/err" "$T/out" && bad "headless shows quiz.log output" || ok "headless discards it"
expect_rc "a pack logging in a loop still loads" 0 "$TRIVIUM" dump --only-plugins --plugins p --pack loud --seed 1
[ "$(wc -c <"$T/err")" -lt 5000 ] && ok "its log is bounded ($(wc -c <"$T/err") bytes)" || bad "$(wc -c <"$T/err") bytes of log"
grep -q "quiz.log output stops here" "$T/err" && ok "with a note where it stops" || bad "no note: $(tail -c 300 "$T/err")"

finish
