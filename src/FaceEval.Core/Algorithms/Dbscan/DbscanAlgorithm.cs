using System.Globalization;

namespace FaceEval.Core.Algorithms;

/// <summary>DBSCAN as scikit-learn defines it; an eps sweep labels every value from one spanning tree.</summary>
public sealed class DbscanAlgorithm : IClusteringAlgorithm, ISweepShortcut
{
    public IReadOnlyList<ParameterSpec> Parameters => DbscanOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed) =>
        Dbscan.Cluster(context.Distances, DbscanOptions.From(parameters));

    public IReadOnlyList<int[]>? TrySweep(ClusteringContext context, ParameterSet parameters, string parameter, IReadOnlyList<string> values, int seed) =>
        parameter == "eps"
            ? DbscanThresholdSweep.Labels(context.Distances, values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(), parameters.Integer("minSamples"))
            : null;
}
