#!/usr/bin/python3
"""party.phone: the phone page in a real browser against a real party.

Debian's chromium (headless, a 390x844 touch phone through mobileEmulation) joins a real
`trivium party --no-window` from the QR link /?room=CODE, with the name
<img src=x onerror=alert(1)>, and answers the five kinds of question of
tests/party_browser/packs/kinds by touch (CDP touch events; the order question by one
drag and then tap-to-swap). A second seat, a python3-websockets client, keeps each
question open until the phone is done with it, so the phone can reload mid-question: it
must come back in the same seat with the same score and its given answer shown.
Checks: every kind scores as answered, the name is text everywhere (no <img> element,
no alert), the reveal says right or wrong in words, the results show the phone's place.

usage: test_phone.py TRIVIUM REPO_ROOT
"""
import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import websockets

XSS = "<img src=x onerror=alert(1)>"
RIGHT = {"choice": "Leidseplein", "truefalse": "A", "numeric": "22", "text": "Amsterdam",
         "order": ["Morning", "Afternoon", "Evening", "Night"]}
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("  FAIL: " + what, file=sys.stderr)


def start_party(trivium, root):
    cmd = [trivium, "party", "--plugins", os.path.join(root, "tests/party_browser/packs"), "--pack", "kinds",
           "--count", "5", "--seed", "3", "--timer-percent", "300", "--no-window", "--port", "0",
           "--bind", "127.0.0.1", "--start-when", "2", "--reveal-seconds", "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    m = re.fullmatch(r"party: (http://[^ ]+/) room ([A-Z0-9]+)\n", line)
    if not m:
        proc.kill()
        sys.exit("party did not print its line: %r %s" % (line, proc.stderr.read()))
    return proc, m.group(1), m.group(2)


class Bot(threading.Thread):
    """Seat 2: joins, then answers question i (skip) only once the test releases it."""

    def __init__(self, base, room):
        super().__init__(daemon=True)
        self.url = base.replace("http://", "ws://") + "ws"
        self.room = room
        self.release = {}
        self.cv = threading.Condition()
        self.error = None

    def let_go(self, index):
        with self.cv:
            self.release[index] = True
            self.cv.notify_all()

    def run(self):
        try:
            asyncio.run(self.play())
        except Exception as e:  # the test fails on it below
            self.error = e

    async def play(self):
        async with websockets.connect(self.url, max_size=1 << 16) as ws:
            await ws.send(json.dumps({"type": "join", "room": self.room, "name": "Bot"}))
            async for raw in ws:
                msg = json.loads(raw)
                if msg["type"] == "question":
                    i = msg["index"]
                    while not await asyncio.to_thread(self.wait_for, i):
                        pass
                    await ws.send(json.dumps({"type": "answer", "question": i, "answer": "skip"}))
                elif msg["type"] == "results":
                    return

    def wait_for(self, i):
        with self.cv:
            return self.cv.wait_for(lambda: self.release.get(i), timeout=1)


def browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=en-US"):
        opts.add_argument(a)
    opts.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2.0, "touch": True},
        "userAgent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile"})
    d = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)
    d.set_page_load_timeout(20)
    return d


def touch(d, el):
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    r = d.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]", el)
    p = [{"x": r[0], "y": r[1]}]
    d.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": p})
    d.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def drag(d, handle, target):
    """A finger on handle, moved in steps onto target's centre, then lifted."""
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", handle)
    rect = "var r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]"
    x0, y0 = d.execute_script(rect, handle)
    _, y1 = d.execute_script(rect, target)
    d.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y0}]})
    for k in range(1, 9):
        y = y0 + (y1 - y0) * k / 8
        d.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x0, "y": y}]})
    d.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    # A tap right after a moving finger lifts is taken as stopping a fling, not as a tap.
    time.sleep(0.6)


def wait(d, what, fn, timeout=20):
    try:
        return WebDriverWait(d, timeout).until(lambda _: fn())
    except TimeoutException:
        d.save_screenshot(os.environ.get("TMPDIR", "/tmp") + "/party-phone-timeout.png")
        sys.exit("timed out waiting for %s; status %r; page: %s" % (what, d.find_element(By.ID, "q-status").text, d.find_element(By.TAG_NAME, "main").text[:300]))


def order_labels(d):
    return [e.text for e in d.find_elements(By.CSS_SELECTOR, "#q-order .opt .label")]


