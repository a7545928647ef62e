using System.Globalization;
using FaceEval.Core.Hierarchy;

namespace FaceEval.Core.Algorithms;

/// <summary>Agglomerative clustering as scikit-learn's AgglomerativeClustering(distance_threshold=t); one dendrogram per linkage serves every threshold.</summary>
public sealed class AgglomerativeAlgorithm : IClusteringAlgorithm, ISweepShortcut
{
    public IReadOnlyList<ParameterSpec> Parameters => AgglomerativeOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed)
    {
        var options = AgglomerativeOptions.From(parameters);
        return Tree(context, options.Linkage).Cut(options.DistanceThreshold);
    }

    public IReadOnlyList<int[]>? TrySweep(ClusteringContext context, ParameterSet parameters, string parameter, IReadOnlyList<string> values, int seed) =>
        parameter == "distanceThreshold"
            ? Tree(context, parameters.Choice<Linkage>("linkage")).Cut(values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            : null;

    private static Dendrogram Tree(ClusteringContext context, Linkage linkage) =>
        context.Cache($"dendrogram/{linkage}", () => Agglomerative.BuildDendrogram(context.Distances, linkage));
}
