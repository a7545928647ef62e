namespace FaceEval.Core.Algorithms;

/// <summary>The clustering algorithms and pipelines FaceEval can replay. CLI names via <see cref="AlgorithmNames"/>.</summary>
public enum AlgorithmKind
{
    Dbscan,
    ChineseWhispers,
    Agglomerative,
    TwoPassHac,
    Hdbscan,
    Immich,
    Gated,
}
