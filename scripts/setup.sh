#!/usr/bin/env bash
# Installs what kreplay needs from Debian's packages (when missing), then
# configures and builds it. The one place that installs packages.
#   scripts/setup.sh [--only-kreplay] [BUILD_DIR] [extra cmake arguments...]
# BUILD_DIR defaults to build; the executable lands at BUILD_DIR/kreplay.
# Without --only-kreplay every target is built (tests, benchmarks): .ci/run
# and the README's second command. With --only-kreplay only what a replay
# needs: a Release kreplay, stripped, without tests or benchmarks (the
# README's first command); extra cmake arguments still come last and win.
# KREPLAY_SETUP_DRY_RUN=1 prints the commands instead of running them and
# installs nothing (tests/cli/setup_script_test.cc).
set -euo pipefail
cd "$(dirname "$0")/.."
only_kreplay=0
if [ "${1:-}" = "--only-kreplay" ]; then
  only_kreplay=1
  shift
fi
build_dir=${1:-build}
shift || true
dry_run=${KREPLAY_SETUP_DRY_RUN:-0}

run() {
  if [ "$dry_run" = 1 ]; then echo "$*"; else "$@"; fi
}

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
  if [ "$dry_run" = 1 ]; then
    echo "apt-get install -y -qq --no-install-recommends ${missing[*]}"
  else
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

configure=(-DKREPLAY_COMPILE_JOBS="$(nproc)")
build=()
if [ "$only_kreplay" = 1 ]; then
  configure+=(-DCMAKE_BUILD_TYPE=Release -DKREPLAY_BUILD_TESTS=OFF -DCMAKE_EXE_LINKER_FLAGS=-s)
  build+=(--target kreplay)
fi
if [ "$dry_run" = 1 ]; then
  run cmake -S . -B "$build_dir" -G Ninja "${configure[@]}" "$@"
else
  cmake -S . -B "$build_dir" -G Ninja "${configure[@]}" "$@" >/dev/null
fi
run cmake --build "$build_dir" "${build[@]}"
