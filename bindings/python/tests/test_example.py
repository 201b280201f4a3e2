# SPDX-License-Identifier: MIT
"""examples/python/whatif.py runs on the seed example and says what it should."""

import os
import subprocess
import sys
import unittest

ROOT = os.environ.get("MARKETGRAPH_SOURCE_ROOT",
                      os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SCRIPT = os.path.join(ROOT, "examples", "python", "whatif.py")


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


@unittest.skipUnless(os.path.exists(SCRIPT), "examples/python/whatif.py not found")
class Example(unittest.TestCase):
    def test_seed_example(self):
        done = run()
        self.assertEqual(done.returncode, 0, done.stderr)
        out = done.stdout
        self.assertTrue(out.startswith("Native potato chain, central Andes of Peru"), out)
        for heading in ("Highly concentrated markets (us2023 thresholds):",
                        "Groups presumed harmful if they act as one firm:",
                        "What if ", "stops trading?", "act as one firm?"):
            self.assertIn(heading, out)
        # by default the actor with the most captive supply exits
        self.assertIn("Actors whose exit would cut producers off from every end market:\n"
                      "  mayorista-lima: 3 producer(s), supply 600\n", out)
        self.assertIn("What if mayorista-lima stops trading?\n"
                      "  stranded producers: pg-kichki, pg-obas, pg-yauli (supply 600)\n", out)
        # the two largest buyers of native potato in 2012, as one firm
        self.assertIn("What if snack-multinational and mayorista-lima act as one firm?", out)
        self.assertIn("native-potato, 2012", out)
        self.assertIn("PRESUMED HARMFUL", out)

    def test_options_and_errors(self):
        done = run("--coalition", "pg-comas,pg-quilcas", "--exit", "col-huancayo")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("What if col-huancayo stops trading?", done.stdout)
        self.assertIn("What if pg-comas and pg-quilcas act as one firm?", done.stdout)
        done = run("--coalition", "pg-comas,nobody")
        self.assertEqual(done.returncode, 1)
        self.assertEqual(done.stderr, 'whatif: coalition: unknown actor "nobody"\n')
        done = run("/nonexistent.json")
        self.assertEqual(done.returncode, 1)
        self.assertEqual(done.stderr,
                         "whatif: /nonexistent.json: cannot open: No such file or directory\n")


if __name__ == "__main__":
    unittest.main()
