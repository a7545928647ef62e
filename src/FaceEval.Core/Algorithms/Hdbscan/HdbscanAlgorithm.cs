namespace FaceEval.Core.Algorithms;

/// <summary>HDBSCAN with excess-of-mass (or leaf) selection on cosine distance, as scikit-learn 1.3+ defines it.</summary>
public sealed class HdbscanAlgorithm : IClusteringAlgorithm
{
    public IReadOnlyList<ParameterSpec> Parameters => HdbscanOptions.Parameters;

    public int[] Cluster(ClusteringContext context, ParameterSet parameters, int seed) =>
        Hdbscan.Cluster(context.Distances, HdbscanOptions.From(parameters, context.Count),
            minSamples => context.Cache($"hdbscan-tree/{minSamples}", () => Hdbscan.Tree(context.Distances, minSamples, CancellationToken.None)));
}
