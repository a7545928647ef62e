namespace FaceEval.Core.Algorithms;

/// <summary>The one place that knows which class replays which <see cref="AlgorithmKind"/>.</summary>
public static class AlgorithmCatalog
{
    public static IClusteringAlgorithm Get(AlgorithmKind kind) => kind switch
    {
        AlgorithmKind.Dbscan => new DbscanAlgorithm(),
        AlgorithmKind.ChineseWhispers => new ChineseWhispersAlgorithm(),
        AlgorithmKind.Agglomerative => new AgglomerativeAlgorithm(),
        AlgorithmKind.TwoPassHac => new TwoPassHacAlgorithm(),
        AlgorithmKind.Hdbscan => new HdbscanAlgorithm(),
        AlgorithmKind.Immich => new ImmichAlgorithm(),
        AlgorithmKind.Gated => new GatedAlgorithm(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
