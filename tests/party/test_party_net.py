#!/usr/bin/python3
"""party.net: `trivium party --no-window` with real phones (python3-websockets) on loopback.

300 phones join and answer every question of a short round. Some drop and resume
mid-question, some send garbage, oversized, binary and duplicate frames, one answers
late; the trivium-party-server child is killed mid-round and the game must start it
again while the phones resume. Afterwards: every answer sent got `accepted` or an error
with a documented code, none was counted twice, every phone got its results, and the
--record folder replays with `trivium headless` to exactly the totals the phones saw.
Also: a foreign Origin and a foreign Host are refused, GET / serves the page.
"""
import argparse
import asyncio
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time

import websockets

CODES = {"bad-message", "too-large", "rate", "bad-room", "not-joined", "unknown-token", "wrong-question",
         "late", "already-answered", "locked", "full", "banned", "bad-answer", "paused", "kicked", "no-lifeline"}
N = int(os.environ.get("PARTY_PHONES", "300"))
LATE = 4          # answers question 2 only after its reveal
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def answer_for(i, m):
    kind = m["kind"]
    if i % 23 == 0:
        return "skip"
    if kind in ("choice", "truefalse"):
        return chr(65 + i % len(m["options"]))
    if kind == "order":
        n = len(m["items"])
        return "".join(chr(65 + (k + i) % n) for k in range(n))
    if kind == "numeric":
        return str(i % 40)
    return "=guess %d" % (i % 3)


class Phone:
    def __init__(self, i, host, room):
        self.i, self.host, self.room = i, host, room
        self.token = None
        self.sent = {}        # question -> answer token sent
        self.accepted = {}    # question -> accepted message
        self.errors = []      # error codes received
        self.refused = {}     # question -> error code
        self.reveals = {}
        self.results = None
        self.seat = None
        self.dropped = False
        self.reconnects = 0
        self.close = None

    async def run(self):
        while self.results is None:
            try:
                async with websockets.connect("ws://%s/ws" % self.host, origin="http://%s" % self.host,
                                              open_timeout=10, max_size=2 ** 20) as ws:
                    if self.token:
                        await ws.send(json.dumps({"type": "resume", "token": self.token}))
                    else:
                        await ws.send(json.dumps({"type": "join", "room": self.room, "name": "bot %d" % self.i}))
                    async for raw in ws:
                        if await self.on(ws, json.loads(raw)):
                            # the host closes every socket with a reason once it is over
                            try:
                                await asyncio.wait_for(ws.wait_closed(), 10)
                            except asyncio.TimeoutError:
                                pass
                            self.close = (ws.close_code, ws.close_reason)
                            return
            except (websockets.ConnectionClosed, OSError, asyncio.TimeoutError,
                    websockets.InvalidHandshake):
                self.reconnects += 1
                await asyncio.sleep(0.05 + (self.i % 10) * 0.01)

    async def send_answer(self, ws, q, t0):
        a = self.sent[q]
        msg = {"type": "answer", "question": q, "answer": a,
               "elapsed_ms": int((time.monotonic() - t0) * 1000)}
        await ws.send(json.dumps(msg))
        if self.i % 10 == 3:  # a duplicate frame
            await ws.send(json.dumps(msg))

    async def on(self, ws, m):
        t = m["type"]
        if os.environ.get("PARTY_DEBUG") and self.i == int(os.environ.get("PARTY_DEBUG")):
            print("phone 2 <-", m, file=sys.stderr)
        if t == "welcome":
            self.token, self.seat = m["token"], m["seat"]
            # what was in flight when the socket died is sent again: answers are idempotent
            for q, a in self.sent.items():
                if q not in self.accepted and q not in self.refused:
                    await ws.send(json.dumps({"type": "answer", "question": q, "answer": a}))
            if self.i % 10 == 2 and not {"bad-message", "too-large", "wrong-question"} <= set(self.errors):
                await ws.send("{not json")
                await ws.send(json.dumps({"type": "join", "room": self.room, "name": "x" * 5000}))
                await ws.send(b"\x00\x01binary")
                await ws.send(json.dumps({"type": "answer", "question": 99, "answer": "A"}))
        elif t == "question":
            q = m["index"]
            t0 = time.monotonic()
            if q == 2 and self.i == LATE:
                return False
            if q not in self.sent:
                self.sent[q] = answer_for(self.i, m)
                await asyncio.sleep((self.i % 20) * 0.005)
                await self.send_answer(ws, q, t0)
                if q == 2 and self.i % 10 == 1 and not self.dropped:
                    # drop right after answering, before `accepted` can arrive: resume
                    self.dropped = True
                    await ws.close()
            elif q not in self.accepted:
                await self.send_answer(ws, q, t0)  # resend after a resume: idempotent
        elif t == "accepted":
            q = m["question"]
            if self.sent.get(q) is None:
                fail("phone %d: accepted for question %d it never answered" % (self.i, q))
            self.accepted[q] = m
        elif t == "error":
            if m.get("code") not in CODES or not m.get("message"):
                fail("phone %d: error without a documented code: %r" % (self.i, m))
            self.errors.append(m["code"])
            if "question" in m and m["question"] in self.sent:
                self.refused[m["question"]] = m["code"]
        elif t == "reveal":
            self.reveals[m["index"]] = m
            if m["index"] == 2 and self.i == LATE and 2 not in self.sent:
                self.sent[2] = "A"
                await ws.send(json.dumps({"type": "answer", "question": 2, "answer": "A"}))
        elif t == "results":
            self.results = m
            return True
        return False


