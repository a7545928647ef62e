#!/usr/bin/python3
"""Side-by-side timings: FaceEval against the tools people would otherwise use, on the same data.

Run through benchmarks/compare.sh (which builds FaceEval first). Writes the inputs (1M labels, 15,000
random 512-d unit vectors; seeded) into a work folder, runs FaceEval's half once
(`FaceEval.Benchmarks --side-by-side`, every task warmed up once and then timed once, wall clock),
runs each reference, and prints ONE table, saved as reports/bench/side-by-side.{md,json}.

Adding a row is one function decorated with @row: it returns a Row (or a list of them). It can read
FaceEval's timing of a task from ctx.fe(name) (a task in benchmarks/FaceEval.Benchmarks/SideBySide/
SideBySideTasks.cs) and time its reference with timed(...).
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass, field, asdict

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SWEEP_VALUES = 50
ROWS = []


def row(fn):
    ROWS.append(fn)
    return fn


@dataclass
class Row:
    task: str
    faceeval_s: float | None
    reference: str
    reference_s: float | None
    note: str = ""
    skipped: str | None = None

    @property
    def ratio(self):
        if self.faceeval_s and self.reference_s:
            return self.reference_s / self.faceeval_s
        return None


@dataclass
class Context:
    args: argparse.Namespace
    data: str
    faceeval: dict
    machine: dict = field(default_factory=dict)
    _fiw: np.ndarray | None = None

    def fe(self, task):
        """FaceEval's result for a task: (seconds or None, skip reason or None, details)."""
        t = self.faceeval.get("tasks", {}).get(task)
        if t is None:
            return None, f"skipped (FaceEval task {task} did not run)", {}
        return t.get("seconds"), t.get("skipped"), t.get("details") or {}

    def fiw(self):
        """The FIW snapshot's embeddings for the benchmark model, float32, rows L2-normalised; None if absent."""
        if self._fiw is None:
            manifest = os.path.join(self.args.snapshot, "manifest.json")
            if not os.path.exists(manifest):
                return None
            with open(manifest, encoding="utf-8") as f:
                models = {m["name"]: m["file"] for m in json.load(f)["models"]}
            x = np.load(os.path.join(self.args.snapshot, models[self.args.model])).astype(np.float32)
            self._fiw = x / np.linalg.norm(x, axis=1, keepdims=True)
        return self._fiw


def timed(fn, warmup=True):
    """Wall seconds of one call of fn (after one untimed call when warmup), and its result."""
    if warmup:
        fn()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def log(msg):
    print(f"compare: {msg}", file=sys.stderr, flush=True)


# --- rows ------------------------------------------------------------------------------------------

@row
def metrics(ctx):
    from sklearn import metrics as m
    from sklearn.metrics.cluster import pair_confusion_matrix
    fe_s, skip, det = ctx.fe("metrics")
    truth = np.fromfile(os.path.join(ctx.data, "truth.i32"), dtype="<i4")
    pred = np.fromfile(os.path.join(ctx.data, "predicted.i32"), dtype="<i4")

    def all_sklearn():
        # sklearn's expected_mutual_information (AMI) is left out: on 1M labels with ~20,000 clusters
        # it runs for far longer than the rest of this table. FaceEval's time includes its AMI.
        return (m.adjusted_rand_score(truth, pred), m.normalized_mutual_info_score(truth, pred),
                m.homogeneity_completeness_v_measure(truth, pred), m.fowlkes_mallows_score(truth, pred),
                pair_confusion_matrix(truth, pred))
    ref_s, res = timed(all_sklearn)
    note = "FaceEval: all 19 metrics incl. AMI, BCubed; sklearn: ARI, NMI, h/c/V, FMI, pair confusion (no AMI)"
    if det.get("ari") is not None and abs(det["ari"] - res[0]) > 1e-3:
        note += f"; ARI differs ({det['ari']:.4f} vs {res[0]:.4f}: FaceEval leaves -1 unassigned, sklearn counts it as a cluster)"
    return Row("metrics, 1M labels (target < 0.1 s)", fe_s, "scikit-learn 1.2.1 metrics", ref_s, note, skip)


