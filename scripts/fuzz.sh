#!/usr/bin/env bash
# Fuzzes with libFuzzer for SECONDS each (default 300): the answer parser, the exercise YAML
# loader, the CSV reader, or all three in turn. Installs clang from Debian, builds build-fuzz/
# with AddressSanitizer and UBSan, and runs each until a crash, a hang (over 2 s for one
# input), a leak, over 2 GiB of memory or the time is up. Exit 0 means none was found.
# Usage: scripts/fuzz.sh [answer|yaml|csv|all] [SECONDS]   (a lone number is SECONDS for all)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-all}"
if [[ "$target" =~ ^[0-9]+$ ]]; then seconds="$target"; target=all; else seconds="${2:-300}"; fi
case "$target" in
  answer) harnesses=(answer) ;;
  yaml) harnesses=(yaml) ;;
  csv) harnesses=(csv) ;;
  all) harnesses=(answer yaml csv) ;;
  *) echo "usage: scripts/fuzz.sh [answer|yaml|csv|all] [SECONDS]" >&2; exit 2 ;;
esac
declare -A binary=([answer]=answer_parser_fuzz [yaml]=exercise_yaml_fuzz [csv]=csv_dataset_fuzz)
declare -A seeds=([answer]=tests/fuzz/seeds [yaml]=tests/fuzz/seeds-yaml [csv]=tests/fuzz/seeds-csv)
./scripts/install-deps.sh clang libclang-rt-14-dev
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DDELTACHECK_FUZZ=ON -DDELTACHECK_TESTS=OFF -DDELTACHECK_BENCH=OFF >/dev/null
for h in "${harnesses[@]}"; do
  cmake --build build-fuzz --target "${binary[$h]}" -j"$(nproc)"
done
for h in "${harnesses[@]}"; do
  mkdir -p "build-fuzz/corpus-$h" build-fuzz/artifacts
  echo "== fuzzing $h for $seconds s"
  LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp" \
    "./build-fuzz/tests/fuzz/${binary[$h]}" "build-fuzz/corpus-$h" "${seeds[$h]}" \
    -max_total_time="$seconds" -timeout=2 -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/artifacts/$h-"
done
