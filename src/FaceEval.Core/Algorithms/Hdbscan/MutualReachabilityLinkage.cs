using FaceEval.Core.Embeddings;
using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// HDBSCAN's first half on a dense distance matrix: core distances, the minimum spanning tree of the
/// mutual-reachability graph (Prim, O(N^2) time, O(N) extra memory) and the single-linkage dendrogram
/// built from it, following scikit-learn's <c>_hdbscan/_reachability.pyx</c> and <c>_linkage.pyx</c>.
/// </summary>
internal static class MutualReachabilityLinkage
{
    /// <summary>One merge: node ids below N are faces, N + i is the cluster made by merge i.</summary>
    internal readonly record struct Merge(int Left, int Right, float Distance, int Size);

    /// <summary>
    /// Per face the distance to its <paramref name="minSamples"/>-th nearest face, the face itself
    /// (distance 0) counted as the first.
    /// </summary>
    public static float[] CoreDistances(DistanceMatrix distances, int minSamples, CancellationToken cancellation)
    {
        var n = distances.Count;
        var core = new float[n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellation },
            () => new float[minSamples],
            (i, _, smallest) =>
            {
                var row = distances.Row(i);
                var count = 0;
                foreach (var v in row)
                {
                    if (count == minSamples && v >= smallest[minSamples - 1])
                    {
                        continue;
                    }

                    var pos = count < minSamples ? count++ : minSamples - 1;
                    while (pos > 0 && smallest[pos - 1] > v)
                    {
                        smallest[pos] = smallest[pos - 1];
                        pos--;
                    }

                    smallest[pos] = v;
                }

                core[i] = smallest[minSamples - 1];
                return smallest;
            },
            _ => { });
        return core;
    }

    /// <summary>
    /// Dendrogram of the mutual-reachability distances <c>max(core[a], core[b], d(a, b))</c>: N - 1
    /// merges in ascending distance (ties in the order Prim's algorithm found the edges).
    /// </summary>
    public static Merge[] Build(DistanceMatrix distances, float[] core, CancellationToken cancellation)
    {
        var (from, to, weight) = PrimTree(distances, core, cancellation);
        return FromSteps(distances.Count, from, to, weight);
    }

    /// <summary>
    /// The dendrogram of a spanning tree given as Prim's steps (step s joins <paramref name="to"/>[s] to
    /// the tree through <paramref name="from"/>[s] at <paramref name="weight"/>[s]): merges in ascending
    /// weight, ties in step order, so any Prim that takes the same steps gives the same merges.
    /// </summary>
    public static Merge[] FromSteps(int n, int[] from, int[] to, float[] weight)
    {
        var order = new int[n - 1];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = weight[a].CompareTo(weight[b]);
            return c != 0 ? c : a.CompareTo(b);
        });

        // Union-find whose every union creates a fresh node id, as scipy's linkage numbering needs.
        var parent = new int[2 * n - 1];
        var size = new int[2 * n - 1];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            size[i] = i < n ? 1 : 0;
        }

        int Find(int x)
        {
            var root = x;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            while (parent[x] != root)
            {
                (x, parent[x]) = (parent[x], root);
            }

            return root;
        }

        var merges = new Merge[n - 1];
        for (var m = 0; m < order.Length; m++)
        {
            var e = order[m];
            var a = Find(from[e]);
            var b = Find(to[e]);
            var node = n + m;
            size[node] = size[a] + size[b];
            parent[a] = node;
            parent[b] = node;
            merges[m] = new Merge(a, b, weight[e], size[node]);
        }

        return merges;
    }

    // Dense Prim from face 0. Like scikit-learn, the candidates stay in index order and the first
    // minimum wins, and an edge is recorded from the face added last (enough for single linkage,
    // which only needs each edge's two components).
    private static (int[] From, int[] To, float[] Weight) PrimTree(DistanceMatrix distances, float[] core, CancellationToken cancellation)
    {
        var n = distances.Count;
        var from = new int[n - 1];
        var to = new int[n - 1];
        var weight = new float[n - 1];
        var candidates = new int[n];
        var reach = new float[n];
        for (var i = 0; i < n; i++)
        {
            candidates[i] = i;
            reach[i] = float.PositiveInfinity;
        }

        var remaining = n;
        var current = 0;
        for (var step = 0; step < n - 1; step++)
        {
            if ((step & 255) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var row = distances.Row(current);
            var coreCurrent = core[current];
            var kept = 0;
            var best = -1;
            var bestReach = float.PositiveInfinity;
            for (var c = 0; c < remaining; c++)
            {
                var j = candidates[c];
                if (j == current)
                {
                    continue;
                }

                var mr = Math.Max(Math.Max(coreCurrent, core[j]), row[j]);
                var r = Math.Min(reach[c], mr);
                candidates[kept] = j;
                reach[kept] = r;
                if (best < 0 || r < bestReach)
                {
                    best = kept;
                    bestReach = r;
                }

                kept++;
            }

            remaining = kept;
            from[step] = current;
            to[step] = candidates[best];
            weight[step] = bestReach;
            current = candidates[best];
        }

        return (from, to, weight);
    }
}
