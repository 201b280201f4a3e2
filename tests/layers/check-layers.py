#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The library's layers, as the build enforces them.

    text <- core <- model <- graph <- analysis <- report | io <- tools, bindings

A layer may include headers of its own folder and of the layers below it;
report and io are siblings (neither sees the other).  Three checks:

1. includes: every `#include "..."` in lib/<layer>/ names a header of an
   allowed folder or the public include/; tools/ may add lib/text/; the C
   files of bindings/ only include/.
2. paths: the -I directories of each layer's static library (from the build
   dir's meson-info/intro-targets.json) are exactly its allowed folders and
   include/ (lib/text/ sees only itself);
   the tool's are include/, lib/text/ and tools/; the bindings' include/.
3. compile: with each layer's own compiler arguments, the preprocessor finds
   every header of an allowed layer and fails ("No such file") on every
   header of a higher or sibling layer: a back edge is a build error.

Usage: check-layers.py --source-root DIR --build-root DIR [--skip-compile]
"""
import argparse
import json
import os
import re
import subprocess
import sys

ORDER = ["text", "core", "model", "graph", "analysis"]
# Each layer and the folders (under lib/) it may see, its own first.
ALLOWED = {layer: ORDER[:i + 1][::-1] for i, layer in enumerate(ORDER)}
ALLOWED["report"] = ["report"] + ALLOWED["analysis"]
ALLOWED["io"] = ["io"] + ALLOWED["analysis"]
LAYERS = list(ALLOWED)

INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def headers_by_folder(src):
    """{folder: [header names]} for the private headers of lib/."""
    out = {}
    for layer in LAYERS:
        d = os.path.join(src, "lib", layer)
        out[layer] = sorted(f for f in os.listdir(d) if f.endswith(".h"))
    return out


def public_headers(src):
    inc = os.path.join(src, "include")
    names = {"marketgraph.h"}
    names.update("marketgraph/" + f for f in os.listdir(os.path.join(inc, "marketgraph")))
    return names


def check_includes(src, owner_of, public):
    """Check 1.  owner_of: {header name: folder}."""
    errors = []

    def check_tree(rel, allowed_folders, label):
        top = os.path.join(src, rel)
        for dirpath, _, files in os.walk(top):
            for f in sorted(files):
                if not f.endswith((".c", ".h")):
                    continue
                path = os.path.join(dirpath, f)
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
                for name in INCLUDE_RE.findall(text):
                    owner = None if name in public else owner_of.get(name)
                    # None: public, or a local header of tools/ or tests
                    if owner is not None and owner not in allowed_folders:
                        errors.append(f"{os.path.relpath(path, src)}: includes \"{name}\" "
                                      f"of lib/{owner}/, which {label} may not see")

    for layer in LAYERS:
        check_tree(os.path.join("lib", layer), ALLOWED[layer], f"lib/{layer}/")
    check_tree("tools", ["text"], "tools/")
    check_tree("bindings", [], "bindings/")
    return errors


def target_params(build):
    with open(os.path.join(build, "meson-info", "intro-targets.json"), encoding="utf-8") as f:
        targets = json.load(f)
    out = {}
    for t in targets:
        for s in t.get("target_sources", []):
            if s.get("language") == "c" and s.get("parameters") is not None:
                out[(t["name"], t["type"])] = (s["compiler"], s["parameters"])
    return out


def source_include_dirs(params, src, build):
    """The -I directories inside the source tree, relative to it; those of
    the build tree (generated headers), which CI keeps inside the source
    tree as _b/NAME, are left out."""
    dirs = []
    for p in params:
        if p.startswith("-I"):
            d = os.path.realpath(p[2:])
            if d == build or d.startswith(build + os.sep):
                continue
            if d.startswith(src + os.sep):
                dirs.append(os.path.relpath(d, src))
    return dirs


def header_not_found(err):
    """gcc says "No such file or directory", clang "'x.h' file not found"."""
    return "No such file" in err or "file not found" in err


def check_paths(src, build, targets):
    """Check 2."""
    errors = []
    for layer in LAYERS:
        key = ("mkg_" + layer, "static library")
        if key not in targets:
            errors.append(f"no static library mkg_{layer} in the build")
            continue
        got = set(source_include_dirs(targets[key][1], src, build))
        # lib/text/ is below the public API too: it sees no header of ours.
        want = ({"include"} if layer != "text" else set()) | \
            {"lib/" + f for f in ALLOWED[layer]}
        if got != want:
            errors.append(f"mkg_{layer}: include paths {sorted(got)}, expected {sorted(want)}")
    tool = targets.get(("marketgraph", "executable"))
    if tool is None:
        errors.append("no executable marketgraph in the build")
    else:
        got = set(source_include_dirs(tool[1], src, build))
        want = {"include", "lib/text", "tools"}
        if got != want:
            errors.append(f"marketgraph (tools/): include paths {sorted(got)}, "
                          f"expected {sorted(want)}")
    for (name, kind), (_, params) in targets.items():
        if name.startswith("python-"):
            extra = {d for d in source_include_dirs(params, src, build)
                     if d.startswith("lib")}
            if extra:
                errors.append(f"{name} (bindings/): sees {sorted(extra)}")
    return errors


def preprocess(compiler, params, header):
    """Run the preprocessor on `#include "header"`; return (ok, stderr)."""
    args = []
    for i, a in enumerate(params):
        if a.startswith(("-I", "-D", "-U", "-O", "-std")):
            args.append(a)
        elif a in ("-isystem", "-include") and i + 1 < len(params):
            args += [a, params[i + 1]]
    r = subprocess.run(compiler + args + ["-E", "-x", "c", "-", "-o", os.devnull],
                       input=f'#include "{header}"\n', capture_output=True, text=True)
    return r.returncode == 0, r.stderr


def check_compile(src, targets, by_folder):
    """Check 3."""
    errors = []
    for layer in LAYERS:
        key = ("mkg_" + layer, "static library")
        if key not in targets:
            continue
        compiler, params = targets[key]
        for folder, headers in by_folder.items():
            for h in headers:
                ok, err = preprocess(compiler, params, h)
                if folder in ALLOWED[layer] and not ok:
                    errors.append(f"mkg_{layer}: cannot include \"{h}\" of lib/{folder}/:\n{err}")
                elif folder not in ALLOWED[layer] and (ok or not header_not_found(err)):
                    errors.append(f"mkg_{layer}: including \"{h}\" of lib/{folder}/ (a back "
                                  f"or sibling edge) is not a 'No such file' error:\n{err}")
    return errors


def self_test():
    """The rules themselves: the order is the documented one."""
    assert ALLOWED["text"] == ["text"]
    assert "io" not in ALLOWED["report"] and "report" not in ALLOWED["io"]
    assert "analysis" in ALLOWED["io"] and "analysis" in ALLOWED["report"]
    for i, layer in enumerate(ORDER):
        assert all(higher not in ALLOWED[layer] for higher in ORDER[i + 1:] + ["report", "io"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source-root", required=True)
    ap.add_argument("--build-root", required=True)
    ap.add_argument("--skip-compile", action="store_true")
    a = ap.parse_args()
    src = os.path.realpath(a.source_root)
    self_test()
    by_folder = headers_by_folder(src)
    owner_of = {h: f for f, hs in by_folder.items() for h in hs}
    if len(owner_of) != sum(len(hs) for hs in by_folder.values()):
        print("two private headers share a name: includes would be ambiguous")
        return 1
    targets = target_params(a.build_root)
    errors = check_includes(src, owner_of, public_headers(src))
    errors += check_paths(src, os.path.realpath(a.build_root), targets)
    if not a.skip_compile:
        errors += check_compile(src, targets, by_folder)
    for e in errors:
        print("FAIL:", e)
    checked = sum(len(hs) for hs in by_folder.values())
    print(f"{len(LAYERS)} layers, {checked} private headers: "
          f"{'ok' if not errors else str(len(errors)) + ' errors'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
