#!/usr/bin/env bash
# app.lint: `trivium lint` over many seeds, on packs this test writes: a generator that
# fails on some seeds only is caught with its seed (and the pack still plays on the
# seeds it does not fail), a generated question the schema refuses is left out in play
# and is an error to lint, a source cited on some seeds only is used, --format json,
# and every PATH form (pack folder, its pack.lua, a folder of packs).
# usage: test_lint.sh TRIVIUM SOURCE_DIR
set -u
TRIVIUM=$1
SRC=$2
cd "$SRC" || exit 1
# shellcheck source=check.sh
. tests/app/check.sh

# A pack whose generator picks one of two sources and, on about one seed in eight,
# indexes a missing field (a runtime error) or, on another one in eight, writes a
# difficulty of 4 (a schema error).
mkdir -p "$T/packs/seedy"
cat >"$T/packs/seedy/pack.lua" <<'LUA'
return {
  id = "seedy", title = "Seedy", version = "1.0",
  sources = { a = { title = "A" }, b = { title = "B" } },
  questions = {
    quiz.truefalse { id = "s1", prompt = "Static?", answer = true, source = "a" },
  },
  generate = function(ctx)
    local roll = ctx.rng:int(1, 8)
    local facts = {}
    if roll == 1 then
      return { facts.missing.field }
    end
    return {
      quiz.truefalse {
        id = "g1", prompt = "Generated?", answer = true,
        difficulty = roll == 2 and 4 or 1,
        source = ctx.rng:int(1, 2) == 1 and "a" or "b",
      },
    }
  end,
}
LUA

expect_rc "lint over 1-40 finds the seed-only faults" 1 "$TRIVIUM" lint --seeds 1-40 "$T/packs/seedy"
cp "$T/out" "$T/text"
has "a runtime error names its seed and phase" "$T/text" ", while generating: "
has "the runtime error keeps the pack's line" "$T/text" "seedy/pack.lua:11: error: seed "
has "a refused generated question is an error to lint" "$T/text" "difficulty must be 1, 2 or 3, got 4 (the question is left out)"
grep -q "is not used by any question" "$T/text" && bad "a source cited on some seeds counts as unused" || ok "a source cited on any seed is used"
# The seed lint names reproduces the fault.
seed=$(sed -n 's/.*pack.lua:11: error: seed \([0-9]*\), while generating.*/\1/p' "$T/text" | head -1)
expect_rc "the runtime error's seed ($seed) fails the pack in play" 3 "$TRIVIUM" dump --plugins "$T/packs" --pack seedy --seed "$seed"
dseed=$(sed -n 's/.*error: seed \([0-9]*\), while generating: question .g1.: difficulty.*/\1/p' "$T/text" | head -1)
expect_rc "on a dropped question's seed ($dseed) the pack still plays" 0 "$TRIVIUM" dump --plugins "$T/packs" --pack seedy --seed "$dseed"
has "the pack plays its static question on that seed" "$T/out" "Static?"
grep -q "Generated?" "$T/out" && bad "the refused question was played" || ok "the refused question is left out"

# Every language the pack declares that Trivium plays: a generator that fails in Dutch only.
mkdir -p "$T/dutch/dutch"
cat >"$T/dutch/dutch/pack.lua" <<'LUA'
return {
  id = "dutch", title = "D", version = "1", languages = { "en", "nl" },
  generate = function(ctx)
    if ctx.lang == "nl" then error("no Dutch yet") end
    return {}
  end,
}
LUA
expect_rc "a generator failing in Dutch only is found" 1 "$TRIVIUM" lint --seeds 1-3 "$T/dutch/dutch"
has "named with its seed and language" "$T/out" "dutch/pack.lua:4: error: seed 1 (nl), while generating: no Dutch yet"

