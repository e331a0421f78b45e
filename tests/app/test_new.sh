#!/usr/bin/env bash
# app.new: `trivium new` makes a pack that passes lint --strict in each language choice,
# loads with its generator, points LuaLS at the API stub, and never touches an existing
# folder.
# usage: test_new.sh TRIVIUM SOURCE_DIR
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

for lang in en,nl en nl; do
  id=rivers-${lang/,/-}
  expect_rc "new --lang $lang creates the folder" 0 "$TRIVIUM" new "$id" --dir "$T/packs" --lang "$lang"
  for f in pack.lua facts.lua tests.lua .luarc.json .luacheckrc; do
    [ -s "$T/packs/$id/$f" ] || bad "$id: no $f"
  done
  expect_rc "$id passes lint --strict as created" 0 "$TRIVIUM" lint --strict "$T/packs/$id"
  first=${lang%%,*}
  expect_rc "$id loads with its generated questions" 0 "$TRIVIUM" dump --plugins "$T/packs" --pack "$id" --seed 7 --lang "$first"
  if [ "$(grep -c '^[0-9]*\. \[' "$T/out")" == 3 ]; then ok "$id: one static and two generated questions"
  else bad "$id dump: $(head -c 300 "$T/out")"; fi
done
grep -qF -- '---@type trivium.Pack' "$T/packs/rivers-en-nl/pack.lua" && ok "pack.lua is annotated for LuaLS" || bad "no ---@type"
stub=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["workspace.library"][0])' "$T/packs/rivers-en/.luarc.json")
[ -f "$stub" ] && ok ".luarc.json points at an existing trivium.d.lua" || bad ".luarc.json points at '$stub'"
grep -q '"nl"' "$T/packs/rivers-en/pack.lua" && bad "an en-only pack mentions nl" || ok "an en-only pack is in English only"

echo "keep me" >"$T/packs/rivers-en/pack.lua"
expect_rc "an existing folder is refused" 1 "$TRIVIUM" new rivers-en --dir "$T/packs"
grep -qF "already exists; nothing was written" "$T/err" && ok "and says so" || bad "message: $(cat "$T/err")"
[ "$(cat "$T/packs/rivers-en/pack.lua")" == "keep me" ] && ok "and leaves it as it was" || bad "the folder was changed"
expect_rc "a bad id is a usage error" 2 "$TRIVIUM" new "Bad Id" --dir "$T/packs"
expect_rc "a bad --lang is a usage error" 2 "$TRIVIUM" new ok --dir "$T/packs" --lang fr
expect_rc "an id is required" 2 "$TRIVIUM" new --dir "$T/packs"

echo "$pass passed, $fail failed"
[ "$fail" == 0 ]
