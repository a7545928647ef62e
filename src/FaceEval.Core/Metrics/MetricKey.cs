namespace FaceEval.Core.Metrics;

/// <summary>
/// Every value in a <see cref="MetricReport"/>, in the order its JSON lists them. Names, directions and
/// parsing live in <see cref="MetricKeys"/>; the numeric values are that order and must not be changed.
/// </summary>
public enum MetricKey
{
    Ari,
    Ami,
    Nmi,
    Fmi,
    PairwisePrecision,
    PairwiseRecall,
    PairwiseF1,
    BcubedPrecision,
    BcubedRecall,
    BcubedF1,
    Homogeneity,
    Completeness,
    VMeasure,
    Clusters,
    Unassigned,
    UnassignedRate,
    LargestClusterShare,
    SiblingConfusion,
    Scored,
}
