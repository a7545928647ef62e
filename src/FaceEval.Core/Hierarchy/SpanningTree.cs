using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Hierarchy;

/// <summary>
/// Minimum spanning tree of the complete graph over a <see cref="DistanceMatrix"/> (Prim, O(N^2) time,
/// O(N) extra memory). With core distances the edge weight is the mutual reachability
/// <c>max(d(i, j), core[i], core[j])</c>, which turns DBSCAN's core graph at every eps into one tree.
/// </summary>
internal static class SpanningTree
{
    public static WeightedEdges Build(DistanceMatrix distances, double[]? core = null, CancellationToken cancellation = default)
    {
        var n = distances.Count;
        if (n <= 1)
        {
            return new WeightedEdges([], [], []);
        }

        var best = new double[n];
        var from = new int[n];
        var inTree = new bool[n];
        Array.Fill(best, double.PositiveInfinity);

        var a = new int[n - 1];
        var b = new int[n - 1];
        var w = new double[n - 1];
        var current = 0;
        inTree[0] = true;
        for (var step = 0; step < n - 1; step++)
        {
            if ((step & 255) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var row = distances.Row(current);
            var coreCurrent = core is null ? 0.0 : core[current];
            var next = -1;
            var nextWeight = double.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                if (inTree[j])
                {
                    continue;
                }

                double d = row[j];
                if (core is not null)
                {
                    d = Math.Max(d, Math.Max(coreCurrent, core[j]));
                }

                if (d < best[j])
                {
                    best[j] = d;
                    from[j] = current;
                }

                // "next < 0" keeps Prim going when every remaining weight is infinite.
                if (best[j] < nextWeight || next < 0)
                {
                    nextWeight = best[j];
                    next = j;
                }
            }

            a[step] = from[next];
            b[step] = next;
            w[step] = best[next];
            inTree[next] = true;
            current = next;
        }

        return new WeightedEdges(a, b, w);
    }
}
