using BenchmarkDotNet.Attributes;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Neighbors;

namespace FaceEval.Benchmarks;

/// <summary>
/// Building the neighbour structure a sweep shares: all pairwise distances of 15,000 faces, and the
/// exact 32-nearest-neighbour graph of 100,000 faces, on seeded random 512-d unit vectors. Each
/// operation takes seconds, so one warm-up and three measured runs.
/// </summary>
[WarmupCount(1)]
[IterationCount(3)]
[InvocationCount(1, 1)]
public class NeighborBenchmarks
{
    private EmbeddingMatrix _pairs = null!;
    private EmbeddingMatrix _graph = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pairs = SyntheticData.UnitVectors(15_000, 512, seed: 1);
        _graph = SyntheticData.UnitVectors(100_000, 512, seed: 2);
    }

    /// <summary>15,000 x 15,000 cosine distances (0.9 GB), both halves written.</summary>
    [Benchmark]
    public DistanceMatrix DistanceMatrix15k() => DistanceMatrix.Compute(_pairs);

    /// <summary>Exact k = 32 graph of 100,000 faces (5 * 10^12 multiply-adds).</summary>
    [Benchmark]
    public KnnGraph KnnGraph100k() => KnnGraph.Build(_graph, 32);
}
