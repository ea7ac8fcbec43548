#!/usr/bin/env bash
# Builds deltacheck in Release and prints every benchmark as a table (figures, never asserted).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target deltacheck deltacheck_bench >/dev/null
./build/bench/deltacheck_bench "$PWD/build/app/deltacheck"
