#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every command that writes a file never loses a user's data, and every
write failure says which file and why, in the same words (docs/interop.md,
"Output files"); list and number options are checked (README, --help).

Environment (set by tests/cli/meson.build):
  MARKETGRAPH        the built tool
  MKG_SOURCE_ROOT    the source tree
"""
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXAMPLE = os.path.join(ROOT, "tests", "data", "cli-potato.json")
NAME_MAX = os.pathconf("/tmp", "PC_NAME_MAX")
TABLES = ["actors.csv", "document.csv", "facilitation.csv", "memberships.csv",
          "transactions.csv"]
HINT = " (try 'marketgraph {} --help')\n"


def run(*args, stdout=subprocess.PIPE, env=None, preexec_fn=None):
    """Run the tool; return (exit code, stdout bytes, stderr text)."""
    r = subprocess.run([TOOL, *args], stdin=subprocess.DEVNULL, stdout=stdout,
                       stderr=subprocess.PIPE, timeout=120, env=env, preexec_fn=preexec_fn)
    return r.returncode, r.stdout or b"", r.stderr.decode("utf-8", "replace")


# In a coverage build the limit would also cut the counters the program
# writes at exit (gcovr then fails on negative counts): no such test there.
LIMITS_CUT_COUNTERS = os.environ.get("MKG_COVERAGE_BUILD") == "1"
needs_file_limits = unittest.skipIf(LIMITS_CUT_COUNTERS,
                                    "a coverage build writes its counters under the limit")


def sized_files(limit):
    """In the child: files may not grow past limit bytes (a write fails with
    EFBIG half-way, as on a full disk)."""
    def setup():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    return setup


# Every output here is longer than 100 bytes.
small_files = sized_files(100)
# The example's actors.csv (2354 bytes) fits, its transactions.csv (4180) does not.
ACTORS_FIT = 4000


def read(path):
    with open(path, "rb") as f:
        return f.read()


# Each command that writes a file with -o, and the arguments before -o.
def commands(tmp):
    with open(os.path.join(tmp, "a.csv"), "w") as f:
        f.write("id,kind\na,producer\nb,trader\n")
    with open(os.path.join(tmp, "t.csv"), "w") as f:
        f.write("seller,buyer,commodity,volume\na,b,maize,3\n")
    return {
        "export json": ["export", EXAMPLE],
        "export dot": ["export", EXAMPLE, "--format", "dot"],
        "export graphml": ["export", EXAMPLE, "--format", "graphml"],
        "export kumu": ["export", EXAMPLE, "--format", "kumu"],
        "import-csv": ["import-csv", "--actors", os.path.join(tmp, "a.csv"),
                       "--transactions", os.path.join(tmp, "t.csv")],
        "analyze": ["analyze", EXAMPLE],
        "shock": ["shock", EXAMPLE, "--remove", "mayorista-lima"],
        "render": ["render", EXAMPLE, "--format", "svg"],
    }


class Case(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mkg-test-output-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.commands = commands(self.tmp)

    def path(self, *names):
        return os.path.join(self.tmp, *names)

    def listing(self, *names):
        return sorted(os.listdir(self.path(*names)))


class OutputFiles(Case):
    def test_users_tmp_file_survives(self):
        for label, args in self.commands.items():
            with self.subTest(label):
                out = self.path("out")
                with open(out + ".tmp", "w") as f:
                    f.write("mine")
                self.assertEqual(run(*args, "-o", out), (0, b"", ""))
                self.assertEqual(read(out + ".tmp"), b"mine")
                self.assertGreater(len(read(out)), 0)
                os.remove(out)
                os.remove(out + ".tmp")

    def test_symlink_at_tmp_name_untouched(self):
        for label, args in self.commands.items():
            with self.subTest(label):
                out, victim = self.path("out"), self.path("victim")
                with open(victim, "w") as f:
                    f.write("precious")
                os.symlink(victim, out + ".tmp")
                self.assertEqual(run(*args, "-o", out), (0, b"", ""))
                self.assertEqual(read(victim), b"precious")
                self.assertTrue(os.path.islink(out + ".tmp"))
                self.assertFalse(os.path.islink(out))
                self.assertEqual(self.listing(), ["a.csv", "out", "out.tmp", "t.csv", "victim"])
                for name in ("out", "out.tmp", "victim"):
                    os.remove(self.path(name))

    def test_mode_kept(self):
        old = os.umask(0o022)
        self.addCleanup(os.umask, old)
        for label, args in self.commands.items():
            with self.subTest(label):
                out = self.path("secret")
                with open(out, "w") as f:
                    f.write("old")
                os.chmod(out, 0o600)
                self.assertEqual(run(*args, "-o", out), (0, b"", ""))
                self.assertNotEqual(read(out), b"old")
                self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
                os.remove(out)
                # a new file: 0666 less the umask
                self.assertEqual(run(*args, "-o", out), (0, b"", ""))
                self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o644)
                os.remove(out)

    def test_name_max(self):
        for label, args in self.commands.items():
            with self.subTest(label):
                out = self.path("n" * (NAME_MAX - 4) + ".svg")
                self.assertEqual(run(*args, "-o", out), (0, b"", ""))
                self.assertTrue(os.path.isfile(out))
                os.remove(out)
                self.assertEqual(self.listing(), ["a.csv", "t.csv"])

    def test_missing_directory(self):
        out = self.path("no-such-dir", "out.json")
        for label, args in self.commands.items():
            with self.subTest(label):
                command = args[0]
                self.assertEqual(run(*args, "-o", out),
                                 (1, b"", f"marketgraph {command}: {out}: cannot write: "
                                          "No such file or directory\n"))
                self.assertEqual(self.listing(), ["a.csv", "t.csv"])

    @needs_file_limits
    def test_failed_write_leaves_the_old_file(self):
        for label, args in self.commands.items():
            with self.subTest(label):
                out = self.path("out")
                with open(out, "w") as f:
                    f.write("old")
                code, stdout, err = run(*args, "-o", out, preexec_fn=small_files)
                self.assertEqual((code, stdout), (1, b""), err)
                if label != "render":  # dot says it its own way
                    self.assertEqual(err, f"marketgraph {args[0]}: {out}: cannot write: "
                                          "File too large\n")
                self.assertEqual(read(out), b"old")
                self.assertEqual(self.listing(), ["a.csv", "out", "t.csv"])
                os.remove(out)

    @unittest.skipIf(os.geteuid() == 0, "root writes into read-only directories")
    def test_read_only_directory(self):
        ro = self.path("ro")
        os.mkdir(ro)
        os.chmod(ro, 0o555)
        self.addCleanup(os.chmod, ro, 0o755)
        out = os.path.join(ro, "out")
        for label, args in self.commands.items():
            with self.subTest(label):
                self.assertEqual(run(*args, "-o", out),
                                 (1, b"", f"marketgraph {args[0]}: {out}: cannot write: "
                                          "Permission denied\n"))
                self.assertEqual(os.listdir(ro), [])

    def test_full_device(self):
        for label, args in self.commands.items():
            with self.subTest(label):
                code, stdout, err = run(*args, "-o", "/dev/full")
                self.assertEqual((code, stdout), (1, b""), err)
                if label != "render":
                    self.assertEqual(err, f"marketgraph {args[0]}: /dev/full: cannot write: "
                                          "No space left on device\n")

    def test_render_dot_fails(self):
        # dot writes half a picture and fails: the old picture stays
        bindir = self.path("bin")
        os.mkdir(bindir)
        with open(os.path.join(bindir, "dot"), "w") as f:
            f.write("#!/bin/sh\necho partial\necho 'boom' >&2\nexit 3\n")
        os.chmod(os.path.join(bindir, "dot"), 0o755)
        out = self.path("map.svg")
        with open(out, "w") as f:
            f.write("old")
        env = dict(os.environ, PATH=bindir)
        self.assertEqual(run("render", EXAMPLE, "-o", out, env=env),
                         (1, b"", "marketgraph render: dot failed: boom\n"))
        self.assertEqual(read(out), b"old")
        self.assertEqual(self.listing(), ["a.csv", "bin", "map.svg", "t.csv"])


class StandardOutput(Case):
    def test_full_standard_output(self):
        """Any command whose standard output cannot be written says so."""
        for args in (["validate", EXAMPLE], ["summary", EXAMPLE], ["analyze", EXAMPLE],
                     ["export", EXAMPLE], ["export", EXAMPLE, "-f", "dot"],
                     ["shock", EXAMPLE, "--remove", "mayorista-lima"],
                     ["import-csv", "--actors", self.path("a.csv"),
                      "--transactions", self.path("t.csv")]):
            with self.subTest(args[0]), open("/dev/full", "wb") as full:
                self.assertEqual(run(*args, stdout=full),
                                 (1, b"", f"marketgraph {args[0]}: <stdout>: cannot write: "
                                          "No space left on device\n"))
        with open("/dev/full", "wb") as full:
            self.assertEqual(run("--version", stdout=full),
                             (1, b"", "marketgraph: <stdout>: cannot write: "
                                      "No space left on device\n"))


class DashIsStandardOutput(unittest.TestCase):
    """Every writer honours -o - (standard output, no file named "-") or
    refuses it with a usage error."""

    def test_every_writer(self):
        with tempfile.TemporaryDirectory() as d:
            cases = [("export", EXAMPLE), ("export", EXAMPLE, "--format", "dot"),
                     ("export", EXAMPLE, "--format", "graphml"),
                     ("export", EXAMPLE, "--format", "kumu"),
                     ("summary", EXAMPLE), ("summary", EXAMPLE, "--format", "json"),
                     ("analyze", EXAMPLE), ("analyze", EXAMPLE, "--format", "json")]
            for args in cases:
                with self.subTest(args=args):
                    want = subprocess.run([TOOL, *args], capture_output=True, cwd=d)
                    got = subprocess.run([TOOL, *args, "-o", "-"], capture_output=True, cwd=d)
                    self.assertEqual((got.returncode, got.stderr), (0, b""))
                    self.assertEqual(got.stdout, want.stdout)
                    self.assertEqual(os.listdir(d), [])
            # summary -o FILE writes what it prints
            out = os.path.join(d, "summary.txt")
            self.assertEqual(run("summary", EXAMPLE, "-o", out), (0, b"", ""))
            with open(out, "rb") as f:
                self.assertEqual(f.read(), run("summary", EXAMPLE)[1])
            os.unlink(out)
            code, text, err = run("export", EXAMPLE, "--format", "csv", "-o", "-")
            self.assertEqual((code, text), (2, b""))
            self.assertEqual(err, "marketgraph export: --format csv writes one file per table, "
                                  "not standard output: give --dir DIR or -o PREFIX (try "
                                  "'marketgraph export --help')\n")
            self.assertEqual(os.listdir(d), [])


class CsvDirectory(Case):
    def export(self, d, **kw):
        return run("export", EXAMPLE, "--format", "csv", "--dir", d, **kw)

    def test_new_directory_and_parents(self):
        d = self.path("x", "y", "tables")
        self.assertEqual(self.export(d), (0, b"", ""))
        self.assertEqual(sorted(os.listdir(d)), TABLES)
        self.assertEqual(self.listing("x", "y"), ["tables"])

    def test_tables_replaced_whole(self):
        d = self.path("tables")
        self.assertEqual(self.export(d), (0, b"", ""))
        first = {n: read(os.path.join(d, n)) for n in TABLES}
        os.chmod(d, 0o700)
        # an older set: some tables changed, one missing
        with open(os.path.join(d, "actors.csv"), "w") as f:
            f.write("id,kind\nold,producer\n")
        os.remove(os.path.join(d, "memberships.csv"))
        self.assertEqual(self.export(d), (0, b"", ""))
        self.assertEqual({n: read(os.path.join(d, n)) for n in TABLES}, first)
        self.assertEqual(stat.S_IMODE(os.stat(d).st_mode), 0o700)
        self.assertEqual(self.listing(), ["a.csv", "t.csv", "tables"])

    def old_set(self, prefix):
        """Five small tables, as an older export left them."""
        for n in TABLES:
            with open(prefix + n, "w") as f:
                f.write("old " + n)

    def assert_old_set(self, prefix):
        for n in TABLES:
            self.assertEqual(read(prefix + n), ("old " + n).encode())

    @needs_file_limits
    def test_failure_changes_nothing(self):
        # actors.csv fits under the size limit, transactions.csv does not:
        # table by table, the old set and the new one would be mixed.
        d = self.path("tables")
        os.mkdir(d)
        self.old_set(d + "/")
        code, out, err = self.export(d, preexec_fn=sized_files(ACTORS_FIT))
        self.assertEqual((code, out), (1, b""))
        self.assertEqual(err, f"marketgraph export: {d}/transactions.csv: cannot write: "
                              "File too large\n")
        self.assertEqual(sorted(os.listdir(d)), TABLES)
        self.assert_old_set(d + "/")
        self.assertEqual(self.listing(), ["a.csv", "t.csv", "tables"])

    def test_other_files_refused(self):
        d = self.path("tables")
        os.mkdir(d)
        with open(os.path.join(d, "notes.txt"), "w") as f:
            f.write("mine")
        with open(os.path.join(d, "actors.csv"), "w") as f:
            f.write("old")
        self.assertEqual(self.export(d),
                         (1, b"", f"marketgraph export: {d}: cannot write: the directory "
                                  "holds 'notes.txt', which is not one of the tables; give a "
                                  "new or empty directory\n"))
        self.assertEqual(sorted(os.listdir(d)), ["actors.csv", "notes.txt"])
        self.assertEqual(read(os.path.join(d, "actors.csv")), b"old")

    @needs_file_limits
    def test_prefix_failure_changes_nothing(self):
        prefix = self.path("set-")
        self.old_set(prefix)
        code, out, err = run("export", EXAMPLE, "--format", "csv", "-o", prefix,
                             preexec_fn=sized_files(ACTORS_FIT))
        self.assertEqual((code, out), (1, b""))
        self.assertEqual(err, f"marketgraph export: {prefix}transactions.csv: cannot write: "
                              "File too large\n")
        self.assertEqual(self.listing(), sorted(["a.csv", "t.csv"] +
                                                ["set-" + n for n in TABLES]))
        self.assert_old_set(prefix)


class ListOptions(Case):
    def shock(self, *args):
        return run("shock", EXAMPLE, "-f", "json", *args)

    def test_repeated_lists_add_up(self):
        together = self.shock("--remove", "mayorista-lima,col-huancayo")
        self.assertEqual(together[0], 0, together[2])
        self.assertEqual(self.shock("--remove", "mayorista-lima", "-r", "col-huancayo"),
                         together)
        code, out, err = run("analyze", EXAMPLE, "-f", "json", "--coalition", "pg-comas",
                             "-c", "pg-obas,pg-yauli")
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(json.loads(out)["options"]["coalition"],
                         ["pg-comas", "pg-obas", "pg-yauli"])

    def test_empty_lists_and_items(self):
        for command, option, base in (("shock", "--remove", ["shock", EXAMPLE]),
                                      ("analyze", "--coalition", ["analyze", EXAMPLE])):
            for value in ("", " "):
                with self.subTest(option=option, value=value):
                    self.assertEqual(run(*base, option, value),
                                     (2, b"", f"marketgraph {command}: {option}: empty list, "
                                              "expected ID[,ID...]" + HINT.format(command)))
            # an empty value among good ones is still an error
            self.assertEqual(run(*base, option, "pg-comas", option, ""),
                             (2, b"", f"marketgraph {command}: {option}: empty list, "
                                      "expected ID[,ID...]" + HINT.format(command)))
            for value in ("a,", ",a", "a, ,b"):
                with self.subTest(option=option, value=value):
                    self.assertEqual(run(*base, option, value),
                                     (2, b"", f"marketgraph {command}: {option}: empty actor "
                                              f'id in "{value}"' + HINT.format(command)))

    def test_help_says_lists_add_up(self):
        for command, option in (("shock", "--remove"), ("analyze", "--coalition")):
            code, out, _ = run(command, "--help")
            self.assertEqual(code, 0)
            line = next(l for l in out.decode().splitlines() if l.lstrip().startswith("-")
                        and option + "=" in l)
            self.assertIn("may be repeated: the lists add up", line)


class NumberOptions(Case):
    def test_dpi_range(self):
        for value in ("0", "-1", "1201", "99999999999999999999", "abc", "", "9.5"):
            with self.subTest(value):
                self.assertEqual(run("render", EXAMPLE, "-o", self.path("map.png"),
                                     "--dpi", value),
                                 (2, b"", "marketgraph render: --dpi must be between 1 and "
                                          f"1200, got {value}" + HINT.format("render")))
        self.assertEqual(self.listing(), ["a.csv", "t.csv"])


class Encodings(Case):
    def test_utf16_model_named(self):
        path = self.path("unicode.json")
        with open(EXAMPLE, encoding="utf-8") as f:
            text = f.read()
        for codec, name in (("utf-16", "UTF-16 (byte order mark FF FE)"),
                            ("utf-16-be", "UTF-16 (a NUL byte with each character)"),
                            ("utf-32", "UTF-32 (byte order mark FF FE 00 00)")):
            with self.subTest(codec):
                with open(path, "wb") as f:
                    f.write(text.encode(codec))
                self.assertEqual(run("validate", path),
                                 (1, b"", f"{path}: line 1, column 1: the document is {name}, "
                                          "not UTF-8; save it as UTF-8\n"))


if __name__ == "__main__":
    if not os.path.exists("/dev/full"):
        sys.exit(77)
    unittest.main()
