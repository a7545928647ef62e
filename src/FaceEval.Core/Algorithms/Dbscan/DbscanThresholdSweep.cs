using FaceEval.Core.Embeddings;
using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// DBSCAN at many eps values from one shared structure, each result identical to
/// <see cref="Dbscan.Cluster"/> at that eps (labels and their numbering). Deterministic.
/// </summary>
/// <remarks>
/// Instead of sorting all N(N-1)/2 edges (112M at N = 15,000) this builds one minimum spanning tree
/// (Prim, O(N^2) time, O(N) memory) under the mutual-reachability weight
/// <c>max(d(i, j), core[i], core[j])</c>, where <c>core[i]</c> is the minSamples-th smallest distance
/// from i (itself included, so 0 when minSamples is 1). At a given eps the core faces are those with
/// <c>core[i] &lt;= eps</c>, and two core faces share a cluster exactly when the tree joins them through
/// edges of weight <c>&lt;= eps</c>; so one pass over the N-1 tree edges with union-find, in ascending
/// eps, yields every clustering. Border faces (non-core with a core neighbour) are then attached by a
/// row scan, only for faces that are border faces at that eps.
/// </remarks>
public static class DbscanThresholdSweep
{
    /// <summary>
    /// One label array per value of <paramref name="eps"/> (cosine distances in [0, 2], neighbour iff
    /// <c>&lt;=</c> eps), in the order given, for a fixed <paramref name="minSamples"/> (>= 1, the face
    /// itself counts).
    /// </summary>
    public static IReadOnlyList<int[]> Labels(DistanceMatrix distances, IReadOnlyList<double> eps, int minSamples = 1, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(eps);
        foreach (var e in eps)
        {
            // Raw numbers rather than a DbscanOptions: this is an edge, so each is checked as a record would be.
            _ = new DbscanOptions(e, minSamples);
        }

        var core = CoreDistances(distances, minSamples, cancellation);
        var reach = minSamples == 1 ? null : NearestCoreReach(distances, core, cancellation);
        var tree = SpanningTree.Build(distances, minSamples == 1 ? null : core, cancellation);

        return DbscanForestCuts.Labels(tree, core, eps, reach is null ? null : (e, labels) => AttachBorders(distances, core, reach, e, labels), cancellation);
    }

    /// <summary>The minSamples-th smallest distance of each face, itself included; infinity if N &lt; minSamples.</summary>
    private static double[] CoreDistances(DistanceMatrix distances, int minSamples, CancellationToken cancellation)
    {
        var n = distances.Count;
        var core = new double[n];
        if (minSamples == 1)
        {
            return core;
        }

        if (minSamples > n)
        {
            Array.Fill(core, double.PositiveInfinity);
            return core;
        }

        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellation },
            () => new float[minSamples],
            (i, _, smallest) =>
            {
                // Sorted buffer of the minSamples smallest values seen; most values fail the first test.
                Array.Fill(smallest, float.PositiveInfinity);
                foreach (var d in distances.Row(i))
                {
                    if (d >= smallest[^1])
                    {
                        continue;
                    }

                    var k = minSamples - 1;
                    while (k > 0 && smallest[k - 1] > d)
                    {
                        smallest[k] = smallest[k - 1];
                        k--;
                    }

                    smallest[k] = d;
                }

                core[i] = smallest[^1];
                return smallest;
            },
            _ => { });
        return core;
    }

    /// <summary>
    /// For each face, the smallest eps at which some core face is its neighbour:
    /// min over j of max(d(i, j), core[j]). A non-core face is a border face at eps iff this is <c>&lt;=</c> eps.
    /// </summary>
    private static double[] NearestCoreReach(DistanceMatrix distances, double[] core, CancellationToken cancellation)
    {
        var n = distances.Count;
        var reach = new double[n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var row = distances.Row(i);
            var best = double.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                var r = Math.Max(row[j], core[j]);
                if (r < best)
                {
                    best = r;
                }
            }

            reach[i] = best;
        });
        return reach;
    }

    private static void AttachBorders(DistanceMatrix distances, double[] core, double[] reach, double eps, int[] labels)
    {
        var n = distances.Count;
        for (var i = 0; i < n; i++)
        {
            if (core[i] <= eps || reach[i] > eps)
            {
                continue;
            }

            var row = distances.Row(i);
            var best = int.MaxValue;
            for (var j = 0; j < n; j++)
            {
                if (row[j] <= eps && core[j] <= eps && labels[j] < best)
                {
                    best = labels[j];
                }
            }

            labels[i] = best;
        }
    }
}
