#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`marketgraph analyze` (text) takes each section's text as soon as the
section is computed and frees its results (mkg_report_text_new): its bytes
must be those of mkg_report_new() then mkg_report_write_text(), which hold
every result (tests/report/text-helper.c), for every bundled example under
several option sets and for a generated model (bench/gen-model.py).

Environment (set by tests/report/meson.build):
  MARKETGRAPH        the built tool
  MKG_TEXT_HELPER    the built tests/report/text-helper
  MKG_SOURCE_ROOT    the source tree
"""
import glob
import os
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
HELPER = os.environ.get("MKG_TEXT_HELPER", "text-helper")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
MODELS = sorted(glob.glob(os.path.join(ROOT, "examples", "models", "*.json")))

# helper option -> the tool's flags
FLAGS = {
    "detail": ["--detail"], "channels": ["--channels"], "value": ["--measure", "value"],
    "pooled": ["--levels", "pooled"], "seller": ["--by-region", "seller"],
}
OPTION_SETS = [
    [],
    ["detail", "channels"],
    ["value", "exit=2015", "channels"],
    ["pooled", "seller", "detail"],
    ["sections=groups,dependency,channels", "channels"],
    ["sections=facilitation,inclusiveness", "exit=2030"],
    ["sections=value,bottlenecks", "detail"],
    ["thresholds=eu2004", "sections=concentration,coalitions,channels"],
]


def tool_flags(options):
    flags = []
    for o in options:
        if o in FLAGS:
            flags += FLAGS[o]
        else:
            key, value = o.split("=", 1)
            flags += ["--" + {"exit": "exit-date"}.get(key, key), value]
    return flags


def both(model, options):
    memory = subprocess.run([HELPER, model] + options, capture_output=True, timeout=300)
    streamed = subprocess.run([TOOL, "analyze", "--quiet"] + tool_flags(options) + [model],
                              capture_output=True, timeout=300)
    return memory, streamed


class TextStreamTest(unittest.TestCase):
    def check(self, model, options):
        memory, streamed = both(model, options)
        name = "%s %s" % (os.path.basename(model), options)
        self.assertEqual(memory.returncode, 0, name + ": " + memory.stderr.decode())
        self.assertEqual(streamed.returncode, 0, name + ": " + streamed.stderr.decode())
        self.assertGreater(len(memory.stdout), 500, name)
        if memory.stdout != streamed.stdout:
            at = next(i for i, (a, b) in enumerate(zip(memory.stdout, streamed.stdout))
                      if a != b) if len(memory.stdout) == len(streamed.stdout) else min(
                          len(memory.stdout), len(streamed.stdout))
            self.fail("%s: the texts differ near byte %d:\n%r\n%r" % (
                name, at, memory.stdout[max(0, at - 200):at + 200],
                streamed.stdout[max(0, at - 200):at + 200]))

    def test_examples(self):
        self.assertGreaterEqual(len(MODELS), 10)
        for model in MODELS:
            for options in OPTION_SETS:
                with self.subTest(model=os.path.basename(model), options=options):
                    self.check(model, options)

    def test_generated_model(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "gen.json")
            with open(path, "wb") as f:
                subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen-model.py"),
                                "--actors", "20000", "--transactions", "60000", "--seed", "5"],
                               stdout=f, check=True)
            for options in ([], ["detail", "channels"], ["value", "pooled"]):
                with self.subTest(options=options):
                    self.check(path, options)

    def test_failure_is_the_same(self):
        """An unknown coalition actor fails before anything is computed, in
        both, with the same message."""
        memory, streamed = both(MODELS[0], ["coalition=nobody-at-all"])
        self.assertEqual(memory.returncode, 1)
        self.assertNotEqual(streamed.returncode, 0)
        message = memory.stderr.decode().split("report: ", 1)[1].strip()
        self.assertIn(message, streamed.stderr.decode())


if __name__ == "__main__":
    unittest.main()
