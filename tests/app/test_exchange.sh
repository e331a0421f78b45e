#!/usr/bin/env bash
# app.exchange: `trivium export` and `trivium import` end to end on real files. Every
# built-in pack goes out and back in each format: JSON without loss, the other formats
# giving the same questions they can hold; imported packs pass lint; samples written
# here reach each reader through the command line (OpenTDB in all three encodings);
# bad input gets its exit code and FILE:LINE.
# usage: test_exchange.sh TRIVIUM SOURCE_DIR
set -u
TRIVIUM=$1
SRC=$2
cd "$SRC"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
expect_rc() { # name expected-rc command...
  local name=$1 want=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  local rc=$?
  if [ "$rc" == "$want" ]; then ok "$name"; else bad "$name: expected exit $want, got $rc: $(head -c 300 "$T/err")"; fi
}
expect_err() { # name text: stderr of the last expect_rc contains text
  if grep -qF -- "$2" "$T/err"; then ok "$1"; else bad "$1: stderr lacks '$2': $(head -c 300 "$T/err")"; fi
}

packs=(example ihostage-cast ihostage-film ihostage-plot leidseplein-2022)
mkdir -p "$T/in"
for pack in "${packs[@]}"; do
  for lang in en nl; do
    for fmt in json gift aiken csv opentdb; do
      name=$pack-$lang-$fmt
      "$TRIVIUM" export --pack "$pack" --seed 3 --lang "$lang" --format "$fmt" --out "$T/$name.$fmt" 2>"$T/skips"
      if grep -qvE '^skipped [^ ]+: .+' "$T/skips"; then bad "$name: stray stderr: $(head -c 300 "$T/skips")"; fi
      if ! "$TRIVIUM" import "$T/$name.$fmt" --format "$fmt" --lang "$lang" --out "$T/in/$name" >/dev/null 2>"$T/err"; then
        bad "$name: import failed: $(head -c 300 "$T/err")"
        continue
      fi
      [ -s "$T/err" ] && bad "$name: import skipped what export wrote: $(head -c 300 "$T/err")"
      "$TRIVIUM" export --plugins "$T/in" --pack "$name" --lang "$lang" --format "$fmt" --out "$T/$name.again" 2>/dev/null
      if [ "$fmt" == json ]; then # the pack's id is the only difference
        sed -i "s/\"pack\":\t\"$name\"/\"pack\":\t\"$pack\"/" "$T/$name.again"
      fi
      if cmp -s "$T/$name.$fmt" "$T/$name.again"; then ok "$name: export, import, export gives the same questions"
      else bad "$name: the round trip differs: $(diff "$T/$name.$fmt" "$T/$name.again" | head -5)"; fi
    done
  done
