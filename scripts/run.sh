#!/usr/bin/env bash
# Installs the dependencies, builds deltacheck and runs the main job on the built-in exercises:
# each exercise's worked solution (derive), its three-way verification, and the check of that
# solution as a student's answer file (full marks expected).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target deltacheck >/dev/null
dc=build/app/deltacheck
solution="$(mktemp)"
trap 'rm -f "$solution"' EXIT
for exercise in assign-q1-squared assign-q1-crossentropy assign-q2-crossentropy; do
  "$dc" derive --exercise "$exercise" | tee "$solution"
  echo
  "$dc" verify --exercise "$exercise" --points 16
  echo
  "$dc" check "$exercise" "$solution"
  echo
done
