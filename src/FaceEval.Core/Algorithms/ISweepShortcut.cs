namespace FaceEval.Core.Algorithms;

/// <summary>
/// Implemented by algorithms that can label every value of one parameter in a single pass (e.g.
/// DBSCAN with minSamples 1 over sorted edges) rather than one run per value.
/// </summary>
public interface ISweepShortcut
{
    /// <summary>Labels per value, in the order given; null when this parameter or setting has no shortcut.</summary>
    IReadOnlyList<int[]>? TrySweep(ClusteringContext context, ParameterSet parameters, string parameter, IReadOnlyList<string> values, int seed);
}
