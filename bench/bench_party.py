#!/usr/bin/python3
"""bench_party.py - party play under 300 phones on loopback (not a test: prints figures).

  /usr/bin/python3 bench/bench_party.py --trivium build/trivium [--phones 300] [--count 5]

Starts `trivium party --no-window`, seats N python3-websockets phones in one asyncio
loop, and for every question measures on each phone the time from sending its answer
to receiving `accepted` (the whole path: phone -> trivium-party-server -> socketpair ->
the party core -> back), and the fan-out spread (first to last phone receiving the
question frame). Prints percentiles; docs/performance.md quotes them.
"""
import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import time

import websockets


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


async def phone(i, host, room, lat, arrivals):
    async with websockets.connect("ws://%s/ws" % host, origin="http://%s" % host, open_timeout=30) as ws:
        await ws.send(json.dumps({"type": "join", "room": room, "name": "p%d" % i}))
        sent = {}
        async for raw in ws:
            m = json.loads(raw)
            if m["type"] == "question":
                arrivals.setdefault(m["index"], []).append(time.monotonic())
                # answers spread over 2 s, as a room answers
                await asyncio.sleep((i * 7919 % 2000) / 1000)
                a = "A" if m["kind"] in ("choice", "truefalse") else "skip"
                sent[m["index"]] = time.monotonic()
                await ws.send(json.dumps({"type": "answer", "question": m["index"], "answer": a, "elapsed_ms": 100}))
            elif m["type"] == "accepted" and m["question"] in sent:
                lat.append(time.monotonic() - sent.pop(m["question"]))
            elif m["type"] == "results":
                return


async def run(args):
    proc = subprocess.Popen([args.trivium, "party", "--no-window", "--bind", "127.0.0.1", "--start-when",
                             str(args.phones), "--max-players", str(args.phones), "--reveal-seconds", "0",
                             "--count", str(args.count), "--seed", "3", "--timer-percent", "10"],
                            stdout=subprocess.PIPE, text=True)
    words = proc.stdout.readline().split()
    host, room = words[1][len("http://"):-1], words[3]
    lat, arrivals = [], {}
    t0 = time.monotonic()
    await asyncio.gather(*(phone(i, host, room, lat, arrivals) for i in range(args.phones)))
    wall = time.monotonic() - t0
    proc.wait(timeout=30)
    ms = [x * 1000 for x in lat]
    spread = [(max(v) - min(v)) * 1000 for v in arrivals.values()]
    print("phones %d, questions %d, answers %d, wall %.1f s" % (args.phones, args.count, len(ms), wall))
    print("answer -> accepted ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f" % (
        pct(ms, 50), pct(ms, 90), pct(ms, 99), max(ms), statistics.mean(ms)))
    print("question fan-out, first to last phone, ms: median %.1f  max %.1f" % (
        statistics.median(spread), max(spread)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trivium", required=True)
    ap.add_argument("--phones", type=int, default=300)
    ap.add_argument("--count", type=int, default=5)
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
