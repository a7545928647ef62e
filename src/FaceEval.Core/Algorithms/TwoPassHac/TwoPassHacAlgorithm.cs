namespace FaceEval.Core.Algorithms;

/// <summary>Apple-style two-pass agglomerative clustering; the pass-1 tree and each pass-1 centroid tree are built once per sweep.</summary>
public sealed class TwoPassHacAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters => TwoPassOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var sweep = context.Cache("two-pass", () => new TwoPassSweep(context.Embeddings, context.Distances));
        var options = TwoPassOptions.From(parameters);
        lock (sweep)
        {
            // TwoPassSweep caches trees per pass-1 value and is not thread-safe; settings of a sweep run in parallel.
            return sweep.Labels(options);
        }
    }
}
