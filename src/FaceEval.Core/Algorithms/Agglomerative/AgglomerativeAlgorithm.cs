using System.Globalization;
using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Algorithms;

/// <summary>Agglomerative clustering as scikit-learn's AgglomerativeClustering(distance_threshold=t); one dendrogram per linkage serves every threshold.</summary>
public sealed class AgglomerativeAlgorithm : IClusteringAlgorithm, ISweepShortcut
{
    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Choice("linkage", Linkage.Average, "how the distance between two clusters is measured (average is unweighted UPGMA)"),
        ParameterSpec.Real("distanceThreshold", 0.5, 0, 2, "clusters merge while their linkage distance (cosine) is < distanceThreshold"),
    ];

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed) =>
        Tree(context, parameters).Cut(new AgglomerativeOptions(parameters.Choice<Linkage>("linkage"), parameters.Real("distanceThreshold")).DistanceThreshold);

    public IReadOnlyList<int[]>? TrySweep(ClusteringContext context, ParameterSet parameters, string parameter, IReadOnlyList<string> values, int seed) =>
        parameter == "distanceThreshold"
            ? Tree(context, parameters).Cut(values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            : null;

    private static Dendrogram Tree(ClusteringContext context, ParameterSet parameters)
    {
        var linkage = parameters.Choice<Linkage>("linkage");
        return context.Cache($"dendrogram/{linkage}", () => Agglomerative.BuildDendrogram(context.Distances, linkage));
    }
}
