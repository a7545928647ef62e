using System.Diagnostics;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Sweeps;

namespace FaceEval.Benchmarks.SideBySide;

/// <summary>
/// The FaceEval side of each row of benchmarks/compare.sh. To add a row: add a task here and a row
/// function in compare.py that reads it.
/// </summary>
public static class SideBySideTasks
{
    public const string LabelsTruth = "truth.i32";
    public const string LabelsPredicted = "predicted.i32";
    public const string RandomEmbeddings = "embeddings.npy";

    private static readonly Dictionary<string, Func<SideBySideInputs, TaskTiming>> Table = new(StringComparer.Ordinal)
    {
        ["metrics"] = Metrics,
        ["distances"] = Distances,
        ["knn"] = Knn,
        ["kernel-peak"] = _ => KernelPeak(),
        ["dbscan-sweep"] = _ => Sweep("dbscan/eps"),
        ["agglomerative-sweep"] = _ => Sweep("agglomerative/distanceThreshold"),
        ["gated-sweep"] = _ => AlgorithmBenchmarks.IsWired(AlgorithmKind.Gated)
            ? Sweep("gated/assignDistance")
            : TaskTiming.Skip("skipped (gated pipeline not wired yet)"),
    };

    public static IReadOnlyCollection<string> Names => Table.Keys;

    public static TaskTiming Run(string name, SideBySideInputs inputs) => Table[name](inputs);

    /// <summary>Every metric FaceEval reports (ARI, AMI, NMI, V-measure, pairwise and BCubed P/R/F, ...) on 1M labels.</summary>
    private static TaskTiming Metrics(SideBySideInputs inputs)
    {
        if (!inputs.Has(LabelsTruth))
        {
            return TaskTiming.Skip($"skipped (no {LabelsTruth} in --data)");
        }

        var truth = inputs.Int32(LabelsTruth);
        var predicted = inputs.Int32(LabelsPredicted);
        var (seconds, report) = SideBySideRunner.Time(() => ClusteringScorer.Score(truth, predicted));
        return new TaskTiming(seconds, null, new Dictionary<string, object>
        {
            ["labels"] = truth.Length,
            ["ari"] = report.Get(MetricKey.Ari) ?? double.NaN,
        });
    }

    private static TaskTiming Distances(SideBySideInputs inputs)
    {
        if (!inputs.Has(RandomEmbeddings))
        {
            return TaskTiming.Skip($"skipped (no {RandomEmbeddings} in --data)");
        }

        var m = inputs.Embeddings(RandomEmbeddings);
        var (seconds, matrix) = SideBySideRunner.Time(() => DistanceMatrix.Compute(m));
        var checksum = 0.0;
        for (var i = 0; i < matrix.Count; i += 97)
        {
            checksum += matrix[i, (i * 31) % matrix.Count];
        }

        return new TaskTiming(seconds, null, new Dictionary<string, object>
        {
            ["n"] = m.Count,
            ["d"] = m.Dimension,
            // Multiply-adds actually performed: the upper-triangular tiles, each pair once (N^2 D / 2 pairs x 2 flops).
            ["gflops_performed"] = (double)m.Count * m.Count * m.Dimension / seconds / 1e9,
            // The rate a full GEMM X X^T would need to match this time (2 N^2 D flops).
            ["gflops_gemm_equivalent"] = 2.0 * m.Count * m.Count * m.Dimension / seconds / 1e9,
            ["sample_checksum"] = checksum,
        });
    }

    private static TaskTiming Knn(SideBySideInputs inputs)
    {
        if (!inputs.Has(RandomEmbeddings))
        {
            return TaskTiming.Skip($"skipped (no {RandomEmbeddings} in --data)");
        }

        var m = inputs.Embeddings(RandomEmbeddings);
        var (seconds, graph) = SideBySideRunner.Time(() => KnnGraph.Build(m, 32));
        return new TaskTiming(seconds, null, new Dictionary<string, object>
        {
            ["n"] = m.Count,
            ["k"] = graph.K,
            ["first_neighbors"] = graph.Neighbors(0).ToArray(),
        });
    }

    /// <summary>
    /// The kernel's own peak: 192 x 192 x 512 products with both operands in cache, repeated on every
    /// core, with nothing else (no distance transform, no memory traffic to a big matrix).
    /// </summary>
    private static TaskTiming KernelPeak()
    {
        const int block = SimilarityTiles.Block, d = 512, repeats = 400;
        var kernel = SimilarityKernel.Best;
        var m = SyntheticData.UnitVectors(block, d, seed: 3);
        var queries = new float[block * d];
        var database = new float[block * d];
        SimilarityKernel.Pack(m.Data, 0, block, d, kernel.Mr, queries);
        SimilarityKernel.Pack(m.Data, 0, block, d, kernel.Nr, database);
        var workers = Environment.ProcessorCount;
        var (seconds, _) = SideBySideRunner.Time(() =>
        {
            Parallel.For(0, workers, _ =>
            {
                var tile = new float[block * block];
                for (var r = 0; r < repeats; r++)
                {
                    kernel.Multiply(queries, block / kernel.Mr, database, block / kernel.Nr, d, tile, block);
                }
            });
            return 0;
        });
        var flops = 2.0 * block * block * d * repeats * workers;
        return new TaskTiming(seconds, null, new Dictionary<string, object>
        {
            ["gflops"] = flops / seconds / 1e9,
            ["micro_tile"] = $"{kernel.Mr}x{kernel.Nr}",
            ["threads"] = workers,
        });
    }

    /// <summary>
    /// What `faceeval sweep` does, timed from the loaded snapshot: distance matrix, every setting and its
    /// metrics. sweep.json's total_seconds measures the same span.
    /// </summary>
    private static TaskTiming Sweep(string sweep)
    {
        if (!FiwSnapshot.Exists)
        {
            return TaskTiming.Skip("skipped (no FIW snapshot)");
        }

        var request = SweepBenchmarks.Request(sweep);
        // Warm-up on one load, timed run on another, so the timed run builds its own distance matrix
        // (as refitting scikit-learn does from the embeddings); reading the snapshot is not timed.
        SweepRunner.Run(FiwSnapshot.Load(), request);
        var data = FiwSnapshot.Load();
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var result = SweepRunner.Run(data, request);
        var seconds = watch.Elapsed.TotalSeconds;
        return new TaskTiming(seconds, null, new Dictionary<string, object>
        {
            ["snapshot"] = FiwSnapshot.Directory,
            ["model"] = FiwSnapshot.Model,
            ["faces"] = data.Context.Count,
            ["parameter"] = request.Axes[0].Parameter,
            ["values"] = request.Axes[0].Values,
            ["baseline"] = request.Baseline.ToString(),
            ["preparation_seconds"] = result.PreparationSeconds,
            ["clusters"] = ClusterCounts(data, request),
        });
    }

    // Clusters over ALL faces per value (the metrics count only labelled faces), so compare.py can
    // check that the reference found the same partitions. Untimed; uses the algorithm's sweep shortcut.
    private static int[] ClusterCounts(Core.Evaluation.EvaluationData data, SweepRequest request)
    {
        var axis = request.Axes[0];
        var labels = (request.Algorithm as ISweepShortcut)?.TrySweep(data.Context, request.Baseline, axis.Parameter, axis.Values, request.Seed);
        return labels?.Select(l => l.Where(x => x >= 0).Distinct().Count()).ToArray() ?? [];
    }
}
