#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Sums that overflow (docs/analyses.md, "Sums that overflow"), run as a user
would: `marketgraph analyze`, `summary` and `shock` on a model whose volumes
or households add up beyond a double or an int64 exit 1 with the message
naming the sum, and write nothing (never inf, nan or a negative count).

Environment (set by tests/cli/meson.build):
  MARKETGRAPH      the built tool
"""
import json
import os
import re
import subprocess
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")

HALF_PLUS_ONE = 2**62      # two of them: 2^63 = INT64_MAX + 1
HALF = 2**62 - 1           # two of them: INT64_MAX - 1, which fits
VOLUME_TAIL = " overflows (sum of the transactions' volume exceeds 1.8e308)"
HOUSEHOLDS_TAIL = " (sum of the actors' households exceeds 9223372036854775807)"


def run(*args):
    r = subprocess.run([TOOL, *args], capture_output=True, timeout=120)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def model(households, volume):
    """Two producers selling maize to a trader, who sells to an end market."""
    return {
        "format": "marketgraph", "version": 1, "period": "2010",
        "actors": [
            {"id": "p1", "kind": "producer", "households": households},
            {"id": "p2", "kind": "producer", "households": households},
            {"id": "t", "kind": "trader"},
            {"id": "e", "kind": "end_market"},
        ],
        "transactions": [
            {"seller": "p1", "buyer": "t", "commodity": "maize", "volume": volume},
            {"seller": "p2", "buyer": "t", "commodity": "maize", "volume": volume},
            {"seller": "t", "buyer": "e", "commodity": "maize", "volume": 1},
        ],
    }


def strict_json(text):
    def refuse(name):
        raise ValueError("not JSON: " + name)
    return json.loads(text, parse_constant=refuse)


class Overflow(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, doc):
        path = os.path.join(self.dir.name, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f)
        return path

    def assertFails(self, args, message):
        code, out, err = run(*args)
        self.assertEqual(code, 1, err)
        self.assertEqual(out, "")
        self.assertEqual(err, message + "\n")

    def test_volume(self):
        path = self.write("volume.json", model(10, 1e308))
        message = ('the volume of market "maize" level "producer" 2010' + VOLUME_TAIL)
        for fmt in ("text", "json"):
            self.assertFails(("analyze", "--format", fmt, path),
                             f"marketgraph analyze: {path}: concentration: {message}")
            self.assertFails(("summary", "--format", fmt, path),
                             'marketgraph summary: summary: the volume of commodity "maize"'
                             + VOLUME_TAIL)
            self.assertFails(("shock", "--format", fmt, "--remove", "p1", path),
                             f'marketgraph shock: {path}: shock: the volume bought by '
                             'actor "t"' + VOLUME_TAIL)

    def test_households(self):
        path = self.write("households.json", model(HALF_PLUS_ONE, 1))
        for fmt in ("text", "json"):
            self.assertFails(("analyze", "--format", fmt, path),
                             f"marketgraph analyze: {path}: inclusiveness: the households "
                             "of the producers overflow" + HOUSEHOLDS_TAIL)
            self.assertFails(("summary", "--format", fmt, path),
                             "marketgraph summary: summary: the households of the producer "
                             "actors overflow" + HOUSEHOLDS_TAIL)

    def test_just_below_the_limits(self):
        """INT64_MAX - 1 households and 1.6e308 of volume are written exactly."""
        path = self.write("below.json", model(HALF, 8e307))
        code, out, err = run("summary", "--format", "json", path)
        self.assertEqual(code, 0, err)
        summary = strict_json(out)
        self.assertEqual(summary["households"], 2**63 - 2)
        # one commodity, one chain: the chain's volume (there is no total volume)
        self.assertEqual(summary["chains"][0]["volume"], 1.6e308 + 1)
        code, out, err = run("analyze", "--format", "json", path)
        self.assertEqual(code, 0, err)
        report = strict_json(out)  # strict: no NaN, no Infinity
        inclusiveness = report["inclusiveness"]
        self.assertEqual(inclusiveness["households_producers"], 2**63 - 2)
        self.assertEqual(inclusiveness["produce_volume"], 1.6e308 + 1)
        code, out, err = run("analyze", path)
        self.assertEqual(code, 0, err)
        self.assertIsNone(re.search(r"\b(inf|nan)\b", out, re.IGNORECASE), out)


if __name__ == "__main__":
    unittest.main()
