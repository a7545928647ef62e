"""Issue 14's neighbour-index side by side (the python half of side_by_side.sh).

On one float32 .npy of embeddings (rows normalised here, as FaceEval does), with THREADS threads
everywhere, builds the k-nearest lists of every face (each face queried for k + 1, itself dropped) with:
faiss IndexFlatIP (exact: the ground truth of every row), faiss IndexHNSWFlat and hnswlib (M x
efConstruction, efSearch swept), faiss IndexIVFFlat (nprobe swept), USearch HNSW through
FaceEval.IndexTiming (which also times our exact KnnGraph.Build in-process), and `faceeval neighbors
--neighbors exact|approx`. Every row's lists are scored here, on one seeded sample of faces (default
1,000) against faiss IndexFlatIP: recall@k, and recall over the exact neighbours within cosine distance
--near (0.6; the pairs a clustering threshold can join). Every row has wall and CPU seconds (the CPU
figure is the steadier one on a shared machine) and the 1-minute load average before and after it.
An ascending ladder stops once its recall reaches --stop-at-recall. Prints the raw table and an
equal-recall table (see equal_recall); --json FILE writes the rows after each one, so a run cut short
keeps what it measured.
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np


def timed(fn):
    """fn's value, wall seconds and CPU seconds of this process (every thread: faiss's OpenMP, hnswlib's)."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - wall, time.process_time() - cpu


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load1():
    return round(os.getloadavg()[0], 2)


def without_self(ids, own, k):
    """The first k entries of one result row that are not the face itself (-1 padding where fewer)."""
    keep = ids[(ids != own) & (ids >= 0)][:k]
    return np.pad(keep, (0, k - keep.size), constant_values=-1)


class Truth:
    """faiss IndexFlatIP's k nearest other faces of the sampled faces, and which lie within `near`."""

    def __init__(self, ids, sims, sample, k, near):
        self.sample, self.k = sample, k
        self.ids, self.near = [], []
        for i in sample:
            keep = (ids[i] != i) & (ids[i] >= 0)
            row, sim = ids[i][keep][:k], sims[i][keep][:k]
            self.ids.append(row)
            self.near.append(row[1.0 - sim <= near])

    def score(self, found, has_self):
        """(recall@k, recall within near) of `found` (rows indexed by face; with the face itself if has_self)."""
        hits = near_hits = near_total = 0
        for s, i in enumerate(self.sample):
            row = without_self(np.asarray(found[i]), i, self.k) if has_self else np.asarray(found[i])[: self.k]
            hits += np.intersect1d(row, self.ids[s]).size
            near_hits += np.intersect1d(row, self.near[s]).size
            near_total += self.near[s].size
        return hits / (len(self.sample) * self.k), (near_hits / near_total if near_total else 1.0)


def row(structure, family, swept, build, query, cpu, scored, load_before, note=""):
    return {"structure": structure, "family": family, "swept": swept, "build_s": build, "query_s": query,
            "total_s": None if build is None or query is None else build + query, "cpu_s": cpu,
            "recall": scored[0], "recall_near": scored[1], "load_before": load_before, "load_after": load1(),
            "note": note}


def ladder(values, stop, measure):
    """measure(v) for each ascending v until a row's recall reaches stop (the rest adds no equal-recall point)."""
    for v in values:
        r = measure(v)
        yield r
        if stop is not None and r["recall"] is not None and r["recall"] >= stop:
            print(f"  ladder {r['family']}: recall {r['recall']:.4f} >= {stop} at {r['swept']}: stopped", file=sys.stderr)
            return


def faiss_flat(x, k, sample, threads, near):
    import faiss
    faiss.omp_set_num_threads(threads)
    before = load1()
    flat = faiss.IndexFlatIP(x.shape[1])
    _, build, build_cpu = timed(lambda: flat.add(x))
    (sims, ids), query, query_cpu = timed(lambda: flat.search(x, k + 1))
    truth = Truth(ids, sims, sample, k, near)
    return row("faiss IndexFlatIP", "faiss IndexFlatIP", "exact", build, query, build_cpu + query_cpu, (1.0, 1.0), before,
               "the ground truth of every row"), truth


