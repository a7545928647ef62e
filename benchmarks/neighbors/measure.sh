#!/bin/bash
# End-to-end timing of the exact neighbour graph and the algorithms on it, as `faceeval` runs them:
#   benchmarks/neighbors/measure.sh [FAMILIES] [WORK_DIR]
# makes a synthetic 512-d library (1930 families: 100,324 faces) in WORK_DIR (default a new temp folder),
# then times with /usr/bin/time -v (wall clock, peak memory): DBSCAN on the graph (first run builds and
# caches it, the second loads it), a 50-value eps sweep and Chinese Whispers, each on the cached graph.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
families="${1:-1930}"
work="${2:-$(mktemp -d /tmp/faceeval-neighbors-XXXX)}"
snapshot="$work/synth"
faceeval="$here/faceeval"
[ -d "$snapshot" ] || "$faceeval" snapshot synth --out "$snapshot" --families "$families" --dimension 512
uptime
step() {
  local name=$1; shift
  /usr/bin/time -v "$faceeval" "$@" --snapshot "$snapshot" --model synthetic > "$work/$name.out" 2> "$work/$name.err"
  echo "== $name: $*"
  grep -E "^faceeval|Elapsed \(wall|Maximum resident" "$work/$name.err"
  grep -E "\(([0-9.]+) s\)|best:" "$work/$name.out" || true
}
step dbscan-first run --algorithm dbscan --neighbors exact
step dbscan-cached run --algorithm dbscan --neighbors exact
step dbscan-eps-sweep sweep --algorithm dbscan --neighbors exact --param eps=0.2:0.69:0.01 --out "$work/sweep-dbscan"
grep -E "preparation_seconds|total_seconds" "$work/sweep-dbscan/sweep.json"
step chinese-whispers run --algorithm chinese-whispers --neighbors exact