# A pack without generate whose top-level code draws from math.random is also run on
# every seed (a pack the seed cannot change runs once per language).
mkdir -p "$T/drawn/drawn"
cat >"$T/drawn/drawn/pack.lua" <<'LUA'
local q = quiz.truefalse { id = "a", prompt = "A?", answer = true, source = "s" }
if math.random(1, 8) == 1 then q.difficulty = 9 end
return { id = "drawn", title = "D", version = "1", sources = { s = { title = "S" } }, questions = { q } }
LUA
expect_rc "a static pack that draws at load is linted on every seed" 1 "$TRIVIUM" lint --seeds 1-40 "$T/drawn/drawn"
has "and its seed-only fault found" "$T/out" "question 'a': difficulty must be 1, 2 or 3, got 9"

# One seed reaches one source only: the other is then unused, named once with its fix.
for s in $(seq 41 80); do
  "$TRIVIUM" lint --seeds "$s" "$T/packs/seedy" >"$T/one" 2>&1
  if grep -q "is not used by any question on any seed linted" "$T/one"; then ok "one seed alone leaves a source unused (seed $s)"; break; fi
done

# --format json: one object per finding, seed null for static ones.
expect_rc "lint --format json" 1 "$TRIVIUM" lint --seeds 1-40 --format json "$T/packs/seedy"
if /usr/bin/python3 - "$T/out" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
assert isinstance(f, list) and f, f
for e in f:
    assert set(e) >= {"file", "line", "severity", "message", "seed"}, e
    assert e["severity"] in ("error", "warning"), e
    assert e["file"].endswith("seedy/pack.lua"), e
gen = [e for e in f if "while generating" in e["message"]]
assert gen and all(isinstance(e["seed"], int) and e["line"] == 11 or "difficulty" in e["message"] for e in gen), gen
assert all(("seed %d" % e["seed"]) in e["message"] for e in gen), gen
PY
then ok "json findings have file, line, severity, message, seed"; else bad "json findings: $(head -c 600 "$T/out")"; fi

# PATH forms.
expect_rc "a pack's pack.lua is a PATH" 0 "$TRIVIUM" lint --strict plugins/example/pack.lua
expect_rc "a folder of packs is a PATH" 0 "$TRIVIUM" lint --seeds 1-2 plugins
has "every pack in the folder is checked" "$T/err" "lint: 5 packs checked"
mkdir -p "$T/empty"
expect_rc "a folder with no pack is a usage error" 2 "$TRIVIUM" lint "$T/empty"
has "which says what it wanted" "$T/err" "neither a pack folder (no pack.lua in it) nor a folder of packs"
expect_rc "a bad --seeds is a usage error" 2 "$TRIVIUM" lint --seeds 5-1 plugins/example
has "naming the flag" "$T/err" "--seeds 5-1: expected"

