#!/bin/bash
# Install what is missing, build with warnings as errors and run every test.
# This is the README's test command; CI runs it first.
#   bash tools/dev/setup-and-test.sh            # build dir _b/plain
#   BUILD_DIR=/tmp/b WERROR=false bash tools/dev/setup-and-test.sh
# Exit status: 0 when the build and every test pass.
# SPDX-License-Identifier: MIT
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD_DIR:-_b/plain}
werror=${WERROR:-true}

bash tools/dev/install-deps.sh test || exit 1
if [ -f "$build/build.ninja" ]; then
	meson configure "$build" -Dwerror="$werror" >/dev/null || exit 1
else
	meson setup "$build" -Dwerror="$werror" >"${TMPDIR:-/tmp}/marketgraph-setup.log" 2>&1 ||
		{ cat "${TMPDIR:-/tmp}/marketgraph-setup.log"; exit 1; }
fi
ninja -C "$build" || exit 1
meson test -C "$build" --print-errorlogs
status=$?
python3 tools/dev/test-summary.py "$build/meson-logs/testlog.junit.xml" || status=1
exit $status
