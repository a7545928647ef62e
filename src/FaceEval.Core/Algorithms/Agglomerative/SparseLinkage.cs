using FaceEval.Core.Hierarchy;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// Agglomerative merging over the pairs of a <see cref="NeighborGraph"/> only: a pair that is not an
/// edge is "no link", and two clusters with no edge between them never merge. Single linkage is the
/// graph's minimum spanning forest (Kruskal). Average and complete merge the closest linked pair first
/// through a heap over the sparse cluster adjacency, each link keeping the sum, count and maximum of the
/// graph edges between its two clusters (the Lance–Williams update restricted to existing edges):
/// <list type="bullet">
/// <item>average: the mean over the existing edges. Counting missing pairs as +inf instead would stop every
/// cluster at the first pair its members do not list, so no person could outgrow about k + 1 faces; the
/// existing edges are the near pairs, so this mean is at most the full form's.</item>
/// <item>complete: the maximum when every cross pair is an edge, else +inf (no merge): a missing pair is
/// at least as far as both faces' k-th neighbours, so it may be the farthest pair, and complete linkage
/// vouches for every pair.</item>
/// </list>
/// Exactness, for a cut at threshold t (merges below t), where "no cut-off" means every face's k-th
/// neighbour is at distance &gt;= t (<see cref="NeighborGraph.CutOffCount"/> with inclusive: false is 0),
/// so every pair below t is an edge: single and complete equal the full form without cut-off; average
/// equals it without cut-off when, in addition, every cluster of the result is a clique of the graph
/// (then every merge it made averaged all cross pairs, and any pair of clusters it left apart has a
/// true average of at least t). At k = N - 1 all three are the full form.
/// </summary>
internal static class SparseLinkage
{
    /// <summary>Merges as (member of one side, member of the other, linkage distance), sorted by distance; fewer than N - 1 where the graph leaves clusters unlinked.</summary>
    public static WeightedEdges Build(NeighborGraph graph, Linkage linkage, CancellationToken cancellation = default) =>
        linkage == Linkage.Single ? SpanningForest(graph, cancellation) : HeapMerge(graph, linkage, cancellation);

    private static WeightedEdges SpanningForest(NeighborGraph graph, CancellationToken cancellation)
    {
        var n = graph.Count;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            foreach (var j in graph.Neighbours(i))
            {
                count += j > i ? 1 : 0;
            }
        }

        var weights = new float[count];
        var order = new int[count];
        var lo = new int[count];
        var hi = new int[count];
        var e = 0;
        for (var i = 0; i < n; i++)
        {
            var ns = graph.Neighbours(i);
            var ds = graph.Distances(i);
            for (var p = 0; p < ns.Length; p++)
            {
                if (ns[p] > i)
                {
                    (weights[e], order[e], lo[e], hi[e]) = (ds[p], e, i, ns[p]);
                    e++;
                }
            }
        }

        cancellation.ThrowIfCancellationRequested();
        Array.Sort(weights, order);
        var sets = new UnionFind(n);
        var a = new List<int>();
        var b = new List<int>();
        var w = new List<double>();
        for (var s = 0; s < count && a.Count < n - 1; s++)
        {
            var edge = order[s];
            if (sets.Union(lo[edge], hi[edge]) >= 0)
            {
                a.Add(lo[edge]);
                b.Add(hi[edge]);
                w.Add(weights[s]);
            }
        }

        return new WeightedEdges([.. a], [.. b], [.. w]);
    }

    private static WeightedEdges HeapMerge(NeighborGraph graph, Linkage linkage, CancellationToken cancellation)
    {
        var n = graph.Count;
        var size = new int[n];
        var links = new Dictionary<int, Link>?[n];
        var heap = new PriorityQueue<(int A, int B), (double Value, int A, int B)>(PairOrder.Instance);
        for (var i = 0; i < n; i++)
        {
            size[i] = 1;
            var ns = graph.Neighbours(i);
            var ds = graph.Distances(i);
            var own = new Dictionary<int, Link>(ns.Length);
            for (var p = 0; p < ns.Length; p++)
            {
                double d = ds[p];
                own[ns[p]] = new Link(d, 1, d);
                if (ns[p] > i)
                {
                    heap.Enqueue((i, ns[p]), (d, i, ns[p]));
                }
            }

            links[i] = own;
        }

        var a = new List<int>();
        var b = new List<int>();
        var w = new List<double>();
        while (heap.TryDequeue(out var pair, out var entry))
        {
            var (x, y) = pair;
            var (linksX, linksY) = (links[x], links[y]);
            if (linksX is null || linksY is null || !linksX.TryGetValue(y, out var link) || Value(link, linkage, size[x], size[y]) != entry.Value)
            {
                continue; // a retired cluster, or a link whose value changed since it was queued
            }

            if ((a.Count & 1023) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            a.Add(x);
            b.Add(y);
            w.Add(entry.Value);

            // The cluster with more links absorbs the other, so each link moves O(log N) times.
            var (keep, gone) = linksX.Count >= linksY.Count ? (x, y) : (y, x);
            var kept = keep == x ? linksX : linksY;
            kept.Remove(gone);
            size[keep] += size[gone];
            foreach (var (z, moved) in keep == x ? linksY : linksX)
            {
                if (z == keep)
                {
                    continue;
                }

                var other = links[z]!;
                other.Remove(gone);
                var joined = kept.TryGetValue(z, out var old) ? new Link(old.Sum + moved.Sum, old.Count + moved.Count, Math.Max(old.Max, moved.Max)) : moved;
                kept[z] = joined;
                other[keep] = joined;
                var value = Value(joined, linkage, size[keep], size[z]);
                if (!double.IsPositiveInfinity(value))
                {
                    heap.Enqueue((Math.Min(keep, z), Math.Max(keep, z)), (value, Math.Min(keep, z), Math.Max(keep, z)));
                }
            }

            // Links to clusters only the keeper reached hold the same edges: under average their queued
            // entry stays valid; under complete the larger size leaves them incomplete, which the check
            // at dequeue sees.
            links[gone] = null;
        }

        return new WeightedEdges([.. a], [.. b], [.. w]);
    }

    private static double Value(Link link, Linkage linkage, int sizeA, int sizeB) => linkage == Linkage.Average
        ? link.Sum / link.Count
        : link.Count == (long)sizeA * sizeB ? link.Max : double.PositiveInfinity;

    /// <summary>The graph edges between two clusters: their distances' sum and maximum, and how many there are.</summary>
    private readonly record struct Link(double Sum, long Count, double Max);

    private sealed class PairOrder : IComparer<(double Value, int A, int B)>
    {
        public static readonly PairOrder Instance = new();

        public int Compare((double Value, int A, int B) x, (double Value, int A, int B) y)
        {
            var c = x.Value.CompareTo(y.Value);
            if (c != 0)
            {
                return c;
            }

            c = x.A.CompareTo(y.A);
            return c != 0 ? c : x.B.CompareTo(y.B);
        }
    }
}
