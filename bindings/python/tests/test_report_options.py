# SPDX-License-Identifier: MIT
"""report()'s options for large models: sections, top, threads and the
progress callback (its cancel raises CanceledError, or the callback's own
exception), each the same as the command-line tool's flag."""

import os
import tempfile
import unittest

import marketgraph as mg
from support import SAMPLE, cli, run_cli


class ReportOptions(unittest.TestCase):
    def setUp(self):
        self.model = mg.from_dict(SAMPLE)

    def test_sections_and_top_as_the_tool(self):
        whole = self.model.report()
        part = self.model.report(sections=["value", "dependency"], top=1)
        self.assertEqual(part["options"]["sections"], "value,dependency")
        self.assertEqual(part["options"]["top"], 1)
        self.assertEqual(list(part)[4:], ["dependency", "value"])
        self.assertEqual(part["dependency"]["pairs"], whole["dependency"]["pairs"][:1])
        self.assertEqual(self.model.report(sections="value,dependency", top=1), part)
        if cli():
            with tempfile.TemporaryDirectory() as d:
                path = os.path.join(d, "m.json")
                self.model.save(path)
                self.assertEqual(run_cli("analyze", "-f", "json", "--sections",
                                         "value,dependency", "--top", "1", path), part)

    def test_threads_same_report(self):
        self.assertEqual(self.model.report(threads=1), self.model.report(threads=3))

    def test_progress(self):
        calls = []
        self.model.report(sections=["groups", "dependency"],
                          progress=lambda s, f: calls.append((s, round(f, 4))))
        # weights: concentration 2 (needed by groups), dependency 3, groups 1
        self.assertEqual(calls, [("concentration", 0.0), ("dependency", 0.3333),
                                 ("groups", 0.8333), ("done", 1.0)])

    def test_cancel(self):
        with self.assertRaises(mg.CanceledError) as e:
            self.model.report(progress=lambda s, f: s == "value")
        self.assertEqual(str(e.exception),
                         "report: canceled by the progress callback before value")
        self.assertEqual(e.exception.code, -11)

        def fails(section, fraction):
            raise KeyError(section)
        with self.assertRaises(KeyError):
            self.model.report_text(progress=fails)
        # the model is still usable
        self.assertIn("dependency", self.model.report())

    def test_errors(self):
        with self.assertRaises(mg.InvalidArgumentError) as e:
            self.model.report(sections=["prices"])
        self.assertTrue(str(e.exception).startswith('sections: unknown section "prices"'))
        with self.assertRaises(TypeError):
            self.model.report(progress=3)
        with self.assertRaises(mg.InvalidArgumentError):
            self.model.report(top=-1)


if __name__ == "__main__":
    unittest.main()
