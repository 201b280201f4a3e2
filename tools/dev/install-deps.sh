#!/bin/bash
# Install the Debian/Ubuntu packages marketgraph needs, only those missing.
#   tools/dev/install-deps.sh build   # to build the library and the tool
#   tools/dev/install-deps.sh run     # also Graphviz, to draw maps (setup-and-run.sh)
#   tools/dev/install-deps.sh test    # also everything the tests and CI use
# Runs apt-get as root (directly, or through sudo when not root).
# SPDX-License-Identifier: MIT
set -euo pipefail

# meson configures the tests too, so cmocka and python3 are build packages.
build_packages=(meson ninja-build pkg-config gcc libc6-dev libglib2.0-dev libjson-c-dev
                zlib1g-dev libcmocka-dev python3)
test_packages=(g++ binutils clang-14 libclang-rt-14-dev valgrind abigail-tools gcovr graphviz
               python3-networkx python3-pandas doxygen groff-base cppcheck clang-tools-14
               chromium sqlite3)

case "${1:-build}" in
build) wanted=("${build_packages[@]}") ;;
run) wanted=("${build_packages[@]}" graphviz) ;;
test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
*) echo "usage: $0 [build|run|test]" >&2; exit 2 ;;
esac

missing=()
for p in "${wanted[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$p")
	fi
done
if [ ${#missing[@]} -eq 0 ]; then
	echo "install-deps: all ${#wanted[@]} packages present"
	exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || { echo "install-deps: need root or sudo for: ${missing[*]}" >&2; exit 1; }
	sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Another apt may hold the lock when a machine has just started: wait for it.
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
	"${missing[@]}" </dev/null
