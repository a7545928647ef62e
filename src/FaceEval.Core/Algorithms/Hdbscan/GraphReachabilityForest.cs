using System.Globalization;
using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// HDBSCAN's first half on a <see cref="NeighborGraph"/>: core distances from the directed lists and the
/// minimum spanning forest of the mutual-reachability distances of the graph's edges only (the approach of
/// the fast HDBSCAN implementations: the tree is searched among near pairs), O(E log E) time, O(N + E)
/// memory. It is the full form's tree whenever the graph holds the edges of one of its minimum spanning
/// trees (always at k = N - 1); then the merges are the very same, because the search is the full form's
/// Prim, step for step: start at face 0, take the smallest reach, ties to the lowest face, record the step
/// from the face added last. Pieces the graph leaves apart are joined at infinite distance, each next piece
/// starting from its lowest face; <see cref="CondensedTree"/> reads those joins as one split of the root.
/// </summary>
internal static class GraphReachabilityForest
{
    /// <summary>
    /// Per face the distance to its minSamples-th nearest face counting itself, as the full form's
    /// <see cref="MutualReachabilityLinkage.CoreDistances"/>: the (minSamples - 1)-th entry of its list.
    /// </summary>
    /// <exception cref="FaceEvalException">Usage: the lists are shorter than minSamples - 1.</exception>
    public static float[] CoreDistances(NeighborGraph graph, int minSamples)
    {
        var n = graph.Count;
        var core = new float[n];
        if (minSamples <= 1 || n == 0)
        {
            return core;
        }

        if (graph.K < minSamples - 1)
        {
            throw new FaceEvalException(ErrorKind.Usage, string.Create(CultureInfo.InvariantCulture,
                $"hdbscan minSamples={minSamples} needs each face's {minSamples - 1} nearest other faces, but the graph has k={graph.K}; pass --k {minSamples - 1} or more"));
        }

        for (var i = 0; i < n; i++)
        {
            core[i] = graph.Directed.Distances(i)[minSamples - 2];
        }

        return core;
    }

    public static (MutualReachabilityLinkage.Merge[] Merges, HdbscanGraphFidelity Fidelity) Build(NeighborGraph graph, float[] core, CancellationToken cancellation)
    {
        var n = graph.Count;
        if (n < 2)
        {
            return ([], new HdbscanGraphFidelity(n, n, 0));
        }

        var from = new int[n - 1];
        var to = new int[n - 1];
        var weight = new float[n - 1];
        var reach = new float[n];
        var parent = new int[n];
        var inTree = new bool[n];
        var attach = new float[n];
        Array.Fill(reach, float.PositiveInfinity);
        var heap = new PriorityQueue<int, (float Reach, int Face)>(n, ReachOrder.Instance);

        var current = 0;
        inTree[0] = true;
        var lowestOutside = 1;
        var components = 1;
        var pieceSize = 1;
        var largest = 1;
        for (var step = 0; step < n - 1; step++)
        {
            if ((step & 1023) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var ns = graph.Neighbours(current);
            var ds = graph.Distances(current);
            var coreCurrent = core[current];
            for (var e = 0; e < ns.Length; e++)
            {
                var j = ns[e];
                if (inTree[j])
                {
                    continue;
                }

                // The same float expression as the full form's Prim, so equal inputs give equal ties.
                var mr = Math.Max(Math.Max(coreCurrent, core[j]), ds[e]);
                if (mr < reach[j])
                {
                    reach[j] = mr;
                    parent[j] = current;
                    heap.Enqueue(j, (mr, j));
                }
            }

            int next;
            float w;
            while (true)
            {
                if (!heap.TryDequeue(out next, out var entry))
                {
                    // Nothing left within reach: the piece is complete, the next starts at its lowest face.
                    while (inTree[lowestOutside])
                    {
                        lowestOutside++;
                    }

                    next = lowestOutside;
                    w = float.PositiveInfinity;
                    parent[next] = -1;
                    components++;
                    largest = Math.Max(largest, pieceSize);
                    pieceSize = 0;
                    break;
                }

                if (!inTree[next] && entry.Reach == reach[next])
                {
                    w = entry.Reach;
                    break;
                }
            }

            from[step] = current;
            to[step] = next;
            weight[step] = w;
            if (parent[next] >= 0)
            {
                attach[next] = Math.Max(attach[next], w);
                attach[parent[next]] = Math.Max(attach[parent[next]], w);
            }

            inTree[next] = true;
            pieceSize++;
            current = next;
        }

        largest = Math.Max(largest, pieceSize);
        var exhausted = 0;
        if (graph.K < n - 1)
        {
            for (var i = 0; i < n; i++)
            {
                exhausted += graph.Directed.Distances(i)[graph.K - 1] < attach[i] ? 1 : 0;
            }
        }

        return (MutualReachabilityLinkage.FromSteps(n, from, to, weight), new HdbscanGraphFidelity(components, largest, exhausted));
    }

    private sealed class ReachOrder : IComparer<(float Reach, int Face)>
    {
        public static readonly ReachOrder Instance = new();

        public int Compare((float Reach, int Face) x, (float Reach, int Face) y)
        {
            var c = x.Reach.CompareTo(y.Reach);
            return c != 0 ? c : x.Face.CompareTo(y.Face);
        }
    }
}
