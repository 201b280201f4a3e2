#!/bin/bash
# Static analysis of lib/ and tools/: cppcheck, then clang's scan-build.
#   tools/dev/static-analysis.sh [WORK_DIR]        # default _b/static
# Exit status 0 when both are clean.  scan-build's HTML reports go to
# WORK_DIR/scan-report.  False positives: tools/dev/cppcheck.supp (with why);
# scan-build: the checkers disabled below (with why).
# SPDX-License-Identifier: MIT
set -uo pipefail
cd "$(dirname "$0")/../.."
work=${1:-_b/static}
build=$work/build
status=0
mkdir -p "$work"
command -v cppcheck >/dev/null || { echo "static-analysis: cppcheck not installed"; exit 1; }
# Debian's clang-tools-14 installs scan-build-14; `scan-build` comes with clang-tools.
scan_build=$(command -v scan-build-14 || command -v scan-build) ||
	{ echo "static-analysis: scan-build (clang-tools-14) not installed"; exit 1; }

# One build configured through scan-build: its compiler is clang's
# analyzer wrapper, and its compile_commands.json feeds cppcheck too.
# -Dwerror=false: a compiler warning must not stop the analysis.
rm -rf "$build" "$work/scan-report"
"$scan_build" meson setup "$build" -Dwerror=false -Dbuildtype=debug >"$work/setup.log" 2>&1 ||
	{ cat "$work/setup.log"; exit 1; }

# cppcheck over the sources of lib/ and tools/ only.
python3 - "$build/compile_commands.json" "$work/cc-lib-tools.json" "$PWD" <<'EOF'
import json, os, sys
src, dst, root = sys.argv[1:]
keep = []
for e in json.load(open(src)):
    path = os.path.normpath(os.path.join(e["directory"], e["file"]))
    if os.path.relpath(path, root).split(os.sep)[0] in ("lib", "tools"):
        keep.append(e)
json.dump(keep, open(dst, "w"))
print(f"cppcheck: {len(keep)} files of lib/ and tools/")
EOF
# warning, performance, portability: bugs.  Not `style`, whose main finding
# here is "the scope of a variable can be reduced" (the C89 habit of
# declaring at the top of a function is allowed by the style guide).
if cppcheck --project="$work/cc-lib-tools.json" --library=gtk --library=posix \
	--enable=warning,performance,portability --std=c11 --inline-suppr \
	--suppress=missingIncludeSystem --suppressions-list=tools/dev/cppcheck.supp \
	--error-exitcode=1 --quiet -j2 2>"$work/cppcheck.log"; then
	echo "cppcheck: clean"
else
	cat "$work/cppcheck.log"
	echo "cppcheck: findings above"
	status=1
fi

# scan-build over the library and the tool (--status-bugs: exit 1 on a bug),
# every default checker but four.  The three "garbage value" checkers lose
# loop bounds across the loops that fill an array before reading it
# (allocated by g_new, filled for i < n, read for i < n: they assume n
# changed in between) and gave only such false reports; reads of
# uninitialised memory are caught at run time by valgrind memcheck
# (--track-origins) over every C test instead.  Dead stores are style.
if "$scan_build" --status-bugs -o "$work/scan-report" \
	-disable-checker core.uninitialized.Assign \
	-disable-checker core.uninitialized.ArraySubscript \
	-disable-checker core.UndefinedBinaryOperatorResult \
	-disable-checker deadcode.DeadStores \
	meson compile -C "$build" lib/marketgraph:shared_library tools/marketgraph:executable \
	>"$work/scan.log" 2>&1; then
	grep -E "scan-build: (No bugs found|[0-9]+ bugs? found)" "$work/scan.log" || tail -3 "$work/scan.log"
else
	grep -E "warning:|error:|bugs? found|scan-view" "$work/scan.log" | grep -v "^\s*$" | head -60
	echo "scan-build: findings above (HTML in $work/scan-report)"
	status=1
fi
exit $status
