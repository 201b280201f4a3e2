#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Each module header in include/marketgraph/ must fail to compile when it is
included directly, with the message that points to <marketgraph.h>.

Usage: check-direct-include.py --source-include DIR --build-include DIR -- CC [ARGS...]
"""
import argparse
import os
import subprocess
import sys
import tempfile

EXPECTED = "Only <marketgraph.h> can be included directly."


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source-include", required=True)
    ap.add_argument("--build-include", required=True)
    ap.add_argument("cc", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cc = [a for a in args.cc if a != "--"]
    names = set()
    for d in (args.source_include, args.build_include):
        sub = os.path.join(d, "marketgraph")
        if os.path.isdir(sub):
            names.update(n for n in os.listdir(sub) if n.endswith(".h"))
    if not names:
        print("no module headers found")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(names):
            src = os.path.join(tmp, "direct.c")
            with open(src, "w", encoding="utf-8") as f:
                f.write(f"#include <marketgraph/{name}>\nint main(void) {{ return 0; }}\n")
            cmd = cc + ["-fsyntax-only", "-I", args.source_include, "-I", args.build_include, src]
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode == 0:
                print(f"FAIL: <marketgraph/{name}> compiled when included directly")
                failures += 1
            elif EXPECTED not in r.stderr:
                print(f"FAIL: <marketgraph/{name}> failed without the expected message:\n{r.stderr}")
                failures += 1
            else:
                print(f"ok: <marketgraph/{name}> refuses direct inclusion")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
