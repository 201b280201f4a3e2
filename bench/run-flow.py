#!/usr/bin/env python3
"""Run the flow benchmarks at several sizes: marketgraph and igraph
(bench-flow) and NetworkX (bench-flow-networkx.py) on the same generated
flow networks in the same run, and print a Markdown table of median times
and ratios (wall clock and CPU time: on a machine shared with other work
the CPU time is the figure to trust), then the peak memory of every
bottleneck section at once.

    python3 bench/run-flow.py --build BUILD_DIR [--sizes 1000,10000,100000,1000000]
        [--runs 5] [--nx-runs 5] [--nx-big-runs 1] [--no-networkx]

BUILD_DIR is a meson build directory of this project (optimised:
buildtype=release or debugoptimized).  NetworkX runs --nx-big-runs times
at a million actors, where one run takes minutes.
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROWS = [
    ("maxflow", "max-flow with the cut"),
    ("shock", "exit shock (largest captive holder)"),
    ("bottlenecks", "all bottleneck sections (graph view included)"),
]


def parse(text, into):
    for line in text.splitlines():
        p = line.split("\t")
        if len(p) == 5:
            into[(p[0], p[1])] = (float(p[2]), float(p[3]))


def fmt(x):
    if x is None:
        return "-"
    return "%.3f" % x if x >= 0.01 else "%.4f" % x


def ratio(peer, ours):
    if peer is None or ours is None or ours == 0:
        return "-"
    return "%.1f" % (peer / ours)


def both(f, pair):
    """'wall (cpu)' of a (wall, cpu) pair."""
    if pair is None:
        return "-"
    return "%s (%s)" % (f(pair[0]), f(pair[1]))


def both2(f, a, b):
    if a is None or b is None:
        return "-"
    return "%s (%s)" % (f(a[0], b[0]), f(a[1], b[1]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--nx-runs", type=int, default=5)
    ap.add_argument("--nx-big-runs", type=int, default=1)
    ap.add_argument("--no-networkx", action="store_true")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    exe = os.path.join(args.build, "bench", "bench-flow")
    sizes = [int(s) for s in args.sizes.split(",")]
    memory = {}

    print("| actors | analysis | marketgraph s | igraph s | NetworkX s | igraph / ours | NetworkX / ours |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    print("| | | wall (CPU) | wall (CPU) | wall (CPU) | wall (CPU) | wall (CPU) |")
    for n in sizes:
        res = {}
        with tempfile.TemporaryDirectory() as tmp:
            net = os.path.join(tmp, "network.txt")
            out = subprocess.run([exe, "-n", str(n), "-r", str(args.runs), "-o", net],
                                 check=True, capture_output=True, text=True)
            sys.stderr.write(out.stderr)
            parse(out.stdout, res)
            if not args.no_networkx:
                runs = args.nx_big_runs if n >= 1000000 else args.nx_runs
                out = subprocess.run([sys.executable, os.path.join(here, "bench-flow-networkx.py"),
                                      net, "--runs", str(runs)],
                                     check=True, capture_output=True, text=True)
                sys.stderr.write(out.stderr)
                parse(out.stdout, res)
        out = subprocess.run([exe, "-n", str(n), "-m"], check=True, capture_output=True, text=True)
        sys.stderr.write(out.stderr)
        parse(out.stdout, memory.setdefault(n, {}))
        for row, label in ROWS:
            ours = res.get((row, "marketgraph"))
            ig = res.get((row, "igraph"))
            nxt = res.get((row, "networkx"))
            if ours is None and ig is None and nxt is None:
                continue
            print("| %d | %s | %s | %s | %s | %s | %s |" % (
                n, label, both(fmt, ours), both(fmt, ig), both(fmt, nxt),
                both2(ratio, ig, ours), both2(ratio, nxt, ours)), flush=True)
    print()
    print("| actors | peak memory of all bottleneck sections beyond the model |")
    print("|---:|---:|")
    for n in sizes:
        mb = memory[n].get(("memory", "marketgraph"))
        print("| %d | %s MB |" % (n, "-" if mb is None else "%.0f" % mb[0]))


if __name__ == "__main__":
    sys.exit(main())
