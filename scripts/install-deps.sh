#!/usr/bin/env bash
# Installs deltacheck's build and test dependencies from Debian 12 packages, plus any packages named as
# arguments (scripts/fuzz.sh adds clang); quiet and quick when all are present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libginac-dev libcln-dev
  libboost-dev libboost-program-options-dev libmpfr-dev libgmp-dev
  catch2 nlohmann-json3-dev libyaml-cpp-dev
  gnuplot-nox python3
  latexmk texlive-latex-base texlive-latex-recommended texlive-pictures poppler-utils
  libcpp-httplib-dev libjs-katex chromium chromium-driver python3-selenium libeigen3-dev
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq </dev/null
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
