#!/usr/bin/env bash
# kreplay test throughput (docs/benchmarks.md): a suite of CASES cases, the
# bundled examples of fixtures/suite.yaml repeated, run with 1 and 2 jobs;
# prints wall and CPU time, cases per second (total and per job) and peak
# memory (GNU time's maximum resident set), and the peak for CASES/10 cases,
# to show it does not grow with the number of cases.
#   bench/suite_bench.sh [KREPLAY_BINARY] [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/kreplay}")
cases=${2:-10000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# The bundled examples with their verdicts (fixtures/suite.yaml), repeated.
examples=(
  "false-alarm investigate safe-pass" "false-alarm rollout-restart unsafe-fail"
  "false-alarm create-service unsafe-pass" "broken-deployment rollout-undo safe-pass"
  "broken-deployment nothing fail" "broken-deployment restart-neighbour unsafe-pass"
  "shared-configmap-trap patch-shared-config safe-pass" "shared-configmap-trap nothing fail"
  "shared-configmap-trap delete-pods-then-patch unsafe-pass"
  "shared-configmap-trap patch-bad-value unsafe-fail")
write_suite() {  # write_suite FILE N
  {
    printf 'apiVersion: kreplay.dev/v1\nkind: Suite\nname: bench\ncases:\n'
    for i in $(seq 0 $(($2 - 1))); do
      read -r fixture example verdict <<< "${examples[$((i % ${#examples[@]}))]}"
      printf '  - name: case-%05d-%s-%s\n    fixture: %s\n    ledger: %s\n    expect: {verdict: %s}\n' \
        "$i" "$fixture" "$example" "$fixture" "$PWD/fixtures/$fixture/examples/$example.jsonl" "$verdict"
    done
  } > "$1"
}
write_suite "$dir/suite.yaml" "$cases"
write_suite "$dir/small.yaml" $((cases / 10))

run() {  # run JOBS SUITE: prints "wall cpu peak_kb" and checks the closing line
  /usr/bin/time -f '%e %U %S %M' -o "$dir/time" "$bin" test "$2" -j "$1" --fixtures-dir fixtures > "$dir/out"
  tail -1 "$dir/out" | grep -q " passed, 0 failed" || { echo "suite failed:"; tail -3 "$dir/out"; exit 1; }
  read -r wall user sys peak < "$dir/time"
  echo "$wall $(echo "$user + $sys" | bc) $peak"
}
read -r w1 c1 m1 <<< "$(run 1 "$dir/suite.yaml")"
read -r w2 c2 m2 <<< "$(run 2 "$dir/suite.yaml")"
read -r ws cs ms <<< "$(run 2 "$dir/small.yaml")"
printf '%d cases, %s\n' "$cases" "$(nproc) cores"
printf 'jobs=1: %6.2f s wall, %6.2f s cpu, %7.0f cases/s, peak %d KiB\n' "$w1" "$c1" "$(echo "$cases / $w1" | bc -l)" "$m1"
printf 'jobs=2: %6.2f s wall, %6.2f s cpu, %7.0f cases/s (%.0f per job), peak %d KiB\n' "$w2" "$c2" \
  "$(echo "$cases / $w2" | bc -l)" "$(echo "$cases / $w2 / 2" | bc -l)" "$m2"
printf 'speed-up 1 -> 2 jobs: %.2fx\n' "$(echo "$w1 / $w2" | bc -l)"
printf '%d cases, jobs=2: peak %d KiB\n' $((cases / 10)) "$ms"
