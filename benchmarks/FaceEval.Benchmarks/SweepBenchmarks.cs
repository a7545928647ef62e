using BenchmarkDotNet.Attributes;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Sweeps;

namespace FaceEval.Benchmarks;

/// <summary>
/// A 50-value sweep on the whole FIW snapshot, every setting scored: the gated pipeline's assignDistance
/// (once it is wired; target under 60 s) and the DBSCAN eps and average-linkage distanceThreshold
/// threshold sweeps. Ranges start where eval.config.json's "sweeps" start, with its step. The distance
/// matrix is built once in GlobalSetup; each invocation gets a fresh context.
/// </summary>
[RequiresFiwSnapshot]
[WarmupCount(1)]
[IterationCount(3)]
[InvocationCount(1, 1)]
public class SweepBenchmarks
{
    public const int Values = 50;

    private EvaluationData _data = null!;
    private SweepRequest _request = null!;

    /// <summary>Swept parameters, named algorithm/parameter.</summary>
    [ParamsSource(nameof(Sweeps))]
    public string Sweep { get; set; } = "";

    public static IEnumerable<string> Sweeps()
    {
        if (AlgorithmBenchmarks.IsWired(AlgorithmKind.Gated))
        {
            yield return "gated/assignDistance";
        }

        yield return "dbscan/eps";
        yield return "agglomerative/distanceThreshold";
    }

    /// <summary>The request `faceeval sweep --param P` would make, cut to <see cref="Values"/> values.</summary>
    public static SweepRequest Request(string sweep)
    {
        var config = FiwSnapshot.Config;
        var parameter = sweep[(sweep.IndexOf('/') + 1)..];
        var defaults = config.Sweeps[parameter];
        var algorithm = AlgorithmCatalog.Get(AlgorithmNames.Parse(defaults.Algorithm));
        var baseline = RunJob.Parameters(algorithm, config, []);
        var from = defaults.From ?? throw new InvalidOperationException($"sweep {parameter} has no 'from' in eval.config.json");
        var step = defaults.Step ?? 0.01m;
        var axis = SweepAxis.Range(parameter, from, from + (Values - 1) * step, step);
        return new SweepRequest(algorithm, baseline, [axis], MetricKeys.Parse(config.Objective), [], config.Seed);
    }

    [GlobalSetup]
    public void Setup()
    {
        _data = FiwSnapshot.Load();
        _ = _data.Context.Distances;
        _request = Request(Sweep);
    }

    [Benchmark]
    public SweepResult Run() => SweepRunner.Run(_data.Fresh(), _request);
}
