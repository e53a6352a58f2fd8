#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each one.
#   tests/fuzz/run.sh [SECONDS_EACH] [TARGET…]     (default 60; all targets)
#   BD_FUZZ_BUILD=DIR picks the build directory (default build-fuzz).
# New inputs go to DIR/corpus/TARGET; a crash is written to DIR/crash-TARGET-*:
# copy it into tests/fuzz/regressions/TARGET/ once fixed, where meson test
# keeps running it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=${*:-import money open tamper}
build=${BD_FUZZ_BUILD:-build-fuzz}

for package in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $package"
done
if [ -n "${missing:-}" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
fi

if [ ! -d "$build" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
fi
ninja -C "$build" $(for t in $targets; do echo "tests/fuzz/fuzz-$t"; done)

# Stop at the first sign of undefined behaviour, as at the first memory error.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp
export BD_SEED=data/minhang-cityops-2024.md

status=0
for target in $targets; do
  case $target in
    open) max_len=131072 ;;   # a whole document file
    tamper) max_len=4096 ;;   # SQL run over a document
    money) max_len=256 ;;
    *) max_len=65536 ;;
  esac
  corpus=$build/corpus/$target
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/$target/* "$corpus"/ 2>/dev/null || true
  dict=""; [ -f tests/fuzz/$target.dict ] && dict=-dict=tests/fuzz/$target.dict
  echo "== fuzz-$target for ${seconds}s"
  "$build"/tests/fuzz/fuzz-$target -max_total_time="$seconds" -max_len=$max_len $dict \
    -print_final_stats=1 -artifact_prefix="$build/crash-$target-" "$corpus" >"$build/fuzz-$target.log" 2>&1 \
    || status=1
  grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added)|ERROR|SUMMARY|artifact' \
    "$build/fuzz-$target.log" || true
done
exit $status
