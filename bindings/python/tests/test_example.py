# SPDX-License-Identifier: MIT
"""examples/python/whatif.py runs on the seed example and says what it should."""

import os
import subprocess
import sys
import unittest

import marketgraph as mg

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
        m = mg.load(os.path.join(ROOT, "examples", "models", "potato-andes.json"))
        self.assertTrue(out.startswith(m.name + ":"), out)
        self.assertIn("Highly concentrated markets (us2023 thresholds):", out)
        # the script prints what the library finds: by default the actor with
        # the most captive supply exits ...
        chain = next(c for c in m.bottlenecks()["chains"] if c["captive"])
        top = chain["captive"][0]
        shock = m.shock([top["actor"]], chain=chain["commodity"])
        self.assertIn("Actors whose exit would cut producers off from every end market:\n"
                      "  %s: %d producer(s), supply %g t\n"
                      % (top["actor"], len(top["producers"]), top["supply"]), out)
        self.assertIn("What if %s stops trading?\n  chain %s: stranded producers: %s "
                      "(supply %g t)\n" % (top["actor"], chain["commodity"],
                                           ", ".join(shock["stranded"]),
                                           shock["stranded_supply"]), out)
        # ... and the two largest buyers of the largest market act as one firm
        market = max(m.concentration(), key=lambda k: k["buyer"]["total"])
        pair = [s["actor"] for s in market["buyer"]["shares"][:2]]
        self.assertIn("What if %s and %s act as one firm?\n" % tuple(pair), out)
        harmful = [k for k in m.coalitions(pair, groups=False)[0]["markets"]
                   if k["presumed_harmful"]]
        self.assertEqual(out.count("PRESUMED HARMFUL"), len(harmful))

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
