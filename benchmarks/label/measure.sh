#!/usr/bin/env bash
# Measures `faceeval label` on a real snapshot (default snapshots/fiw, ~15,000 faces): seconds from
# start until the page and everything its first view requests (people, the five queues of the largest
# person) have answered, then the latency of N edits (PATCH + undo pairs). Work goes to a temp directory that
# is removed afterwards; the snapshot is only read. Usage: benchmarks/label/measure.sh [SNAPSHOT] [MODEL] [N]
# FACEEVAL="dotnet path/to/faceeval.dll" measures another build than ./faceeval.
set -euo pipefail
cd "$(dirname "$0")/../.."
snapshot=${1:-snapshots/fiw}
model=${2:-arcface_w600k_mbf_int8}
n=${3:-50}
work=$(mktemp -d)
out="$work/out.txt"
start=$(date +%s.%N)
${FACEEVAL:-./faceeval} label --snapshot "$snapshot" --model "$model" --work "$work/labels" >"$out" 2>&1 &
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
largest=$(curl -sf -H "$header" "$base/api/people" | /usr/bin/python3 -c 'import json, sys; print(max(json.load(sys.stdin)["people"], key=lambda p: p["faces"])["id"])')
for kind in closer-to-another sibling-ambiguous in-gate-alternative worst-outliers unassigned; do
  curl -sf -H "$header" "$base/api/people/$largest/queue?kind=$kind" >/dev/null &
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
ready=$(date +%s.%N)
printf 'listening after %.2f s, first view answered after %.2f s\n' "$(echo "$listening - $start" | bc)" "$(echo "$ready - $start" | bc)"
# Edits go to a face of the largest person, the slowest to refresh (its queues are searched against
# every person), moved to the second largest; each is undone. Besides the PATCH itself, the page's
# refresh after an edit (people, then the five queues at once) is timed.
read -r person other face < <(curl -sf -H "$header" "$base/api/people" | /usr/bin/python3 -c '
import json, sys, urllib.request
people = sorted(json.load(sys.stdin)["people"], key=lambda p: -p["faces"])
base, header = sys.argv[1], sys.argv[2].split(": ", 1)
largest = people[0]["id"]
for kind in ["worst-outliers", "closer-to-another", "sibling-ambiguous", "in-gate-alternative"]:
    request = urllib.request.Request(f"{base}/api/people/{largest}/queue?kind={kind}", headers={header[0]: header[1]})
    faces = json.load(urllib.request.urlopen(request))["faces"]
    if faces:
        print(largest, people[1]["id"], faces[0]["id"])
        break' "$base" "$header")
[ -n "${face:-}" ] || { echo "no suspicious face of the largest person to edit"; exit 0; }
# One curl for the whole refresh, requests one after the other on one connection (the page sends the
# queues at once): the sum of their times, without the cost of starting processes.
refresh() {
  local args=(-sf -H "$header" -w '%{time_total}\n' -o /dev/null "$base/api/people")
  for kind in closer-to-another sibling-ambiguous in-gate-alternative worst-outliers unassigned; do
    args+=(-o /dev/null "$base/api/people/$person/queue?kind=$kind")
  done
  curl "${args[@]}" | /usr/bin/python3 -c 'import sys; print(sum(float(x) for x in sys.stdin))'
}
times=()
refreshes=()
for i in $(seq 1 "$n"); do
  times+=("$(curl -sf -o /dev/null -w '%{time_total}' -X PATCH -H "$header" -H 'Content-Type: application/json' -d "{\"person\":\"$other\"}" "$base/api/faces/$face")")
  refreshes+=("$(refresh)")
  times+=("$(curl -sf -o /dev/null -w '%{time_total}' -X POST -H "$header" "$base/api/undo")")
done
summary() {
  /usr/bin/python3 -c '
import sys, statistics
label = sys.argv[1]
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f"{len(t)} {label}: median {statistics.median(t):.1f} ms, p95 {t[int(0.95 * (len(t) - 1))]:.1f} ms, max {t[-1]:.1f} ms")' "$1"
}
printf '%s\n' "${times[@]}" | summary "edits (PATCH/undo)"
printf '%s\n' "${refreshes[@]}" | summary "page refreshes after an edit (people + 5 queues of person $person, one after the other)"
