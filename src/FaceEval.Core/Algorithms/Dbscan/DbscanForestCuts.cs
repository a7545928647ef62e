using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// The shared last step of both eps sweeps (matrix and graph): a minimum spanning forest under mutual
/// reachability, cut at every eps in ascending order with one union-find, gives each eps's core clusters.
/// </summary>
internal static class DbscanForestCuts
{
    /// <summary>
    /// One label array per value of <paramref name="eps"/>, in the order given; clusters numbered by their
    /// lowest core face, as <see cref="Dbscan"/> (and scikit-learn) number them. <paramref name="attachBorders"/>
    /// (null when minSamples is 1, so every face is core) labels the border faces of one eps.
    /// </summary>
    public static IReadOnlyList<int[]> Labels(
        WeightedEdges forest, double[] core, IReadOnlyList<double> eps, Action<double, int[]>? attachBorders, CancellationToken cancellation)
    {
        var order = Enumerable.Range(0, eps.Count).OrderBy(i => eps[i]).ToArray();
        var result = new int[eps.Count][];
        var sets = new UnionFind(core.Length);
        var next = 0;
        foreach (var index in order)
        {
            cancellation.ThrowIfCancellationRequested();
            var e = eps[index];
            while (next < forest.Count && forest.W[next] <= e)
            {
                sets.Union(forest.A[next], forest.B[next]);
                next++;
            }

            var labels = sets.Labels(i => core[i] <= e);
            attachBorders?.Invoke(e, labels);
            result[index] = labels;
        }

        return result;
    }
}
