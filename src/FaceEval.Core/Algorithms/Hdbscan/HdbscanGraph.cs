using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>HDBSCAN on a k-nearest-neighbour graph instead of the full matrix.</summary>
public static partial class Hdbscan
{
    /// <summary>
    /// Clusters the faces of <paramref name="graph"/>: core distances from each face's list, the
    /// mutual-reachability spanning forest of the graph's edges (<see cref="GraphReachabilityForest"/>),
    /// then the full form's condensed tree and selection. Equal to
    /// <see cref="Cluster(Embeddings.DistanceMatrix, HdbscanOptions, CancellationToken)"/> whenever the
    /// graph holds the edges of a minimum spanning tree of the full mutual-reachability graph (at k = N - 1
    /// always); <paramref name="fidelity"/> says where it may not.
    /// </summary>
    /// <param name="graph">Lists of at least minSamples - 1 neighbours per face.</param>
    /// <exception cref="FaceEvalException">Usage: minSamples &gt; N, or the lists are too short for it.</exception>
    public static int[] Cluster(NeighborGraph graph, HdbscanOptions options, out HdbscanGraphFidelity fidelity, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        HdbscanGraphFidelity? seen = null;
        var labels = Cluster(graph.Count, options, minSamples =>
        {
            var tree = Tree(graph, minSamples, out var f, cancellation);
            seen = f;
            return tree;
        });
        fidelity = seen ?? new HdbscanGraphFidelity(graph.Count, graph.Count, 0);
        return labels;
    }

    /// <summary>The graph form's single-linkage tree for <paramref name="minSamples"/>, shared by settings that differ only in the other options.</summary>
    internal static MutualReachabilityLinkage.Merge[] Tree(NeighborGraph graph, int minSamples, out HdbscanGraphFidelity fidelity, CancellationToken cancellation = default)
    {
        var (merges, f) = GraphReachabilityForest.Build(graph, GraphReachabilityForest.CoreDistances(graph, minSamples), cancellation);
        fidelity = f;
        return merges;
    }
}
