#!/usr/bin/env bash
# Builds deltacheck in Release and prints every benchmark as a table (figures, never asserted),
# PyTorch side by side for training.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh python3-torch   # PyTorch (CPU) for the side-by-side training benchmark
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target deltacheck deltacheck_bench >/dev/null
./build/bench/deltacheck_bench "$PWD/build/app/deltacheck"
