namespace FaceEval.Core.Algorithms;

/// <summary>
/// The one contract every algorithm and pipeline is replayed through: declared parameters, and a run
/// that turns a context and a setting into labels (0..k-1, -1 unassigned). Deterministic for a seed.
/// </summary>
public interface IClusteringAlgorithm
{
    AlgorithmKind Kind { get; }

    IReadOnlyList<ParameterSpec> Parameters { get; }

    int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed);
}
