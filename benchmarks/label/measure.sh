#!/usr/bin/env bash
# Measures `faceeval label` on a real snapshot (default snapshots/fiw, ~15,000 faces): seconds from
# start until the page and everything its first view requests (people, the five queues of one person)
# have answered, then the latency of N edits (PATCH + undo pairs). Work goes to a temp directory that
# is removed afterwards; the snapshot is only read. Usage: benchmarks/label/measure.sh [SNAPSHOT] [MODEL] [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
snapshot=${1:-snapshots/fiw}
model=${2:-arcface_w600k_mbf_int8}
n=${3:-50}
work=$(mktemp -d)
out="$work/out.txt"
start=$(date +%s.%N)
./faceeval label --snapshot "$snapshot" --model "$model" --work "$work/labels" >"$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until grep -q '^Labelling at' "$out"; do
  kill -0 $pid 2>/dev/null || { cat "$out"; exit 1; }
  sleep 0.05
done
url=$(sed -n 's/^Labelling at //p' "$out")
base=${url%%/\?token=*}
header="X-FaceEval-Token: ${url##*token=}"
listening=$(date +%s.%N)
curl -sf -H "$header" "$base/" >/dev/null
curl -sf -H "$header" "$base/api/people" >/dev/null
for kind in closer-to-another sibling-ambiguous in-gate-alternative worst-outliers unassigned; do
  curl -sf -H "$header" "$base/api/people/0/queue?kind=$kind" >/dev/null &
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
ready=$(date +%s.%N)
printf 'listening after %.2f s, first view answered after %.2f s\n' "$(echo "$listening - $start" | bc)" "$(echo "$ready - $start" | bc)"
face=$(curl -sf -H "$header" "$base/api/people/0/queue?kind=worst-outliers" | /usr/bin/python3 -c 'import json,sys; f=json.load(sys.stdin)["faces"]; print(f[0]["id"] if f else "0")')
times=()
for i in $(seq 1 "$n"); do
  times+=("$(curl -sf -o /dev/null -w '%{time_total}' -X PATCH -H "$header" -H 'Content-Type: application/json' -d '{"person":"1"}' "$base/api/faces/$face")")
  times+=("$(curl -sf -o /dev/null -w '%{time_total}' -X POST -H "$header" "$base/api/undo")")
done
printf '%s\n' "${times[@]}" | /usr/bin/python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f"{len(t)} edits (PATCH/undo): median {statistics.median(t):.1f} ms, p95 {t[int(0.95 * (len(t) - 1))]:.1f} ms, max {t[-1]:.1f} ms")'
