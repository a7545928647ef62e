using FaceEval.Core.Errors;

namespace FaceEval.Core.Hierarchy;

/// <summary>
/// The full merge tree of a hierarchical clustering, built once and cut at any number of thresholds
/// (each cut is O(N) with union-find; no tree walk). Merges are in ascending height.
/// </summary>
public sealed class Dendrogram
{
    private readonly WeightedEdges _edges;

    internal Dendrogram(int count, WeightedEdges edges)
    {
        Count = count;
        _edges = edges;
        Merges = ToLinkageRows(count, edges);
    }

    /// <summary>Number of faces (leaves).</summary>
    public int Count { get; }

    /// <summary>The N-1 merges (fewer only for N = 0), in ascending height.</summary>
    public IReadOnlyList<DendrogramMerge> Merges { get; }

    /// <summary>
    /// Flat clusters obtained by applying every merge whose height is strictly below
    /// <paramref name="distanceThreshold"/> (cosine distance); the same partition as scikit-learn's
    /// <c>AgglomerativeClustering(n_clusters=None, distance_threshold=t)</c>. Labels 0..k-1 in
    /// first-seen order; no face is left unassigned (singletons get their own label).
    /// </summary>
    public int[] Cut(double distanceThreshold) => Cut([distanceThreshold])[0];

    /// <summary>
    /// <see cref="Cut(double)"/> for several thresholds in one pass over the merges: one label array per
    /// threshold, in the order given.
    /// </summary>
    public IReadOnlyList<int[]> Cut(IReadOnlyList<double> distanceThresholds)
    {
        ArgumentNullException.ThrowIfNull(distanceThresholds);
        foreach (var t in distanceThresholds)
        {
            if (double.IsNaN(t))
            {
                throw new FaceEvalException(ErrorKind.Usage, "distance threshold must be a number, not NaN");
            }
        }

        var order = Enumerable.Range(0, distanceThresholds.Count).OrderBy(i => distanceThresholds[i]).ToArray();
        var result = new int[distanceThresholds.Count][];
        var sets = new UnionFind(Count);
        var next = 0;
        foreach (var i in order)
        {
            var t = distanceThresholds[i];
            while (next < _edges.Count && _edges.W[next] < t)
            {
                sets.Union(_edges.A[next], _edges.B[next]);
                next++;
            }

            result[i] = sets.Labels();
        }

        return result;
    }

    private static DendrogramMerge[] ToLinkageRows(int count, WeightedEdges edges)
    {
        var rows = new DendrogramMerge[edges.Count];
        var sets = new UnionFind(count);
        var nodeOfRoot = new int[count];
        for (var i = 0; i < count; i++)
        {
            nodeOfRoot[i] = i;
        }

        for (var m = 0; m < edges.Count; m++)
        {
            var ra = sets.Find(edges.A[m]);
            var rb = sets.Find(edges.B[m]);
            var na = nodeOfRoot[ra];
            var nb = nodeOfRoot[rb];
            var root = sets.Union(ra, rb);
            rows[m] = new DendrogramMerge(Math.Min(na, nb), Math.Max(na, nb), edges.W[m], sets.SizeOf(root));
            nodeOfRoot[root] = count + m;
        }

        return rows;
    }
}
