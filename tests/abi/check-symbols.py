#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check that three lists of the public symbols agree:

1. the functions declared with MKG_EXPORT in the public headers (those the
   umbrella header <marketgraph.h> includes),
2. the `global:` names of the linker version script lib/libmarketgraph.map,
3. the dynamic symbols the built library defines (`nm -D --defined-only`),
   each of which must carry the version node of the map (MKG_0.1).

and, with --doc, that the API listing at the end of docs/api.md (after
its heading "## The public API, header by header") is the one the headers
give, so that the page a newcomer reads cannot fall behind.

Usage:
  check-symbols.py --include-dir DIR --map FILE [--lib LIBRARY.so] [--doc docs/api.md]
  check-symbols.py --include-dir DIR --print-map   # write a map for the headers
  check-symbols.py --include-dir DIR --write-doc docs/api.md   # rewrite the listing

Exit 0 when they agree, 1 with the differences listed otherwise.
"""

import argparse
import os
import re
import subprocess
import sys

EXPORT_RE = re.compile(r"\bMKG_EXPORT\b([^;{]*?)\(", re.S)
IDENT_RE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*$")
INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"marketgraph/([A-Za-z0-9_.-]+)"', re.M)


def strip_c(text):
    """Remove comments and preprocessor lines (with continuations)."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", " ", text, flags=re.M)
    return text


def public_headers(include_dir):
    """The module headers that <marketgraph.h> includes, as source paths
    (a generated foo.h is read from its foo.h.in)."""
    umbrella = os.path.join(include_dir, "marketgraph.h")
    with open(umbrella, encoding="utf-8") as f:
        names = INCLUDE_RE.findall(f.read())
    paths = []
    for name in names:
        path = os.path.join(include_dir, "marketgraph", name)
        if not os.path.exists(path) and os.path.exists(path + ".in"):
            path += ".in"
        paths.append(path)
    return paths


def header_symbols(include_dir):
    symbols = {}
    for path in public_headers(include_dir):
        with open(path, encoding="utf-8") as f:
            text = strip_c(f.read())
        for m in EXPORT_RE.finditer(text):
            ident = IDENT_RE.search(m.group(1))
            if ident is None:
                raise SystemExit(f"{path}: cannot read the name in 'MKG_EXPORT{m.group(1)}('")
            symbols.setdefault(ident.group(1), os.path.basename(path))
    return symbols


def map_symbols(map_path):
    """Return ({node: [names]}, problems)."""
    with open(map_path, encoding="utf-8") as f:
        text = re.sub(r"/\*.*?\*/|#[^\n]*", " ", f.read(), flags=re.S)
    nodes = {}
    problems = []
    for m in re.finditer(r"([A-Za-z0-9_.]+)\s*\{(.*?)\}\s*([A-Za-z0-9_.]*)\s*;", text, re.S):
        node, body = m.group(1), m.group(2)
        names = []
        section = None
        for token in re.split(r"(\w+\s*:)|;", body):
            if token is None:
                continue
            token = token.strip()
            if not token:
                continue
            if token.endswith(":"):
                section = token[:-1].strip()
                continue
            if section == "global":
                names.append(token)
            elif section == "local" and token != "*":
                problems.append(f"{map_path}: unexpected local name {token!r} in {node}")
        if names != sorted(names):
            problems.append(f"{map_path}: names of {node} are not in alphabetical order")
        nodes[node] = names
    if not nodes:
        problems.append(f"{map_path}: no version node found")
    return nodes, problems


def library_symbols(lib_path):
    out = subprocess.run(["nm", "-D", "--defined-only", lib_path], check=True,
                         capture_output=True, text=True).stdout
    symbols = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        kind, name = parts[1], parts[2]
        if kind == "A":      # the version node itself
            continue
        base, _, version = name.partition("@")
        symbols[base] = version.lstrip("@")
    return symbols


DOC_HEADING = "## The public API, header by header\n"


def header_summary(path):
    """The first sentence of a header's opening comment, without its
    "marketgraph: " prefix."""
    with open(path, encoding="utf-8") as f:
        m = re.match(r"\s*/\*(.*?)\*/", f.read(), re.S)
    text = " ".join(line.strip(" *") for line in (m.group(1) if m else "").splitlines())
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^marketgraph:\s*", "", text)
    sentence = re.split(r"(?<=\.)\s", text, maxsplit=1)[0]
    sentence = sentence.split(" SPDX-License-Identifier")[0].rstrip(".")
    return sentence[:1].upper() + sentence[1:] + "."


