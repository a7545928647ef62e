using System.Globalization;

namespace FaceEval.Core.Algorithms;

/// <summary>HDBSCAN with excess-of-mass (or leaf) selection on cosine distance, as scikit-learn 1.3+ defines it; on the graph, over the graph's mutual-reachability spanning forest.</summary>
public sealed class HdbscanAlgorithm : IClusteringAlgorithm, IGraphForm
{
    public IReadOnlyList<ParameterSpec> Parameters => HdbscanOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var options = HdbscanOptions.From(parameters, context.Count);
        if (!context.Neighbors.IsGraph)
        {
            return Hdbscan.Cluster(context.Count, options,
                minSamples => context.Cache($"hdbscan-tree/{minSamples}", () => Hdbscan.Tree(context.Distances, minSamples, CancellationToken.None)));
        }

        return Hdbscan.Cluster(context.Count, options, minSamples =>
        {
            var (merges, fidelity) = context.Cache($"hdbscan-graph-tree/{minSamples}", () =>
                new GraphTree(Hdbscan.Tree(context.Graph, minSamples, out var f), f));
            Warn(context, minSamples, fidelity);
            return merges;
        });
    }

    public (int K, string Why) NeighborsNeeded(ParameterSet parameters)
    {
        var minSamples = parameters.Integer("minSamples");
        return (minSamples - 1, $"hdbscan minSamples={minSamples} (the core distance is the {minSamples - 1}th nearest other face's)");
    }

    private static void Warn(ClusteringContext context, int minSamples, HdbscanGraphFidelity fidelity)
    {
        var graph = context.Graph;
        var n = graph.Count;
        if (fidelity.Components > 1)
        {
            context.Warn("hdbscan/components", string.Create(CultureInfo.InvariantCulture,
                $"the k={graph.K} graph falls into {fidelity.Components:N0} components ({n - fidelity.LargestComponent:N0} of {n:N0} faces outside the largest), which HDBSCAN splits from the root at infinite distance: the full form's tree joins them lower, so labels may differ from it (a larger --k lowers this)"),
                fidelity.Components);
        }

        if (fidelity.ExhaustedFaces > 0)
        {
            context.Warn("hdbscan/exhausted", string.Create(CultureInfo.InvariantCulture,
                $"at minSamples={minSamples}, {fidelity.ExhaustedFaces:N0} of {n:N0} faces ({100.0 * fidelity.ExhaustedFaces / n:0.##}%) have all k={graph.K} graph neighbours closer than the spanning-tree edge at them: a face outside their lists may join them sooner, so labels may differ from the full form (a larger --k lowers this)"),
                fidelity.ExhaustedFaces);
        }
    }

    private sealed record GraphTree(MutualReachabilityLinkage.Merge[] Merges, HdbscanGraphFidelity Fidelity);
}
