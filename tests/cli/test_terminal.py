#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Output of `marketgraph` is safe for a terminal whatever the model holds.

Every id, name, commodity, period, region and unit of the model below
carries ESC, BEL, a C1 CSI, a bidi override, a line separator, quotes and a
backslash.  The text of validate, analyze, summary and shock, and the
messages on stderr, must hold no control character but the newline, no C1
control and no bidi control or separator: each is escaped as \\u001b
(docs/format.md section 4, docs/report.md "The text view").

Environment (set by tests/cli/meson.build):
  MARKETGRAPH        the built tool
"""
import json
import os
import re
import subprocess
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")

# ESC [2J (clear the screen), BEL, CSI as U+009B, RLO, LINE SEPARATOR,
# quotes and a backslash.
NASTY = "\x1b[2J\x07\u009b\u202e\u2028\"q\"\\"
ESCAPED = "\\u001b[2J\\u0007\\u009b\\u202e\\u2028"
# The ASCII part, for ids given on the command line (the tool reads its
# arguments in the locale's charset; C1 and bidi come from the file).
ASCII = "\x1b[2J\x07\"q\"\\"
ASCII_ESCAPED = "\\u001b[2J\\u0007"

# What must never reach the terminal: C0 but the newline, DEL, C1, U+2028,
# U+2029, U+202A-U+202E, U+2066-U+2069.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")


def n(s):
    return s + NASTY


def a(s):
    return s + ASCII


MODEL = {
    "format": "marketgraph", "version": 1, "name": n("model"), "currency": n("usd"),
    "volume_unit": n("t"), "period": n("2020"),
    "actors": [
        {"id": n("farm"), "name": n("Farm"), "kind": "producer", "region": n("north"),
         "households": 10, "supply": 100},
        {"id": n("coop"), "name": n("Coop"), "kind": "association", "region": n("north")},
        {"id": n("trader"), "name": n("Trader"), "kind": "trader", "capacity": 50},
        {"id": a("trader2"), "kind": "trader"},
        {"id": n("market"), "kind": "end_market"},
        {"id": n("ngo"), "kind": "ngo"},
        {"id": n("agency"), "kind": "public_agency"},
    ],
    "transactions": [
        {"id": n("t1"), "seller": n("farm"), "buyer": n("trader"), "commodity": n("maize"),
         "volume": 60, "value": 600, "period": n("2020")},
        {"id": n("t2"), "seller": n("farm"), "buyer": a("trader2"), "commodity": n("maize"),
         "volume": 40, "value": 400, "period": n("2020")},
        {"id": n("t3"), "seller": n("trader"), "buyer": n("market"), "commodity": n("maize"),
         "volume": 60, "value": 900, "period": n("2020")},
        {"id": n("t4"), "seller": a("trader2"), "buyer": n("market"), "commodity": n("maize"),
         "volume": 40, "value": 560, "period": n("2020")},
    ],
    "facilitation": [
        {"id": n("f1"), "facilitator": n("ngo"), "type": "temporary", "function": "linkages",
         "targets": {"actors": [n("farm")], "transactions": [n("t1")]}, "start": "2019",
         "end": "2021", "exit": "commercial", "successor": n("trader"), "cost": 100,
         "paid_by": [{"actor": n("ngo"), "share": 1}]},
        {"id": n("f2"), "facilitator": n("agency"), "type": "temporary", "function": "linkages",
         "targets": {"actors": [n("farm")], "transactions": [n("t1")]}, "start": "2019"},
        {"id": n("f3"), "facilitator": n("trader"), "type": "commercial", "function": "finance",
         "targets": {"actors": [n("farm")]}, "cost": 10,
         "paid_by": [{"actor": n("trader"), "share": 1}]},
    ],
    "memberships": [{"group": n("coop"), "member": n("farm")},
                    {"group": n("coop"), "member": n("trader")}],
}


def run(*args):
    # A UTF-8 locale: GOption converts the arguments from the locale.
    env = dict(os.environ, LC_ALL="C.UTF-8")
    r = subprocess.run([TOOL, *args], capture_output=True, timeout=120, env=env)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


class TerminalSafe(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        # Raw UTF-8 in the file: the C1 and bidi characters are bytes of
        # the document, not \\u escapes.
        self.path = self.write("nasty.json", MODEL)

    def write(self, name, model):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(model, f, ensure_ascii=False)
        return path

    def assertSafe(self, text, what):
        bad = UNSAFE.search(text)
        self.assertIsNone(bad, f"{what}: raw {bad and bad.group()!r} at {bad and bad.start()}")

    def assertSafeRun(self, args, code=0):
        rc, out, err = run(*args)
        self.assertEqual(rc, code, err)
        self.assertSafe(out, f"{args[0]} stdout")
        self.assertSafe(err, f"{args[0]} stderr")
        return out, err

    def test_validate_valid(self):
        out, _ = self.assertSafeRun(("validate", self.path))
        self.assertIn(": valid (7 actors, 4 transactions, 3 facilitation, 2 memberships)", out)

    def test_validate_errors(self):
        for change, message in (
                (lambda m: m["transactions"][0].update(buyer=n("ghost")),
                 'transactions[0].buyer: unknown actor "ghost' + ESCAPED + '\\"q\\"\\\\"'),
                (lambda m: m["actors"].append(dict(m["actors"][0])),
                 'actors[7].id: duplicate id "farm' + ESCAPED + '\\"q\\"\\\\" (first at actors[0])'),
                (lambda m: m["actors"][0].update(kind=n("farmer")),
                 'actors[0].kind: unknown kind "farmer' + ESCAPED + '\\"q\\"\\\\" (expected '),
                (lambda m: m["actors"][0].update({n("colour"): 1}),
                 'actors[0]["colour' + ESCAPED + '\\"q\\"\\\\"]: unknown field'),
                (lambda m: m["transactions"][0].update(seller="x" * 300),
                 'transactions[0].seller: unknown actor "' + "x" * 48 + '\u2026"')):
            with self.subTest(message=message):
                bad = json.loads(json.dumps(MODEL))
                change(bad)
                _, err = self.assertSafeRun(("validate", self.write("bad.json", bad)), code=1)
                self.assertIn(message, err)

    def test_analyze(self):
        out, _ = self.assertSafeRun(("analyze", self.path, "--exit-date", "2022",
                                     "--coalition", a("trader2")))
        # the strings are there, escaped
        self.assertIn("Market analysis: model" + ESCAPED + '"q"\\\\', out)
        self.assertIn("farm" + ESCAPED + '"q"\\\\ (Farm' + ESCAPED + '"q"\\\\)', out)
        self.assertIn("maize" + ESCAPED, out)
        self.assertIn("f1" + ESCAPED, out)
        self.assertIn("usd" + ESCAPED, out)
        out, _ = self.assertSafeRun(("analyze", self.path, "--by-region", "--measure", "value"))
        self.assertIn("region north" + ESCAPED, out)

    def test_analyze_option_errors(self):
        _, err = self.assertSafeRun(("analyze", self.path, "--coalition", a("ghost")), code=1)
        self.assertIn('coalition: unknown actor "ghost' + ASCII_ESCAPED + '\\"q\\"\\\\"', err)
        _, err = self.assertSafeRun(("analyze", self.path, "--measure", a("weight")), code=2)
        self.assertIn('unknown measure "weight' + ASCII_ESCAPED + '\\"q\\"\\\\"', err)

    def test_summary(self):
        out, _ = self.assertSafeRun(("summary", self.path))
        self.assertIn("model" + ESCAPED, out)
        self.assertIn("maize" + ESCAPED, out)

    def test_shock(self):
        out, _ = self.assertSafeRun(("shock", self.path, "--remove", a("trader2")))
        # the chain's name (the model's commodity) is escaped too
        self.assertIn("Exit shock in the maize" + ESCAPED + '"q"\\\\ chain: without trader2'
                      + ASCII_ESCAPED + '"q"\\\\\n', out)
        self.assertIn("capacity of trader" + ESCAPED + '"q"\\\\ (Trader' + ESCAPED, out)
        _, err = self.assertSafeRun(("shock", self.path, "--remove", a("ghost")), code=1)
        self.assertIn('remove: unknown actor "ghost' + ASCII_ESCAPED + '\\"q\\"\\\\"', err)

    def test_unknown_command(self):
        _, err = self.assertSafeRun((n("frob"),), code=2)
        self.assertIn('unknown command "frob' + ESCAPED + '\\"q\\"\\\\"', err)


if __name__ == "__main__":
    unittest.main()
