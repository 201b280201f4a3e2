# SPDX-License-Identifier: MIT
"""marketgraph.compare(): two models side by side, as `marketgraph compare`."""
import os
import unittest

import marketgraph as mg
from support import cli, example_models, run_cli


def potato():
    models = {os.path.basename(p): p for p in example_models()}
    return models["potato-andes-2008.json"], models["potato-andes.json"]


class Compare(unittest.TestCase):
    def test_potato(self):
        before, after = potato()
        result = mg.compare(mg.load(before), mg.load(after))
        self.assertEqual([a["id"] for a in result["actors"]], ["snack-multinational"])
        self.assertEqual(result["outlets"]["after"]["one_outlet"], 6)
        self.assertEqual([r["record"] for r in result["systemic"]["take_over"]],
                         ["f-embedded-ta"])
        text = mg.compare(mg.load(before), mg.load(after), text=True)
        self.assertIn("3. Systemic change", text)
        if cli():
            self.assertEqual(result, run_cli("compare", "--format", "json", before, after))

    def test_same_model_twice(self):
        m = mg.load(potato()[1])
        result = mg.compare(m, m)
        self.assertEqual(result["links"]["changed"], [])
        self.assertEqual(result["systemic"]["resilience"]["signals"], 0)

    def test_options_and_errors(self):
        b, a = (mg.load(p) for p in potato())
        strict = mg.compare(b, a, link_threshold=0.5)
        self.assertEqual(strict["links"]["threshold"], 0.5)
        with self.assertRaises(mg.InvalidArgumentError) as e:
            mg.compare(b, a, link_threshold=1.5)
        self.assertEqual(str(e.exception), "link_threshold: must be in [0, 1), got 1.5")
        with self.assertRaises(mg.NotFoundError) as e:
            mg.compare(b, a, after_period="2015")
        self.assertEqual(str(e.exception),
                         'after: period: no transaction in period "2015" (periods: 2012)')
        with self.assertRaises(TypeError):
            mg.compare(b, "potato-andes.json")


if __name__ == "__main__":
    unittest.main()
