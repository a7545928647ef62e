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
    public void Setup()
    {
        var rng = new Random(1);
        _truth = new int[Faces];
        _predicted = new int[Faces];
        for (var i = 0; i < Faces; i++)
        {
            // Zipf-like person sizes: a few people with many faces and a long tail.
            var person = (int)(Faces / 50 * Math.Pow(rng.NextDouble(), 3));
            _truth[i] = person;
            var r = rng.NextDouble();
            _predicted[i] = r < 0.05 ? -1 : r < 0.15 ? rng.Next(Faces / 50) : person;
        }
    }

    [Benchmark]
    public MetricReport Score() => ClusteringScorer.Score(_truth, _predicted);
}
