#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Print where the package goes for `meson install` with this prefix: a
directory under PREFIX that this interpreter already searches (Debian's
python3 searches /usr/local/lib/python3.11/dist-packages, not meson's
default /usr/local/lib/python3/dist-packages), else the interpreter's own
purelib scheme under PREFIX.  Run by bindings/python/meson.build with the
python3 meson found.

    install-dir.py PREFIX
"""
import os
import sys
import sysconfig


def main():
    prefix = os.path.normpath(sys.argv[1])
    version = "python%d.%d" % sys.version_info[:2]
    searched = {os.path.normpath(p) for p in sys.path if p}
    for candidate in (os.path.join(prefix, "lib", version, "dist-packages"),
                      os.path.join(prefix, "lib", "python3", "dist-packages"),
                      os.path.join(prefix, "lib", version, "site-packages")):
        if candidate in searched:
            print(candidate)
            return
    print(sysconfig.get_path("purelib", "posix_prefix", vars={"base": prefix,
                                                               "platbase": prefix}))


if __name__ == "__main__":
    main()