@row
def distances(ctx):
    from sklearn.metrics.pairwise import cosine_distances
    fe_s, skip, det = ctx.fe("distances")
    x = np.load(os.path.join(ctx.data, "embeddings.npy"))
    rows = []
    ref_s, _ = timed(lambda: cosine_distances(x))
    rate = ""
    if fe_s:
        sgemm = ctx.machine.get("openblas_sgemm_gflops")
        peak = ctx.faceeval["tasks"].get("kernel-peak", {}).get("details", {}).get("gflops")
        equiv = det.get("gflops_gemm_equivalent")
        done = det.get("gflops_performed")
        rate = (f"FaceEval {equiv:.0f} GFLOP/s as a full GEMM (2N²D/t) = {100 * equiv / sgemm:.0f}% of OpenBLAS sgemm "
                f"{sgemm:.0f}; {done:.0f} GFLOP/s performed (N²D/t, symmetric half) = {100 * done / peak:.0f}% of our kernel's peak {peak:.0f}")
    rows.append(Row(f"all-pairs cosine distances {x.shape[0]:,} x {x.shape[1]}", fe_s, "sklearn cosine_distances", ref_s, rate, skip))

    def gemm():
        d = x @ x.T
        np.subtract(1, d, out=d)
        np.maximum(d, 0, out=d)
        np.fill_diagonal(d, 0)
        return d
    ref2_s, _ = timed(gemm)
    rows.append(Row(f"all-pairs cosine distances {x.shape[0]:,} x {x.shape[1]}", fe_s, "numpy 1 - X@X.T (OpenBLAS), clamped", ref2_s, "", skip))
    return rows


@row
def knn(ctx):
    fe_s, skip, det = ctx.fe("knn")
    try:
        import faiss
    except ImportError:
        return Row("exact kNN k=32, 15,000 x 512", fe_s, "faiss IndexFlatIP", None, "", "skipped (python3-faiss not installed)")
    x = np.load(os.path.join(ctx.data, "embeddings.npy"))
    k = det.get("k", 32)

    def search():
        index = faiss.IndexFlatIP(x.shape[1])
        index.add(x)
        return index.search(x, k + 1)  # the face itself comes back first
    ref_s, (_, idx) = timed(search)
    note = f"target: within 1.2x of faiss (faiss {faiss.omp_get_max_threads()} threads)"
    if det.get("first_neighbors"):
        mine = list(det["first_neighbors"])
        theirs = [int(i) for i in idx[0] if i != 0][:k]
        note += "; same neighbours of face 0" if mine == theirs else f"; face 0 neighbours differ in {sum(a != b for a, b in zip(mine, theirs))} places"
    return Row(f"exact kNN k={k}, {x.shape[0]:,} x {x.shape[1]}", fe_s, "faiss IndexFlatIP", ref_s, note, skip)


def _sweep_rows(ctx, task, label):
    """FaceEval's sweep task and its values, or a skipped Row."""
    fe_s, skip, det = ctx.fe(task)
    if ctx.fiw() is None:
        return None, Row(label, None, "", None, "", "skipped (no FIW snapshot)")
    if skip or not fe_s:
        return None, Row(label, None, "", None, "", skip or "skipped")
    return (fe_s, det), None


@row
def dbscan_sweep(ctx):
    from sklearn.cluster import DBSCAN
    label = f"DBSCAN sweep, {SWEEP_VALUES} eps values, FIW"
    got, skipped = _sweep_rows(ctx, "dbscan-sweep", label)
    if skipped:
        return skipped
    fe_s, det = got
    x = ctx.fiw()
    min_samples = int(det["baseline"].split("minSamples=")[1].split()[0])
    values = [float(v) for v in det["values"]]
    counts = []
    start = time.perf_counter()
    for eps in values:
        labels = DBSCAN(eps=eps, min_samples=min_samples, metric="cosine", n_jobs=-1).fit_predict(x)
        counts.append(len(set(labels.tolist()) - {-1}))
    ref_s = time.perf_counter() - start
    same = sum(a == b for a, b in zip(counts, det["clusters"]))
    note = (f"{x.shape[0]:,} faces, minSamples {min_samples}, eps {values[0]}..{values[-1]}; all {len(values)} sklearn fits timed; "
            f"cluster counts equal at {same}/{len(values)} values; target >= 10x")
    return Row(label, fe_s, "sklearn DBSCAN refit per eps", ref_s, note)


