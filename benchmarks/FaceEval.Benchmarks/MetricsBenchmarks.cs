using BenchmarkDotNet.Attributes;
using FaceEval.Core.Metrics;

namespace FaceEval.Benchmarks;

/// <summary>Scoring 1,000,000 labels (target: under 100 ms), with a library-like size distribution.</summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private int[] _truth = [];
    private int[] _predicted = [];

    [Params(1_000_000)]
    public int Faces { get; set; }

    [GlobalSetup]
    public void Setup() => (_truth, _predicted) = SyntheticData.Labels(Faces, seed: 1);

    [Benchmark]
    public MetricReport Score() => ClusteringScorer.Score(_truth, _predicted);
}
