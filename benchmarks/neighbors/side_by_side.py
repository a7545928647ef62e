"""Issue 14's neighbour-index side by side (the python half of side_by_side.sh).

On one float32 .npy of embeddings (rows normalised here, as FaceEval does), with THREADS threads
everywhere, builds the k-nearest lists of every face (each face queried for k + 1, itself dropped) with:
faiss IndexFlatIP (exact: its lists are the ground truth of every python row), faiss IndexHNSWFlat and
hnswlib (M x efConstruction, efSearch swept), faiss IndexIVFFlat (nprobe swept), USearch HNSW through
FaceEval.IndexTiming (whose recall is against our exact KnnGraph.Build, and whose KnnGraph.Build timing
is our exact row until `faceeval neighbors` exists), and `faceeval neighbors --neighbors exact|approx`
when the CLI has that command. Recall@k is measured on a seeded sample of faces (default 1,000).
Prints one markdown table; --json FILE also writes the rows.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

import numpy as np


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def drop_self(ids, k):
    """First k ids of each row that are not the row's own index (-1 padding where fewer)."""
    n = ids.shape[0]
    out = np.full((n, k), -1, dtype=np.int64)
    own = np.arange(n)[:, None]
    for i in range(n):
        row = ids[i][(ids[i] != own[i]) & (ids[i] >= 0)][:k]
        out[i, : row.size] = row
    return out


def recall(found, truth, sample):
    k = truth.shape[1]
    hits = sum(np.intersect1d(found[i], truth[i]).size for i in sample)
    return hits / (len(sample) * k)


def row(structure, params, build, query, recall_value, note=""):
    return {"structure": structure, "params": params, "build_s": build, "query_s": query,
            "total_s": None if build is None or query is None else build + query,
            "recall": recall_value, "note": note}


def faiss_rows(x, k, sample, threads, ms, ef_construction, ef_search, nprobes):
    import faiss
    faiss.omp_set_num_threads(threads)
    n, d = x.shape
    flat = faiss.IndexFlatIP(d)
    _, build = timed(lambda: flat.add(x))
    (_, ids), query = timed(lambda: flat.search(x, k + 1))
    truth = drop_self(ids, k)
    rows = [row("faiss IndexFlatIP", "exact", build, query, 1.0, "ground truth of the python rows")]
    yield rows[0], truth
    for m in ms:
        hnsw = faiss.IndexHNSWFlat(d, m, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = ef_construction
        _, build = timed(lambda: hnsw.add(x))
        for ef in ef_search:
            hnsw.hnsw.efSearch = ef
            (_, ids), query = timed(lambda: hnsw.search(x, k + 1))
            yield row("faiss IndexHNSWFlat", f"M={m} efC={ef_construction} efS={ef}", build, query,
                      recall(drop_self(ids, k), truth, sample)), None
    nlist = max(1, int(round(4 * np.sqrt(n))))
    quantizer = faiss.IndexFlatIP(d)
    ivf = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
    ivf.cp.seed = 42

    def build_ivf():
        ivf.train(x)
        ivf.add(x)
    _, build = timed(build_ivf)
    for nprobe in nprobes:
        ivf.nprobe = nprobe
        (_, ids), query = timed(lambda: ivf.search(x, k + 1))
        yield row("faiss IndexIVFFlat", f"nlist={nlist} nprobe={nprobe}", build, query,
                  recall(drop_self(ids, k), truth, sample)), None


def hnswlib_rows(x, k, sample, truth, threads, ms, ef_construction, ef_search):
    import hnswlib
    n, d = x.shape
    for m in ms:
        index = hnswlib.Index(space="ip", dim=d)
        index.init_index(max_elements=n, ef_construction=ef_construction, M=m, random_seed=42)
        _, build = timed(lambda: index.add_items(x, np.arange(n), num_threads=threads))
        for ef in ef_search:
            index.set_ef(ef)
            (ids, _), query = timed(lambda: index.knn_query(x, k=k + 1, num_threads=threads))
            yield row("hnswlib", f"M={m} efC={ef_construction} ef={ef}", build, query,
                      recall(drop_self(ids.astype(np.int64), k), truth, sample))


USEARCH_LINE = re.compile(r"^usearch metric=(\w+) M=(\d+) ef_add=(\d+) ef_search=(\d+): build ([\d.]+) s, query ([\d.]+) s, recall@\d+ ([\d.]+)")
EXACT_LINE = re.compile(r"^exact KnnGraph.Build: build ([\d.]+) s")


def console_rows(console, npy, k, threads, sample_size, seed, ms, ef_construction, ef_search):
    command = [*console, npy, "--k", str(k), "--threads", str(threads), "--sample", str(sample_size), "--seed", str(seed),
               "--connectivity", ",".join(map(str, ms)), "--expansion-add", str(ef_construction),
               "--expansion-search", ",".join(map(str, ef_search))]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"side_by_side: FaceEval.IndexTiming failed ({done.returncode}): {done.stderr.strip()}")
    rows = []
    for line in done.stdout.splitlines():
        print(f"  {line}", file=sys.stderr)
        if m := EXACT_LINE.match(line):
            rows.append(row("ours exact (KnnGraph.Build)", "blocked kernel", float(m[1]), 0.0, 1.0,
                            "FaceEval.IndexTiming; build includes the query"))
        elif m := USEARCH_LINE.match(line):
            rows.append(row("USearch HNSW (C#)", f"{m[1]} M={m[2]} ef_add={m[3]} ef_search={m[4]}",
                            float(m[5]), float(m[6]), float(m[7]), "recall vs our exact"))
    return rows


