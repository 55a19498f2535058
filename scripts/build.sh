#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures and builds MetroEval with a CMake preset (default: dev) using Ninja.
# Usage: scripts/build.sh [preset] [extra cmake --build arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
# ccache hits across clones in other folders (CI builds a fresh clone): hash relative paths only.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
shift || true
cmake --preset "$preset" > /dev/null
cmake --build --preset "$preset" "$@"
