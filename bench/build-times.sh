#!/usr/bin/env bash
# Timed build report: runs a clean `./mvnw -q package` (tests included) several times and prints
# each run's wall-clock and CPU seconds, the build's own summary line, and the median wall time.
# The ~/.m2 cache must be warm (run any build once first). Nothing else should be running.
#
#   bench/build-times.sh [runs]        default 5
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
walls=()
TIMEFORMAT='%R %U %S'
printf '%-4s %8s %8s  %s\n' run wall cpu "site build (from its summary line)"
for i in $(seq 1 "$runs"); do
  rm -rf target
  t=$( { time ./mvnw -q package >"$log" 2>&1; } 2>&1 ) || { cat "$log"; exit 1; }
  read -r wall user sys <<<"$t"
  walls+=("$wall")
  summary=$(grep -o 'in [0-9.]* s \[pages [0-9]* ms' "$log" | head -1 || true)
  printf '%-4s %7.2fs %7.2fs  %s\n' "$i" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" "$summary"
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "median wall: ${median} s over $runs clean builds ($(nproc) cores, $(java -version 2>&1 | head -1))"