BUILT = re.compile(r"built in ([\d.]+) s")
RECALL = re.compile(r"recall@\d+: ([\d.]+)")


def faceeval_rows(faceeval, snapshot, model, k, approx_params):
    """`faceeval neighbors` rows, or none (with a note) while the CLI has no such command."""
    listed = subprocess.run([*faceeval, "--help"], capture_output=True, text=True).stdout
    if not re.search(r"^\s+neighbors\b", listed, re.MULTILINE):
        print("side_by_side: `faceeval neighbors` not in this build: ours exact is KnnGraph.Build in "
              "FaceEval.IndexTiming, ours approx is left out", file=sys.stderr)
        return []
    rows = []
    for structure, extra in [("exact", []), *(("approx", p) for p in approx_params)]:
        command = [*faceeval, "neighbors", "--snapshot", snapshot, "--model", model,
                   "--neighbors", structure, "--k", str(k), *extra]
        done = subprocess.run(command, capture_output=True, text=True)
        text = done.stdout + done.stderr
        built, got = BUILT.search(text), RECALL.search(text)
        if done.returncode != 0 or not built:
            print(f"side_by_side: {' '.join(command)} failed ({done.returncode}): {text.strip()[-300:]}", file=sys.stderr)
            continue
        rows.append(row(f"ours {structure} (faceeval neighbors)", " ".join(extra) or "default", float(built[1]), 0.0,
                        float(got[1]) if got else (1.0 if structure == "exact" else None),
                        "build includes the query; recall vs our exact"))
    return rows


def table(rows, reference):
    def number(v, digits):
        return "" if v is None else f"{v:.{digits}f}"
    ref = reference["total_s"]
    lines = [f"| structure | params | build s | query s | total s | recall@k | total / ours exact ({ref:.1f} s) |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratio = "" if r["total_s"] is None else f"{r['total_s'] / ref:.2f}"
        lines.append(f"| {r['structure']} | {r['params']} | {number(r['build_s'], 1)} | {number(r['query_s'], 1)} | "
                     f"{number(r['total_s'], 1)} | {number(r['recall'], 4)} | {ratio} |")
    return "\n".join(lines)


def ints(text):
    return [int(v) for v in text.split(",")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--console", required=True, help="FaceEval.IndexTiming command (space-separated)")
    parser.add_argument("--faceeval", required=True, help="faceeval command (space-separated)")
    parser.add_argument("--k", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--m", type=ints, default=[16, 32])
    parser.add_argument("--faiss-m", type=ints, help="M of faiss IndexHNSWFlat (default --m; its build is the slowest)")
    parser.add_argument("--ef-construction", type=int, default=128)
    parser.add_argument("--ef-search", type=ints, default=[32, 64, 128, 256])
    parser.add_argument("--nprobe", type=ints, default=[8, 16, 32, 64])
    parser.add_argument("--approx", action="append", default=[],
                        help="extra `faceeval neighbors --neighbors approx` options, e.g. '--nlist 1024 --nprobe 32' (repeatable)")
    parser.add_argument("--json")
    a = parser.parse_args()

    npy = os.path.join(a.snapshot, "embeddings", f"{a.model}.npy")
    if not os.path.isfile(npy):
        sys.exit(f"side_by_side: {npy}: no such embeddings file")
    x = np.load(npy, mmap_mode="r").astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    x = np.ascontiguousarray(x)
    n = x.shape[0]
    sample = np.random.default_rng(a.seed).choice(n, size=min(a.sample, n), replace=False)
    load = os.getloadavg()
    print(f"side_by_side: {npy}: {n} x {x.shape[1]}, k {a.k}, threads {a.threads}, load at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}", file=sys.stderr)

    rows, truth = [], None
    for r, t in faiss_rows(x, a.k, sample, a.threads, a.faiss_m or a.m, a.ef_construction, a.ef_search, a.nprobe):
        truth = t if t is not None else truth
        rows.append(r)
        print(f"  {r}", file=sys.stderr)
    for r in hnswlib_rows(x, a.k, sample, truth, a.threads, a.m, a.ef_construction, a.ef_search):
        rows.append(r)
        print(f"  {r}", file=sys.stderr)
    ours = faceeval_rows(a.faceeval.split(), a.snapshot, a.model, a.k, [p.split() for p in a.approx])
    ours += console_rows(a.console.split(), npy, a.k, a.threads, a.sample, a.seed, a.m, a.ef_construction, a.ef_search)
    rows = ours + rows
    reference = next(r for r in rows if r["structure"].startswith("ours exact"))
    load_end = os.getloadavg()
    print(f"\n{n} x {x.shape[1]} ({npy}), k = {a.k}, {a.threads} threads, recall@{a.k} on {len(sample)} seeded faces; "
          f"load average {load[0]:.2f} at start, {load_end[0]:.2f} at end\n")
    print(table(rows, reference))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"npy": npy, "faces": n, "dimension": x.shape[1], "k": a.k, "threads": a.threads,
                       "load_start": load, "load_end": load_end, "rows": rows}, f, indent=1)


if __name__ == "__main__":
    main()
