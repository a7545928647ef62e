using FaceEval.Core.Embeddings;
using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Hierarchical agglomerative clustering on cosine distance, reproducing scikit-learn's
/// <c>AgglomerativeClustering(n_clusters=None, metric='cosine', linkage=..., distance_threshold=t)</c>.
/// Deterministic: no randomness is involved (ties are broken by face index).
/// </summary>
public static partial class Agglomerative
{
    /// <summary>
    /// Labels 0..k-1 (first-seen order, none unassigned): clusters merge while their linkage distance is
    /// strictly below <see cref="AgglomerativeOptions.DistanceThreshold"/>. For a threshold sweep, build
    /// the dendrogram once with <see cref="BuildDendrogram"/> and cut it per threshold instead.
    /// </summary>
    public static int[] Cluster(DistanceMatrix distances, AgglomerativeOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BuildDendrogram(distances, options.Linkage, cancellation).Cut(options.DistanceThreshold);
    }

    /// <summary>
    /// The full merge tree. Single linkage comes from a minimum spanning tree (O(N^2) time, O(N) extra
    /// memory); average and complete from the nearest-neighbour chain (O(N^2) time, plus a float64 copy of
    /// the upper triangle: N(N-1)/2 * 8 bytes, 0.86 GB for 14,640 faces).
    /// </summary>
    public static Dendrogram BuildDendrogram(DistanceMatrix distances, Linkage linkage, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var edges = linkage == Linkage.Single
            ? SpanningTree.Build(distances, null, cancellation)
            : NearestNeighbourChain.Build(distances, linkage, cancellation);
        return new Dendrogram(distances.Count, edges);
    }
}
