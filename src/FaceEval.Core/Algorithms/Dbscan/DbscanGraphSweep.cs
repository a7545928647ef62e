using FaceEval.Core.Hierarchy;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// DBSCAN at many eps values on a <see cref="NeighborGraph"/>, each result identical to
/// <see cref="Dbscan.Cluster(NeighborGraph, DbscanOptions, CancellationToken)"/> at that eps: the graph form of
/// <see cref="DbscanThresholdSweep"/>. One minimum spanning forest (Kruskal over the graph's edges) under
/// the mutual-reachability weight <c>max(d(i, j), core[i], core[j])</c>: at eps, two core faces share a
/// cluster exactly when graph edges of weight <c>&lt;= eps</c> join them, and the forest keeps that
/// connectivity for every eps at once. Its edges are then added in ascending eps with union-find.
/// </summary>
public static class DbscanGraphSweep
{
    /// <summary>One label array per value of <paramref name="eps"/>, in the order given, for a fixed <paramref name="minSamples"/>.</summary>
    public static IReadOnlyList<int[]> Labels(NeighborGraph graph, IReadOnlyList<double> eps, int minSamples = 1, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(eps);
        foreach (var e in eps)
        {
            _ = new DbscanOptions(e, minSamples);
        }

        var core = Dbscan.CoreDistances(graph, minSamples);
        var forest = Forest(graph, core, cancellation);
        return DbscanForestCuts.Labels(forest, core, eps, minSamples > 1 ? (e, labels) => Dbscan.AttachBorders(graph, core, e, labels) : null, cancellation);
    }

    /// <summary>The minimum spanning forest of the graph under mutual reachability, edges in ascending weight.</summary>
    private static WeightedEdges Forest(NeighborGraph graph, double[] core, CancellationToken cancellation)
    {
        var n = graph.Count;
        var count = checked((int)graph.EdgeCount);
        var weights = new double[count];
        var ends = new long[count];
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            var ns = graph.Neighbours(i);
            var ds = graph.Distances(i);
            for (var e = 0; e < ns.Length; e++)
            {
                var j = ns[e];
                if (j > i)
                {
                    weights[at] = Math.Max(ds[e], Math.Max(core[i], core[j]));
                    ends[at++] = ((long)i << 32) | (uint)j;
                }
            }
        }

        cancellation.ThrowIfCancellationRequested();
        Array.Sort(weights, ends);
        var sets = new UnionFind(n);
        var (fa, fb, fw) = (new List<int>(), new List<int>(), new List<double>());
        for (var e = 0; e < count && fw.Count < n - 1; e++)
        {
            var (i, j) = ((int)(ends[e] >> 32), (int)(uint)ends[e]);
            if (sets.Union(i, j) >= 0)
            {
                fa.Add(i);
                fb.Add(j);
                fw.Add(weights[e]);
            }
        }

        return new WeightedEdges(fa.ToArray(), fb.ToArray(), fw.ToArray());
    }
}
