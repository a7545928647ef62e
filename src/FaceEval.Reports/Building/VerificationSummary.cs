using FaceEval.Core.Analysis;

namespace FaceEval.Reports.Building;

/// <summary>
/// A verification as report.json carries it: every number, and the ROC thinned to the points the chart
/// draws (the full curve has one point per distinct pair distance, millions on a real snapshot).
/// </summary>
public sealed record VerificationSummary(
    double Auc,
    IReadOnlyList<OperatingPoint> OperatingPoints,
    double EqualErrorRate,
    double EqualErrorThreshold,
    int GenuinePairs,
    int ImpostorPairs,
    long GenuineAvailable,
    long ImpostorAvailable,
    bool GenuineSampled,
    bool ImpostorSampled,
    int Seed,
    IReadOnlyList<RocPoint> Roc)
{
    public static VerificationSummary From(VerificationResult v) =>
        new(v.Auc, v.OperatingPoints, v.EqualErrorRate, v.EqualErrorThreshold, v.Roc.Genuine, v.Roc.Impostor, v.GenuineAvailable,
            v.ImpostorAvailable, v.GenuineSampled, v.ImpostorSampled, v.Seed, Charts.ChartSpecs.Thin(v.Roc.Points).ToArray());
}
