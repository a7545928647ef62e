#!/usr/bin/python3
"""faiss IndexIVFFlat on a snapshot's vectors, with the same nlist/nprobe as `faceeval neighbors --neighbors approx`
(issue 14: the inverted file on our kernel against faiss's, same vectors, same machine, same threads).

    /usr/bin/python3 benchmarks/neighbors/ivf_faiss.py --snapshot DIR [--model synthetic] --nlist 632 --nprobe 40 [--nprobe 160 ...]

Rows are normalised (as FaceEval does); every face is a query for k + 1 neighbours, itself dropped.
Training uses faiss's default (k-means on up to 256 x nlist points, 25 iterations... as faiss decides), i.e. not
our sample size: the row says so. Recall@k is against brute force (numpy, float64) on a seeded sample of
faces, the same definition as FaceEval's GraphRecall (|found ∩ exact| / k, averaged), also over the exact
neighbours within --near only. Prints one line per nprobe: build (train + add) seconds, search seconds, recall.
"""
import argparse
import json
import os
import time

import faiss
import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--snapshot", required=True)
    p.add_argument("--model", default="synthetic")
    p.add_argument("--k", type=int, default=32)
    p.add_argument("--nlist", type=int, required=True)
    p.add_argument("--nprobe", type=int, action="append", required=True)
    p.add_argument("--queries", type=int, default=1000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--near", type=float, default=0.6)
    p.add_argument("--search-limit", type=int, default=0, help="search only this many faces (0: all) and scale the time to N")
    a = p.parse_args()
    faiss.omp_set_num_threads(a.threads)
    manifest = json.load(open(os.path.join(a.snapshot, "manifest.json")))
    entry = next(m for m in manifest["models"] if m["name"] == a.model)
    x = np.load(os.path.join(a.snapshot, entry["file"])).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    n, d = x.shape

    rng = np.random.default_rng(a.seed)
    sample = np.sort(rng.choice(n, size=min(a.queries, n), replace=False))
    sims = x[sample].astype(np.float64) @ x.T.astype(np.float64)
    sims[np.arange(len(sample)), sample] = -np.inf
    exact = np.argsort(-sims, axis=1, kind="stable")[:, : a.k]
    exact_d = 1 - np.take_along_axis(sims, exact, axis=1)

    start = time.perf_counter()
    quantizer = faiss.IndexFlatIP(d)
    ivf = faiss.IndexIVFFlat(quantizer, d, a.nlist, faiss.METRIC_INNER_PRODUCT)
    ivf.train(x)
    ivf.add(x)
    build = time.perf_counter() - start
    searched = n if a.search_limit <= 0 else min(n, a.search_limit)
    for nprobe in a.nprobe:
        ivf.nprobe = nprobe
        start = time.perf_counter()
        _, ids = ivf.search(x[:searched], a.k + 1)
        search = (time.perf_counter() - start) * n / searched
        _, sample_ids = ivf.search(x[sample], a.k + 1)
        hits = near = near_hits = 0
        for r, i in enumerate(sample):
            found = [j for j in sample_ids[r] if j != i and j >= 0][: a.k]
            hits += np.intersect1d(found, exact[r]).size
            close = exact[r][exact_d[r] <= a.near]
            near += close.size
            near_hits += np.intersect1d(found, close).size
        recall = hits / (len(sample) * a.k)
        print(f"faiss IndexIVFFlat nlist={a.nlist} nprobe={nprobe}: build {build:.1f} s, search {search:.1f} s"
              f"{' (scaled from %d faces)' % searched if searched < n else ''}, total {build + search:.1f} s, "
              f"recall@{a.k}: {recall:.3f}, within {a.near}: {near_hits / max(1, near):.3f} ({n:,} faces, {a.threads} threads)", flush=True)


if __name__ == "__main__":
    main()
