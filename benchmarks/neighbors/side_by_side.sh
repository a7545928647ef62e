#!/bin/bash
# Issue 14's neighbour-index side by side on one snapshot's embeddings:
#   benchmarks/neighbors/side_by_side.sh SNAPSHOT MODEL [side_by_side.py options, e.g. --m 16 --ef-search 64,128]
# faiss IndexFlatIP / IndexHNSWFlat / IndexIVFFlat, hnswlib, USearch HNSW (FaceEval.IndexTiming), our exact
# and approx (`faceeval neighbors`), all on the same vectors with 2 threads, every row scored on the same
# sampled faces against faiss IndexFlatIP; a raw and an equal-recall markdown table on stdout, progress on
# stderr. Debian python3-faiss and python3-hnswlib (./setup.sh). Example (docs/neighbors.md, 100k):
#   side_by_side.sh SNAP synthetic --m 16,32 --faiss-m 16 --ef-search 32,64,128,256,512,1024 \
#     --ivf-nlist 632 --nprobe 20,40,80,120,160,240 --approx "--nlist 632 --nprobe 20" [...] --stop-at-recall 0.96
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
[ $# -ge 2 ] || { echo "usage: side_by_side.sh SNAPSHOT MODEL [options]" >&2; exit 2; }
snapshot=$1 model=$2; shift 2
/usr/bin/python3 -c "import faiss, hnswlib" 2>/dev/null || { echo "side_by_side: needs python3-faiss and python3-hnswlib (apt)" >&2; exit 2; }
dotnet build "$here/benchmarks/neighbors/FaceEval.IndexTiming" -c Release --nologo -v quiet >/dev/null
console="$here/artifacts/bin/FaceEval.IndexTiming/release/FaceEval.IndexTiming"
uptime >&2
nice /usr/bin/python3 "$here/benchmarks/neighbors/side_by_side.py" --snapshot "$snapshot" --model "$model" \
  --console "$console" --faceeval "$here/faceeval" "$@"
uptime >&2
