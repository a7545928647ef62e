using System.Globalization;

namespace FaceEval.Core.Algorithms;

/// <summary>Apple-style two-pass agglomerative clustering; the pass-1 tree and each pass-1 centroid tree are built once per sweep, on the matrix or the graph.</summary>
public sealed class TwoPassHacAlgorithm : IClusteringAlgorithm, IGraphForm
{
    public IReadOnlyList<ParameterSpec> Parameters => TwoPassOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var sweep = context.Neighbors.IsGraph
            ? context.Cache("two-pass-graph", () => new TwoPassSweep(context.Embeddings, context.Graph))
            : context.Cache("two-pass", () => new TwoPassSweep(context.Embeddings, context.Distances));
        var options = TwoPassOptions.From(parameters);
        lock (sweep)
        {
            // TwoPassSweep caches trees per pass-1 value and is not thread-safe; settings of a sweep run in parallel.
            var labels = sweep.Labels(options);
            if (context.Neighbors.IsGraph)
            {
                Warn(context, options, sweep.Fidelity(options));
            }

            return labels;
        }
    }

    public (int K, string Why) NeighborsNeeded(ParameterSet parameters) =>
        (1, "two-pass-hac (it links each face to its graph neighbours)");

    private static void Warn(ClusteringContext context, TwoPassOptions options, TwoPassGraphFidelity f)
    {
        var severity = f.Pass1CutOff + f.Pass1Partial + f.Pass2CutOff + f.Pass2Partial;
        if (severity == 0)
        {
            return;
        }

        context.Warn("two-pass-hac/cut-off", string.Create(CultureInfo.InvariantCulture,
            $"at pass1Distance={options.Pass1Distance:R} pass2Distance={options.Pass2Distance:R} on the k={context.Graph.K} graph: pass 1 has {f.Pass1CutOff:N0} of {context.Count:N0} faces with their k-th neighbour below pass1Distance and {f.Pass1Partial:N0} in clusters whose average covered only the pairs the graph holds; pass 2 has {f.Pass2CutOff:N0} centroids with their k-th neighbour below pass2Distance and {f.Pass2Partial:N0} in partly covered clusters: labels may differ from the full form (a larger --k lowers this)"),
            severity);
    }
}
