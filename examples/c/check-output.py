#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run an example program and compare its standard output with the expected
text, byte for byte (the examples are deterministic).

    check-output.py EXPECTED PROGRAM [ARG...]

Run from the source root, so that the programs' arguments can name
examples/models/... as a user would.  Exit 0 when equal, 1 with a diff."""
import difflib
import os
import subprocess
import sys


def main():
    expected_path, argv = sys.argv[1], sys.argv[2:]
    root = os.environ.get("MKG_SOURCE_ROOT", ".")
    done = subprocess.run(argv, capture_output=True, text=True, cwd=root, timeout=120)
    with open(expected_path, encoding="utf-8") as f:
        expected = f.read()
    if done.returncode != 0:
        print(f"{argv[0]}: exit status {done.returncode}\n{done.stderr}")
        return 1
    if done.stdout != expected:
        sys.stdout.writelines(difflib.unified_diff(
            expected.splitlines(True), done.stdout.splitlines(True), expected_path, "output"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
