namespace FaceEval.Core.Algorithms;

/// <summary>HDBSCAN with excess-of-mass (or leaf) selection on cosine distance, as scikit-learn 1.3+ defines it.</summary>
public sealed class HdbscanAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("minClusterSize", 5, 2, 1_000_000, "faces a split-off group needs (>=) to count as a cluster"),
        ParameterSpec.Integer("minSamples", 5, 1, 1_000_000, "faces, itself included, whose farthest gives a face's core distance (scikit-learn 1.3+ convention)"),
        ParameterSpec.Choice("clusterSelectionMethod", ClusterSelectionMethod.ExcessOfMass, "excess-of-mass keeps the most stable clusters; leaf keeps the finest"),
        ParameterSpec.Real("clusterSelectionEpsilon", 0, 0, 2, "cosine distance below which chosen clusters are merged into their parent (< epsilon)"),
    ];

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed) =>
        Hdbscan.Cluster(context.Distances, new HdbscanOptions
        {
            MinClusterSize = parameters.Integer("minClusterSize"),
            MinSamples = Math.Min(parameters.Integer("minSamples"), context.Count),
            ClusterSelectionMethod = parameters.Choice<ClusterSelectionMethod>("clusterSelectionMethod"),
            ClusterSelectionEpsilon = parameters.Real("clusterSelectionEpsilon"),
        }, minSamples => context.Cache($"hdbscan-tree/{minSamples}", () => Hdbscan.Tree(context.Distances, minSamples, CancellationToken.None)));
}
