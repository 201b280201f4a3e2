# SPDX-License-Identifier: MIT
"""report()'s options for large models: sections, top, threads and the
progress callback (its cancel raises CanceledError, or the callback's own
exception), each the same as the command-line tool's flag."""

import os
import tempfile
import unittest

import marketgraph as mg
from support import SAMPLE, cli, example_models, run_cli


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

    def test_text_streamed_is_the_held_text(self):
        """report_text() streams (mkg_report_text_new): its text is the
        report's held whole (mkg_report_new + mkg_report_write_text), byte
        for byte, on two examples with two option sets."""
        write = mg._native.function("mkg_report_write_text")
        paths = [p for p in example_models()
                 if os.path.basename(p) in ("potato-andes.json", "dairy-two-programmes.json")]
        self.assertEqual(len(paths), 2)
        option_sets = ({}, {"measure": "value", "levels": "pooled", "channels": True,
                            "detail": True, "threads": 1})
        defaults = {"measure": "volume", "thresholds": "us2023", "by_region": False,
                    "exit_date": None, "coalition": None, "levels": "separate"}
        for path in paths:
            m = mg.load(path)
            texts = []
            for kwargs in option_sets:
                with self.subTest(model=os.path.basename(path), options=kwargs):
                    held = m._report(m._report_options(**dict(defaults, **kwargs)),
                                     write=lambda r: mg._native.owned_string(write, r))
                    streamed = m.report_text(**kwargs)
                    self.assertEqual(streamed, held)
                    self.assertTrue(streamed.startswith("Market analysis: "), streamed[:40])
                    texts.append(streamed)
            self.assertNotEqual(texts[0], texts[1])  # the options reached the library
        # the streamed report stops as the held one does
        with self.assertRaises(mg.CanceledError) as e:
            self.model.report_text(progress=lambda s, f: s == "value")
        self.assertEqual(str(e.exception),
                         "report: canceled by the progress callback before value")

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
