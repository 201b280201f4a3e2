#!/usr/bin/env python3
"""The HTML report rendered by a real browser (headless Chromium, Debian's
`chromium`): the page is not blank, its script ran without a console
message, and the key numbers of the potato example are in the DOM.

Exit status 77 (a skip for meson) only when chromium is not installed.
SPDX-License-Identifier: MIT
"""
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

MG = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
POTATO = os.path.join(ROOT, "examples", "models", "potato-andes.json")


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def png_pixels(data):
    """Decode an 8-bit RGB or RGBA PNG (what Chromium writes) into
    (width, height, rows of bytes, bytes per pixel), with the stdlib only."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


class ChromiumReport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mkg-chromium-")
        cls.html = os.path.join(cls.tmp, "report.html")
        subprocess.run([MG, "report", POTATO, "-o", cls.html], check=True)
        cls.report = json.loads(subprocess.run([MG, "analyze", POTATO, "--format", "json"],
                                               check=True, capture_output=True).stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def chromium(self, *args):
        profile = tempfile.mkdtemp(dir=self.tmp)
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-dev-shm-usage",
               "--hide-scrollbars", "--user-data-dir=" + profile, "--enable-logging=stderr",
               "--v=0", *args, "file://" + self.html]
        return subprocess.run(cmd, capture_output=True, timeout=240)

    def test_screenshot_is_not_blank(self):
        shot = os.path.join(self.tmp, "shot.png")
        run = self.chromium("--window-size=1280,1500", "--screenshot=" + shot)
        self.assertTrue(os.path.exists(shot), run.stderr.decode(errors="replace")[-2000:])
        with open(shot, "rb") as f:
            width, height, rows, bpp = png_pixels(f.read())
        self.assertEqual((width, height), (1280, 1500))
        ink = red = green = 0
        for line in rows:
            for x in range(0, width * bpp, bpp):
                r, g, b = line[x], line[x + 1], line[x + 2]
                if r < 235 or g < 235 or b < 235:
                    ink += 1
                # the warnings' and highlights' red (#b10026, #cb181d) and
                # the producers' green (#a1d99b) of the map
                if r > 160 and g < 60 and b < 60:
                    red += 1
                if abs(r - 0xa1) < 12 and abs(g - 0xd9) < 12 and abs(b - 0x9b) < 12:
                    green += 1
        # text, a map and tables: well over 3% of the first screen is ink
        self.assertGreater(ink, 0.03 * width * height, "the page looks blank")
        self.assertGreater(red, 500, "no red: the findings or highlights are not drawn")
        self.assertGreater(green, 2000, "no producer boxes: the map is not drawn")

    def test_dom_has_the_key_numbers_and_no_console_message(self):
        run = self.chromium("--dump-dom")
        dom = run.stdout.decode("utf-8")
        log = run.stderr.decode("utf-8", errors="replace")
        # any console message (an uncaught error, a warning) is a failure
        console = [line for line in log.splitlines() if "CONSOLE" in line]
        self.assertEqual(console, [])
        # the sorting script ran to its end
        self.assertIn('data-script="ok"', dom)
        # the summary, as the browser shows it, is the text report's summary
        # (lib/report/findings.c): the same lines in the same order
        text = subprocess.run([MG, "analyze", POTATO], capture_output=True, check=True,
                              timeout=120).stdout.decode("utf-8").split("\n")
        block = dom[dom.index('<ul class="findings">'):]
        block = block[:block.index("</ul>")]
        items = [html.unescape(t) for t in re.findall(r'<li data-topic="[a-z_]+">(.*?)</li>',
                                                      block)]
        self.assertEqual(items, text[1:text.index("")])
        # the farm-gate buyers' HHI, from the JSON report
        farm = [m for m in self.report["concentration"]
                if m["level"] == "producer" and m["commodity"] == "native-potato"][0]
        self.assertIn("buyer HHI %s, highly concentrated" % format(round(farm["buyer"]["hhi"]),
                                                                   ","), dom)
        self.assertIn("4,689", dom)
        # the concentration chart's bar reads as the text does, not "4689"
        self.assertIn('<title>HHI: 4,689</title></rect>', dom)
        self.assertNotIn(">4689<", dom[dom.index('id="charts"'):dom.index('id="t-concentration"')])
        top = farm["buyer"]["shares"][0]
        self.assertIn("%s buys %.1f%%" % (top["actor"], 100 * top["share"]), dom)
        # the deliverable share and the captive producers of the chain
        chain = [c for c in self.report["bottlenecks"]["chains"]
                 if c["commodity"] == "native-potato"][0]
        self.assertIn("Deliverable: %.1f%% of the" % (100 * chain["flow"]["deliverable_share"]),
                      dom)
        self.assertIn("Captive: 3 producers (470 households, supply 1,070 t) reach end markets "
                      "only through snack-multinational", dom)
        # every table is there, sortable
        for name in ("concentration", "coalitions", "dependency-pairs", "binding-constraints",
                     "captive-producers", "channels", "channel-margins",
                     "facilitation-payments"):
            self.assertIn('id="t-%s"' % name, dom)
        self.assertIn('<svg xmlns="http://www.w3.org/2000/svg" id="market-map"', dom)

    def test_sorting_in_the_browser(self):
        """Clicking the HHI header sorts the concentration table by HHI, in the
        browser, empty cells last: a small page script clicks and writes the
        order it sees into the DOM."""
        with open(self.html, encoding="utf-8") as f:
            page = f.read()
        probe = ("<script>(function(){var t=document.querySelector("
                 "'table[data-table=concentration]');var th=t.tHead.rows[0].cells[9];"
                 "th.click();th.click();var v=[];Array.prototype.forEach.call(t.tBodies[0].rows,"
                 "function(r){v.push(r.cells[9].getAttribute('data-v')||'');});"
                 "document.body.setAttribute('data-probe',v.join(' '));})();</script></body>")
        with open(self.html, "w", encoding="utf-8") as f:
            f.write(page.replace("</body>", probe))
        try:
            dom = self.chromium("--dump-dom").stdout.decode("utf-8")
        finally:
            with open(self.html, "w", encoding="utf-8") as f:
                f.write(page)
        got = dom.split('data-probe="')[1].split('"')[0].split(" ")
        hhis = sorted((s[k]["hhi"] for m in self.report["concentration"]
                       for s in [m] for k in ("seller", "buyer") if s[k]["hhi"] is not None),
                      reverse=True)
        numbers = [float(x) for x in got if x]
        self.assertEqual(numbers, hhis)  # descending after the second click
        self.assertEqual(got[len(numbers):], [""] * (len(got) - len(numbers)))


CHROMIUM = find_chromium()

if __name__ == "__main__":
    if CHROMIUM is None:
        print("chromium is not installed: skipped (apt-get install chromium)")
        sys.exit(77)
    unittest.main()
