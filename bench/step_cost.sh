#!/usr/bin/env bash
# Cost of one mutating replay step, whole pipeline (interpretation, API
# server, controllers to a fixpoint, effect diff, blast radius, rules, JSON
# report): a 1-step and a 100-step ledger of `kubectl patch` on false-alarm's
# web, timed by hyperfine; the difference of their CPU times over 99 is the
# per-step figure compared with spawning `kubectl patch --local`
# (kreplay_patch_bench). Needs hyperfine (Debian package).
#   bench/step_cost.sh [KREPLAY_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/kreplay}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for i in $(seq 1 100); do
  t=$(printf '2026-05-12T10:%02d:%02dZ' $((i / 60)) $((i % 60)))
  printf '{"tool":"run_command","args":{"command":"kubectl patch deployment web -n bench -p %s"},"result":{"status":"ok"},"time":"%s"}\n' \
    "'{\\\"metadata\\\":{\\\"annotations\\\":{\\\"step\\\":\\\"$i\\\"}}}'" "$t"
done > "$dir/100.jsonl"
head -1 "$dir/100.jsonl" > "$dir/1.jsonl"
hyperfine --warmup 3 --runs 30 -N -i \
  "$bin replay --ledger $dir/1.jsonl --fixture fixtures/false-alarm -o json" \
  "$bin replay --ledger $dir/100.jsonl --fixture fixtures/false-alarm -o json"
