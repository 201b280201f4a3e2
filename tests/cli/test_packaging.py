#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What a packaged tool and library are expected to have: a man page per
command holding every flag of its --help, the bash completion, and a
marketgraph.pc whose Cflags are only the include directory.

Environment (tests/cli/meson.build): MARKETGRAPH (the tool), MKG_MAN_DIR
(the generated pages), MKG_SOURCE_ROOT, MKG_PC_DIR (meson-private).
"""
import os
import re
import shutil
import subprocess
import unittest

TOOL = os.environ["MARKETGRAPH"]
MAN_DIR = os.environ["MKG_MAN_DIR"]
ROOT = os.environ["MKG_SOURCE_ROOT"]
PC_DIR = os.environ["MKG_PC_DIR"]


def out(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, check=True, **kwargs).stdout


def commands():
    text = out(TOOL, "--help")
    block = text.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in block.splitlines()]


class ManPages(unittest.TestCase):
    def test_every_command_and_flag(self):
        self.assertIn("render", commands())
        for name in ["marketgraph"] + ["marketgraph-" + c for c in commands()]:
            with self.subTest(page=name):
                with open(os.path.join(MAN_DIR, name + ".1"), encoding="utf-8") as f:
                    page = f.read()
                args = [] if name == "marketgraph" else [name.split("-", 1)[1]]
                flags = set(re.findall(r"--[a-z][a-z-]*", out(TOOL, *args, "--help")))
                for flag in flags:
                    self.assertIn(flag.replace("-", "\\-"), page)
        with open(os.path.join(MAN_DIR, "marketgraph-render.1"), encoding="utf-8") as f:
            render = f.read()
        self.assertIn("\\-\\-collapse=KIND\\-by\\-region", render)
        self.assertIn("\\-\\-page=PAGE", render)

    @unittest.skipIf(shutil.which("groff") is None, "groff is not installed")
    def test_pages_render_without_warnings(self):
        for page in sorted(os.listdir(MAN_DIR)):
            with self.subTest(page=page):
                done = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z",
                                       os.path.join(MAN_DIR, page)], capture_output=True,
                                      text=True)
                self.assertEqual((done.returncode, done.stderr), (0, ""))


class Completion(unittest.TestCase):
    def complete(self, *words):
        script = os.path.join(ROOT, "tools", "completion", "marketgraph.bash")
        line = ('source "%s"; COMP_WORDS=(%s); COMP_CWORD=%d; _marketgraph; '
                'printf "%%s\\n" "${COMPREPLY[@]}"' % (
                    script, " ".join("'%s'" % w for w in (TOOL,) + words), len(words)))
        return out("bash", "-c", line).split()

    def test_commands_flags_values(self):
        self.assertEqual(self.complete("ren"), ["render"])
        self.assertEqual(sorted(self.complete("render", "--hi")),
                         ["--hide-facilitation", "--hide-services", "--highlight"])
        self.assertEqual(self.complete("render", "-f", "p"), ["png", "pdf"])
        self.assertEqual(self.complete("export", "--format", "g"), ["graphml"])
        self.assertIn("producers-by-region", self.complete("render", "--collapse", "pro"))
        self.assertEqual(self.complete("render", "--page", "a4"),
                         ["a4-landscape", "a4-portrait"])
        self.assertEqual(self.complete("export", "--page", "l"), ["letter-landscape"])


class PkgConfig(unittest.TestCase):
    @unittest.skipIf(shutil.which("pkg-config") is None, "pkg-config is not installed")
    def test_cflags_and_url(self):
        env = dict(os.environ, PKG_CONFIG_PATH=PC_DIR)
        cflags = out("pkg-config", "--cflags", "marketgraph", env=env).split()
        includedir = out("pkg-config", "--variable=includedir", "marketgraph", env=env).strip()
        self.assertEqual(cflags, ["-I" + includedir])
        libs = out("pkg-config", "--static", "--libs", "marketgraph", env=env).split()
        self.assertIn("-ljson-c", libs)
        with open(os.path.join(PC_DIR, "marketgraph.pc"), encoding="utf-8") as f:
            pc = f.read()
        self.assertRegex(pc, r"\nURL: https://\S+")
        self.assertNotIn("example.invalid", pc)


class ProjectUrl(unittest.TestCase):
    """The project's home is defined once, in meson.build, and the same in
    marketgraph.pc, the man pages and the HTML report's footer."""

    def test_one_url_everywhere(self):
        with open(os.path.join(ROOT, "meson.build"), encoding="utf-8") as f:
            url = re.search(r"^project_url = '([^']+)'$", f.read(), re.M).group(1)
        self.assertTrue(url.startswith("https://"), url)
        with open(os.path.join(PC_DIR, "marketgraph.pc"), encoding="utf-8") as f:
            self.assertIn("\nURL: %s\n" % url, f.read())
        with open(os.path.join(MAN_DIR, "marketgraph.1"), encoding="utf-8") as f:
            self.assertIn(url.replace("-", "\\-"), f.read())
        model = os.path.join(ROOT, "examples", "models", "potato-andes.json")
        page = out(TOOL, "report", model, "-o", "-")
        self.assertIn("<footer>Written by marketgraph ", page)
        self.assertIn(" (%s).  The definitions" % url, page)


if __name__ == "__main__":
    unittest.main()