def server_children(pid):
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def http(host, port, host_header, path="/"):
    s = socket.create_connection((host, port), timeout=5)
    s.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (path, host_header)).encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return data.decode("latin-1")


async def refused(host, origin):
    try:
        async with websockets.connect("ws://%s/ws" % host, origin=origin, open_timeout=5):
            return False
    except (websockets.InvalidHandshake, websockets.ConnectionClosed, OSError):
        return True


async def main_async(args, proc, host, room):
    ip, port = host.split(":")
    # safety: Origin and Host
    if not await refused(host, "http://evil.example"):
        fail("a foreign Origin opened a socket")
    if "200 OK" not in http(ip, int(port), host).split("\r\n")[0]:
        fail("GET / with the right Host did not answer 200")
    if " 403" not in http(ip, int(port), "evil.example:%s" % port).split("\r\n")[0]:
        fail("GET / with a foreign Host (DNS rebinding) was not refused")

    phones = [Phone(i, host, room) for i in range(N)]
    tasks = [asyncio.create_task(p.run()) for p in phones]
    # kill the server once the first question is open and some answers are in
    killed = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if sum(1 for p in phones if 1 in p.accepted) >= N // 3:
            kids = server_children(proc.pid)
            if kids:
                killed = kids[0]
                os.kill(killed, signal.SIGKILL)
            break
        await asyncio.sleep(0.01)
    if killed is None:
        fail("never got to kill the server mid-question")
    done, pending = await asyncio.wait(tasks, timeout=120)
    for t in pending:
        t.cancel()
    if pending:
        fail("%d phones never got their results" % len(pending))
    restarted = [k for k in server_children(proc.pid) if k != killed]
    return phones, killed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trivium", required=True)
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    rec = tempfile.mkdtemp(prefix="party-rec-")
    common = ["--seed", "11", "--count", "3", "--timer-percent", "10"]
    # usage: --no-window without --start-when is exit 2
    r = subprocess.run([args.trivium, "party", "--no-window"], capture_output=True, text=True)
    if r.returncode != 2 or "--start-when" not in r.stderr:
        fail("--no-window without --start-when: expected exit 2 naming --start-when, got %d %r" % (r.returncode, r.stderr))
    proc = subprocess.Popen([args.trivium, "party", "--no-window", "--port", "0", "--bind", "127.0.0.1",
                             "--start-when", str(N), "--max-players", str(N + 10), "--reveal-seconds", "0",
                             "--record", rec] + common, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    words = line.split()
    if len(words) != 4 or words[0] != "party:" or not words[1].startswith("http://127.0.0.1:") \
            or not words[1].endswith("/") or words[2] != "room" or len(words[3]) != 4:
        fail("the stdout line is %r" % line)
        proc.kill()
        return 1
    host, room = words[1][len("http://"):-1], words[3]
    t0 = time.monotonic()
    phones, killed = asyncio.run(main_async(args, proc, host, room))
    try:
        rc = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = "hung"
    if rc != 0:
        fail("trivium party exited %s after the results" % rc)
    print("party of %d phones in %.1f s; %d reconnects" % (N, time.monotonic() - t0,
                                                         sum(p.reconnects for p in phones)))

    # every answer sent: accepted once, or refused with a reason
    for p in phones:
        for q, a in p.sent.items():
            if q not in p.accepted and not (p.i == LATE and q == 2):
                fail("phone %d: its answer %r to question %d was neither accepted nor refused" % (p.i, a, q))
        if p.i == LATE and "late" not in p.errors:
            fail("the late phone was not told 'late' (got %r)" % p.errors)
        if p.i % 10 == 2:
            for code in ("bad-message", "too-large", "wrong-question"):
                if code not in p.errors:
                    fail("phone %d sent garbage but got no %s (got %r)" % (p.i, code, p.errors))
        if p.results and p.close != (1000, "the party is over"):
            fail("phone %d: the socket closed with %r, not 1000 'the party is over'" % (p.i, p.close))
        if p.i % 10 == 3 and "already-answered" in p.errors:
            fail("phone %d: a duplicate of the same answer was refused" % p.i)
    seats = sorted(p.seat for p in phones if p.seat)
    if seats != list(range(1, N + 1)):
        fail("seats are not 1..%d, one per phone" % N)

    # the record replays to the totals the phones were shown
    files = sorted(os.listdir(rec))
    if files != ["seat-%03d.txt" % k for k in range(1, N + 1)]:
        fail("the record holds %d files, not seat-001..seat-%03d" % (len(files), N))
        return 1
    by_seat = {p.seat: p for p in phones}
    for k in range(1, N + 1):
        lines = [l for l in open(os.path.join(rec, "seat-%03d.txt" % k)) if l.strip() and not l.startswith("#")]
        p = by_seat[k]
        for q in range(1, 4):
            word = lines[q - 1].split(" @")[0]
            if q in p.accepted:
                if word != p.accepted[q]["answer"]:
                    fail("seat %d question %d: recorded %r, accepted %r" % (k, q, word, p.accepted[q]["answer"]))
            elif word != "timeout":
                fail("seat %d question %d: recorded %r but the phone's answer was not accepted" % (k, q, word))
    cmd = [args.trivium, "headless", "--format", "json"]
    for k in range(1, N + 1):
        cmd += ["--answers", os.path.join(rec, "seat-%03d.txt" % k)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        fail("headless replay failed: %s" % r.stderr[:500])
        return 1
    report = json.loads(r.stdout)
    totals = [pl["total"] for pl in report["players"]]
    for k in range(1, N + 1):
        shown = by_seat[k].results["total"] if by_seat[k].results else None
        if totals[k - 1] != shown:
            fail("seat %d: the party showed %r, the replay scores %d" % (k, shown, totals[k - 1]))
        rv = by_seat[k].reveals.get(3)
        if rv and rv["total"] != shown:
            fail("seat %d: last reveal total %r != results total %r" % (k, rv["total"], shown))
    if not failures:
        print("ok: %d seats replay to the party's totals; every refusal had a code" % N)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
