using System.Globalization;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>DBSCAN as scikit-learn defines it; an eps sweep labels every value from one spanning tree (or forest, on the graph).</summary>
public sealed class DbscanAlgorithm : IClusteringAlgorithm, ISweepShortcut, IGraphForm
{
    public IReadOnlyList<ParameterSpec> Parameters => DbscanOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var options = DbscanOptions.From(parameters);
        if (!context.Neighbors.IsGraph)
        {
            return Dbscan.Cluster(context.Distances, options);
        }

        var cut = context.Graph.CutOffCount(options.Eps, inclusive: true);
        if (cut > 0)
        {
            context.Warn("dbscan/cut-off", CutOffWarning(context.Graph, cut, $"at eps={Text(options.Eps)}"), cut);
        }

        return Dbscan.Cluster(context.Graph, options);
    }

    public IReadOnlyList<int[]>? TrySweep(ClusteringContext context, ParameterSet parameters, string parameter, IReadOnlyList<string> values, int seed)
    {
        if (parameter != "eps")
        {
            return null;
        }

        var eps = values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var minSamples = parameters.Integer("minSamples");
        if (!context.Neighbors.IsGraph)
        {
            return DbscanThresholdSweep.Labels(context.Distances, eps, minSamples);
        }

        var cuts = eps.Select(e => context.Graph.CutOffCount(e, inclusive: true)).ToArray();
        var worst = Array.IndexOf(cuts, cuts.Max());
        if (cuts[worst] > 0)
        {
            context.Warn("dbscan/cut-off", CutOffWarning(context.Graph, cuts[worst],
                $"at {cuts.Count(c => c > 0)} of {eps.Length} eps values (worst eps={Text(eps[worst])})"), double.PositiveInfinity);
        }

        return DbscanGraphSweep.Labels(context.Graph, eps, minSamples);
    }

    public (int K, string Why) NeighborsNeeded(ParameterSet parameters)
    {
        // The core test reads the (minSamples - 1)-th other face; with k = minSamples - 1 every core
        // face would have its whole list within eps, cut off by construction.
        var minSamples = parameters.Integer("minSamples");
        return (minSamples, $"dbscan minSamples={minSamples} (the core test reads the {minSamples - 1} nearest other faces, and one more shows whether the eps-neighbourhood was cut off)");
    }

    private static string CutOffWarning(NeighborGraph graph, int cut, string where) => string.Create(CultureInfo.InvariantCulture,
        $"{where}, {cut:N0} of {graph.Count:N0} faces ({100.0 * cut / graph.Count:0.##}%) have all k={graph.K} graph neighbours within eps: their eps-neighbourhoods may be cut off, so labels may differ from full DBSCAN (a larger --k lowers this)");

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
