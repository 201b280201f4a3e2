# SPDX-License-Identifier: MIT
"""meson install puts the package where python3 looks (install-dir.py):
for the interpreter's own prefix, and for Debian's python3 and the prefix
/usr/local of the README's install, a directory on sys.path."""
import os
import subprocess
import sys
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "install-dir.py")


def install_dir(python, prefix):
    return subprocess.run([python, SCRIPT, prefix], capture_output=True, text=True,
                          check=True).stdout.strip()


def searched(python):
    out = subprocess.run([python, "-c", "import sys; print('\\n'.join(sys.path))"],
                         capture_output=True, text=True, check=True).stdout
    return {os.path.normpath(p) for p in out.splitlines() if p}


class InstallDir(unittest.TestCase):
    def test_own_prefix(self):
        self.assertIn(install_dir(sys.executable, sys.base_prefix), searched(sys.executable))

    @unittest.skipUnless(os.path.exists("/usr/bin/python3") and
                         os.path.exists("/etc/debian_version"), "not Debian's python3")
    def test_debian_usr_local(self):
        got = install_dir("/usr/bin/python3", "/usr/local")
        self.assertRegex(got, r"^/usr/local/lib/python3\.\d+/dist-packages$")
        self.assertIn(got, searched("/usr/bin/python3"))


if __name__ == "__main__":
    unittest.main()
