#!/usr/bin/python3
"""Where the approx graph misses neighbours (issue 14): recall@k of a cached approx graph against the cached
exact graph of the same snapshot and model, over every face, split by who the face is (unlabelled, a person
with 1-2, 3-32 or more faces in the library) and by the distance of the exact neighbour (<= --near or beyond).

    /usr/bin/python3 benchmarks/neighbors/ivf_recall_split.py --snapshot DIR --approx CACHE_DIR [--exact CACHE_DIR]

Both graphs are the ids.npy of `faceeval neighbors` caches (<snapshot>.cache/neighbors/...). Recall is the
same definition as GraphRecall: |approx ∩ exact| / k per face, averaged; nothing is redefined, only split.
"""
import argparse
import csv
import os
from collections import Counter

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--snapshot", required=True)
    p.add_argument("--approx", required=True)
    p.add_argument("--exact")
    p.add_argument("--near", type=float, default=0.6)
    a = p.parse_args()
    approx = np.load(os.path.join(a.approx, "ids.npy"))
    k = approx.shape[1]
    exact_dir = a.exact or os.path.join(os.path.dirname(a.approx), os.path.basename(a.approx).split("-approx-")[0] + f"-exact-k{k}")
    exact = np.load(os.path.join(exact_dir, "ids.npy"))
    exact_d = np.load(os.path.join(exact_dir, "distances.npy"))
    with open(os.path.join(a.snapshot, "faces.csv")) as f:
        people = [r["person"] for r in csv.DictReader(f)]
    sizes = Counter(people)
    n = len(people)
    hit = np.zeros((n, k), dtype=bool)
    for i in range(n):
        hit[i] = np.isin(exact[i], approx[i])

    def group(i):
        person = people[i]
        if not person:
            return "unlabelled"
        s = sizes[person]
        return "1-2 faces" if s <= 2 else f"3-{k} faces" if s <= k else f">{k} faces"

    groups = np.array([group(i) for i in range(n)])
    near = exact_d <= a.near
    print(f"| faces | count | recall@{k} | recall within {a.near} | exact neighbours within {a.near} | median k-th exact distance |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in ["all", "unlabelled", "1-2 faces", f"3-{k} faces", f">{k} faces"]:
        m = np.ones(n, dtype=bool) if name == "all" else groups == name
        if not m.any():
            continue
        within = near[m]
        print(f"| {name} | {m.sum():,} | {hit[m].mean():.3f} | {hit[m][within].mean() if within.any() else float('nan'):.3f} | "
              f"{within.mean():.1%} | {np.median(exact_d[m][:, -1]):.3f} |")


if __name__ == "__main__":
    main()
