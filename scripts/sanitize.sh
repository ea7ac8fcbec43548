#!/usr/bin/env bash
# Builds the whole project with AddressSanitizer and UndefinedBehaviorSanitizer in build-asan/
# and runs the whole test suite under them (the tests run the sanitized deltacheck binary too).
# Any memory error, leak or undefined behaviour fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
# Set before building: test discovery runs the sanitized test binary.
# CLN allocates 26 bytes once and never frees them (tests/fuzz/lsan.supp); print_suppressions=0
# keeps LeakSanitizer from printing that it suppressed them, which would fill the stderr the
# tests check.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDELTACHECK_SANITIZE=ON -DDELTACHECK_BENCH=OFF >/dev/null
cmake --build build-asan -j"$(nproc)"
cd build-asan && ctest -j"$(nproc)" --output-on-failure
