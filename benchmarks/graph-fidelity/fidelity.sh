#!/usr/bin/env bash
# ARI between an algorithm's graph form (--neighbors exact, k=32) and its full-matrix form on one
# snapshot, at the given settings; one markdown row per setting. Needs the full matrix (<= 46,000 faces).
#   benchmarks/graph-fidelity/fidelity.sh SNAPSHOT MODEL ALGORITHM "key=v key=v" ["key=v" ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
faceeval="$here/../../faceeval"
snapshot=$1 model=$2 algorithm=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for setting in "$@"; do
  sets=()
  for kv in $setting; do sets+=(--set "$kv"); done
  "$faceeval" run --snapshot "$snapshot" --model "$model" --algorithm "$algorithm" "${sets[@]}" --neighbors full --out "$work/full" >/dev/null 2>"$work/full.err"
  start=$(date +%s.%N)
  "$faceeval" run --snapshot "$snapshot" --model "$model" --algorithm "$algorithm" "${sets[@]}" --neighbors exact --k 32 --out "$work/graph" >/dev/null 2>"$work/graph.err"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  warned=$(grep -c "warning" "$work/graph.err" || true)
  echo "| $(basename "$snapshot") | $algorithm | $setting | $(/usr/bin/python3 "$here/ari.py" "$work/full/labels.csv" "$work/graph/labels.csv") | $warned | $(printf '%.1f' "$seconds") |"
done
