namespace FaceEval.Core.Metrics;

/// <summary>
/// Every metric of one predicted labelling against the ground truth, over the scored faces. Rates are in
/// [0, 1] except ARI and AMI, which can be negative. <see cref="ClusteringScorer"/> documents the
/// degenerate cases; <see cref="MetricReportJson"/> is the one place that writes and reads it.
/// </summary>
/// <param name="Clusters">Predicted clusters, unassigned faces excluded.</param>
/// <param name="Unassigned">Scored faces predicted -1.</param>
/// <param name="UnassignedRate">Unassigned / scored; 0 when nothing is scored.</param>
/// <param name="LargestClusterShare">Largest predicted cluster (unassigned excluded) / scored; 0 when
/// there is no cluster.</param>
/// <param name="SiblingConfusion">Share of look-alike face pairs placed together; null when there are
/// no such pairs.</param>
/// <param name="Scored">Faces with a ground-truth person.</param>
public sealed record MetricReport(
    double Ari,
    double Ami,
    double Nmi,
    double Fmi,
    double PairwisePrecision,
    double PairwiseRecall,
    double PairwiseF1,
    double BcubedPrecision,
    double BcubedRecall,
    double BcubedF1,
    double Homogeneity,
    double Completeness,
    double VMeasure,
    int Clusters,
    int Unassigned,
    double UnassignedRate,
    double LargestClusterShare,
    double? SiblingConfusion,
    int Scored)
{
    /// <summary>The value of <paramref name="key"/>; null only for an absent sibling confusion.</summary>
    public double? Get(MetricKey key) => key switch
    {
        MetricKey.Ari => Ari,
        MetricKey.Ami => Ami,
        MetricKey.Nmi => Nmi,
        MetricKey.Fmi => Fmi,
        MetricKey.PairwisePrecision => PairwisePrecision,
        MetricKey.PairwiseRecall => PairwiseRecall,
        MetricKey.PairwiseF1 => PairwiseF1,
        MetricKey.BcubedPrecision => BcubedPrecision,
        MetricKey.BcubedRecall => BcubedRecall,
        MetricKey.BcubedF1 => BcubedF1,
        MetricKey.Homogeneity => Homogeneity,
        MetricKey.Completeness => Completeness,
        MetricKey.VMeasure => VMeasure,
        MetricKey.Clusters => Clusters,
        MetricKey.Unassigned => Unassigned,
        MetricKey.UnassignedRate => UnassignedRate,
        MetricKey.LargestClusterShare => LargestClusterShare,
        MetricKey.SiblingConfusion => SiblingConfusion,
        MetricKey.Scored => Scored,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };
}
