#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Graphviz reads every market map and draws what it should: `dot` runs on
the DOT of every example (plain and highlighted) without a warning, hostile
ids and names come out of the SVG as written, and `marketgraph render`
writes SVG, PNG and PDF.  Exits 77 (skipped) when Graphviz's `dot` is not
installed.

Environment (set by tests/cli/meson.build):
  MARKETGRAPH      the built tool
  MKG_SOURCE_ROOT  the source tree (for examples/models)
"""
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXAMPLE = os.path.join(ROOT, "examples", "models", "potato-andes.json")


def run(*args, stdin=None):
    done = subprocess.run(args, capture_output=True, input=stdin, timeout=300)
    return done.returncode, done.stdout, done.stderr.decode()


class Graphviz(unittest.TestCase):
    def test_every_example_without_warnings(self):
        for path in sorted(glob.glob(os.path.join(ROOT, "examples", "models", "*.json"))):
            for extra in ([], ["--highlight"]):
                with self.subTest(model=os.path.basename(path), options=extra):
                    rc, dot, err = run(TOOL, "export", "--format", "dot", *extra, path)
                    self.assertEqual((rc, err), (0, ""))
                    rc, svg, err = run("dot", "-Tsvg", stdin=dot)
                    self.assertEqual((rc, err), (0, ""))
                    self.assertIn(b"</svg>", svg)

    def test_hostile_text_renders_as_written(self):
        names = ['say "hi"\\', "A&B <coop>", "Niño's \\ market", "x\\y", "]; n0 -> n1 [",
                 "线 ☕"]
        doc = {"format": "marketgraph", "version": 1, "name": 'The "map" \\ <of> & more',
               "actors": [{"id": n, "name": n, "kind": "producer" if i % 2 == 0 else
                           "end_market"} for i, n in enumerate(names)],
               "transactions": [{"seller": names[i], "buyer": names[i + 1],
                                 "commodity": "c", "volume": 1} for i in range(0, 6, 2)]}
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "hostile.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f)
            rc, dot, err = run(TOOL, "export", "--format", "dot", path)
            self.assertEqual((rc, err), (0, ""))
            rc, svg, err = run("dot", "-Tsvg", stdin=dot)
            self.assertEqual((rc, err), (0, ""))
        texts = [html.unescape(t) for t in
                 re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode("utf-8"))]
        for n in names + [doc["name"]]:
            self.assertIn(n, texts)
        # six actors, three arrows: nothing injected
        self.assertEqual(len(re.findall(r'class="node"', svg.decode())), 6)
        self.assertEqual(len(re.findall(r'class="edge"', svg.decode())), 3)

    def test_render(self):
        with tempfile.TemporaryDirectory() as d:
            for name, magic in (("map.svg", b"<?xml"), ("map.png", b"\x89PNG\r\n\x1a\n"),
                                ("map.pdf", b"%PDF")):
                target = os.path.join(d, name)
                rc, out, err = run(TOOL, "render", EXAMPLE, "-o", target, "--highlight")
                self.assertEqual((rc, out, err), (0, b"", ""))
                with open(target, "rb") as f:
                    self.assertTrue(f.read().startswith(magic), name)
            self.assertEqual(sorted(os.listdir(d)), ["map.pdf", "map.png", "map.svg"])
            # --format wins over the name; "-" is standard output
            rc, out, err = run(TOOL, "render", EXAMPLE, "-o", "-", "--format", "svg")
            self.assertEqual((rc, err), (0, ""))
            self.assertIn(b"</svg>", out)

    def test_page(self):
        """--page: the drawing fills the page less its 0.4 in margins (one side
        exactly, in points), and the 300-actor map of docs/maps.md comes out
        with labels of at least 7 pt on A4 landscape, as Graphviz lays it out
        (the scale in `dot -Tplain`'s first line)."""
        rc, svg, err = run(TOOL, "render", EXAMPLE, "-o", "-", "-f", "svg", "--page",
                           "a3-landscape", "--chain", "native-potato", "--collapse",
                           "producers-by-region", "--hide-services", "--hide-facilitation")
        self.assertEqual((rc, err), (0, ""))
        w, h = (float(v) for v in re.search(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"',
                                            svg).groups())
        # A3 landscape: 16.54 x 11.69 in = 1190.9 x 841.7 pt
        self.assertLessEqual(w, 1191)
        self.assertLessEqual(h, 842)
        self.assertTrue(abs(w - 1190.9) < 2 or abs(h - 841.7) < 2, (w, h))
        gen = os.path.join(ROOT, "bench", "gen-model.py")
        rc, model, err = run(sys.executable, gen, "--actors", "300", "--transactions", "900")
        self.assertEqual(rc, 0, err)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "m300.json")
            with open(path, "wb") as f:
                f.write(model)
            rc, dot, err = run(TOOL, "export", path, "--format", "dot", "--page",
                               "a4-landscape", "--chain", "maize", "--highlight", "--top", "5",
                               "--hide-services", "--collapse",
                               "producers-by-region,collectors-by-region,traders-by-region",
                               "--collapse",
                               "processors-by-region,wholesalers-by-region,retailers-by-region")
            self.assertEqual((rc, err), (0, ""))   # no note: readable
        rc, plain, err = run("dot", "-Tplain", stdin=dot)
        self.assertEqual(rc, 0, err)
        scale = float(plain.split()[1])
        self.assertGreaterEqual(8 * scale, 7)      # the 8 pt labels, printed

    def test_device_is_written_not_replaced(self):
        rc, out, err = run(TOOL, "render", EXAMPLE, "-o", os.devnull, "-f", "svg")
        self.assertEqual((rc, out, err), (0, b"", ""))
        self.assertFalse(os.path.isfile(os.devnull))  # still the device
        self.assertFalse(os.path.exists(os.devnull + ".tmp"))

    def test_dpi(self):
        def size(png):
            return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        sizes = []
        for dpi in ("36", "72"):
            rc, png, err = run(TOOL, "render", EXAMPLE, "-o", "-", "-f", "png", "--dpi", dpi)
            self.assertEqual((rc, err), (0, ""))
            sizes.append(size(png))
        # twice the resolution, twice the pixels (give or take rounding)
        self.assertAlmostEqual(sizes[1][0] / sizes[0][0], 2, delta=0.02)

    def test_missing_directory(self):
        # a directory that does not exist: said before dot runs, in the words
        # of every command (dot's own failures: tests/cli/test_output.py)
        target = os.path.join(tempfile.gettempdir(), "no-such-dir-mkg", "map.svg")
        rc, out, err = run(TOOL, "render", EXAMPLE, "-o", target)
        self.assertEqual((rc, out, err), (1, b"", f"marketgraph render: {target}: cannot "
                                                  "write: No such file or directory\n"))
        self.assertFalse(os.path.exists(os.path.dirname(target)))


if __name__ == "__main__":
    if shutil.which("dot") is None:
        print("Graphviz's dot is not installed: skipped")
        sys.exit(77)
    unittest.main()
