using System.Globalization;

namespace FaceEval.Core.Algorithms;

/// <summary>DBSCAN as scikit-learn defines it; an eps sweep labels every value from one spanning tree.</summary>
public sealed class DbscanAlgorithm : IClusteringAlgorithm, ISweepShortcut
{
    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Real("eps", 0.5, 0, 2, "neighbourhood radius, cosine distance; a neighbour has distance <= eps"),
        ParameterSpec.Integer("minSamples", 3, 1, 100_000, "faces within eps, itself included, that make a face core"),
    ];

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed) =>
        Dbscan.Cluster(context.Distances, Options(parameters));

    public IReadOnlyList<int[]>? TrySweep(ClusteringContext context, ParameterSet parameters, string parameter, IReadOnlyList<string> values, int seed) =>
        parameter == "eps"
            ? DbscanThresholdSweep.Labels(context.Distances, values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(), parameters.Integer("minSamples"))
            : null;

    private static DbscanOptions Options(ParameterSet p) => new(p.Real("eps"), p.Integer("minSamples"));
}