done
expect_rc "every imported pack passes lint" 0 "$TRIVIUM" lint "$T"/in/*
json_skips=$("$TRIVIUM" export --pack ihostage-cast --format json 2>&1 >/dev/null)
if [ -z "$json_skips" ]; then ok "JSON holds every question"; else bad "JSON skipped: $json_skips"; fi
expect_rc "--strict names what the format lacked" 1 "$TRIVIUM" lint --strict "$T/in/example-en-aiken"
if grep -qF "has no source" "$T/out"; then ok "strict lint asks for sources"; else bad "strict output: $(head -c 300 "$T/out")"; fi

# Open Trivia DB in its three encodings, as the API serves them.
mk_opentdb() { # file type difficulty category question correct wrong...
  local f=$1
  shift
  printf '{"response_code":0,"results":[\n{"type":"%s","difficulty":"%s","category":"%s","question":"%s","correct_answer":"%s","incorrect_answers":["%s","%s","%s"]},\n' "$@" >"$f"
  printf '{"type":"%s","difficulty":"%s","category":"%s","question":"%s","correct_answer":"%s","incorrect_answers":["%s"]}]}\n' \
    "${OTDB_BOOL[@]}" >>"$f"
}
OTDB_BOOL=(boolean hard "Science &amp; Nature" "Caf&eacute; is &quot;open&quot;?" False True)
mk_opentdb "$T/html.json" multiple easy "Entertainment: Books" "Who wrote &quot;Harry Potter&quot;?" "J.K. Rowling" Tolkien "Roald Dahl" "Pratchett&#039;s"
OTDB_BOOL=(boolean hard "Science%20%26%20Nature" "Caf%C3%A9%20is%20%22open%22%3F" False True)
mk_opentdb "$T/url.json" multiple easy "Entertainment%3A%20Books" "Who%20wrote%20%22Harry%20Potter%22%3F" "J.K.%20Rowling" Tolkien "Roald%20Dahl" "Pratchett%27s"
b() { printf '%s' "$1" | base64 -w0; }
OTDB_BOOL=("$(b boolean)" "$(b hard)" "$(b 'Science & Nature')" "$(b 'Café is "open"?')" "$(b False)" "$(b True)")
mk_opentdb "$T/b64.json" "$(b multiple)" "$(b easy)" "$(b 'Entertainment: Books')" "$(b 'Who wrote "Harry Potter"?')" \
  "$(b 'J.K. Rowling')" "$(b Tolkien)" "$(b 'Roald Dahl')" "$(b "Pratchett's")"
for enc in html url b64; do
  expect_rc "OpenTDB $enc: imports" 0 "$TRIVIUM" import "$T/$enc.json" --format opentdb --out "$T/otdb-$enc"
  "$TRIVIUM" export --plugins "$T" --pack "otdb-$enc" --format json 2>/dev/null | grep -v '"pack":' >"$T/$enc.out"
done
if cmp -s "$T/html.out" "$T/url.out" && cmp -s "$T/html.out" "$T/b64.out"; then ok "the three encodings decode to the same questions"
else bad "encodings differ: $(diff "$T/html.out" "$T/b64.out" | head -6)"; fi
if grep -qF '"prompt":	"Café is \"open\"?"' "$T/html.out" && grep -qF "Pratchett's" "$T/html.out"; then ok "entities decoded exactly"
else bad "decoded: $(head -c 600 "$T/html.out")"; fi

# Skips on import name FILE:LINE; the rest of the file is kept.
printf '::ok:: Fine? {T}\n\n::m:: Match {=a -> b =c -> d}\n\n::w:: W {~%%50%%a ~%%50%%b}\n' >"$T/mixed.gift"
expect_rc "GIFT with unsupported questions still imports" 0 "$TRIVIUM" import "$T/mixed.gift" --format gift --out "$T/mixed"
expect_err "a matching question is named with FILE:LINE" "$T/mixed.gift:3: skipped: matching"
expect_err "a weighted answer is named with FILE:LINE" "$T/mixed.gift:5: skipped: weighted"

# Texts are data in the written pack.lua: quotes, backslashes, brackets and comment
# starts cannot end a string or start code, and they come back exactly.
printf '%s\n' '::evil:: Say "hi" \\ ]] -- end\n"); error("pwned") --[[ {=a"b ~c\\d}' >"$T/evil.gift"
expect_rc "a hostile GIFT question imports" 0 "$TRIVIUM" import "$T/evil.gift" --format gift --out "$T/evil"
expect_rc "and the pack lints" 0 "$TRIVIUM" lint "$T/evil"
"$TRIVIUM" export --plugins "$T" --pack evil --format gift 2>/dev/null | grep -v '^\$CATEGORY' | grep . >"$T/evil.again"
if cmp -s "$T/evil.gift" "$T/evil.again"; then ok "with its texts exactly as written"
else bad "hostile text changed: $(cat "$T/evil.again")"; fi

# Refusals and bad input.
expect_rc "an existing pack.lua is never overwritten" 1 "$TRIVIUM" import "$T/mixed.gift" --format gift --out "$T/mixed"
expect_err "and the message says so" "already exists; not overwritten"
printf '{"format": "trivium-questions",\n "questions": [\n  {"id": x}\n]}\n' >"$T/broken.json"
expect_rc "broken JSON fails" 1 "$TRIVIUM" import "$T/broken.json" --format json --out "$T/broken"
expect_err "naming FILE:LINE" "$T/broken.json:3: not valid JSON"
printf '::m:: Match {=a -> b}\n' >"$T/none.gift"
expect_rc "a file with nothing to import fails" 1 "$TRIVIUM" import "$T/none.gift" --format gift --out "$T/none"
[ -e "$T/none/pack.lua" ] && bad "a pack.lua was written for nothing" || ok "and writes no pack.lua"
expect_rc "an unknown format is a usage error" 2 "$TRIVIUM" import "$T/mixed.gift" --format xml --out "$T/x"
expect_err "naming the formats" "--format xml: expected opentdb, gift, aiken, csv or json"
expect_rc "import needs --out" 2 "$TRIVIUM" import "$T/mixed.gift" --format gift
expect_rc "a bad --id is a usage error" 2 "$TRIVIUM" import "$T/mixed.gift" --format gift --out "$T/y" --id "Bad Id"
expect_rc "a missing file fails" 1 "$TRIVIUM" import "$T/nope.gift" --format gift --out "$T/z"
expect_rc "export needs --pack" 2 "$TRIVIUM" export --format gift
expect_rc "export needs --format" 2 "$TRIVIUM" export --pack example
expect_rc "export of an unknown pack is a usage error" 2 "$TRIVIUM" export --pack nosuch --format json
expect_rc "export writes to stdout without --out" 0 "$TRIVIUM" export --pack example --format aiken
if grep -q '^ANSWER: [A-F]$' "$T/out"; then ok "and stdout holds the questions"; else bad "stdout: $(head -c 300 "$T/out")"; fi
expect_err "skips go to stderr" "skipped timeline: Aiken holds only multiple-choice questions"

echo "$pass passed, $fail failed"
[ "$fail" == 0 ]
