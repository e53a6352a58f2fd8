#!/usr/bin/env bash
# The crash test at length: many more SIGKILLs than meson test's 50.
#   tests/crash-soak.sh [KILLS] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-1000}
build=${2:-build}
BD_SEED=data/minhang-cityops-2024.md BD_CRASH_KILLS=$kills "$build/tests/test-crash" --verbose
