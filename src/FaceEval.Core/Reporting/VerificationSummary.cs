using FaceEval.Core.Analysis;

namespace FaceEval.Core.Reporting;

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
            v.ImpostorAvailable, v.GenuineSampled, v.ImpostorSampled, v.Seed, Thin(v.Roc.Points).ToArray());

    /// <summary>At most about 500 points per curve: a point is kept when FAR grew by 2% or TAR by 0.002 since the last kept one.</summary>
    public static IEnumerable<RocPoint> Thin(IReadOnlyList<RocPoint> points)
    {
        RocPoint? last = null;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (last is null || i == points.Count - 1 || p.FalseAcceptRate > last.FalseAcceptRate * 1.02 + 1e-9 || p.TrueAcceptRate > last.TrueAcceptRate + 0.002)
            {
                last = p;
                yield return p;
            }
        }
    }
}
