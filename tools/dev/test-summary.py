#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Count the results of one or more `meson test` runs and print one line:

    N passed, N failed, N skipped

Reads the JUnit files meson writes (meson-logs/testlog*.junit.xml), where
each TAP subtest (each cmocka test) is a test case of its own.  meson's
JUnit loses the verdict of a TAP test whose subtests all passed but whose
process then failed (a sanitizer report or a leak at exit, a crash after
the last subtest): the matching testlog*.json is read too, and such a test
counts as one more failure.

Checks that are not meson tests (fuzzing, coverage gate, ABI, static
analysis, scale) count one each with `--stage NAME=STATUS`: status 0
passed, 77 skipped, anything else failed (and named on stderr).

Usage: test-summary.py [--stage NAME=STATUS ...] BUILD/meson-logs/testlog.junit.xml [...]
Exit status: 0 when something passed and nothing failed, else 1.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

BAD = {"FAIL", "ERROR", "TIMEOUT", "UNEXPECTEDPASS", "INTERRUPT"}


def junit_counts(path):
    """Return (passed, failed, skipped, names of tests with a failure)."""
    passed = failed = skipped = 0
    failing = set()
    root = ET.parse(path).getroot()
    for suite in root.iter("testsuite"):
        for case in suite.iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
                # exit-code tests: the case is the test; TAP: the suite is.
                failing.add(case.get("name", ""))
                failing.add(suite.get("name", ""))
            elif case.find("skipped") is not None:
                skipped += 1
            else:
                passed += 1
    return passed, failed, skipped, failing


def lost_failures(json_path, failing):
    """Tests that failed as a whole with no failure among their JUnit cases."""
    lost = []
    if not os.path.exists(json_path):
        return lost
    with open(json_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            entry = json.loads(line)
            name = entry.get("name", "")
            if entry.get("result") not in BAD:
                continue
            if name in failing or any(s.endswith("." + name) for s in failing):
                continue
            lost.append(f"{name} ({entry.get('result')}, exit status {entry.get('returncode')})")
    return lost


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    passed = failed = skipped = 0
    paths = []
    args = iter(argv[1:])
    for arg in args:
        if arg != "--stage":
            paths.append(arg)
            continue
        name, _, status = next(args, "?=1").partition("=")
        if status == "0":
            passed += 1
        elif status == "77":
            skipped += 1
        else:
            print(f"stage failed: {name} (status {status})", file=sys.stderr)
            failed += 1
    for path in paths:
        if not os.path.exists(path):
            print(f"{path}: missing (the run did not happen)", file=sys.stderr)
            failed += 1
            continue
        p, f, s, failing = junit_counts(path)
        passed, failed, skipped = passed + p, failed + f, skipped + s
        json_path = path[: -len(".junit.xml")] + ".json" if path.endswith(".junit.xml") else ""
        for name in lost_failures(json_path, failing):
            print(f"failed after its subtests passed: {name}", file=sys.stderr)
            failed += 1
    sys.stderr.flush()
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
