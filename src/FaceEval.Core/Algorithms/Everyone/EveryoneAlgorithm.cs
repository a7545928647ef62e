namespace FaceEval.Core.Algorithms;

/// <summary>Throwaway: every face in one cluster (shows that an algorithm is one folder and one registration line).</summary>
public sealed class EveryoneAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters { get; } = [];

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed) => new int[context.Count];
}