def answer(d, kind):
    if kind in ("choice", "truefalse"):
        for b in d.find_elements(By.CSS_SELECTOR, "#q-body .opt"):
            if b.get_attribute("data-letter") == RIGHT[kind] or b.find_element(By.CLASS_NAME, "label").text == RIGHT[kind]:
                check(b.size["height"] >= 48, "option buttons are at least 48 px tall")
                check(b.get_attribute("aria-label").startswith(b.get_attribute("data-letter") + ", "),
                      "an option's accessible name starts with its letter")
                touch(d, b)
                return
        check(False, "the right option is on screen for " + kind)
    elif kind in ("numeric", "text"):
        inp = d.find_element(By.ID, "q-input")
        check(inp.get_attribute("inputmode") == ("decimal" if kind == "numeric" else "text"), kind + " has its inputmode")
        touch(d, inp)
        inp.send_keys(RIGHT[kind])
        touch(d, d.find_element(By.CSS_SELECTOR, "#q-body .primary"))
    elif kind == "order":
        want = RIGHT["order"]
        # One drag: the row that belongs first goes to the top by its handle.
        rows = d.find_elements(By.CSS_SELECTOR, "#q-order li")
        first = order_labels(d).index(want[0])
        if first != 0:
            drag(d, rows[first].find_element(By.CLASS_NAME, "handle"), rows[0])
            wait(d, "the drag to move the row", lambda: order_labels(d)[0] == want[0], 5)
        # The rest by tap-to-swap.
        for pos in range(1, len(want)):
            labels = order_labels(d)
            at = labels.index(want[pos])
            if at != pos:
                touch(d, d.find_elements(By.CSS_SELECTOR, "#q-order .opt")[pos])
                touch(d, d.find_elements(By.CSS_SELECTOR, "#q-order .opt")[at])
        check(order_labels(d) == want, "drag and tap-to-swap put the items in order: %s" % order_labels(d))
        touch(d, d.find_element(By.CSS_SELECTOR, "#q-body > .primary"))


def main():
    trivium, root = sys.argv[1], sys.argv[2]
    proc, base, room = start_party(trivium, root)
    d = None
    try:
        d = browser()
        d.get(base + "?room=" + room)
        # The QR link opens on "your name" with the room filled in.
        wait(d, "the join form", lambda: d.find_element(By.ID, "v-join").is_displayed())
        check(d.find_element(By.ID, "room").get_attribute("value") == room, "the room code comes from ?room=")
        check(d.switch_to.active_element == d.find_element(By.ID, "name"), "the name field has the focus")
        d.find_element(By.ID, "name").send_keys(XSS)
        touch(d, d.find_element(By.ID, "join-go"))
        wait(d, "the lobby", lambda: d.find_element(By.ID, "v-lobby").is_displayed())
        shown = d.find_element(By.ID, "me").text
        check(shown and XSS.startswith(shown), "the name is shown as its characters: %r" % shown)
        bot = Bot(base, room)
        bot.start()
        kinds, reloaded = [], False
        for index in range(1, 6):
            wait(d, "question %d" % index,
                 lambda: d.find_element(By.ID, "q-body").get_attribute("data-index") == str(index)
                 and d.find_element(By.ID, "v-question").is_displayed())
            kind = d.find_element(By.ID, "q-body").get_attribute("data-kind")
            kinds.append(kind)
            if index == 1:
                wait(d, "the question announced", lambda: "Question open" in d.find_element(By.ID, "live").text, 5)
                # Text at 200 %: everything reflows, nothing runs off the side.
                d.execute_script("document.documentElement.style.fontSize = '200%'")
                wide = d.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
                check(wide[0] <= wide[1], "at 200 %% text the page is no wider than the phone: %s" % wide)
                d.execute_script("document.documentElement.style.fontSize = ''")
            answer(d, kind)
            wait(d, "answer received (%s)" % kind, lambda: "✓" in d.find_element(By.ID, "q-status").text)
            if not reloaded and kind == "choice":
                # Mid-question reload: same seat, same name, the given answer still shown.
                reloaded = True
                d.refresh()
                wait(d, "the question after a reload",
                     lambda: d.find_element(By.ID, "v-question").is_displayed()
                     and "✓" in d.find_element(By.ID, "q-status").text)
                chosen = d.find_elements(By.CSS_SELECTOR, "#q-body .opt.chosen .label")
                check([c.text for c in chosen] == [RIGHT["choice"]], "the given answer is marked after the reload")
                check(d.find_element(By.ID, "me").text == shown, "the seat's name is back after the reload")
            bot.let_go(index)
            wait(d, "reveal or next", lambda: d.find_element(By.ID, "v-reveal").is_displayed()
                 or d.find_element(By.ID, "v-results").is_displayed()
                 or d.find_element(By.ID, "q-body").get_attribute("data-index") != str(index))
        wait(d, "the results", lambda: d.find_element(By.ID, "v-results").is_displayed())
        check(reloaded, "the phone reloaded during the choice question")
        check(sorted(kinds) == sorted(["choice", "truefalse", "numeric", "order", "text"]), "five kinds: %s" % kinds)
        place = d.find_element(By.ID, "res-place").text
        check("1st" in place, "the phone that answered everything right is first: %r" % place)
        top = [li.text for li in d.find_elements(By.CSS_SELECTOR, "#res-top li")]
        check(top and top[0].startswith(shown), "the results list shows the name as text: %r" % top)
        total = d.find_element(By.ID, "res-total").text
        check("5 right of 5" in total, "every kind was scored right: %r" % total)
        check(not d.find_elements(By.CSS_SELECTOR, "main img, header img"), "no <img> element came from the name")
        try:
            d.switch_to.alert
            check(False, "an alert opened")
        except NoAlertPresentException:
            pass
        bot.join(10)
        check(bot.error is None, "the second seat played: %r" % bot.error)
        code = proc.wait(30)
        check(code == 0, "trivium party exits 0 after the results, got %r" % code)
    finally:
        if d:
            d.quit()
        if proc.poll() is None:
            proc.kill()
    if failures:
        sys.exit("%d check(s) failed" % len(failures))
    print("party.phone: ok")


if __name__ == "__main__":
    main()
