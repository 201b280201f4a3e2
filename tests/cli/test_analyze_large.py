#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of `marketgraph analyze`'s options for large models: --sections,
--top, --threads, -o streaming, --quiet (on every command) and the
progress line (never on a pipe).

Environment (set by tests/cli/meson.build):
  MARKETGRAPH      the built tool
  MKG_SOURCE_ROOT  the source tree (for examples/models and bench/gen-model.py)
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXAMPLE = os.path.join(ROOT, "examples", "models", "potato-andes.json")
SECTIONS = ["concentration", "coalitions", "dependency", "bottlenecks", "facilitation",
            "value", "inclusiveness", "groups", "channels"]
COMMANDS = ["validate", "export", "summary", "analyze", "shock", "render", "import-csv"]


def run(*args):
    r = subprocess.run([TOOL, *args], capture_output=True, timeout=300)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def report(*args, model=EXAMPLE):
    rc, out, err = run("analyze", "-f", "json", *args, model)
    if rc != 0:
        raise AssertionError(err)
    return out


def row_lists(value, path=""):
    """Every list of objects in value, by its path."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from row_lists(v, path + "." + k)
    elif isinstance(value, list):
        if any(isinstance(v, dict) for v in value):
            yield path, value
        for i, v in enumerate(value):
            yield from row_lists(v, "%s[%d]" % (path, i))


def first_rows(value, n):
    """value with every list of objects cut to its first n rows (docs/report.md)."""
    if isinstance(value, dict):
        return {k: first_rows(v, n) for k, v in value.items()}
    if isinstance(value, list):
        if any(isinstance(v, dict) for v in value):
            value = value[:n]
        return [first_rows(v, n) for v in value]
    return value


class Sections(unittest.TestCase):
    def test_each_section_as_in_the_whole_report(self):
        whole = json.loads(report())
        for name in SECTIONS:
            part = json.loads(report("--sections", name))
            self.assertEqual(part["options"]["sections"], name)
            del part["options"]["sections"]
            self.assertEqual(part["options"], whole["options"])
            self.assertEqual([k for k in part if k not in ("report", "version", "model",
                                                          "options")], [name])
            self.assertEqual(part[name], whole[name], name)

    def test_order_is_the_reports(self):
        part = json.loads(report("--sections", "groups,value,concentration"))
        self.assertEqual(list(part)[4:], ["concentration", "value", "groups"])

    def test_text_summary_says_only_what_the_sections_find(self):
        # The text's summary (docs/report.md) is computed
        # from the sections asked for: with dependency alone, the whole
        # summary's title and its dependence line, nothing else.
        cotton = os.path.join(ROOT, "examples", "models", "cotton-buyer-exit.json")

        def summary(*args):
            rc, out, err = run("analyze", "-q", *args, cotton)
            self.assertEqual(rc, 0, err)
            return out.decode("utf-8").split("\n\n")[0].split("\n")

        whole = summary()
        dependence = [line for line in whole if line.startswith("Producers selling half")]
        self.assertEqual(len(dependence), 1, whole)
        self.assertGreater(len(whole), 2)
        for args in (["--sections", "dependency"], ["--sections", "dependency", "--detail"]):
            self.assertEqual(summary(*args), [whole[0]] + dependence, args)


class Top(unittest.TestCase):
    def test_every_list_is_the_first_rows(self):
        whole = json.loads(report())
        cut = json.loads(report("--top", "2"))
        self.assertEqual(cut["options"].pop("top"), 2)
        self.assertTrue(any(len(v) > 2 for _, v in row_lists(whole)))
        self.assertEqual(cut, first_rows(whole, 2))

    def test_ids_are_never_cut(self):
        cut = json.loads(report("--top", "1", "--sections", "groups"))
        self.assertEqual(cut["groups"][0]["members"],
                         ["chips-andinos", "papa-andina", "restaurants-lima"])


class Output(unittest.TestCase):
    def test_file_is_stdout_bytes(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "r.json")
            for args in ([], ["--sections", "dependency,channels", "--top", "3"]):
                rc, _, err = run("analyze", "-f", "json", "-o", path, *args, EXAMPLE)
                self.assertEqual(rc, 0, err)
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), report(*args))
            self.assertEqual(os.listdir(d), ["r.json"])

    def test_unwritable(self):
        rc, out, err = run("analyze", "-f", "json", "-o", "/nonexistent-dir/r.json", EXAMPLE)
        self.assertEqual((rc, out), (1, b""))
        self.assertEqual(err, "marketgraph analyze: /nonexistent-dir/r.json: cannot write: "
                              "No such file or directory\n")

    def test_threads_same_bytes(self):
        # 3000 actors: exact betweenness over 3000 sources, 47 chunks of 64
        gen = os.path.join(ROOT, "bench", "gen-model.py")
        with tempfile.TemporaryDirectory() as d:
            model = os.path.join(d, "m.json")
            with open(model, "wb") as f:
                f.write(subprocess.run([sys.executable, gen, "--actors", "3000",
                                        "--transactions", "9000"], check=True,
                                       capture_output=True).stdout)
            one = report("--threads", "1", model=model)
            for n in ("2", "4", "7"):
                self.assertEqual(report("--threads", n, model=model), one, n)
            self.assertEqual(report(model=model), one)
            rc, text1, _ = run("analyze", "--threads", "1", model)
            rc, text4, _ = run("analyze", "--threads", "4", model)
            self.assertEqual(text1, text4)

    def test_threads_same_bytes_examples(self):
        # every bundled model, several of them with more than one chain
        models = os.path.join(ROOT, "examples", "models")
        for name in sorted(os.listdir(models)):
            if not name.endswith(".json"):
                continue
            path = os.path.join(models, name)
            one = report("--threads", "1", model=path)
            for n in ("2", "4", "7"):
                self.assertEqual(report("--threads", n, model=path), one, (name, n))


class Usage(unittest.TestCase):
    def check(self, args, message):
        rc, out, err = run("analyze", *args, EXAMPLE)
        self.assertEqual((rc, out), (2, b""))
        self.assertEqual(err, "marketgraph analyze: %s (try 'marketgraph analyze --help')\n"
                         % message)

    def test_errors(self):
        self.check(["--sections", "prices"],
                   "--sections: unknown section \"prices\", expected a comma-separated list "
                   "of concentration, coalitions, dependency, bottlenecks, facilitation, "
                   "value, inclusiveness, groups and channels")
        self.check(["--sections", ""], "--sections: the list is empty")
        self.check(["--top", "0"], "--top: \"0\" is not a whole number from 1 to 2147483647")
        self.check(["--top", "ten"],
                   "--top: \"ten\" is not a whole number from 1 to 2147483647")
        self.check(["--threads", "0"], "--threads: \"0\" is not a whole number from 1 to 1024")
        self.check(["--threads", "2000"],
                   "--threads: \"2000\" is not a whole number from 1 to 1024")

    def test_help(self):
        rc, out, _ = run("analyze", "--help")
        for flag in (b"--sections=LIST", b"--top=N", b"--threads=N", b"-q, --quiet"):
            self.assertIn(flag, out)


class Quiet(unittest.TestCase):
    def test_every_command_takes_it(self):
        for cmd in COMMANDS:
            rc, out, _ = run(cmd, "--help")
            self.assertIn(b"-q, --quiet", out, cmd)
        rc, out, err = run("validate", "--quiet", EXAMPLE)
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(report("-q"), report())

    def test_no_progress_on_a_pipe(self):
        # stderr is a pipe here: never a progress line, even for a long run
        rc, _, err = run("analyze", "-f", "json", EXAMPLE)
        self.assertEqual((rc, err), (0, ""))


if __name__ == "__main__":
    unittest.main()
