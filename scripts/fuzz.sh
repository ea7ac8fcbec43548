#!/usr/bin/env bash
# Fuzzes the answer parser with libFuzzer for SECONDS (default 300): installs clang from Debian,
# builds build-fuzz/ with AddressSanitizer and UBSan, and runs until a crash, a hang (over 2 s
# for one input), a leak or the time is up. Exit 0 means none was found.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
./scripts/install-deps.sh clang libclang-rt-14-dev
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DDELTACHECK_FUZZ=ON -DDELTACHECK_TESTS=OFF -DDELTACHECK_BENCH=OFF >/dev/null
cmake --build build-fuzz --target answer_parser_fuzz -j"$(nproc)"
mkdir -p build-fuzz/corpus build-fuzz/artifacts
LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp" \
  ./build-fuzz/tests/fuzz/answer_parser_fuzz build-fuzz/corpus tests/fuzz/seeds \
  -max_total_time="$seconds" -timeout=2 -max_len=65536 -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix=build-fuzz/artifacts/
