#!/bin/bash
# Install what is missing (Graphviz too), build, and run marketgraph on an
# example: validate every bundled model, print the full analysis of the
# first one, write its HTML report and draw its market map, and say where
# both are.
#   bash tools/dev/setup-and-run.sh [MODEL.json...]
#       default: examples/models/potato-andes.json, then every other example
#   MAP=out.svg bash tools/dev/setup-and-run.sh     # where the map goes (.png, .svg, .pdf)
#   REPORT=out.html bash tools/dev/setup-and-run.sh # where the HTML report goes
# SPDX-License-Identifier: MIT
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/_b/plain}

bash "$root/tools/dev/install-deps.sh" run || exit 1
if [ ! -f "$build/build.ninja" ]; then
	meson setup "$build" "$root" >"${TMPDIR:-/tmp}/marketgraph-setup.log" 2>&1 ||
		{ cat "${TMPDIR:-/tmp}/marketgraph-setup.log"; exit 1; }
fi
ninja -C "$build" tools/marketgraph >/dev/null || ninja -C "$build" tools/marketgraph || exit 1

models=("$@")
if [ ${#models[@]} -eq 0 ]; then
	cd "$root" || exit 1
	models=(examples/models/potato-andes.json)
	for m in examples/models/*.json; do
		[ "$m" = "${models[0]}" ] || models+=("$m")
	done
fi
mg="$build/tools/marketgraph"
"$mg" validate "${models[@]}" || exit 1

first=${models[0]}
echo
"$mg" analyze "$first" || exit 1

map=${MAP:-$build/$(basename "${first%.json}").png}
report=${REPORT:-$build/$(basename "${first%.json}").html}
"$mg" report "$first" -o "$report" || exit 1
if command -v dot >/dev/null; then
	"$mg" render "$first" --highlight -o "$map" || exit 1
else
	# install-deps.sh installs graphviz; this is only for a machine where it failed
	map="(not drawn: Graphviz's dot is missing; apt-get install graphviz, then"
	map+=" $mg render $first --highlight -o ${MAP:-$build/$(basename "${first%.json}").png})"
fi
echo
echo "HTML report of $first (open it in a browser): $report"
echo "Market map of $first: $map"
