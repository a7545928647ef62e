using FaceEval.Core.Embeddings;
using FaceEval.Core.Hierarchy;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Two-pass agglomerative clustering (Apple-style): average linkage over faces at
/// <see cref="TwoPassOptions.Pass1Distance"/>, each pass-1 cluster summarised by the element-wise median
/// of its normalised embeddings, then average linkage over those centroids (cosine distance) at
/// <see cref="TwoPassOptions.Pass2Distance"/>; a face ends in the pass-2 cluster of its pass-1 cluster.
/// Both passes merge while the linkage distance is strictly below the threshold (<c>&lt;</c>).
/// Labels 0..k-1 in first-seen order, none unassigned. Deterministic: no randomness is involved.
/// </summary>
public static class TwoPassAgglomerative
{
    public static int[] Cluster(EmbeddingMatrix embeddings, TwoPassOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        return Cluster(embeddings, DistanceMatrix.Compute(embeddings, cancellation: cancellation), options, cancellation);
    }

    /// <summary>As above, reusing an already computed distance matrix of <paramref name="embeddings"/>.</summary>
    public static int[] Cluster(EmbeddingMatrix embeddings, DistanceMatrix distances, TwoPassOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(options);
        var pass1 = Agglomerative.Cluster(distances, new AgglomerativeOptions(Linkage.Average, options.Pass1Distance), cancellation);
        return SecondPass(embeddings, pass1, options.Pass2Distance, cancellation).Labels;
    }

    /// <summary>Pass-2 dendrogram over the median centroids of the pass-1 clusters, and the final labels at <paramref name="pass2Distance"/>.</summary>
    internal static (Dendrogram Centroids, int[] Labels) SecondPass(EmbeddingMatrix embeddings, int[] pass1, double pass2Distance, CancellationToken cancellation)
    {
        var (dendrogram, _) = CentroidTree(embeddings, pass1, null, cancellation);
        return (dendrogram, Compose(pass1, dendrogram.Cut(pass2Distance)));
    }

    /// <summary>
    /// Average linkage over the median centroids of the pass-1 clusters: on their full matrix, or with
    /// <paramref name="centroidK"/> on their own k-nearest-neighbour graph (returned too), as the graph
    /// form does, since pass 1 may leave more centroids than a matrix can hold.
    /// </summary>
    internal static (Dendrogram Tree, NeighborGraph? Graph) CentroidTree(EmbeddingMatrix embeddings, int[] pass1, int? centroidK, CancellationToken cancellation)
    {
        var k = pass1.Length == 0 ? 0 : pass1.Max() + 1;
        var centroids = ClusterMedians.Compute(embeddings, pass1, k);
        if (centroidK is not { } ck)
        {
            return (Agglomerative.BuildDendrogram(DistanceMatrix.Compute(centroids, cancellation: cancellation), Linkage.Average, cancellation), null);
        }

        var graph = new NeighborGraph(KnnGraph.Build(centroids, ck, cancellation: cancellation));
        return (Agglomerative.BuildDendrogram(graph, Linkage.Average, cancellation), graph);
    }

    /// <summary>Final label of each face: the pass-2 label of its pass-1 cluster.</summary>
    internal static int[] Compose(int[] pass1, int[] pass2)
    {
        // Pass-1 labels are first-seen, so pass-2 labels of the centroids are first-seen over faces too.
        var labels = new int[pass1.Length];
        for (var i = 0; i < pass1.Length; i++)
        {
            labels[i] = pass2[pass1[i]];
        }

        return labels;
    }
}
