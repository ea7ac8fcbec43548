#!/usr/bin/env bash
# Gradescope autograder setup: installs deltacheck's dependencies from the distribution's
# packages and builds deltacheck from the source checkout shipped in /autograder/source.
# Zip this folder's two files with a deltacheck checkout named source/ and upload the zip.
set -euo pipefail
source_dir="${DELTACHECK_SOURCE:-/autograder/source}"
cd "$source_dir"
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DDELTACHECK_TESTS=OFF -DDELTACHECK_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)" --target deltacheck
install -m 755 build/app/deltacheck /usr/local/bin/deltacheck
