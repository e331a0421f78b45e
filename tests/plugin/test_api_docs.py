#!/usr/bin/env python3
"""plugin.api-docs: the pack API's three descriptions must agree.

Usage: test_api_docs.py --worker PATH/trivium-pack-worker --source DIR

The three descriptions:

  worker  What the C code really exposes, asked from the built worker with
          `trivium-pack-worker --describe-api` (engine/plugin/worker/describe.c). It opens
          the sandbox a pack gets, runs no pack code, and prints as JSON: the globals
          (the allow-list behind the pack's _ENV in sandbox.c), the fields a pack can read
          from each global table (the libraries, `quiz` from api_quiz.c), the `ctx` that
          generate(ctx) receives and its `ctx.rng`, the fields convert.c reads from the
          pack, question and source tables, and the same listing of a plain Lua 5.4 state
          with every standard library. A name is "standard" when that plain state has it
          with the same type (math.random is standard even though Trivium replaces it).
          A pack cannot list these itself: _ENV and the libraries are empty proxies with
          hidden metatables, so pairs() finds nothing; hence the flag.
  docs    docs/pack-api.md, read with these rules. Fenced code blocks (examples) are
          skipped; names are only taken from `code spans` in the prose and tables.
          D1 Globals: the paragraph that starts with "Pack code gets:". In it, a code span
             holding a Lua identifier names a global a pack has, except in a sentence that
             starts with "There is no", whose identifiers name globals a pack must NOT
             have. Inside parentheses, identifiers after "without" name fields removed
             from the library just before the parenthesis (`string` (without `dump`));
             any other parenthesis is a note and is ignored (`setmetatable` (no `__gc`)).
          D2 A global that is a standard Lua library (`string`, `math`, ...) documents
             every field the plain Lua state has in that library, minus its "without"
             fields; the docs refer to the Lua manual for them.
          D3 A dotted path in any code span (`quiz.lang(t, code)`, `ctx.rng:int(1, 6)`;
             ':' counts as '.') whose root is a global from D1 or `ctx` documents each
             step of the path (ctx.rng and ctx.rng.int). Quoted strings inside a span are
             skipped, so `include("facts.lua")` names no field.
          D4 A Markdown table right after a marker comment `<!-- api: OBJECT -->` lists
             fields of OBJECT in its first column: the code span's leading identifier,
             after an optional leading "OBJECT." (`int(a, b)` is int, `ctx.rng` under
             `ctx` is rng). OBJECT is pack, question or source (the tables a pack
             returns) or ctx, ctx.rng (what generate receives), or a global table.
  stub    docs/trivium.d.lua (LuaLS), read line by line:
          S1 `---@class trivium.X` followed by `---@field NAME ...` lines (a trailing ?
             marks an optional field) lists the fields of the object CLASSES maps X to;
             plain `---` description lines may come between; any other line (a blank
             line, code, another `---@` tag) ends the class. A class missing from
             CLASSES fails the test: map new classes there.
          S2 Top-level statements declare globals and their fields: `NAME = ...` and
             `function NAME(...)` a global, `function A.B(...)`, `function A:B(...)`
             and `A.B = ...` field B of global A. Comments and indented lines are skipped.
          The stub declares Trivium's own names: LuaLS knows standard Lua already, so a
          standard name may be declared but need not be.

The checks: every name the worker exposes is in the docs, and in the stub unless it
is standard Lua; every name in the docs or the stub is exposed by the worker; no
global the docs say is absent is exposed. Names that start with "__" are internal
(the `__where` the quiz.* constructors add) and are skipped. Each discrepancy is one
FAIL line naming the function or field and the file that lacks it. Standard library
only; prints "ok: ..." / "FAIL: ..." lines and "N passed, M failed", exits 1 on failure.
"""

import argparse
import json
import os
import re
import subprocess
import sys

DOCS = "docs/pack-api.md"
STUB = "docs/trivium.d.lua"
WORKER = "the worker (engine/plugin/worker/*.c)"

# Stub classes (S1) -> the object whose fields they list. "@x" are the tables a pack
# returns (pack, question, source), read by convert.c.
CLASSES = {
    "trivium.Pack": "@pack",
    "trivium.Question": "@question",
    "trivium.Choice": "@question",
    "trivium.TrueFalse": "@question",
    "trivium.Numeric": "@question",
    "trivium.Order": "@question",
    "trivium.TextQuestion": "@question",
    "trivium.Source": "@source",
    "trivium.Context": "ctx",
    "trivium.Rng": "ctx.rng",
    "trivium.Test": "@tests",
    "trivium.SessionOptions": "@tests",
}
# What only a pack's tests.lua has (api_test.c adds it for tests.lua, not for pack code):
# declared in the stub for editors, and not part of the pack sandbox the worker describes.
TESTS_ONLY = {("_ENV", "test")}
# Docs table markers (D4) -> object. Other marker names are taken as a global table.
MARKERS = {"pack": "@pack", "question": "@question", "source": "@source"}
SCHEMA_WORDS = {"@pack": "pack table", "@question": "question", "@source": "source"}

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
PATH = re.compile(r"(?<![\w.:])([A-Za-z_]\w*)((?:[.:][A-Za-z_]\w*)+)")
SPAN = re.compile(r"`([^`\n]+)`")
QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")


