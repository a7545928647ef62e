using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// HDBSCAN (Campello, Moulavi and Sander 2013) on cosine distance, exact: core distances, minimum
/// spanning tree of the mutual-reachability graph (dense Prim, O(N^2) time, fine to ~15,000 faces),
/// single-linkage tree, condensed tree, stabilities and flat selection. Written after scikit-learn
/// main's <c>sklearn/cluster/_hdbscan</c> (<c>_reachability.pyx</c>, <c>_linkage.pyx</c>,
/// <c>_tree.pyx</c>); the Debian package of the reference library (python3-hdbscan) is not available
/// on bookworm, so it is tested on planted partitions rather than reference fixtures.
/// Deterministic: no random step; ties are broken by face index.
/// </summary>
public static partial class Hdbscan
{
    /// <summary>
    /// Clusters the faces of <paramref name="distances"/>. Labels are 0..k-1 in the order of the
    /// clusters' node ids in the condensed tree (roughly: clusters that split off earlier first), -1 noise.
    /// </summary>
    /// <param name="distances">Cosine distances 1 - cos in [0, 2], diagonal 0.</param>
    /// <param name="options"><see cref="HdbscanOptions.EffectiveMinSamples"/> must be &lt;= N.</param>
    /// <exception cref="FaceEvalException">MinSamples &gt; N (Usage).</exception>
    public static int[] Cluster(DistanceMatrix distances, HdbscanOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(distances);
        return Cluster(distances.Count, options, minSamples => Tree(distances, minSamples, cancellation));
    }

    /// <summary>
    /// The flat labels of <paramref name="n"/> faces for <paramref name="options"/>, with the
    /// single-linkage tree for a minSamples from <paramref name="tree"/> (built fresh or from a sweep's cache,
    /// over the full matrix or the graph).
    /// </summary>
    internal static int[] Cluster(int n, HdbscanOptions options, Func<int, MutualReachabilityLinkage.Merge[]> tree)
    {
        ArgumentNullException.ThrowIfNull(options);
        var minSamples = options.EffectiveMinSamples;
        if (n > 0 && minSamples > n)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"minSamples ({minSamples}) must not exceed the number of faces ({n})");
        }

        if (n < 2)
        {
            return n == 0 ? [] : [-1];
        }

        var condensed = CondensedTree.Condense(tree(minSamples), options.MinClusterSize);
        return condensed.Labels(options.ClusterSelectionMethod, options.AllowSingleCluster, options.ClusterSelectionEpsilon);
    }

    /// <summary>
    /// The single-linkage tree of the mutual-reachability graph: the O(N^2) part, which depends on
    /// minSamples only, so settings that differ in the other options can share it.
    /// </summary>
    internal static MutualReachabilityLinkage.Merge[] Tree(DistanceMatrix distances, int minSamples, CancellationToken cancellation) =>
        MutualReachabilityLinkage.Build(distances, MutualReachabilityLinkage.CoreDistances(distances, minSamples, cancellation), cancellation);
}
