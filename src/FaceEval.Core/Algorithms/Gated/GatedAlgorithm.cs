using System.Globalization;
using FaceEval.Core.Graphs;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Gated assignment with leftover clustering and a simulated user who names clusters (see
/// <see cref="GatedOptions"/> for every parameter's meaning and source). The leftover-clustering graph
/// is built once per clusterDistance and shared by every setting of a sweep. On a neighbour graph it
/// runs without the matrix (<see cref="GatedGraphGeometry"/>).
/// </summary>
public sealed class GatedAlgorithm : IClusteringAlgorithm, IGraphForm
{
    public IReadOnlyList<ParameterSpec> Parameters => GatedOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var options = GatedOptions.From(parameters);
        var below = (float)options.ClusterDistance;
        if (!context.Neighbors.IsGraph)
        {
            var graph = context.Cache($"graph/{options.ClusterDistance:R}", () => FaceGraph.FromDistances(context.Distances, below));
            var inputs = new GatedInputs(context.Embeddings, context.Distances, context.ArrivalOrder, context.PhotoIndex, context.Truth, ClusterGraph: graph);
            return GatedPipeline.Run(inputs, options, seed).Labels;
        }

        var cut = context.Graph.CutOffCount(below, inclusive: false);
        if (cut > 0)
        {
            context.Warn("gated/cut-off", string.Create(CultureInfo.InvariantCulture,
                $"at clusterDistance={options.ClusterDistance:R}, {cut:N0} of {context.Count:N0} faces ({100.0 * cut / context.Count:0.##}%) have all k={context.Graph.K} graph neighbours below it: leftover clustering misses their farther pairs, so labels may differ from the full form (a larger --k lowers this)"),
                cut);
        }

        // The candidate search is not exact (a nearest person none of whose faces is within two hops is
        // missed), so without every pair in the graph no run may claim the full form's labels.
        if (context.Graph.K < context.Count - 1)
        {
            context.Warn("gated/candidates", string.Create(CultureInfo.InvariantCulture,
                $"the nearest and second-nearest person of each arriving face are searched among the people of its k={context.Graph.K} graph neighbours and of theirs (two hops), not among every person: an arrival whose nearest person lies outside them is judged against another, so labels may differ from the full form (measured on a 40,000-face library: 4 of 40,000 arrivals)"));
        }

        var edges = context.Cache($"gated/knn-graph/{options.ClusterDistance:R}", () => ChineseWhispers.EdgesBelow(context.Graph, below));
        var onGraph = new GatedInputs(context.Embeddings, null, context.ArrivalOrder, context.PhotoIndex, context.Truth, ClusterGraph: edges, Neighbors: context.Graph);
        return GatedPipeline.Run(onGraph, options, seed).Labels;
    }

    public (int K, string Why) NeighborsNeeded(ParameterSet parameters) =>
        (1, "gated finds an arriving face's candidate people among its graph neighbours");
}
