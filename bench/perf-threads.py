#!/usr/bin/env python3
"""How much of each report section's CPU time ran on the worker threads.

Reads `perf script -F comm,tid,time,ip,sym` of a `perf record --call-graph
dwarf` run of bench/scaling-driver (docs/performance.md, "Two cores") and
prints, per section, the samples on the calling thread and on the workers
(threads named mkg-worker).  A calling-thread sample belongs to the section
whose function is under run_sections in its stack; a worker's sample to the
section the calling thread was last seen in.  On two idle cores a section
whose samples are split w on the worker, m on the calling thread takes at
least m / (m + w) of its one-thread time.

    perf record -F 400 --call-graph dwarf,8192 -o p.data \\
        _b/rel/bench/scaling-driver MODEL text /tmp/r.txt 2
    perf script -F comm,tid,time,ip,sym -i p.data | python3 bench/perf-threads.py
"""
import bisect
import collections
import re
import sys

NAMES = {"run_m4p": "m4p", "m4p_compute": "m4p", "mkg__m4p_compute": "m4p"}


def section(symbols):
    if "run_sections" in symbols:
        i = symbols.index("run_sections")
        return NAMES.get(symbols[i - 1], symbols[i - 1]) if i > 0 else "run_sections"
    if "mkg_json_read_file" in symbols:
        return "import"
    return None


def samples(lines):
    """(time, thread name, section or None) of every sample."""
    header, frames = None, []
    for line in lines:
        if not line.strip() or line[0] not in " \t":
            if header is not None:
                yield header[1], header[0], section(frames)
            header, frames = None, []
            if line.strip():
                fields = line.split()
                when = next((float(f[:-1]) for f in fields if re.match(r"^\d+\.\d+:$", f)), 0.0)
                header = (fields[0], when)
            continue
        fields = line.split()
        if len(fields) >= 2:
            frames.append(re.sub(r"\+0x[0-9a-f]+$", "", fields[1]))
    if header is not None:
        yield header[1], header[0], section(frames)


def main():
    all_samples = list(samples(sys.stdin))
    calling = sorted((t, s) for t, c, s in all_samples if not c.startswith("mkg-worker") and s)
    times = [t for t, _ in calling]
    count = collections.defaultdict(lambda: [0, 0])
    for t, c, s in all_samples:
        if c.startswith("mkg-worker"):
            i = bisect.bisect_right(times, t) - 1
            count[calling[i][1] if i >= 0 else "?"][1] += 1
        else:
            count[s or "other"][0] += 1
    print("%-28s %8s %8s %8s" % ("section", "calling", "workers", "workers%"))
    for s, (m, w) in sorted(count.items(), key=lambda kv: -sum(kv[1])):
        print("%-28s %8d %8d %7.1f%%" % (s, m, w, 100.0 * w / max(1, m + w)))
    analysis = [v for s, v in count.items() if s not in ("import", "other", "?")]
    m, w = sum(v[0] for v in analysis), sum(v[1] for v in analysis)
    print("analysis: %d on the calling thread, %d on the workers (%.1f%%)"
          % (m, w, 100.0 * w / max(1, m + w)))


if __name__ == "__main__":
    main()