# Lenient where the author means nothing, strict where they mean something.
mkdir -p "$T/rules/rules"
cat >"$T/rules/rules/pack.lua" <<'LUA'
return {
  id = "rules", title = "Rules", version = "1.0",
  sources = {
    good = { title = { en = "Rivers", nl = "Rivieren" }, date = "2024-01-31", url = "https://example.org" },
    odd = { titel = "Typo", publisher = "P", date = "2024/01/01", url = "example.org" },
  },
  question = { },
  questions = {
    quiz.numeric { id = "n", prompt = "How many?", answer = 3, unit = "", source = "good" },
    quiz.choice { id = "c", prompt = "Which?", answer = "Lobith ", wrong = { " Eijsden", "Nijmegen" },
                  source = "odd" },
    quiz.order { id = "o", prompt = "Order?", items = { "a", "b " }, answer = "a", source = "good" },
    quiz.truefalse { id = "t", prompt = "True?", answer = true, wrong = { "x" }, anwser = 1, source = "good" },
    quiz.truefalse { id = "t", prompt = "Again?", answer = true, source = "good" },
  },
}
LUA
"$TRIVIUM" lint "$T/rules/rules" >"$T/rules.out" 2>&1
r=$T/rules/rules/pack.lua
for want in \
  "$r:7: error: the pack table has an unknown field 'question' (did you mean 'questions'?)" \
  "$r:10: warning: question 'c': answer 'Lobith ' starts or ends with spaces; they are trimmed (remove them)" \
  "$r:10: warning: question 'c': wrong[1] ' Eijsden' starts or ends with spaces; they are trimmed (remove them)" \
  "$r:12: warning: question 'o': items[2] 'b ' starts or ends with spaces; they are trimmed (remove them)" \
  "$r:12: warning: question 'o': field 'answer' is ignored: a order question does not read it; it is for choice, truefalse, numeric and text questions (an order question lists its items in order in items)" \
  "$r:13: warning: question 't': field 'wrong' is ignored: a truefalse question does not read it; it is for choice questions" \
  "$r:13: warning: question 't': unknown field 'anwser' (did you mean 'answer'?)" \
  "$r:14: error: question 't': the id is used twice in this pack (first at line 13; give each question its own id)" \
  "$r:5: warning: source 'odd': date '2024/01/01' is not YYYY-MM-DD (such as 2024-01-31)" \
  "$r:5: warning: source 'odd': url 'example.org' has no scheme (write https://...)" \
  "$r:5: warning: source 'odd': unknown field 'titel' (did you mean 'title'?)"; do
  has "lint says: ${want#*: }" "$T/rules.out" "$want"
done
grep -q "unit is empty" "$T/rules.out" && bad "unit = \"\" is refused" || ok "unit = \"\" means no unit"
grep -q "source 'good'" "$T/rules.out" && bad "a title table of languages is refused: $(grep "source 'good'" "$T/rules.out")" || ok "a source title may be a table of languages"
sed -i -e '/question = { },/d' -e '/id = "t", prompt = "Again?"/d' "$r"
expect_rc "with the errors fixed the pack loads" 0 "$TRIVIUM" dump --plugins "$T/rules" --pack rules --seed 1 --lang nl --format json
if /usr/bin/python3 - "$T/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
qs = {q["id"]: q for q in d["questions"]}
assert qs["c"]["answer"] == "Lobith", qs["c"]
assert "Eijsden" in qs["c"]["options"], qs["c"]
assert qs["n"]["unit"] == "", qs["n"]
assert sorted(qs["o"]["answer"]) == ["a", "b"], qs["o"]
PY
then ok "answers, options and items are stored trimmed"; else bad "trimmed: $(head -c 800 "$T/out")"; fi

# Messages that say the fix.
mkdir -p "$T/fix/typo"
printf 'return { id = "typo", title = "T", version = "1", questions = { quiz.Choice { id = "a" } } }\n' >"$T/fix/typo/pack.lua"
"$TRIVIUM" lint "$T/fix/typo" >"$T/fix.out" 2>&1
has "quiz.Choice says which name was meant" "$T/fix.out" "pack.lua:1: error: quiz.Choice does not exist (did you mean quiz.choice?)"
printf 'local f = require("facts")\nreturn f\n' >"$T/fix/typo/pack.lua"
"$TRIVIUM" lint "$T/fix/typo" >"$T/fix.out" 2>&1
has "require points at include" "$T/fix.out" "pack.lua:1: error: undefined global 'require' (a pack reads its own files with include(\"file.lua\"))"

