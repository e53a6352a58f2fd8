#!/usr/bin/env bash
# The crash test at length: many more SIGKILLs than meson test's 50.
#   tests/crash-soak.sh [KILLS] [BUILD_DIR] [SEED]
# A different SEED puts the kills elsewhere; the default is meson test's.
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-1000}
build=${2:-build}
seed=${3:-20241124}
BD_SEED=data/minhang-cityops-2024.md BD_CRASH_KILLS=$kills BD_CRASH_SEED=$seed \
  "$build/tests/test-crash" --verbose
