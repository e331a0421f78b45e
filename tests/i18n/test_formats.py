#!/usr/bin/env python3
"""i18n.formats: every UI string the code uses as a printf format is in the one table of
engine/i18n/formats.c, with as many conversions as the call passes arguments.

The loader refuses a .po file that disagrees with that table, so a key missing from it
would be formatted unchecked: a translated "%s" where the code passes an int is a crash.
usage: test_formats.py SOURCE_DIR"""
import glob
import os
import re
import sys

src = sys.argv[1]
table = dict(re.findall(r'\{"([a-z0-9_.]+)", "([ds]*)"\}',
                        open(os.path.join(src, "engine/i18n/formats.c")).read()))
call = re.compile(r'\b(?:sn|vsn|s|f|)printf\s*\(')
problems = 0
seen = 0
for path in sorted(glob.glob(os.path.join(src, "engine/ui/*.c")) + glob.glob(os.path.join(src, "engine/app/*.c"))):
    text = open(path, encoding="utf-8").read()
    for m in call.finditer(text):
        # The argument list, split at top-level commas.
        depth, i, args, cur = 1, m.end(), [], ""
        while i < len(text) and depth:
            c = text[i]
            if c == '"':
                j = i + 1
                while text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                cur += text[i:j + 1]
                i = j + 1
                continue
            depth += c in "([{"
            depth -= c in ")]}"
            if c == "," and depth == 1:
                args.append(cur.strip())
                cur = ""
            elif depth:
                cur += c
            i += 1
        args.append(cur.strip())
        fmt_at = 2 if text[m.start():m.end()].startswith(("snprintf", "vsnprintf")) else 1
        if text[m.start():m.end()].startswith("printf"):
            fmt_at = 0
        if len(args) <= fmt_at:
            continue
        k = re.fullmatch(r'(?:tv_game_text|tv_i18n_get)\s*\([^,]*,\s*"([^"]+)"\s*\)', args[fmt_at])
        if not k:
            continue
        seen += 1
        key, passed = k.group(1), len(args) - fmt_at - 1
        line = text.count("\n", 0, m.start()) + 1
        where = f"{os.path.relpath(path, src)}:{line}"
        if key not in table:
            print(f"{where}: '{key}' is used as a printf format but is not in engine/i18n/formats.c")
            problems += 1
        elif len(table[key]) != passed:
            print(f"{where}: '{key}' gets {passed} argument(s), formats.c lists \"{table[key]}\"")
            problems += 1
if seen < 10:
    print(f"only {seen} formatted strings found: the scan no longer matches the code")
    problems += 1
print(f"{seen} formatted UI strings checked, {problems} problem(s)")
sys.exit(1 if problems else 0)
