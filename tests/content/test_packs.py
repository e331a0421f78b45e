#!/usr/bin/env python3
"""Content tests for one shipped question pack (issue 4).

Usage: test_packs.py --trivium PATH --source DIR --pack ID

Runs the trivium binary against DIR/plugins only (never the installed packs or
$TRIVIUM_PLUGIN_PATH) and checks the pack's questions as players see them:
lint, shown options, translations, sources, scoring and answer keys, variety, and the
balance of answer lengths and True/False answers.
Prints one line per check ("ok: ...", "FAIL: ..." with details indented below, or
"skip: ..." for a check that does not apply to this pack) and ends with
"N passed, M failed, K skipped"; exits 1 when anything failed.
Standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import tempfile
import sys
import unicodedata
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

SEEDS = range(1, 41)          # dump seeds for checks 2, 3, 5 and 6
VARIETY_SEEDS = range(1, 21)  # seeds compared pairwise for session variety
LANGS = ("en", "nl")
MIN_DISTINCT = 25             # distinct (prompt, answer) pairs over SEEDS, in en
RUN_TIMEOUT = 60              # seconds for any single trivium run
MAX_DETAILS = 40              # detail lines printed under one failing check
ALL_TYPES = {"choice", "truefalse", "numeric", "order", "text"}  # docs/pack-api.md
MAX_LONGEST_SHARE = 0.40      # choice questions whose answer is the longest option (ties count)
TRUE_SHARE = (0.40, 0.60)     # true/false questions whose answer is True

# Prompts or explanations that may legitimately read the same in en and nl, as
# (pack, question id, field). Keep this tiny: an entry needs a reason.
LANGUAGE_NEUTRAL = {
}

BASE_POINTS = {1: 1000, 2: 1500, 3: 2000}
STREAK_STEP, STREAK_CAP = 100, 5


# ---------------------------------------------------------------- helpers

def fold(text):
    """Compare form: NFKD, combining marks stripped, case-folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def typed_plain(text):
    """What a player without an accent key types: no diacritics, lower case."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def blank(value):
    return not isinstance(value, str) or value.strip() == ""


def number_text(x):
    """A number as the answer-script parser takes it: plain decimal, no exponent."""
    if isinstance(x, int) or float(x).is_integer():
        return str(int(x))
    text = "{:.12f}".format(x).rstrip("0")
    return text if not text.endswith(".") else text + "0"


class Trivium:
    def __init__(self, exe, source, pack):
        self.exe = exe
        self.source = source
        self.pack = pack
        self.plugins = os.path.join(source, "plugins")
        self.env = {k: v for k, v in os.environ.items() if k != "TRIVIUM_PLUGIN_PATH"}
        # headless keeps pack results in a cache: this run's own, never the home folder's
        self.cache = tempfile.TemporaryDirectory(prefix="trivium-cache-")
        self.env["TRIVIUM_CACHE_DIR"] = self.cache.name

    def run(self, args, stdin=None, exe=None):
        """Runs trivium (or exe) in the source tree; returns (exit code, stdout bytes, stderr text)."""
        try:
            p = subprocess.run([exe or self.exe] + args, cwd=self.source, env=self.env, input=stdin,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, b"", "timed out after %d s" % RUN_TIMEOUT
        except OSError as e:
            return None, b"", str(e)
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace").strip()

    def run_json(self, args, stdin=None):
        """Runs a --format json command; returns (data, None) or (None, problem)."""
        rc, out, err = self.run(args, stdin)
        if rc != 0:
            return None, "trivium %s: exit %s: %s" % (" ".join(args), rc, err[-500:])
        try:
            return json.loads(out.decode("utf-8")), None
        except (UnicodeDecodeError, ValueError) as e:
            return None, "trivium %s: bad JSON: %s" % (" ".join(args), e)

    def dump(self, seed, lang):
        return self.run_json(["dump", "--plugins", self.plugins, "--pack", self.pack, "--seed", str(seed),
                              "--lang", lang, "--format", "json"])

    def headless(self, seed, lang, count, script):
        return self.run_json(["headless", "--plugins", self.plugins, "--pack", self.pack, "--seed", str(seed),
                              "--lang", lang, "--count", str(count), "--answers", "-", "--format", "json"],
                             stdin=script.encode("utf-8"))

    def worker(self):
        """Loads the pack through the pack worker; returns (data, None) or (None, problem)."""
        folder = "plugins/" + self.pack
        rc, out, err = self.run(["--dir", folder, "--display", folder, "--seed", "1", "--lang", "en"],
                                exe=os.path.join(os.path.dirname(self.exe), "trivium-pack-worker"))
        if rc != 0:
            return None, "pack-worker: exit %s: %s" % (rc, err[-500:])
        pos = 0
        while pos < len(out):
            nl = out.find(b"\n", pos)
            if nl < 0:
                break
            line = out[pos:nl].decode("utf-8", "replace")
            pos = nl + 1
            if line.startswith("phase "):
                continue
            m = re.fullmatch(r"data (\d+)", line)
            if not m:
                return None, "pack-worker: unexpected line %r" % line[:200]
            body = out[pos:pos + int(m.group(1))]
            try:
                return json.loads(body.decode("utf-8")), None
            except (UnicodeDecodeError, ValueError) as e:
                return None, "pack-worker: bad JSON: %s" % e
        return None, "pack-worker: no data line in its output"


def group_run_errors(failures, total):
    """[(label, message)] -> one line per distinct message, listing the runs it hit."""
    by_msg = {}
    for label, msg in failures:
        msg = re.sub(r"--seed \d+ --lang \w+ (--count \d+ )?", "", msg)
        by_msg.setdefault(msg, []).append(label)
    lines = []
    for msg, labels in by_msg.items():
        shown = "every run" if len(labels) == total else "seed lang: " + ", ".join(labels[:10]) + (
            ", ..." if len(labels) > 10 else "")
        lines.append("%s (%s)" % (msg, shown))
    return lines


class Report:
    def __init__(self, pack):
        self.pack = pack
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def check(self, ok, what, details=()):
        details = sorted(set(details)) if details else []
        if ok:
            self.passed += 1
            print("ok: %s: %s" % (self.pack, what))
        else:
            self.failed += 1
            print("FAIL: %s: %s" % (self.pack, what))
            for d in details[:MAX_DETAILS]:
                print("    - " + d)
            if len(details) > MAX_DETAILS:
                print("    - ... and %d more" % (len(details) - MAX_DETAILS))
        sys.stdout.flush()

    def skip(self, what, why):
        """A check that does not apply to this pack: counted apart, never as a pass."""
        self.skipped += 1
        print("skip: %s: %s (%s)" % (self.pack, what, why))
        sys.stdout.flush()

    def summary(self):
        return "%d passed, %d failed, %d skipped" % (self.passed, self.failed, self.skipped)


# ---------------------------------------------------------------- checks

def check_lint(tv, rep):
    rc, out, err = tv.run(["lint", "--strict", "plugins/" + tv.pack])
    lines = [l for l in out.decode("utf-8", "replace").splitlines() if l.strip()]
    problems = lines + ([] if rc == 0 else ["exit %s: %s" % (rc, err[-500:])])
    rep.check(rc == 0 and not lines, "lint --strict plugins/%s is clean" % tv.pack, problems)


def check_shown(dumps, rep, pack):
    """Check 2: shown options, empty strings, source/explain present (both languages)."""
    dup_problems, empty_problems, missing_problems = [], [], []
    for (seed, lang), d in dumps.items():
        for q in d["questions"]:
            qid, qtype = q.get("id", "?"), q.get("type")
            where = "%s %s (%s)" % (pack, qid, lang)
            # Options as shown: distinct, the answer exactly once, the key pointing at it.
            shown = q.get("options") if qtype in ("choice", "truefalse") else q.get("items")
            if qtype in ("choice", "truefalse", "order"):
                if not isinstance(shown, list) or len(shown) < 2:
                    dup_problems.append("%s: fewer than two options shown" % where)
                    shown = []
                folded = [fold(o) for o in shown if isinstance(o, str)]
                seen = set()
                for o in folded:
                    if o in seen:
                        dup_problems.append("%s: option %r shown twice" % (where, o))
                    seen.add(o)
            if qtype in ("choice", "truefalse"):
                ans = q.get("answer")
                n = sum(1 for o in shown if isinstance(o, str) and isinstance(ans, str) and fold(o) == fold(ans))
                if n != 1:
                    dup_problems.append("%s: answer %r is among the shown options %d times" % (where, ans, n))
                key = q.get("key", "")
                k = ord(key) - ord("A") if isinstance(key, str) and len(key) == 1 else -1
                if not 0 <= k < len(shown) or shown[k] != ans:
                    dup_problems.append("%s: key %r does not point at the answer" % (where, key))
            if qtype == "order":
                ans, key = q.get("answer"), q.get("key", "")
                if not isinstance(ans, list) or sorted(map(str, ans)) != sorted(map(str, shown)):
                    dup_problems.append("%s: answer is not a reordering of the shown items" % where)
                elif len(key) != len(ans) or any(not 0 <= ord(c) - 65 < len(shown) or shown[ord(c) - 65] != a
                                                for c, a in zip(key, ans)):
                    dup_problems.append("%s: key %r does not spell the answer" % (where, key))
            # No empty text anywhere a player reads it.
            for field in ("prompt", "explain", "category"):
                if field in q and blank(q[field]):
                    empty_problems.append("%s: empty %s" % (where, field))
            for field in ("options", "items"):
                for i, o in enumerate(q.get(field) or []):
                    if blank(o):
                        empty_problems.append("%s: empty %s[%d]" % (where, field, i))
            ans = q.get("answer")
            if qtype != "numeric":
                answers = ans if isinstance(ans, list) else [ans]
                if not answers or any(blank(a) for a in answers):
                    empty_problems.append("%s: empty answer" % where)
            elif not isinstance(ans, (int, float)) or isinstance(ans, bool):
                empty_problems.append("%s: numeric answer %r is not a number" % (where, ans))
            for field in ("source", "explain", "prompt"):
                if blank(q.get(field)):
                    missing_problems.append("%s: no %s" % (where, field))
    n = len(dumps)
    rep.check(not dup_problems, "shown options are distinct and hold the answer once (%d dumps)" % n, dup_problems)
    rep.check(not empty_problems, "no empty prompt/option/item/answer/explain/category", empty_problems)
    rep.check(not missing_problems, "every question has a source and an explanation", missing_problems)


def check_translations(dumps, rep, pack):
    problems, compared = [], set()
    for seed in SEEDS:
        en, nl = dumps.get((seed, "en")), dumps.get((seed, "nl"))
        if not en or not nl:
            continue
        nl_by_id = {q.get("id"): q for q in nl["questions"]}
        for q in en["questions"]:
            other = nl_by_id.get(q.get("id"))
            if other is None:
                continue
            compared.add(q.get("id"))
            for field in ("prompt", "explain"):
                if (pack, q.get("id"), field) in LANGUAGE_NEUTRAL:
                    continue
                if q.get(field) == other.get(field):
                    problems.append("%s %s: %s is the same in en and nl: %r" % (pack, q.get("id"), field,
                                                                               (q.get(field) or "")[:80]))
    rep.check(not problems, "prompt and explanation translated to nl (%d question ids compared)" % len(compared),
              problems)


URL_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}
PATH_IN_TEXT = re.compile(r"(?:^|[\s(\"'])(?:~|\.{1,2})?/(?:[^/\s]+/)+|^[A-Za-z]:[\\/]|\\\\|^file:", re.I)
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_sources(worker, dumps, rep, pack):
    sources = worker.get("sources") or []
    keys = {s.get("key") for s in sources}
    used, unknown = set(), []
    questions = [(q, "pack-worker") for q in worker.get("questions") or []]
    questions += [(q, "seed %d %s" % sk) for sk, d in dumps.items() for q in d["questions"]]
    for q, where in questions:
        src = q.get("source")
        used.add(src)
        if src not in keys:
            unknown.append("%s %s: source %r is not in the sources table" % (pack, q.get("id"), src))
    rep.check(not unknown and bool(keys), "every question's source is in the sources table (%d sources)" % len(keys),
              unknown or ["%s: the sources table is empty" % pack])
    unused = ["%s: source %r is used by no question" % (pack, k) for k in keys - used]
    rep.check(not unused, "every source is used", unused)

    bad = []
    for s in sources:
        k = s.get("key")
        if blank(s.get("publisher")) and blank(s.get("title")):
            bad.append("%s source %r: neither publisher nor title" % (pack, k))
        if blank(s.get("url")) and blank(s.get("date")):
            bad.append("%s source %r: neither url nor date" % (pack, k))
        url = s.get("url")
        if isinstance(url, str) and url.strip():
            u = urllib.parse.urlsplit(url.strip())
            if u.scheme not in ("http", "https") or not u.hostname or u.hostname in URL_LOCAL_HOSTS:
                bad.append("%s source %r: url %r is not a public http(s) address" % (pack, k, url))
        date = s.get("date")
        if isinstance(date, str) and date.strip() and not DATE.fullmatch(date.strip()):
            bad.append("%s source %r: date %r is not YYYY-MM-DD" % (pack, k, date))
        for field in ("publisher", "title", "date", "key"):
            v = s.get(field)
            if isinstance(v, str) and PATH_IN_TEXT.search(v):
                bad.append("%s source %r: %s %r looks like a local path" % (pack, k, field, v))
    rep.check(not bad, "sources name a publisher or title and a url or date, no local paths", bad)


def expected_max(questions):
    total = 0
    for n, q in enumerate(questions, 1):
        total += BASE_POINTS[q["difficulty"]] + STREAK_STEP * min(n - 1, STREAK_CAP)
    return total


def answer_line(q, plain_text=False):
    t, a = q["type"], q["answer"]
    if t == "choice":
        line = "=" + a
    elif t in ("truefalse", "order"):
        line = q["key"]
    elif t == "numeric":
        line = number_text(a)
    elif t == "text":
        first = a[0] if isinstance(a, list) else a
        line = "=" + (typed_plain(first) if plain_text else first)
    else:
        raise ValueError("unknown question type %r" % t)
    return line + " @0"


def check_scoring(tv, pool, dumps, rep, pack):
    """Check 4: all `correct` at time 0 scores the documented maximum."""
    jobs = {}
    for seed in SEEDS:
        d = dumps.get((seed, "en"))
        if d and d["questions"]:
            n = len(d["questions"])
            jobs[seed] = (d, pool.submit(tv.headless, seed, "en", n, "correct @0\n" * n))
    problems, failed_runs = [], []
    for seed, (d, fut) in sorted(jobs.items()):
        res, err = fut.result()
        if err:
            failed_runs.append(("%d en" % seed, err))
            continue
        n = len(d["questions"])
        want = expected_max(d["questions"])
        if res.get("total") != want or res.get("correct") != res.get("asked") or res.get("asked") != n:
            problems.append("seed %d: total %s (expected %d), correct %s, asked %s (expected %d)" % (
                seed, res.get("total"), want, res.get("correct"), res.get("asked"), n))
        asked_ids = [q.get("id") for q in res.get("questions", [])]
        if asked_ids != [q["id"] for q in d["questions"]]:
            problems.append("seed %d: headless asked the questions in another order than dump shows" % seed)
    problems += group_run_errors(failed_runs, len(jobs))
    ok = not problems and len(jobs) == len(SEEDS)
    if len(jobs) != len(SEEDS):
        problems.append("%d of %d seeds had no dump to play" % (len(SEEDS) - len(jobs), len(SEEDS)))
    rep.check(ok, "all-correct sessions score the documented maximum (%d seeds, en)" % len(jobs), problems)


def check_answer_keys(tv, pool, dumps, rep, pack):
    """Check 5: answering with the key's own text is right; typed text folds."""
    for plain in (False, True):
        jobs, problems, folded, failed_runs = [], [], set(), []
        for (seed, lang), d in sorted(dumps.items()):
            qs = d["questions"]
            if not qs:
                continue
            try:
                script = "".join(answer_line(q, plain) + "\n" for q in qs)
            except (KeyError, IndexError, TypeError, ValueError) as e:
                problems.append("seed %d %s: cannot build an answer script: %s" % (seed, lang, e))
                continue
            if plain:
                folded |= {(lang, q["id"]) for q in qs if q["type"] == "text" and
                           answer_line(q, True) != answer_line(q, False).lower()}
            jobs.append((seed, lang, d, pool.submit(tv.headless, seed, lang, len(qs), script)))
        for seed, lang, d, fut in jobs:
            res, err = fut.result()
            if err:
                failed_runs.append(("%d %s" % (seed, lang), err))
                continue
            for r in res.get("questions", []):
                if not r.get("correct"):
                    problems.append("%s %s (%s): answering %r is judged %s" % (
                        pack, r.get("id"), lang, r.get("given"), r.get("verdict")))
            if res.get("correct") != res.get("asked") or res.get("asked") != len(d["questions"]):
                problems.append("seed %d %s: correct %s of %s asked (%d questions)" % (
                    seed, lang, res.get("correct"), res.get("asked"), len(d["questions"])))
        problems += group_run_errors(failed_runs, len(jobs))
        what = ("typed text answers without diacritics, in lower case, are right (%d sessions, %d answers "
                "that lose diacritics)" % (len(jobs), len(folded))
                if plain else "answering with the answer key's own text is right (%d sessions)" % len(jobs))
        rep.check(not problems and bool(jobs), what, problems)


