namespace FaceEval.Core.Algorithms;

/// <summary>
/// The one contract every algorithm is replayed through: declared parameters, and a run that turns a
/// context and a setting into labels (0..k-1, -1 unassigned). Deterministic for a seed. Implementations
/// are registered on <see cref="AlgorithmKind"/>; the parameters are their options record's declaration.
/// </summary>
public interface IClusteringAlgorithm
{
    /// <summary>The kind this class is registered for on <see cref="AlgorithmKind"/>.</summary>
    AlgorithmKind Kind => AlgorithmCatalog.KindOf(GetType());

    IReadOnlyList<ParameterSpec> Parameters { get; }

    int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed);

    /// <summary>
    /// Parameters this setting makes irrelevant (name and why), e.g. selfLoops under similarity weights: a
    /// value given for one would be silently ignored, so the command line refuses it.
    /// </summary>
    IReadOnlyDictionary<string, string> InertParameters(ParameterSet parameters) => new Dictionary<string, string>();
}