def display(obj, field):
    """How a message names field of obj: global include, quiz.choice, ctx.rng.int,
    question field unit."""
    if obj == "_ENV":
        return f"global {field}"
    if obj.startswith("@"):
        return f"{SCHEMA_WORDS.get(obj, obj[1:])} field {field}"
    return f"{obj}.{field}"


class Names:
    """A set of (object, field) pairs, each with where it was found (for messages)."""

    def __init__(self):
        self.where = {}

    def add(self, obj, field, where=""):
        self.where.setdefault((obj, field), where)

    def __contains__(self, key):
        return key in self.where

    def keys(self):
        return set(self.where)


# ---------------------------------------------------------------- the worker

def read_worker(worker):
    """Runs the worker's --describe-api. Returns the names it exposes (a Names), the
    standard ones among them (a set of (object, field)), and the plain Lua state's
    objects {object: {field: type}} (for D2)."""
    out = subprocess.run([worker, "--describe-api"], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(f"{worker} --describe-api exited {out.returncode}: {out.stderr.strip()}")
    data = json.loads(out.stdout)
    lua = data["lua"]
    names, standard = Names(), set()
    for obj, fields in list(data["sandbox"].items()) + list(data["ctx"].items()):
        for field, typ in fields.items():
            names.add(obj, field)
            if obj in lua and lua[obj].get(field) == typ:
                standard.add((obj, field))
    for obj, fields in data["schema"].items():
        for field in fields:
            names.add("@" + obj, field)
    return names, standard, lua


# ---------------------------------------------------------------- the docs

def prose_lines(text):
    """The lines outside fenced code blocks, as (line number, text)."""
    fenced = False
    for n, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            yield n, line


def paragraphs(lines):
    """Groups (n, line) into paragraphs: (first line number, joined text)."""
    para, start = [], 0
    for n, line in list(lines) + [(0, "")]:
        if line.strip():
            if not para:
                start = n
            para.append(line.strip())
        elif para:
            yield start, " ".join(para)
            para = []


def read_globals_paragraph(text, lineno):
    """D1: returns (present, absent, without) from the 'Pack code gets:' paragraph, the
    first two as {name: line}, without as {library: {field: line}}."""
    spans = []

    def hold(m):
        spans.append(m.group(1))
        return f"\0{len(spans) - 1}\0"

    flat = SPAN.sub(hold, text)
    present, absent, without = {}, {}, {}
    for sentence in re.split(r"(?<=[.!?])\s+", flat):
        is_absent = re.match(r"There (is|are) no\b", sentence) is not None
        depth, paren_start, last = 0, 0, None
        for m in re.finditer(r"[()]|\0(\d+)\0", sentence):
            if m.group(0) == "(":
                if depth == 0:
                    paren_start = m.end()
                depth += 1
            elif m.group(0) == ")":
                depth = max(0, depth - 1)
            else:
                code = spans[int(m.group(1))]
                if not IDENT.fullmatch(code):
                    continue
                if depth == 0:
                    (absent if is_absent else present)[code] = lineno
                    last = code
                elif last and sentence[paren_start:].lstrip().startswith("without"):
                    without.setdefault(last, {})[code] = lineno
    return present, absent, without


def read_docs(source, lua):
    """Returns (names, absent, problems) for docs/pack-api.md."""
    path = DOCS
    with open(os.path.join(source, path), encoding="utf-8") as f:
        text = f.read()
    lines = list(prose_lines(text))
    names, problems = Names(), []

    # D1, D2
    found = [(n, p) for n, p in paragraphs(lines) if p.startswith("Pack code gets:")]
    if len(found) != 1:
        problems.append(f"{path}: expected one paragraph starting 'Pack code gets:' (the globals), "
                        f"found {len(found)}")
        present, absent, without = {}, {}, {}
    else:
        present, absent, without = read_globals_paragraph(found[0][1], found[0][0])
    for name, n in present.items():
        names.add("_ENV", name, f"{path}:{n}")
        if name in lua and name != "_ENV":  # a standard library: its fields minus "without"
            for field in lua[name]:
                if field not in without.get(name, {}):
                    names.add(name, field, f"{path}:{n} (the library `{name}`)")
    for lib, fields in without.items():
        for field, n in fields.items():
            if lib not in lua or field not in lua[lib]:
                problems.append(f"{path}:{n}: `{lib}` (without `{field}`): standard Lua has no {lib}.{field}")

    # D3
    for n, line in lines:
        for span in SPAN.findall(line):
            code = QUOTED.sub('""', span)
            for m in PATH.finditer(code):
                root = m.group(1)
                if root not in present and root != "ctx":
                    continue
                obj = root
                for step in re.split(r"[.:]", m.group(2))[1:]:
                    names.add(obj, step, f"{path}:{n}")
                    obj = f"{obj}.{step}"

    # D4
    marker = None
    for i, (n, line) in enumerate(lines):
        m = re.fullmatch(r"\s*<!--\s*api:\s*([\w.@-]+)\s*-->\s*", line)
        if m:
            marker = (MARKERS.get(m.group(1), m.group(1)), n)
            continue
        if marker is None or not line.strip():
            continue
        if not line.lstrip().startswith("|"):
            problems.append(f"{path}:{marker[1]}: the api marker is not followed by a table")
            marker = None
            continue
        obj, _ = marker
        marker = None
        prefix = obj + "."
        for n2, row in lines[i + 2:]:  # past the header and the |---| row
            if not row.lstrip().startswith("|"):
                break
            cell = row.strip().strip("|").split("|")[0]
            span = SPAN.search(cell)
            field = None
            if span:
                code = span.group(1)
                if code.startswith(prefix):
                    code = code[len(prefix):]
                m2 = IDENT.match(code)
                field = m2.group(0) if m2 else None
            if field is None:
                problems.append(f"{path}:{n2}: the table row names no field in a code span: {row.strip()}")
            else:
                names.add(obj, field, f"{path}:{n2}")
    return names, absent, problems


# ---------------------------------------------------------------- the stub

def read_stub(source):
    """Returns (names, problems) for docs/trivium.d.lua."""
    path = STUB
    names, problems = Names(), []
    cls = None
    with open(os.path.join(source, path), encoding="utf-8") as f:
        for n, line in enumerate(f.read().split("\n"), 1):
            m = re.match(r"---@class\s+([\w.]+)", line)
            if m:
                cls = m.group(1)
                if cls not in CLASSES:
                    problems.append(f"{path}:{n}: class {cls} is not mapped to an object; add it to "
                                    f"CLASSES in tests/plugin/test_api_docs.py")
                    cls = None
                continue
            m = re.match(r"---@field\s+([A-Za-z_]\w*)", line)
            if m and cls:
                names.add(CLASSES[cls], m.group(1), f"{path}:{n}")
                continue
            if line.startswith("---") and not line.startswith("---@"):
                continue  # a description line inside the class's comment block
            cls = None
            if line.startswith("--") or not line.strip() or line[0].isspace():
                continue
            m = (re.match(r"function\s+([A-Za-z_]\w*)[.:]([A-Za-z_]\w*)\s*\(", line)
                 or re.match(r"([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*=", line))
            if m:
                names.add(m.group(1), m.group(2), f"{path}:{n}")
                continue
            m = re.match(r"function\s+([A-Za-z_]\w*)\s*\(", line) or re.match(r"([A-Za-z_]\w*)\s*=[^=]", line)
            if m and m.group(1) not in ("local", "return"):
                names.add("_ENV", m.group(1), f"{path}:{n}")
    return names, problems


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker", required=True, help="the built trivium-pack-worker")
    ap.add_argument("--source", required=True, help="the source tree (for docs/)")
    args = ap.parse_args()
    passed, failed = 0, 0

    def report(title, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print(f"FAIL: {title}")
            for p in sorted(problems):
                print(f"  {p}")
        else:
            passed += 1
            print(f"ok: {title}")

    try:
        worker, standard, lua = read_worker(args.worker)
    except (OSError, RuntimeError, ValueError, KeyError, subprocess.SubprocessError) as e:
        report("ask the worker what it exposes (--describe-api)", [str(e)])
        print(f"{passed} passed, {failed} failed")
        return 1
    report("ask the worker what it exposes (--describe-api)",
           [] if ("_ENV", "quiz") in worker and ("quiz", "choice") in worker
           else ["the worker's description lacks quiz.choice: is --describe-api broken?"])

    docs, absent, doc_problems = read_docs(args.source, lua)
    stub, stub_problems = read_stub(args.source)
    report(f"{DOCS} can be read (rules at the top of tests/plugin/test_api_docs.py)", doc_problems)
    report(f"{STUB} can be read (rules at the top of tests/plugin/test_api_docs.py)", stub_problems)

    def internal(key):
        return key[1].startswith("__")

    wk = {k for k in worker.keys() if not internal(k)}
    problems = []
    for key in sorted(wk - docs.keys()):
        problems.append(f"{display(*key)}: missing from {DOCS}: {WORKER} exposes it")
    for key in sorted(docs.keys() - wk):
        if not internal(key):
            problems.append(f"{display(*key)}: documented at {docs.where[key]}, but {WORKER} does not expose it")
    for name, n in sorted(absent.items()):
        if ("_ENV", name) in worker:
            problems.append(f"{display('_ENV', name)}: {DOCS}:{n} says packs have no `{name}`, "
                            f"but {WORKER} exposes it")
    report(f"{DOCS} documents exactly what the worker exposes", problems)

    problems = []
    for key in sorted(wk - stub.keys() - standard):
        problems.append(f"{display(*key)}: missing from {STUB}: {WORKER} exposes it and it is not standard Lua")
    for key in sorted(stub.keys() - wk):
        if not internal(key) and key[0] != "@tests" and key not in TESTS_ONLY:
            problems.append(f"{display(*key)}: declared at {stub.where[key]}, but {WORKER} does not expose it")
    report(f"{STUB} declares exactly what the worker exposes beyond standard Lua", problems)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