@row
def agglomerative_sweep(ctx):
    from sklearn.cluster import AgglomerativeClustering
    label = f"average-linkage sweep, {SWEEP_VALUES} thresholds, FIW"
    got, skipped = _sweep_rows(ctx, "agglomerative-sweep", label)
    if skipped:
        return skipped
    fe_s, det = got
    x = ctx.fiw()
    values = [float(v) for v in det["values"]]
    fits = max(1, min(ctx.args.agglomerative_fits, len(values)))
    picks = sorted({round(i * (len(values) - 1) / max(1, fits - 1)) for i in range(fits)})
    same = 0
    start = time.perf_counter()
    for i in picks:
        model = AgglomerativeClustering(n_clusters=None, distance_threshold=values[i], metric="cosine", linkage="average").fit(x)
        same += int(bool(det["clusters"]) and model.n_clusters_ == det["clusters"][i])
    per_fit = (time.perf_counter() - start) / len(picks)
    ref_s = per_fit * len(values)
    rows = [Row(label, fe_s, f"sklearn refit per threshold (EXTRAPOLATED: {len(picks)} fits x {len(values)})", ref_s,
                f"{per_fit:.1f} s per fit measured at thresholds {', '.join(str(values[i]) for i in picks)}; "
                f"cluster counts equal at {same}/{len(picks)}; target >= 10x")]

    # The fair algorithmic rival: one scipy dendrogram, cut at every threshold.
    from scipy.cluster.hierarchy import linkage, fcluster
    from scipy.spatial.distance import pdist

    def scipy_sweep():
        z = linkage(pdist(x, "cosine"), "average")
        # sklearn (and FaceEval) merge while distance < t; fcluster keeps merges with distance <= t.
        return [len(np.unique(fcluster(z, np.nextafter(t, 0), "distance"))) for t in values]
    scipy_s, counts = timed(scipy_sweep, warmup=False)
    same = sum(a == b for a, b in zip(counts, det["clusters"]))
    rows.append(Row(label, fe_s, "scipy linkage once + fcluster per threshold", scipy_s,
                    f"all {len(values)} thresholds; cluster counts equal at {same}/{len(values)}"))
    return rows


@row
def gated_sweep(ctx):
    label = f"gated pipeline assignDistance sweep, {SWEEP_VALUES} values, FIW"
    fe_s, skip, det = ctx.fe("gated-sweep")
    if ctx.fiw() is None:
        return Row(label, None, "target 60 s", None, "", "skipped (no FIW snapshot)")
    if skip:
        return Row(label, None, "target 60 s", None, "", skip)
    return Row(label, fe_s, "target (issue 4)", 60.0, "ratio = 60 s / FaceEval time (> 1 meets the target)")


# --- machine, FaceEval, output ---------------------------------------------------------------------

def sgemm_gflops(n=4096, repeats=3):
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    a @ b
    best = min(timed(lambda: a @ b, warmup=False)[0] for _ in range(repeats))
    return 2 * n ** 3 / best / 1e9


def machine_info():
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    info = {"nproc": os.cpu_count(), "cpu": cpu, "kernel": platform.release(),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load_average_at_start": os.getloadavg()[0]}
    try:
        info["mem_gib"] = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30)
    except (ValueError, OSError):
        pass
    return info


def versions():
    import scipy
    import sklearn
    v = {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__}
    try:
        import faiss
        v["faiss"] = faiss.__version__
    except ImportError:
        v["faiss"] = "not installed"
    try:
        from threadpoolctl import threadpool_info
        blas = [f"{i['internal_api']} {i.get('version', '')} ({i.get('architecture', '')}, {i['num_threads']} threads)"
                for i in threadpool_info() if i.get("user_api") == "blas"]
        v["blas"] = "; ".join(blas) or "unknown"
    except ImportError:
        v["blas"] = "unknown"
    try:
        v["faceeval_commit"] = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        v["faceeval_commit"] = "unknown"
    return v