def check_variety(worker, dumps, rep, pack):
    en = [dumps[(s, "en")] for s in SEEDS if (s, "en") in dumps]
    distinct = {(q["prompt"], json.dumps(q["answer"], ensure_ascii=False)) for d in en for q in d["questions"]}
    if pack == "example":
        # The example is a template, too small for MIN_DISTINCT; what it must show is a
        # generator whose questions change with the seed.
        static = (worker or {}).get("static_count")
        if static is None:
            rep.skip("its generator varies with the seed", "the pack-worker did not report its static questions")
        else:
            rep.check(len(distinct) > static, "its generator varies with the seed: %d distinct questions over "
                      "seeds %d..%d, %d of them static (en)" % (len(distinct), SEEDS[0], SEEDS[-1], static),
                      ["%s: %d distinct (prompt, answer) pairs, no more than its %d static questions" % (
                          pack, len(distinct), static)])
    else:
        rep.check(len(distinct) >= MIN_DISTINCT, "%d distinct questions over seeds %d..%d (en; at least %d)" % (
            len(distinct), SEEDS[0], SEEDS[-1], MIN_DISTINCT),
            ["%s: only %d distinct (prompt, answer) pairs" % (pack, len(distinct))])
    types = {q["type"] for d in en for q in d["questions"]}
    levels = {q["difficulty"] for d in en for q in d["questions"]}
    if pack == "example":
        # docs/pack-api.md and README.md say the example uses every question type.
        rep.check(ALL_TYPES <= types, "uses every question type (%s)" % ",".join(sorted(types)),
                  ["%s: never shows a %s question" % (pack, t) for t in ALL_TYPES - types])
        rep.skip("has difficulties 1, 2 and 3 (%s)" % ",".join(map(str, sorted(levels))),
                 "not asked of the example pack")
    else:
        rep.check(len(types) >= 3, "uses at least 3 question types (%s)" % ",".join(sorted(types)),
                  ["%s: only %d question types" % (pack, len(types))])
        rep.check({1, 2, 3} <= levels, "has difficulties 1, 2 and 3 (%s)" % ",".join(map(str, sorted(levels))),
                  ["%s: difficulty %d is never used" % (pack, l) for l in {1, 2, 3} - levels])
    # Asked of every pack: a static pack's dump is shuffled by the seed too, so a
    # session that ignored the seed fails here with or without a generator.
    seeds = [s for s in VARIETY_SEEDS if (s, "en") in dumps]
    firsts = [tuple(q["id"] for q in dumps[(s, "en")]["questions"][:10]) for s in seeds]
    pairs = same = 0
    same_pairs = []
    for i in range(len(firsts)):
        for j in range(i + 1, len(firsts)):
            pairs += 1
            if firsts[i] == firsts[j]:
                same += 1
                same_pairs.append("seeds %d and %d give the same first 10 questions" % (seeds[i], seeds[j]))
    rep.check(pairs > 0 and same * 10 < pairs,
              "different seeds give different 10-question sessions (%d of %d pairs identical)" % (same, pairs),
              same_pairs)


