#!/usr/bin/env bash
# Installs what kreplay needs from Debian's packages (when missing), then
# configures and builds it.
#   scripts/setup.sh [BUILD_DIR] [extra cmake arguments...]
# BUILD_DIR defaults to build; the executable lands at BUILD_DIR/kreplay.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
shift || true

packages=(g++ cmake ninja-build libabsl-dev nlohmann-json3-dev libyaml-cpp-dev
          libboost-graph-dev libcli11-dev doctest-dev graphviz libre2-dev pkg-config
          libxml2-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B "$build_dir" -G Ninja -DKREPLAY_COMPILE_JOBS="$(nproc)" "$@" >/dev/null
cmake --build "$build_dir"
