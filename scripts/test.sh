#!/usr/bin/env bash
# Installs the dependencies, builds everything and runs the whole test suite (the README's test
# command, which CI runs): first the Release build in build/, then the same suite built with
# AddressSanitizer and UBSan in build-asan/ (scripts/sanitize.sh). --no-sanitize skips the second.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitize=1
case "${1:-}" in
  "") ;;
  --no-sanitize) sanitize=0 ;;
  -h | --help)
    echo "usage: scripts/test.sh [--no-sanitize]"
    echo "  builds in build/ and runs every test; then builds in build-asan/ with"
    echo "  -fsanitize=address,undefined and runs every test again (about 15 more minutes"
    echo "  on 2 cores), unless --no-sanitize is given."
    exit 0 ;;
  *) echo "scripts/test.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
esac
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
(cd build && ctest -j"$(nproc)" --output-on-failure)
if [ "$sanitize" = 1 ]; then
  ./scripts/sanitize.sh
fi
