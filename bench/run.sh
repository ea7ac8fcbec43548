#!/usr/bin/env bash
# Installs the peer tools (never done by the test suite), builds deltacheck in Release and prints
# every benchmark as a table (figures, never asserted), the peers side by side with ratios, and
# the scaling table with bench/scaling.png.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh python3-torch python3-sympy maxima   # the peers: PyTorch (CPU), SymPy, Maxima
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target deltacheck deltacheck_bench >/dev/null
./build/bench/deltacheck_bench "$PWD/build/app/deltacheck"
