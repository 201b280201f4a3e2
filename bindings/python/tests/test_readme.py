# SPDX-License-Identifier: MIT
"""The sessions in bindings/python/README.md run as shown (doctest)."""

import doctest
import os
import unittest

ROOT = os.environ.get("MARKETGRAPH_SOURCE_ROOT",
                      os.path.join(os.path.dirname(__file__), "..", "..", ".."))
README = os.path.join(ROOT, "bindings", "python", "README.md")


class Readme(unittest.TestCase):
    def test_sessions(self):
        cwd = os.getcwd()
        os.chdir(ROOT)  # the session's paths are relative to the source tree
        try:
            result = doctest.testfile(README, module_relative=False, verbose=False)
        finally:
            os.chdir(cwd)
        self.assertGreaterEqual(result.attempted, 6)
        self.assertEqual(result.failed, 0)


if __name__ == "__main__":
    unittest.main()
