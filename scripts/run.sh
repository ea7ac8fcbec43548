#!/usr/bin/env bash
# Installs the dependencies, builds deltacheck and runs the main job on the built-in exercises:
# each exercise's worked solution (derive), the three-way verification of its network (where it
# has one), and the check of that solution as a student's answer file (full marks expected).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target deltacheck >/dev/null
dc=build/app/deltacheck
solution="$(mktemp)"
trap 'rm -f "$solution"' EXIT
"$dc" list
echo
"$dc" list | tail -n +2 | while read -r id kind _; do
  echo "== $id"
  "$dc" derive --exercise "$id" | tee "$solution"
  echo
  if [ "$kind" != symbolic ]; then
    "$dc" verify --exercise "$id" --points 16
    echo
  fi
  "$dc" check "$id" "$solution"
  echo
done