def api_listing(include_dir):
    """The listing: per public header, its summary and its functions."""
    symbols = header_symbols(include_dir)
    out = []
    for path in public_headers(include_dir):
        base = os.path.basename(path)
        name = base[:-3] if base.endswith(".in") else base
        funcs = [s for s, h in symbols.items() if h == base]
        out.append(f"\n### `marketgraph/{name}`: {len(funcs)} functions\n\n")
        out.append(header_summary(path) + "\n")
        if funcs:
            out.append("\n" + ", ".join(f"`{s}`" for s in funcs) + "\n")
    out.append(f"\n{len(symbols)} functions in all.\n")
    return "".join(out)


def check_doc(include_dir, doc_path, write):
    with open(doc_path, encoding="utf-8") as f:
        text = f.read()
    head, sep, tail = text.partition(DOC_HEADING)
    if not sep:
        return [f"{doc_path}: no heading {DOC_HEADING.strip()!r}"]
    want = api_listing(include_dir)
    if write:
        with open(doc_path, "w", encoding="utf-8") as f:
            f.write(head + sep + want)
        return []
    if tail != want:
        return [f"{doc_path}: the API listing differs from the headers; rewrite it with "
                f"tests/abi/check-symbols.py --include-dir include --write-doc {doc_path}"]
    return []


def compare(label_a, a, label_b, b):
    lines = []
    for name in sorted(set(a) - set(b)):
        lines.append(f"  {name}: in {label_a}, not in {label_b}")
    for name in sorted(set(b) - set(a)):
        lines.append(f"  {name}: in {label_b}, not in {label_a}")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--include-dir", required=True)
    ap.add_argument("--map")
    ap.add_argument("--lib")
    ap.add_argument("--node", default="MKG_0.1")
    ap.add_argument("--print-map", action="store_true")
    ap.add_argument("--doc")
    ap.add_argument("--write-doc")
    args = ap.parse_args()

    if args.write_doc:
        check_doc(args.include_dir, args.write_doc, True)
        return 0

    headers = header_symbols(args.include_dir)
    if args.print_map:
        print(args.node + " {\nglobal:")
        for name in sorted(headers):
            print(f"\t{name};")
        print("local:\n\t*;\n};")
        return 0

    if not args.map:
        ap.error("--map is required")
    failures = []
    nodes, problems = map_symbols(args.map)
    failures += problems
    mapped = {}
    for node, names in nodes.items():
        for name in names:
            if name in mapped:
                failures.append(f"{args.map}: {name} listed twice")
            mapped[name] = node
    diff = compare("the headers (MKG_EXPORT)", headers, args.map, mapped)
    if diff:
        failures.append("headers and version script differ:")
        failures += diff

    checked = [f"{len(headers)} MKG_EXPORT declarations", f"{len(mapped)} names in the map"]
    if args.lib:
        lib = library_symbols(args.lib)
        diff = compare(args.map, mapped, os.path.basename(args.lib), lib)
        if diff:
            failures.append("version script and library differ:")
            failures += diff
        for name, version in sorted(lib.items()):
            want = mapped.get(name)
            if want is not None and version != want:
                failures.append(f"  {name}: version {version or '(none)'} in the library, "
                                f"expected {want}")
        checked.append(f"{len(lib)} dynamic symbols in {os.path.basename(args.lib)}")

    if args.doc:
        failures += check_doc(args.include_dir, args.doc, False)
        checked.append(f"the listing of {os.path.basename(args.doc)}")

    if failures:
        # A common cause: a new module header not yet in the umbrella header.
        included = {os.path.basename(p) for p in public_headers(args.include_dir)}
        sub = os.path.join(args.include_dir, "marketgraph")
        for name in sorted(os.listdir(sub)):
            if name.endswith(".h") and name not in included and name + ".in" not in included:
                failures.append(f"note: marketgraph/{name} is not included by <marketgraph.h>, "
                                "so its declarations do not count")
        print("\n".join(failures))
        return 1
    print("symbols agree: " + ", ".join(checked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