def faiss_hnsw(x, k, truth, threads, ms, ef_construction, ef_search, stop):
    import faiss
    faiss.omp_set_num_threads(threads)
    for m in ms:
        before = load1()
        hnsw = faiss.IndexHNSWFlat(x.shape[1], m, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = ef_construction
        _, build, build_cpu = timed(lambda: hnsw.add(x))
        family = f"faiss IndexHNSWFlat M={m} efC={ef_construction}"
        print(f"  {family}: built in {build:.1f} s ({build_cpu:.1f} CPU s), load {before} -> {load1()}", file=sys.stderr)

        def measure(ef):
            start = load1()
            hnsw.hnsw.efSearch = ef
            (_, ids), query, cpu = timed(lambda: hnsw.search(x, k + 1))
            return row("faiss IndexHNSWFlat", family, f"efS={ef}", build, query, build_cpu + cpu,
                       truth.score(ids, True), start, "build timed once per M")
        yield from ladder(ef_search, stop, measure)
        del hnsw


def faiss_ivf(x, k, truth, threads, nlist, nprobes, seed, stop):
    import faiss
    faiss.omp_set_num_threads(threads)
    before = load1()
    quantizer = faiss.IndexFlatIP(x.shape[1])
    ivf = faiss.IndexIVFFlat(quantizer, x.shape[1], nlist, faiss.METRIC_INNER_PRODUCT)
    ivf.cp.seed = seed

    def build_ivf():
        ivf.train(x)
        ivf.add(x)
    _, build, build_cpu = timed(build_ivf)
    family = f"faiss IndexIVFFlat nlist={nlist}"
    print(f"  {family}: built in {build:.1f} s ({build_cpu:.1f} CPU s), load {before} -> {load1()}", file=sys.stderr)

    def measure(nprobe):
        start = load1()
        ivf.nprobe = nprobe
        (_, ids), query, cpu = timed(lambda: ivf.search(x, k + 1))
        return row("faiss IndexIVFFlat", family, f"nprobe={nprobe}", build, query, build_cpu + cpu,
                   truth.score(ids, True), start, "train + add timed once")
    yield from ladder(nprobes, stop, measure)


def hnswlib_rows(x, k, truth, threads, ms, ef_construction, ef_search, seed, stop):
    import hnswlib
    n, d = x.shape
    for m in ms:
        before = load1()
        index = hnswlib.Index(space="ip", dim=d)
        index.init_index(max_elements=n, ef_construction=ef_construction, M=m, random_seed=seed)
        _, build, build_cpu = timed(lambda: index.add_items(x, np.arange(n), num_threads=threads))
        family = f"hnswlib M={m} efC={ef_construction}"
        print(f"  {family}: built in {build:.1f} s ({build_cpu:.1f} CPU s), load {before} -> {load1()}", file=sys.stderr)

        def measure(ef):
            start = load1()
            index.set_ef(ef)
            (ids, _), query, cpu = timed(lambda: index.knn_query(x, k=k + 1, num_threads=threads))
            return row("hnswlib", family, f"ef={ef}", build, query, build_cpu + cpu,
                       truth.score(ids.astype(np.int64), True), start, "build timed once per M")
        yield from ladder(ef_search, stop, measure)
        del index


USEARCH_LINE = re.compile(r"^usearch metric=(\w+) M=(\d+) ef_add=(\d+) ef_search=(\d+): build ([\d.]+) s, query ([\d.]+) s, "
                          r"recall@\d+ ([\d.]+), cpu build ([\d.]+) s query ([\d.]+) s, ids (\S+)")
EXACT_LINE = re.compile(r"^exact KnnGraph.Build: build ([\d.]+) s, cpu ([\d.]+) s")


def console_rows(console, npy, k, truth, threads, sample_size, seed, ms, ef_construction, ef_search, stop):
    """FaceEval.IndexTiming's rows: our exact KnnGraph.Build in-process, then USearch (its whole ladder: one process)."""
    with tempfile.TemporaryDirectory(prefix="side-by-side-usearch-") as folder:
        before, cpu0 = load1(), children_cpu()
        command = [*console, npy, "--k", str(k), "--threads", str(threads), "--sample", str(sample_size), "--seed", str(seed),
                   "--connectivity", ",".join(map(str, ms)), "--expansion-add", str(ef_construction),
                   "--expansion-search", ",".join(map(str, ef_search)), "--ids-out", folder,
                   *(["--stop-at-recall", str(stop)] if stop is not None else [])]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"side_by_side: FaceEval.IndexTiming failed ({done.returncode}): {done.stderr.strip()}")
        print(f"  FaceEval.IndexTiming: {children_cpu() - cpu0:.1f} CPU s in all, load {before} -> {load1()}", file=sys.stderr)
        for line in done.stdout.splitlines():
            print(f"  {line}", file=sys.stderr)
            if m := EXACT_LINE.match(line):
                yield row("ours exact (KnnGraph.Build)", "ours exact (KnnGraph.Build)", "blocked kernel", float(m[1]), 0.0,
                          float(m[2]), (1.0, 1.0), before, "FaceEval.IndexTiming in-process; build includes the query")
            elif m := USEARCH_LINE.match(line):
                found = np.load(m[10])
                yield row("USearch HNSW (C#)", f"USearch {m[1]} M={m[2]} ef_add={m[3]}", f"ef_search={m[4]}",
                          float(m[5]), float(m[6]), float(m[8]) + float(m[9]), truth.score(found, False), before,
                          f"build timed once per M; its own recall vs our exact {float(m[7]):.4f}")


