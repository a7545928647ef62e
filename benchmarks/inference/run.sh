#!/usr/bin/env bash
# Issue 5's inference side-by-side: faces per second for detect (yunet) + align + embed
# (arcface_w600k_mbf_int8) with the default models, C# (our ONNX Runtime binding) next to
# onnxruntime-node doing the same work in the same run, alternating rounds so both see the same
# machine load. Same native library, same models, same photos, same intra-op thread count, one face
# per embedder run on both sides; photos are decoded before the clock starts on both sides.
#
#   benchmarks/inference/run.sh [PHOTOS=300] [THREADS=2] [ROUNDS=3]
#
# Prints faces/s per side (best round) and the ratio C#/Node; writes
# reports/bench/inference_side_by_side.json. Exit 0 even when C# is slower: it measures, it does not gate.
set -euo pipefail
cd "$(dirname "$0")/../.."
photos=${1:-300}
threads=${2:-2}
rounds=${3:-3}
warmup=10
shared="${FACEEVAL_SHARED:-../shared}"
lfw="$shared/datasets/lfw"
[ -d "$lfw" ] || { echo "inference_side_by_side: $lfw not found (set FACEEVAL_SHARED)" >&2; exit 2; }
[ -f tools/npm/node_modules/onnxruntime-node/package.json ] || { echo "inference_side_by_side: run ./setup.sh first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every k-th photo of the sorted list: many people, deterministic.
total=$(find "$lfw" -name '*.jpg' | wc -l)
step=$(( total / photos )); [ "$step" -ge 1 ] || step=1
find "$lfw" -name '*.jpg' | LC_ALL=C sort | awk -v s="$step" 'NR % s == 0' | head -n "$photos" > "$work/list.txt"
/usr/bin/python3 benchmarks/inference/decode_photos.py "$work/list.txt" "$work/photos.rgb"

dotnet build benchmarks/inference/FaceEval.InferenceTiming -c Release --nologo -v quiet >/dev/null
csharp=artifacts/bin/FaceEval.InferenceTiming/release/FaceEval.InferenceTiming
for r in $(seq 1 "$rounds"); do
  "$csharp" "$work/list.txt" "$threads" "$warmup" | tee -a "$work/results.jsonl"
  node benchmarks/inference/onnxruntime_node.js "$work/photos.rgb" "$threads" "$warmup" | tee -a "$work/results.jsonl"
done

mkdir -p reports/bench
/usr/bin/python3 - "$work/results.jsonl" reports/bench/inference_side_by_side.json "$(nproc)" <<'PY'
import json, os, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
best = {side: max((r for r in rows if r["side"] == side), key=lambda r: r["facesPerSecond"]) for side in ("csharp", "node")}
if best["csharp"]["faces"] != best["node"]["faces"]:
    print(f"warning: the sides found different face counts ({best['csharp']['faces']} vs {best['node']['faces']})")
ratio = best["csharp"]["facesPerSecond"] / best["node"]["facesPerSecond"]
# Faces per CPU-second (process user+system time over the timed loop) is steadier than wall time when
# other jobs share the cores; it counts ONNX Runtime's spinning worker threads on both sides alike.
cpu = {side: max(r["faces"] / r["cpuSeconds"] for r in rows if r["side"] == side) for side in ("csharp", "node")}
result = {"cores": int(sys.argv[3]), "rounds": rows, "best": best, "ratioCsharpOverNode": round(ratio, 4), "facesPerCpuSecond": {k: round(v, 2) for k, v in cpu.items()}, "cpuRatioCsharpOverNode": round(cpu["csharp"] / cpu["node"], 4), "loadAverage": os.getloadavg()[0], "withinTenPercent": ratio >= 0.9,
          "note": "detect yunet + align + embed arcface_w600k_mbf_int8; JPEG decoding outside the timing on both sides"}
tmp = sys.argv[2] + ".tmp"
with open(tmp, "w") as f:
    json.dump(result, f, indent=1)
os.replace(tmp, sys.argv[2])
c, n = best["csharp"], best["node"]
print(f"C#   : {c['facesPerSecond']:8.1f} faces/s ({c['faces']} faces, {c['images']} photos, {c['threads']} intra-op threads, best of {len(rows)//2})")
print(f"Node : {n['facesPerSecond']:8.1f} faces/s ({n['faces']} faces, onnxruntime-node {n['ort']})")
print(f"faces per CPU-second: C# {cpu['csharp']:.1f}, Node {cpu['node']:.1f} (ratio {cpu['csharp'] / cpu['node']:.3f}); load average {os.getloadavg()[0]:.1f} on {sys.argv[3]} cores")
print(f"ratio C#/Node: {ratio:.3f} ({'within' if ratio >= 0.9 else 'NOT within'} 10%)  -> {sys.argv[2]}")
PY
