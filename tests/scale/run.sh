#!/bin/bash
# Hostile input at scale (CI's scale stage; minutes and a few GB of memory):
#   1. a generated model of about 200 MB imported by bench/import-bench,
#      which prints the import speed and the peak memory;
#   2. tests/scale/scale-analyses: star, chain and complete bipartite
#      models through every analysis at n and 2n, with the time ratio.
#   tests/scale/run.sh [BUILD_DIR]      # default _b/plain, an optimised build
# SPDX-License-Identifier: MIT
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-_b/plain}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0

ninja -C "$build" bench/import-bench tests/scale/scale-analyses >/dev/null || exit 1
echo "--- generating a model of about 200 MB (bench/gen-model.py)"
python3 bench/gen-model.py --actors 450000 --transactions 1350000 --seed 7 >"$tmp/big.json" || exit 1
echo "$(($(stat -c %s "$tmp/big.json") / 1000000)) MB"
"$build/bench/import-bench" "$tmp/big.json" 1 || status=1
rm -f "$tmp/big.json"
echo "--- pathological models (tests/scale/scale-analyses.c)"
"$build/tests/scale/scale-analyses" || status=1
exit $status
