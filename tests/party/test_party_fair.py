#!/usr/bin/python3
"""party.fair: the fair-timing rule end to end, with injected network delay.

Three phones tap exactly 1200 ms after their question frame arrives, for every
question of a short round. One is on plain loopback; two sit behind a relay that delays
every byte 60 ms each way (a 120 ms round trip, inside the 150 ms allowance). The honest
delayed phone reports elapsed_ms and must be scored like the loopback one; the third
sends no elapsed_ms, so the host times it by receipt alone (the naive rule), and it must
come out slower by about the round trip: that is what shows the test can fail.
"""
import argparse
import asyncio
import json
import socket
import subprocess
import sys
import time

import websockets

DELAY = 0.060
TAP = 1.200


async def relay(reader, writer, delay):
    """Copies reader to writer, every chunk delayed by `delay`, order kept."""
    q = asyncio.Queue()

    async def pump():
        while True:
            due, data = await q.get()
            if data is None:
                writer.close()
                return
            await asyncio.sleep(max(0, due - time.monotonic()))
            writer.write(data)
            await writer.drain()

    task = asyncio.create_task(pump())
    try:
        while True:
            data = await reader.read(65536)
            await q.put((time.monotonic() + delay, data or None))
            if not data:
                break
        await task
    except (ConnectionError, asyncio.CancelledError):
        task.cancel()


async def start_proxy(ip, port):
    async def handle(cr, cw):
        ur, uw = await asyncio.open_connection(ip, port)
        await asyncio.gather(relay(cr, uw, DELAY), relay(ur, cw, DELAY), return_exceptions=True)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


async def phone(name, host, room, proxy_port, report_elapsed, out):
    sock = None
    if proxy_port:
        sock = socket.create_connection(("127.0.0.1", proxy_port))
    # The URI names the real server (Host and Origin must match it); the bytes go via the relay.
    async with websockets.connect("ws://%s/ws" % host, origin="http://%s" % host, sock=sock) as ws:
        await ws.send(json.dumps({"type": "join", "room": room, "name": name}))
        async for raw in ws:
            m = json.loads(raw)
            if m["type"] == "question":
                t0 = time.monotonic()
                await asyncio.sleep(TAP)
                msg = {"type": "answer", "question": m["index"], "answer": "A"}
                if m["kind"] == "order":
                    msg["answer"] = "".join(chr(65 + k) for k in range(len(m["items"])))
                elif m["kind"] == "numeric":
                    msg["answer"] = "1"
                elif m["kind"] == "text":
                    msg["answer"] = "=x"
                if report_elapsed:
                    msg["elapsed_ms"] = int((time.monotonic() - t0) * 1000)
                await ws.send(json.dumps(msg))
            elif m["type"] == "accepted":
                out[m["question"]] = m
            elif m["type"] == "results":
                return


async def run(trivium):
    proc = subprocess.Popen([trivium, "party", "--no-window", "--bind", "127.0.0.1", "--start-when", "3",
                             "--reveal-seconds", "0", "--count", "4", "--seed", "5", "--timer-percent", "10"],
                            stdout=subprocess.PIPE, text=True)
    words = proc.stdout.readline().split()
    host, room = words[1][len("http://"):-1], words[3]
    ip, port = host.split(":")
    server, proxy_port = await start_proxy(ip, int(port))
    fast, slow, naive = {}, {}, {}
    tasks = [asyncio.create_task(phone("loopback", host, room, None, True, fast)),
             asyncio.create_task(phone("delayed", host, room, proxy_port, True, slow))]
    await asyncio.sleep(0.6)  # round trips measured before the start (pings from 50 ms on)
    tasks.append(asyncio.create_task(phone("naive", host, room, proxy_port, False, naive)))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=120)
    server.close()
    rc = proc.wait(timeout=30)
    failures = []
    if rc != 0:
        failures.append("trivium party exited %d" % rc)
    for q in sorted(fast):
        f, s, n = fast[q]["time_ms"], slow[q]["time_ms"], naive[q]["time_ms"]
        print("question %d: loopback %d ms, delayed %d ms (A %d), naive %d ms" % (q, f, s, slow[q]["allowance_ms"], n))
        if abs(f - s) > 30:
            failures.append("question %d: equal taps scored %d and %d ms" % (q, f, s))
        if n - f < 90:
            failures.append("question %d: the naive rule cost the delayed phone only %d ms" % (q, n - f))
    if len(fast) != 4:
        failures.append("only %d questions were answered" % len(fast))
    for msg in failures:
        print("FAIL:", msg, file=sys.stderr)
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trivium", required=True)
    sys.exit(asyncio.run(run(ap.parse_args().trivium)))


if __name__ == "__main__":
    main()
