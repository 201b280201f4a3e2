#!/bin/bash
# Install what is missing, build, and run marketgraph on the bundled example
# models: validate them, then summarise each.
#   bash tools/setup-and-run.sh [MODEL.json...]     # default: examples/models/*.json
# SPDX-License-Identifier: MIT
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/_b/plain}

bash "$root/tools/install-deps.sh" build || exit 1
if [ ! -f "$build/build.ninja" ]; then
	meson setup "$build" "$root" >"${TMPDIR:-/tmp}/marketgraph-setup.log" 2>&1 ||
		{ cat "${TMPDIR:-/tmp}/marketgraph-setup.log"; exit 1; }
fi
ninja -C "$build" tools/marketgraph >/dev/null || ninja -C "$build" tools/marketgraph || exit 1

models=("$@")
if [ ${#models[@]} -eq 0 ]; then
	cd "$root" || exit 1
	models=(examples/models/*.json)
fi
mg="$build/tools/marketgraph"
"$mg" validate "${models[@]}" || exit 1
for m in "${models[@]}"; do
	echo
	echo "== $m"
	"$mg" summary "$m" || exit 1
done
