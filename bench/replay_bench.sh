#!/usr/bin/env bash
# Whole-process replay time of a 100-step ledger on the false-alarm fixture
# (docs/concepts.md: under 10 ms). Needs hyperfine (Debian package).
#   bench/replay_bench.sh [KREPLAY_BINARY] [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/kreplay}
steps=${2:-100}
ledger=$(mktemp --suffix=.jsonl)
trap 'rm -f "$ledger"' EXIT
# Mostly reads, two mutations in ten (an annotation and a scale of web), as agents do.
for i in $(seq 1 "$steps"); do
  t=$(printf '2026-05-12T10:%02d:%02dZ' $((i / 60)) $((i % 60)))
  case $((i % 10)) in
    0) cmd="kubectl annotate deployment web -n bench note/step-$i=x --overwrite" ;;
    5) cmd="kubectl scale deployment web -n bench --replicas=$((2 + i % 3))" ;;
    *) cmd="kubectl get pods -n bench -l app=web" ;;
  esac
  printf '{"tool":"run_command","args":{"command":"%s"},"result":{"status":"ok"},"time":"%s"}\n' "$cmd" "$t"
done > "$ledger"
hyperfine --warmup 3 --runs 50 -N -i "$bin replay --ledger $ledger --fixture fixtures/false-alarm -o json"
