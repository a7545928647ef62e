namespace FaceEval.Core.Algorithms;

/// <summary>
/// The clustering algorithms FaceEval can replay, and the one place that registers them: each member names
/// its CLI name and the class in its folder (Algorithms/&lt;Name&gt;/) that declares its parameters and runs it.
/// Adding an algorithm is that folder and one line here; <see cref="AlgorithmNames"/>,
/// <see cref="AlgorithmCatalog"/> and <c>faceeval algorithms</c> read this table. Order is listing order.
/// </summary>
public enum AlgorithmKind
{
    [Algorithm("dbscan", typeof(DbscanAlgorithm))] Dbscan,
    [Algorithm("chinese-whispers", typeof(ChineseWhispersAlgorithm), UsesSeed = true)] ChineseWhispers,
    [Algorithm("agglomerative", typeof(AgglomerativeAlgorithm))] Agglomerative,
    [Algorithm("two-pass-hac", typeof(TwoPassHacAlgorithm))] TwoPassHac,
    [Algorithm("hdbscan", typeof(HdbscanAlgorithm))] Hdbscan,
    [Algorithm("immich", typeof(ImmichAlgorithm))] Immich,
    [Algorithm("gated", typeof(GatedAlgorithm), UsesSeed = true)] Gated,
}
