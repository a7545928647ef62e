using System.Globalization;
using FaceEval.Core.Errors;
using FaceEval.Core.Hierarchy;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>DBSCAN on a k-nearest-neighbour graph instead of the full matrix.</summary>
public static partial class Dbscan
{
    /// <summary>
    /// DBSCAN over the pairs of <paramref name="graph"/>: a face is core when its (minSamples - 1)-th
    /// nearest other face is within eps (scikit-learn counts the face itself, so that is its
    /// minSamples-th neighbour), exact for any k &gt;= minSamples - 1. Clusters are the components of core
    /// faces joined by graph edges <c>&lt;= eps</c>, numbered by their lowest core face; a border face joins
    /// the lowest-numbered cluster with a core face within eps among its graph neighbours, the full form's
    /// rule. The labels equal <see cref="Cluster(Embeddings.DistanceMatrix, DbscanOptions, CancellationToken)"/>'s
    /// whenever no face has its k-th neighbour within eps (<see cref="NeighborGraph.CutOffCount"/> is 0):
    /// then every pair within eps is an edge.
    /// </summary>
    public static int[] Cluster(NeighborGraph graph, DbscanOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var core = CoreDistances(graph, options.MinSamples);
        var eps = options.Eps;
        var n = graph.Count;
        var sets = new UnionFind(n);
        for (var i = 0; i < n; i++)
        {
            if (core[i] > eps)
            {
                continue;
            }

            cancellation.ThrowIfCancellationRequested();
            var ns = graph.Neighbours(i);
            var ds = graph.Distances(i);
            for (var e = 0; e < ns.Length; e++)
            {
                var j = ns[e];
                if (j > i && ds[e] <= eps && core[j] <= eps)
                {
                    sets.Union(i, j);
                }
            }
        }

        var labels = sets.Labels(i => core[i] <= eps);
        AttachBorders(graph, core, eps, labels);
        return labels;
    }

    /// <summary>
    /// Each face's core distance: the smallest eps at which it is core, i.e. its (minSamples - 1)-th
    /// nearest other face's distance (0 for minSamples 1, infinity when the snapshot has fewer faces).
    /// </summary>
    internal static double[] CoreDistances(NeighborGraph graph, int minSamples)
    {
        var n = graph.Count;
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

        if (graph.K < minSamples - 1)
        {
            throw new FaceEvalException(ErrorKind.Usage, string.Create(CultureInfo.InvariantCulture,
                $"dbscan minSamples={minSamples} needs the {minSamples - 1}th nearest neighbour, but the graph has k={graph.K}; pass --k {minSamples} or more"));
        }

        for (var i = 0; i < n; i++)
        {
            core[i] = graph.Directed.Distances(i)[minSamples - 2];
        }

        return core;
    }

    /// <summary>Non-core faces with a core graph neighbour within eps take the lowest such neighbour's label.</summary>
    internal static void AttachBorders(NeighborGraph graph, double[] core, double eps, int[] labels)
    {
        for (var i = 0; i < graph.Count; i++)
        {
            if (core[i] <= eps)
            {
                continue;
            }

            var ns = graph.Neighbours(i);
            var ds = graph.Distances(i);
            var best = int.MaxValue;
            for (var e = 0; e < ns.Length; e++)
            {
                var j = ns[e];
                if (ds[e] <= eps && core[j] <= eps && labels[j] < best)
                {
                    best = labels[j];
                }
            }

            if (best != int.MaxValue)
            {
                labels[i] = best;
            }
        }
    }
}
