namespace FaceEval.Core.Algorithms;

/// <summary>The one place that knows which class replays which <see cref="AlgorithmKind"/>.</summary>
public static class AlgorithmCatalog
{
    public static IClusteringAlgorithm Get(AlgorithmKind kind) => kind switch
    {
        AlgorithmKind.Dbscan => new DbscanAlgorithm(),
        AlgorithmKind.Agglomerative => new AgglomerativeAlgorithm(),
        AlgorithmKind.TwoPassHac => new TwoPassHacAlgorithm(),
        AlgorithmKind.Hdbscan => new HdbscanAlgorithm(),
        _ => throw new NotSupportedException($"{AlgorithmNames.Name(kind)} is not wired yet"),
    };
}