# A field's own line, below its constructor's.
mkdir -p "$T/lines/lines"
cat >"$T/lines/lines/pack.lua" <<'LUA'
return {
  id = "lines", title = "Lines", version = "1.0",
  sources = { s = { title = "S" } },
  questions = {
    quiz.choice {
      id = "rhine-enters",
      prompt = "Where does the Rhine enter the Netherlands?",
      anwser = "Lobith",
      wrong = { "Eijsden", "Nijmegen" },
      difficulty = 4,
      source = "s",
    },
  },
}
LUA
"$TRIVIUM" lint "$T/lines/lines" >"$T/lines.out" 2>&1
l=$T/lines/lines/pack.lua
has "an unknown field at its own line" "$T/lines.out" "$l:8: warning: question 'rhine-enters': unknown field 'anwser' (did you mean 'answer'?)"
has "a bad difficulty at its own line" "$T/lines.out" "$l:10: error: question 'rhine-enters': difficulty must be 1, 2 or 3, got 4"
has "a missing field at the constructor" "$T/lines.out" "$l:5: error: question 'rhine-enters': answer is missing"

# A facts file that forgets its return: the error at the use says why, and lint warns at
# the include when nothing uses it.
mkdir -p "$T/inc/inc"
printf 'local F = { rivers = { "Rhine" } }\n' >"$T/inc/inc/facts.lua"
printf 'local facts = include("facts.lua")\nlocal first = facts.rivers[1]\nreturn { id = "inc", title = "I", version = "1", questions = {} }\n' >"$T/inc/inc/pack.lua"
"$TRIVIUM" lint "$T/inc/inc" >"$T/inc.out" 2>&1
has "the nil include is named at the use" "$T/inc.out" "pack.lua:2: error: attempt to index a nil value (local 'facts') (include(\"facts.lua\") at $T/inc/inc/pack.lua:1 returned nil: does facts.lua end with return?)"
printf 'include("facts.lua")\nreturn { id = "inc", title = "I", version = "1", generate = function() return {} end }\n' >"$T/inc/inc/pack.lua"
"$TRIVIUM" lint "$T/inc/inc" >"$T/inc.out" 2>&1
has "and warned at the include" "$T/inc.out" "$T/inc/inc/pack.lua:1: warning: include(\"facts.lua\") returned nil: end facts.lua with return { ... }"

# A pack-level field's error at its line.
printf 'return {\n  id = "inc", title = "T", version = "1",\n  languages = "en, nl",\n  generate = function() return {} end }\n' >"$T/inc/inc/pack.lua"
"$TRIVIUM" lint "$T/inc/inc" >"$T/inc.out" 2>&1
has "languages at its line" "$T/inc.out" "$T/inc/inc/pack.lua:3: error: languages must be a list such as { \"en\", \"nl\" }"

# docs/pack-api.md's "Limits" table states what the code's constants say.
if /usr/bin/python3 - docs/pack-api.md engine <<'PY'
import glob, re, sys
doc, engine = sys.argv[1], sys.argv[2]
text = open(doc, encoding="utf-8").read()
rows = text[text.index("<!-- limits -->"):].split("\n")[3:]
defines = {}
for h in glob.glob(engine + "/**/*.h", recursive=True):
    for m in re.finditer(r"^#define\s+(TV_\w+)\s+([^/\n]+)", open(h, encoding="utf-8").read(), re.M):
        defines[m.group(1)] = m.group(2).strip()
problems, n = [], 0
for row in rows:
    if not row.startswith("|"):
        break
    cells = [c.strip() for c in row.strip("|").split("|")]
    want = int(re.search(r"\d+", cells[1]).group(0))
    name = cells[2].strip("`")
    if name not in defines:
        problems.append("%s: no #define %s in engine/" % (cells[0], name))
        continue
    expr = re.sub(r"(\d+)(?:u|LL|ull|ULL)\b", r"\1", defines[name])
    got = eval(expr, {"__builtins__": {}})
    n += 1
    if got != want:
        problems.append("%s: docs say %d, %s is %d" % (cells[0], want, name, got))
if n < 20:
    problems.append("only %d rows read" % n)
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
then ok "the documented limits are the code's"; else bad "docs/pack-api.md limits differ from the code"; fi

# The built-in packs pass the issue's bar.
expect_rc "every built-in pack passes lint --strict --seeds 1-50" 0 "$TRIVIUM" lint --strict --seeds 1-50

finish
