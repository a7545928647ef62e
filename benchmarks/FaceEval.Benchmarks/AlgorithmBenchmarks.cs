using BenchmarkDotNet.Attributes;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Evaluation;

namespace FaceEval.Benchmarks;

/// <summary>
/// Each wired algorithm of <see cref="AlgorithmCatalog"/> once on the whole FIW snapshot with its
/// eval.config.json defaults. The distance matrix is built once in GlobalSetup; every invocation runs on
/// a fresh context, so structures an algorithm caches (a dendrogram, sorted edges) are rebuilt and timed.
/// </summary>
[RequiresFiwSnapshot]
[WarmupCount(1)]
[IterationCount(3)]
[InvocationCount(1, 1)]
public class AlgorithmBenchmarks
{
    private EvaluationData _data = null!;
    private IClusteringAlgorithm _algorithm = null!;
    private ParameterSet _parameters = null!;
    private int _seed;

    [ParamsSource(nameof(Wired))]
    public string Algorithm { get; set; } = "";

    /// <summary>Names of the algorithms the catalogue can run today.</summary>
    public static IEnumerable<string> Wired() =>
        Enum.GetValues<AlgorithmKind>().Where(IsWired).Select(AlgorithmNames.Name);

    public static bool IsWired(AlgorithmKind kind)
    {
        try
        {
            AlgorithmCatalog.Get(kind);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        var config = FiwSnapshot.Config;
        _data = FiwSnapshot.Load();
        _ = _data.Context.Distances;
        _algorithm = AlgorithmCatalog.Get(AlgorithmNames.Parse(Algorithm));
        _parameters = RunJob.Parameters(_algorithm, config, []);
        _seed = config.Seed;
    }

    [Benchmark]
    public int[] Cluster() => _algorithm.Cluster(_data.Context.Fresh(), _parameters, _seed);
}
