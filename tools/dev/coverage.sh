#!/bin/bash
# Line and branch coverage of lib/ after `meson test` in a coverage build,
# with CI's gate.
#   meson setup _b/cov -Db_coverage=true -Dbuildtype=debug && meson test -C _b/cov
#   tools/dev/coverage.sh _b/cov           # prints the figures; exit 2 under the gate
#   HTML=1 tools/dev/coverage.sh _b/cov    # also _b/cov/coverage/index.html, file by file
# The gate (COV_LINES / COV_BRANCHES, in percent) is docs/testing.md's.
# Branches: gcc counts both outcomes of every condition, including those
# inside GLib's macros (g_return_if_fail, g_new's overflow checks), which no
# test can reach; --exclude-unreachable-branches drops the ones on lines
# without code.
# SPDX-License-Identifier: MIT
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-_b/cov}
lines=${COV_LINES:-90}
branches=${COV_BRANCHES:-80}
command -v gcovr >/dev/null || { echo "coverage: gcovr not installed"; exit 1; }
extra=()
if [ "${HTML:-0}" = 1 ]; then
	mkdir -p "$build/coverage"
	extra=(--html-details "$build/coverage/index.html")
fi
gcovr -r . "$build" --filter 'lib/' --exclude-unreachable-branches --print-summary \
	--txt "$build/coverage.txt" "${extra[@]}" \
	--fail-under-line "$lines" --fail-under-branch "$branches" >"$build/coverage.summary" 2>&1
rc=$?
# Per file, the least covered first (from the text report).
echo "least covered files of lib/ (lines):"
awk '$1 ~ /^lib\// && NF >= 4 { printf "  %-40s %6s lines, %s covered\n", $1, $2, $4 }' \
	"$build/coverage.txt" | sort -k4,4n | head -8
cat "$build/coverage.summary"
echo "coverage gate: lines >= $lines%, branches >= $branches%: $([ $rc -eq 0 ] && echo passed || echo FAILED, status $rc)"
exit $rc