def check_balance(dumps, rep, pack):
    """Patterns a player could game, over every question asked in SEEDS, per language:
    the answer being the longest option (a tie counts as longest) and True answers."""
    if pack == "example":
        rep.skip("answer-length and True/False balance", "not asked of the example pack")
        return
    for lang in LANGS:
        sessions = [dumps[(s, lang)] for s in SEEDS if (s, lang) in dumps]
        choice = [q for d in sessions for q in d["questions"] if q["type"] == "choice"]
        longest = [q for q in choice
                   if len(q["answer"]) >= max(len(o) for o in q["options"] if o != q["answer"])]
        tf = [q for d in sessions for q in d["questions"] if q["type"] == "truefalse"]
        true = [q for q in tf if q.get("key") == "A"]
        if choice:
            share = len(longest) / len(choice)
            worst = {}
            for q in longest:
                worst[q["id"]] = worst.get(q["id"], 0) + 1
            rep.check(share <= MAX_LONGEST_SHARE,
                      "the answer is the longest option in %.0f%% of choice questions asked (%s, %d seeds; at most "
                      "%.0f%%)" % (100 * share, lang, len(sessions), 100 * MAX_LONGEST_SHARE),
                      ["%s %s: answer is the longest option in %d of its askings" % (pack, i, n)
                       for i, n in sorted(worst.items(), key=lambda x: -x[1])])
        else:
            rep.skip("answer-length balance (%s)" % lang, "no choice questions")
        if tf:
            share = len(true) / len(tf)
            rep.check(TRUE_SHARE[0] <= share <= TRUE_SHARE[1],
                      "%.0f%% of true/false answers asked are True (%s, %d seeds; %.0f-%.0f%%)" % (
                          100 * share, lang, len(sessions), 100 * TRUE_SHARE[0], 100 * TRUE_SHARE[1]),
                      ["%s: %d of %d true/false answers are True" % (pack, len(true), len(tf))])
        else:
            rep.skip("True/False balance (%s)" % lang, "no true/false questions")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trivium", required=True, help="the trivium binary")
    ap.add_argument("--source", required=True, help="the repository root (holds plugins/)")
    ap.add_argument("--pack", required=True, help="the pack id (its folder under plugins/)")
    args = ap.parse_args()
    exe = os.path.abspath(args.trivium)
    source = os.path.abspath(args.source)
    pack = args.pack
    rep = Report(pack)
    if not re.fullmatch(r"[a-z0-9.-]+", pack) or not os.path.isfile(os.path.join(source, "plugins", pack,
                                                                                   "pack.lua")):
        rep.check(False, "pack folder plugins/%s/pack.lua exists under %s" % (pack, source))
        print(rep.summary())
        return 1
    tv = Trivium(exe, source, pack)

    with ThreadPoolExecutor(max_workers=max(2, min(8, 2 * (os.cpu_count() or 2)))) as pool:
        dump_jobs = {(s, lang): pool.submit(tv.dump, s, lang) for s in SEEDS for lang in LANGS}
        worker_job = pool.submit(tv.worker)
        check_lint(tv, rep)

        dumps, failed_runs = {}, []
        for key, fut in sorted(dump_jobs.items()):
            d, err = fut.result()
            if not err and (d.get("packs") != [pack] or not isinstance(d.get("questions"), list)
                            or not d["questions"]):
                err = "dump shows packs %r and %d questions" % (d.get("packs"), len(d.get("questions") or []))
            if err:
                failed_runs.append(("%d %s" % key, err))
            else:
                dumps[key] = d
        dump_errors = group_run_errors(failed_runs, len(dump_jobs))
        rep.check(not dump_errors, "dump --format json works for seeds %d..%d in en and nl (%d runs)" % (
            SEEDS[0], SEEDS[-1], len(dump_jobs)), dump_errors)

        worker, werr = worker_job.result()
        if werr or not worker.get("ok"):
            diags = [json.dumps(x, ensure_ascii=False) for x in (worker or {}).get("diagnostics") or []]
            rep.check(False, "pack-worker loads the pack", [werr] if werr else diags)
            worker = worker or {}
        else:
            rep.check(True, "pack-worker loads the pack (%d static + %d generated questions)" % (
                worker.get("static_count", 0), worker.get("generated_count", 0)))

        if dumps:
            check_shown(dumps, rep, pack)
            check_translations(dumps, rep, pack)
            if worker:
                check_sources(worker, dumps, rep, pack)
            check_scoring(tv, pool, dumps, rep, pack)
            check_answer_keys(tv, pool, dumps, rep, pack)
            check_variety(worker, dumps, rep, pack)
            check_balance(dumps, rep, pack)

    print(rep.summary())
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main())
