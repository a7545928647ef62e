namespace FaceEval.Core.Algorithms;

/// <summary>Apple-style two-pass agglomerative clustering; the pass-1 tree and each pass-1 centroid tree are built once per sweep.</summary>
public sealed class TwoPassHacAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Real("pass1Distance", 0.4, 0.000001, 2, "pass 1: average linkage over faces merges while the distance (cosine) is < pass1Distance"),
        ParameterSpec.Real("pass2Distance", 0.6, 0.000001, 2, "pass 2: average linkage over element-wise-median centroids merges while < pass2Distance"),
    ];

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var sweep = context.Cache("two-pass", () => new TwoPassSweep(context.Embeddings, context.Distances));
        var options = new TwoPassOptions(parameters.Real("pass1Distance"), parameters.Real("pass2Distance"));
        lock (sweep)
        {
            // TwoPassSweep caches trees per pass-1 value and is not thread-safe; settings of a sweep run in parallel.
            return sweep.Labels(options);
        }
    }
}
