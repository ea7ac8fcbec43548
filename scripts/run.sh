#!/usr/bin/env bash
# Installs the dependencies, builds deltacheck and runs the main job on the built-in networks:
# the derivation of both assignment networks (seed 001) and their three-way verification.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target deltacheck >/dev/null
dc=build/app/deltacheck
for loss in squared crossentropy; do
  "$dc" derive --net "3 relu:2 sigmoid:2 sigmoid:1" --loss "$loss"
  echo
  "$dc" verify --net "3 relu:2 sigmoid:2 sigmoid:1" --loss "$loss" --points 16
  echo
done
"$dc" derive --net "2 tanh:1 sigmoid:2" --loss crossentropy
echo
"$dc" verify --net "2 tanh:1 sigmoid:2" --loss crossentropy --points 16
