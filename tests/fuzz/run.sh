#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each one.
#   tests/fuzz/run.sh [SECONDS_EACH]      (default 60)
# New inputs go to build-fuzz/corpus/TARGET; a crash is written to
# build-fuzz/crash-TARGET-*: copy it into tests/fuzz/regressions/TARGET/
# once fixed, where meson test keeps running it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}

for package in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $package"
done
if [ -n "${missing:-}" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
fi

if [ ! -d build-fuzz ]; then
  CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
fi
ninja -C build-fuzz tests/fuzz/fuzz-import tests/fuzz/fuzz-money tests/fuzz/fuzz-open

status=0
for target in import money open; do
  corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/$target/* "$corpus"/ 2>/dev/null || true
  echo "== fuzz-$target for ${seconds}s"
  BD_SEED=data/minhang-cityops-2024.md \
    build-fuzz/tests/fuzz/fuzz-$target -max_total_time="$seconds" -max_len=65536 \
      -artifact_prefix=build-fuzz/crash-$target- "$corpus" 2>&1 | tail -4 || status=1
done
exit $status
