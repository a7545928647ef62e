#!/usr/bin/env bash
# Side-by-side: the same work with FaceEval and with scikit-learn / scipy / numpy / faiss on the same
# data; prints one table and saves reports/bench/side-by-side.{md,json}. Takes a few minutes on 2 cores
# (the scikit-learn DBSCAN refits dominate). Options go to benchmarks/compare.py, e.g.
#   benchmarks/compare.sh --rows metrics,distances,knn      # only some rows
#   benchmarks/compare.sh --agglomerative-fits 1            # fewer timed sklearn average-linkage refits
#   benchmarks/compare.sh --snapshot DIR --model NAME       # another snapshot (default snapshots/fiw)
# Rows that need the FIW snapshot say "skipped (no FIW snapshot)" when ./setup.sh could not import it.
set -euo pipefail
cd "$(dirname "$0")/.."
py=/usr/bin/python3
$py -c 'import numpy, scipy, sklearn' 2>/dev/null || { echo "compare.sh: $py lacks numpy/scipy/scikit-learn; run ./setup.sh" >&2; exit 3; }
echo "==> building FaceEval.Benchmarks (Release)" >&2
dotnet build benchmarks/FaceEval.Benchmarks -c Release --nologo -v quiet >&2
dll=artifacts/bin/FaceEval.Benchmarks/release/FaceEval.Benchmarks.dll
exec "$py" benchmarks/compare.py --benchmarks-dll "$dll" "$@"