def write_inputs(data):
    os.makedirs(data, exist_ok=True)
    rng = np.random.default_rng(1)
    n = 1_000_000
    people = n // 50
    # Library-like person sizes (a few people with many faces, a long tail); the prediction leaves 5%
    # unassigned (-1) and puts 10% into a random cluster.
    truth = (people * rng.random(n) ** 3).astype("<i4")
    r = rng.random(n)
    pred = np.where(r < 0.05, -1, np.where(r < 0.15, rng.integers(0, people, n), truth)).astype("<i4")
    truth.tofile(os.path.join(data, "truth.i32"))
    pred.tofile(os.path.join(data, "predicted.i32"))
    x = rng.standard_normal((15_000, 512), dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    np.save(os.path.join(data, "embeddings.npy"), x)


def run_faceeval(args, data):
    out = os.path.join(data, "faceeval.json")
    env = dict(os.environ, FACEEVAL_BENCH_SNAPSHOT=args.snapshot, FACEEVAL_BENCH_MODEL=args.model)
    cmd = ["dotnet", args.benchmarks_dll, "--side-by-side", "--data", data, "--out", out]
    if args.tasks:
        cmd += ["--tasks", args.tasks]
    log(" ".join(cmd))
    subprocess.run(cmd, check=True, env=env)
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def fmt(v, digits=3):
    return "—" if v is None else f"{v:.{digits}f}"


def table(rows):
    head = "| task | FaceEval (s) | reference | reference (s) | ratio (ref / FaceEval) | note |"
    lines = [head, "|---|---:|---|---:|---:|---|"]
    for r in rows:
        if r.skipped:
            lines.append(f"| {r.task} | {r.skipped} | {r.reference} | — | — | {r.note} |")
        else:
            ratio = "—" if r.ratio is None else f"{r.ratio:.1f}x"
            lines.append(f"| {r.task} | {fmt(r.faceeval_s)} | {r.reference} | {fmt(r.reference_s)} | {ratio} | {r.note} |")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--benchmarks-dll", required=True)
    p.add_argument("--snapshot", default=os.path.join(ROOT, "snapshots", "fiw"))
    p.add_argument("--model", default="arcface_w600k_mbf_int8")
    p.add_argument("--work", default=os.path.join(ROOT, "artifacts", "bench-data"))
    p.add_argument("--out", default=os.path.join(ROOT, "reports", "bench"))
    p.add_argument("--agglomerative-fits", type=int, default=3, help="sklearn average-linkage refits actually timed (extrapolated to 50)")
    p.add_argument("--tasks", default="", help="FaceEval tasks to run (default: all)")
    p.add_argument("--rows", default="", help="comma-separated row functions to run (default: all)")
    args = p.parse_args()

    ctx = Context(args, args.work, {}, machine_info())
    log(f"writing inputs to {args.work}")
    write_inputs(args.work)
    log("measuring OpenBLAS sgemm 4096^3")
    ctx.machine["openblas_sgemm_gflops"] = sgemm_gflops()
    ctx.faceeval = run_faceeval(args, args.work)
    ctx.machine["faceeval_kernel_peak_gflops"] = ctx.faceeval["tasks"].get("kernel-peak", {}).get("details", {}).get("gflops")

    wanted = set(filter(None, args.rows.split(",")))
    rows = []
    for fn in ROWS:
        if wanted and fn.__name__ not in wanted:
            continue
        log(f"row {fn.__name__}")
        try:
            got = fn(ctx)
        except Exception as ex:  # one failed reference must not lose the rest of the table
            got = Row(fn.__name__, None, "", None, "", f"error: {type(ex).__name__}: {ex}")
        rows.extend(got if isinstance(got, list) else [got])

    v = versions()
    v["dotnet"] = ctx.faceeval.get("runtime", "unknown")
    m = ctx.machine
    header = (f"Machine: {m['nproc']} cores ({m['cpu']}), {m.get('mem_gib', '?')} GiB, Linux {m['kernel']}; "
              f"load average at start {m['load_average_at_start']:.1f}. Date: {m['date']}.\n"
              f"Versions: FaceEval {v['faceeval_commit']} on {v['dotnet']}; Python {v['python']}, numpy {v['numpy']}, "
              f"scipy {v['scipy']}, scikit-learn {v['scikit-learn']}, faiss {v['faiss']}; BLAS: {v['blas']}.\n"
              f"Measured single-precision matrix multiply: OpenBLAS sgemm 4096³ {m['openblas_sgemm_gflops']:.0f} GFLOP/s; "
              f"FaceEval's register-blocked kernel alone {fmt(m.get('faceeval_kernel_peak_gflops'), 0)} GFLOP/s (both on all cores).\n"
              "FaceEval times: `FaceEval.Benchmarks --side-by-side`, each task run once as warm-up, then once timed (wall clock); "
              "sweeps include building the distance matrix and scoring every setting. Reference times: one timed call after one "
              "warm-up (metrics, distances, kNN) or the sum of per-threshold fits (sweeps).")
    md = f"# FaceEval side-by-side\n\n{header}\n\n{table(rows)}\n"
    print()
    print(md)
    os.makedirs(args.out, exist_ok=True)
    for name, text in (("side-by-side.md", md),
                       ("side-by-side.json", json.dumps({"machine": m, "versions": v, "rows": [dict(asdict(r), ratio=r.ratio) for r in rows],
                                                          "faceeval": ctx.faceeval}, indent=2))):
        tmp = os.path.join(args.out, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, os.path.join(args.out, name))
    log(f"saved {os.path.join(args.out, 'side-by-side.md')} and .json")


if __name__ == "__main__":
    main()
