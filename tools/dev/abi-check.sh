#!/bin/sh
# Compare the ABI of a built libmarketgraph.so.0 with the committed baseline.
#   tools/dev/abi-check.sh BUILD_DIR                 # exit 0 compatible, 1 not, 77 cannot check
#   ABI_UPDATE=1 tools/dev/abi-check.sh BUILD_DIR    # rewrite tests/abi/libmarketgraph.abi
# BUILD_DIR must be a build with debug information (the default
# debugoptimized or debug; a release build has no DWARF and gives 77).
# Added functions are compatible; a removed or changed function or type is
# not.  docs/testing.md says how to add symbols and how to break the ABI on
# purpose.
# SPDX-License-Identifier: MIT
set -u
cd "$(dirname "$0")/../.." || exit 1
build=${1:?usage: tools/dev/abi-check.sh BUILD_DIR}
base=tests/abi/libmarketgraph.abi
lib=$build/lib/libmarketgraph.so.0
command -v abidw >/dev/null 2>&1 || { echo "abi-check: abigail-tools not installed"; exit 77; }
[ -e "$lib" ] || { echo "abi-check: $lib not built"; exit 1; }
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
# The public headers decide which types are part of the ABI; paths are left
# out so that the dump does not depend on where the tree or the build is.
abidw --headers-dir include/marketgraph --headers-dir "$build/include/marketgraph" \
	--no-corpus-path --no-comp-dir-path --short-locs --drop-private-types \
	--out-file "$tmp" "$lib" || exit 1
grep -q '<function-decl' "$tmp" || { echo "abi-check: no DWARF in $lib: build with -g"; exit 77; }
if [ "${ABI_UPDATE:-0}" = 1 ]; then
	cat "$tmp" >"$base" && echo "abi-check: baseline written: $base ($(grep -c '<elf-symbol' "$base") symbols)"
	exit $?
fi
[ -f "$base" ] || { echo "abi-check: no baseline $base (ABI_UPDATE=1 writes it)"; exit 1; }
# abidiff's status is a bit set: 1 error, 2 usage, 4 change, 8 incompatible.
abidiff --no-added-syms "$base" "$tmp"
rc=$?
if [ $rc -ne 0 ]; then
	echo "abi-check: the ABI differs from $base (abidiff status $rc)."
	echo "abi-check: a deliberate change: see docs/testing.md (new version node or soname bump), then ABI_UPDATE=1."
	exit 1
fi
echo "abi-check: ABI compatible with $base ($(grep -c '<elf-symbol' "$base") symbols in the baseline)"
