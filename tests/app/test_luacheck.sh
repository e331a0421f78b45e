#!/usr/bin/env bash
# app.luacheck: the repository's .luacheckrc lists exactly what the pack sandbox offers
# (compared with `trivium-pack-worker --describe-api`), luacheck passes on every shipped
# pack and on a pack `trivium new` makes (with the .luacheckrc it writes), and it flags
# the mistakes authors make (os, print, require, quiz.Choice) before the game runs.
# luacheck is Debian's lua-check; CI installs it here.
# usage: test_luacheck.sh TRIVIUM WORKER SOURCE_DIR
set -u
TRIVIUM=$1
WORKER=$2
SRC=$3
cd "$SRC" || exit 1
# shellcheck source=../../scripts/setup.sh
. scripts/setup.sh
set +e +o pipefail # setup.sh is written for scripts that stop at the first failure
command -v luacheck >/dev/null || trivium_install_packages lua-check
# shellcheck source=check.sh
. tests/app/check.sh

if ! command -v luacheck >/dev/null; then
  bad "luacheck is not installed (apt-get install lua-check)"
  echo "$pass passed, $fail failed"
  exit 1
fi

"$WORKER" --describe-api >"$T/api.json"
for rc in .luacheckrc; do
  if /usr/bin/python3 - "$T/api.json" "$rc" <<'PY'
import json, re, sys
api = json.load(open(sys.argv[1]))["sandbox"]
text = open(sys.argv[2]).read()
block = text[text.index("read_globals = {"):]
depth, end = 0, 0
for i, ch in enumerate(block):
    depth += ch == "{"
    depth -= ch == "}"
    if ch == "}" and depth == 0:
        end = i
        break
block = re.sub(r"--[^\n]*", "", block[len("read_globals = {"):end])
have = {}
for name, fields in re.findall(r"(\w+)\s*=\s*\{\s*fields\s*=\s*\{([^}]*)\}\s*\}", block):
    have[name] = set(re.findall(r'"(\w+)"', fields))
rest = re.sub(r"(\w+)\s*=\s*\{\s*fields\s*=\s*\{([^}]*)\}\s*\}", "", block)
for name in re.findall(r'"(\w+)"', rest):
    have.setdefault(name, None)
want = set(api["_ENV"])
problems = []
if set(have) != want:
    problems.append("globals: missing %s, extra %s" % (sorted(want - set(have)), sorted(set(have) - want)))
for lib, fields in have.items():
    if fields is not None and lib in api and fields != set(api[lib]):
        problems.append("%s: missing %s, extra %s" % (lib, sorted(set(api[lib]) - fields), sorted(fields - set(api[lib]))))
for lib in api:
    if lib != "_ENV" and lib in have and have[lib] is None:
        problems.append("%s lists no fields" % lib)
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
  then ok "$rc lists exactly the sandbox's globals and fields"; else bad "$rc differs from the sandbox"; fi
done

if luacheck --no-color plugins >"$T/out" 2>&1; then ok "luacheck passes on every shipped pack"
else bad "luacheck on plugins: $(tail -20 "$T/out")"; fi

"$TRIVIUM" new scaffold --dir "$T" >/dev/null
if (cd "$T/scaffold" && luacheck --no-color . >"$T/out" 2>&1); then ok "luacheck passes on a pack trivium new makes"
else bad "luacheck on the scaffold: $(tail -20 "$T/out")"; fi

mkdir -p "$T/slips"
cp .luacheckrc "$T/slips/"
cat >"$T/slips/pack.lua" <<'LUA'
local facts = require("facts")
print(facts)
return { id = "slips", t = os.time(), questions = { quiz.Choice { id = "a" } } }
LUA
(cd "$T/slips" && luacheck --no-color pack.lua >"$T/out" 2>&1)
for want in "accessing undefined variable 'require'" "accessing undefined variable 'print'" \
  "accessing undefined variable 'os'" "accessing undefined field 'Choice' of global 'quiz'"; do
  if grep -qF "$want" "$T/out"; then ok "luacheck flags: $want"; else bad "luacheck misses $want: $(cat "$T/out")"; fi
done

finish
