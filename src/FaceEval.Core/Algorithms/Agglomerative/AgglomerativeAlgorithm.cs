using System.Globalization;
using FaceEval.Core.Hierarchy;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>Agglomerative clustering as scikit-learn's AgglomerativeClustering(distance_threshold=t); one dendrogram per linkage serves every threshold, on the matrix or the graph.</summary>
public sealed class AgglomerativeAlgorithm : IClusteringAlgorithm, ISweepShortcut, IGraphForm
{
    public IReadOnlyList<ParameterSpec> Parameters => AgglomerativeOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var options = AgglomerativeOptions.From(parameters);
        var labels = Tree(context, options.Linkage).Cut(options.DistanceThreshold);
        if (context.Neighbors.IsGraph)
        {
            Warn(context, options.Linkage, [options.DistanceThreshold], [labels]);
        }

        return labels;
    }

    public IReadOnlyList<int[]>? TrySweep(ClusteringContext context, ParameterSet parameters, string parameter, IReadOnlyList<string> values, int seed)
    {
        if (parameter != "distanceThreshold")
        {
            return null;
        }

        var linkage = parameters.Choice<Linkage>("linkage");
        var thresholds = values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var labels = Tree(context, linkage).Cut(thresholds);
        if (context.Neighbors.IsGraph)
        {
            Warn(context, linkage, thresholds, labels);
        }

        return labels;
    }

    public (int K, string Why) NeighborsNeeded(ParameterSet parameters) =>
        (1, "agglomerative (it links each face to its graph neighbours)");

    private static Dendrogram Tree(ClusteringContext context, Linkage linkage) => context.Neighbors.IsGraph
        ? context.Cache($"dendrogram-graph/{linkage}", () => Agglomerative.BuildDendrogram(context.Graph, linkage))
        : context.Cache($"dendrogram/{linkage}", () => Agglomerative.BuildDendrogram(context.Distances, linkage));

    // Where a cut may differ from the full form (see SparseLinkage): faces whose k-th neighbour is below
    // the threshold, and under average linkage faces in clusters whose merges saw only part of their pairs.
    private static void Warn(ClusteringContext context, Linkage linkage, IReadOnlyList<double> thresholds, IReadOnlyList<int[]> labels)
    {
        var graph = context.Graph;
        var worst = -1;
        var (worstCut, worstPartial) = (0, 0);
        for (var t = 0; t < thresholds.Count; t++)
        {
            var cut = graph.CutOffCount(thresholds[t], inclusive: false);
            var partial = linkage == Linkage.Average ? Agglomerative.FacesInPartialClusters(graph, labels[t]) : 0;
            if (cut + partial > worstCut + worstPartial)
            {
                (worst, worstCut, worstPartial) = (t, cut, partial);
            }
        }

        if (worst < 0)
        {
            return;
        }

        var n = graph.Count;
        var where = thresholds.Count == 1
            ? $"at distanceThreshold={Text(thresholds[worst])}"
            : $"at distanceThreshold={Text(thresholds[worst])} (the worst of {thresholds.Count} values)";
        var partialText = linkage == Linkage.Average
            ? string.Create(CultureInfo.InvariantCulture, $", and {worstPartial:N0} are in clusters whose average covered only the pairs the graph holds")
            : "";
        context.Warn($"agglomerative/{linkage.ToString().ToLowerInvariant()}/cut-off", string.Create(CultureInfo.InvariantCulture,
            $"{linkage.ToString().ToLowerInvariant()} linkage {where}: {worstCut:N0} of {n:N0} faces ({100.0 * worstCut / n:0.##}%) have their k-th neighbour (k={graph.K}) below the threshold, so a pair below it may be missing from the graph{partialText}: labels may differ from the full form (a larger --k lowers this)"),
            worstCut + worstPartial);
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
