#!/usr/bin/env python3
"""Run the bottleneck benchmarks at several sizes: marketgraph and igraph
(bench-bottlenecks) and NetworkX (bench-networkx.py) on the same generated
graphs in the same run, and print a Markdown table of median CPU times
(milliseconds) and ratios.

    python3 bench/run-bottlenecks.py --build BUILD_DIR [--sizes 1000,10000,100000,1000000]
        [--runs 5] [--nx-runs 5] [--nx-big-runs 3] [--nx-exact-max 1000]

BUILD_DIR is a meson build directory of this project (optimised:
buildtype=release or debugoptimized).  NetworkX runs --nx-big-runs times
(instead of --nx-runs) at a million actors, where one run of a row can take
a minute, and leaves out its sampled betweenness there (--nx-big-skip).
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROWS = [
    ("graph_view", "graph view (igraph: create only)"),
    ("graph_view_merged", "graph view (igraph: create + simplify, the same merged graph)"),
    ("id_order", "id order + id copy (once per model, shared by the results)"),
    ("cutpoints", "articulation points + bridges"),
    ("dominators", "both dominator trees (+ captive, stranded, gatekeepers)"),
    ("betweenness_sampled", "betweenness, 256 pivots (both columns)"),
    ("betweenness_exact", "betweenness, exact (both columns)"),
    ("throughput", "throughput"),
]


def parse(text, into):
    for line in text.splitlines():
        p = line.split("\t")
        if len(p) == 4:
            into[(p[0], p[1])] = float(p[2])


def fmt(seconds):
    """Milliseconds, 3 significant digits."""
    if seconds is None:
        return "-"
    ms = seconds * 1000.0
    return "%.0f" % ms if ms >= 100 else "%.3g" % ms


def ratio(peer, ours):
    if peer is None or ours is None or ours == 0:
        return "-"
    return "%.1f" % (peer / ours)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--nx-runs", type=int, default=5)
    ap.add_argument("--nx-big-runs", type=int, default=3)
    ap.add_argument("--nx-exact-max", type=int, default=1000)
    ap.add_argument("--nx-big-skip", default="betweenness_sampled",
                    help="NetworkX rows not run at a million actors (comma-separated); "
                         "its sampled betweenness takes about 2 minutes at 100,000 actors")
    ap.add_argument("--no-networkx", action="store_true")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    exe = os.path.join(args.build, "bench", "bench-bottlenecks")

    memory = []
    print("| actors | analysis | marketgraph ms | igraph ms | NetworkX ms | igraph / ours | NetworkX / ours |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for n in [int(s) for s in args.sizes.split(",")]:
        res = {}
        with tempfile.TemporaryDirectory() as tmp:
            edges = os.path.join(tmp, "edges.txt")
            out = subprocess.run([exe, "-n", str(n), "-r", str(args.runs), "-o", edges],
                                 check=True, capture_output=True, text=True)
            sys.stderr.write(out.stderr)
            parse(out.stdout, res)
            if not args.no_networkx:
                big = n >= 1000000
                out = subprocess.run([sys.executable, os.path.join(here, "bench-networkx.py"),
                                      edges, "--runs", str(args.nx_big_runs if big else args.nx_runs),
                                      "--exact-max", str(args.nx_exact_max),
                                      "--skip", args.nx_big_skip if big else ""],
                                     check=True, capture_output=True, text=True)
                parse(out.stdout, res)
        memory.append((n, res.get(("memory_beyond_model_mb", "marketgraph"))))
        for row, label in ROWS:
            # Our graph view merges parallel transactions, as NetworkX's
            # DiGraph does: both appear on the merged row.
            base = "graph_view" if row == "graph_view_merged" else row
            ours = res.get((base, "marketgraph"))
            ig = res.get((row, "igraph"))
            nxt = None if row == "graph_view" else res.get((base, "networkx"))
            if ours is None and ig is None and nxt is None:
                continue
            print("| %d | %s | %s | %s | %s | %s | %s |" % (
                n, label, fmt(ours), fmt(ig), fmt(nxt), ratio(ig, ours), ratio(nxt, ours)),
                flush=True)
    print()
    print("| actors | peak memory of the analyses above, beyond the model (MB) |")
    print("|---:|---:|")
    for n, mb in memory:
        print("| %d | %s |" % (n, "-" if mb is None else "%.0f" % mb))


if __name__ == "__main__":
    sys.exit(main())
