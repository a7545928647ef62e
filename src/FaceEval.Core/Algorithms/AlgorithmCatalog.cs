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

    /// <summary>
    /// Whether the seed can change the labels: only Chinese Whispers draws random numbers (and the gated
    /// pipeline through it). A seed given for any other algorithm would be silently ignored, so callers refuse it.
    /// </summary>
    public static bool UsesSeed(AlgorithmKind kind) => kind is AlgorithmKind.ChineseWhispers or AlgorithmKind.Gated;
}