BUILT = re.compile(r"^built in ([\d.]+) s", re.MULTILINE)
CACHE = re.compile(r"^cache: (.+)$", re.MULTILINE)


def faceeval_row(faceeval, snapshot, model, k, truth, extra):
    """One `faceeval neighbors` build, scored from the ids.npy it caches; None when it failed or only loaded a cache."""
    structure = "approx" if extra else "exact"
    command = [*faceeval, "neighbors", "--snapshot", snapshot, "--model", model, "--neighbors", structure, "--k", str(k), *extra]
    before, cpu0, wall0 = load1(), children_cpu(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - wall0, children_cpu() - cpu0
    text = done.stdout + done.stderr
    built, cache = BUILT.search(done.stdout), CACHE.search(done.stdout)
    if done.returncode != 0 or not cache:
        print(f"side_by_side: {' '.join(command)} failed ({done.returncode}): {text.strip()[-300:]}", file=sys.stderr)
        return None
    if not built:
        # A loaded graph carries the build time of another run (another load, another day): not a measurement.
        print(f"side_by_side: {' '.join(command)} loaded {cache[1]} instead of building it: remove that folder to time it",
              file=sys.stderr)
        return None
    ids = np.load(os.path.join(cache[1], "ids.npy"))
    params = " ".join(extra)
    family = "ours exact (faceeval neighbors)" if not extra else \
        "ours approx " + re.sub(r"\s*--nprobe \d+", "", params).strip()
    swept = re.search(r"--nprobe (\d+)", params)
    print(f"  {' '.join(command[1:])}: {text.strip()}", file=sys.stderr)
    return row(f"ours {structure} (faceeval neighbors)", family, f"nprobe={swept[1]}" if swept else params or "blocked kernel",
               float(built[1]), 0.0, cpu, truth.score(ids, False), before,
               f"build includes the query; CPU and command wall {wall:.1f} s include loading and the recall check")


def equal_recall(rows, targets):
    """Per family and target recall: total wall and CPU seconds interpolated linearly in recall between the two
    points of the family's ladder that bracket the target (none when the ladder does not reach it), and each
    family's ratio to the cheapest `ours approx` family at that target (other / ours: above 1 = ours faster)."""
    families = {}
    for r in rows:
        if r["recall"] is not None and r["total_s"] is not None and r["swept"] not in ("exact", "blocked kernel"):
            families.setdefault(r["family"], []).append(r)

    def at(points, target, key):
        points = sorted(points, key=lambda p: p["recall"])
        for lo, hi in zip(points, points[1:]):
            if lo["recall"] <= target <= hi["recall"]:
                t = 0.0 if hi["recall"] == lo["recall"] else (target - lo["recall"]) / (hi["recall"] - lo["recall"])
                return lo[key] + t * (hi[key] - lo[key])
        return next((p[key] for p in points if p["recall"] == target), None)

    out = []
    for target in targets:
        values = {f: (at(p, target, "total_s"), at(p, target, "cpu_s")) for f, p in families.items()}
        ours = [v for f, v in values.items() if f.startswith("ours approx") and v[0] is not None]
        best = min(ours, key=lambda v: v[1]) if ours else (None, None)
        for f, (wall, cpu) in values.items():
            out.append({"target": target, "family": f, "total_s": wall, "cpu_s": cpu,
                        "wall_ratio": None if wall is None or best[0] is None else wall / best[0],
                        "cpu_ratio": None if cpu is None or best[1] is None else cpu / best[1]})
    return out


def number(v, digits):
    return "" if v is None else f"{v:.{digits}f}"


def raw_table(rows, reference):
    lines = [f"| structure | family | swept | build s | query s | total s | CPU s | recall@k | recall within near | "
             f"CPU / ours exact ({reference['cpu_s']:.1f} s) | load before / after |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        ratio = "" if r["cpu_s"] is None else f"{r['cpu_s'] / reference['cpu_s']:.2f}"
        lines.append(f"| {r['structure']} | {r['family']} | {r['swept']} | {number(r['build_s'], 1)} | {number(r['query_s'], 1)} | "
                     f"{number(r['total_s'], 1)} | {number(r['cpu_s'], 1)} | {number(r['recall'], 4)} | "
                     f"{number(r['recall_near'], 4)} | {ratio} | {r['load_before']} / {r['load_after']} |")
    return "\n".join(lines)


def equal_table(points):
    lines = ["| recall@k | family | total s (interpolated) | CPU s | wall / ours approx | CPU / ours approx |",
             "|---:|---|---:|---:|---:|---:|"]
    for p in points:
        lines.append(f"| {p['target']:.2f} | {p['family']} | {number(p['total_s'], 1)} | {number(p['cpu_s'], 1)} | "
                     f"{number(p['wall_ratio'], 2)} | {number(p['cpu_ratio'], 2)} |")
    return "\n".join(lines)


def print_tables(rows, reference, targets):
    print(raw_table(rows, reference))
    points = equal_recall(rows, targets)
    print("\nEqual recall: total seconds interpolated linearly in recall between the two ladder points of one family that "
          "bracket the target (blank: the ladder does not reach it); ratio = the family's / the cheapest ours approx's "
          "at that recall (above 1: ours faster)\n")
    print(equal_table(points))
    return points


def tables_of(files, targets):
    """The tables of the rows of earlier --json files together (a run split in parts, e.g. one ladder re-run)."""
    rows = [r for f in files for r in json.load(open(f))["rows"]]
    reference = next((r for r in rows if r["structure"].startswith("ours exact")), rows[0])
    print_tables(rows, reference, targets)


def ints(text):
    return [int(v) for v in text.split(",")]


def floats(text):
    return [float(v) for v in text.split(",")]


def main():
    if sys.argv[1:2] == ["--tables"]:
        # side_by_side.py --tables RUN.json [...]: print the tables of saved rows, measure nothing.
        return tables_of(sys.argv[2:], [0.85, 0.90, 0.95])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--console", required=True, help="FaceEval.IndexTiming command (space-separated)")
    parser.add_argument("--faceeval", required=True, help="faceeval command (space-separated)")
    parser.add_argument("--k", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--near", type=float, default=0.6, help="cosine distance of the second recall figure")
    parser.add_argument("--m", type=ints, default=[16, 32])
    parser.add_argument("--faiss-m", type=ints, help="M of faiss IndexHNSWFlat (default --m; its build is the slowest)")
    parser.add_argument("--ef-construction", type=int, default=128)
    parser.add_argument("--ef-search", type=ints, default=[32, 64, 128, 256])
    parser.add_argument("--nprobe", type=ints, default=[8, 16, 32, 64])
    parser.add_argument("--ivf-nlist", type=int, help="nlist of faiss IndexIVFFlat (default round(4 sqrt N))")
    parser.add_argument("--approx", action="append", default=[],
                        help="extra `faceeval neighbors --neighbors approx` options, e.g. '--nlist 1024 --nprobe 32' (repeatable)")
    parser.add_argument("--stop-at-recall", type=float, help="end each ascending ladder at the first row with this recall")
    parser.add_argument("--targets", type=floats, default=[0.85, 0.90, 0.95], help="recalls of the equal-recall table")
    parser.add_argument("--skip", type=lambda t: set(t.split(",")), default=set(),
                        help="leave out some of: faiss-hnsw,faiss-ivf,hnswlib,faceeval,usearch")
    parser.add_argument("--json")
    a = parser.parse_args()
    unknown = a.skip - {"faiss-hnsw", "faiss-ivf", "hnswlib", "faceeval", "usearch"}
    if unknown:
        parser.error(f"--skip: unknown {','.join(sorted(unknown))}")

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

    rows = []

    def keep(r):
        rows.append(r)
        print(f"  {r}", file=sys.stderr)
        if a.json:
            with open(a.json, "w") as f:
                json.dump({"npy": npy, "faces": n, "dimension": x.shape[1], "k": a.k, "threads": a.threads, "near": a.near,
                           "load_start": load, "rows": rows}, f, indent=1)

    flat, truth = faiss_flat(x, a.k, sample, a.threads, a.near)
    keep(flat)
    if "faceeval" not in a.skip:
        for extra in [[], *(p.split() for p in a.approx)]:
            family_done = [r for r in rows if r["family"].startswith("ours approx") and a.stop_at_recall is not None
                           and r["recall"] >= a.stop_at_recall]
            if extra and any(r["family"] == "ours approx " + re.sub(r"\s*--nprobe \d+", "", " ".join(extra)).strip()
                             for r in family_done):
                print(f"  ours approx {' '.join(extra)}: skipped, its ladder reached {a.stop_at_recall}", file=sys.stderr)
                continue
            if (r := faceeval_row(a.faceeval.split(), a.snapshot, a.model, a.k, truth, extra)) is not None:
                keep(r)
    if "faiss-ivf" not in a.skip:
        for r in faiss_ivf(x, a.k, truth, a.threads, a.ivf_nlist or max(1, int(round(4 * np.sqrt(n)))), a.nprobe, a.seed,
                           a.stop_at_recall):
            keep(r)
    if "hnswlib" not in a.skip:
        for r in hnswlib_rows(x, a.k, truth, a.threads, a.m, a.ef_construction, a.ef_search, a.seed, a.stop_at_recall):
            keep(r)
    if "usearch" not in a.skip:
        for r in console_rows(a.console.split(), npy, a.k, truth, a.threads, a.sample, a.seed, a.m, a.ef_construction,
                              a.ef_search, a.stop_at_recall):
            keep(r)
    if "faiss-hnsw" not in a.skip:
        for r in faiss_hnsw(x, a.k, truth, a.threads, a.faiss_m or a.m, a.ef_construction, a.ef_search, a.stop_at_recall):
            keep(r)

    reference = next((r for r in rows if r["structure"].startswith("ours exact")), flat)
    load_end = os.getloadavg()
    print(f"\n{n} x {x.shape[1]} ({npy}), k = {a.k}, {a.threads} threads, recall@{a.k} and within {a.near} on {len(sample)} "
          f"seeded faces against faiss IndexFlatIP; load average {load[0]:.2f} at start, {load_end[0]:.2f} at end\n")
    points = print_tables(rows, reference, a.targets)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"npy": npy, "faces": n, "dimension": x.shape[1], "k": a.k, "threads": a.threads, "near": a.near,
                       "load_start": load, "load_end": load_end, "rows": rows, "equal_recall": points}, f, indent=1)


if __name__ == "__main__":
    main()
