namespace FaceEval.Core.Analysis;

/// <summary>
/// Face verification over pairs of labelled faces: the ROC, AUC, TAR at FAR 1e-4/1e-3/1e-2 and the EER
/// with their distance thresholds, and how the pairs were chosen.
/// </summary>
/// <param name="GenuineSampled">True when the genuine pairs are a seeded sample of <see cref="GenuineAvailable"/>.</param>
public sealed record VerificationResult(
    RocCurve Roc,
    IReadOnlyList<OperatingPoint> OperatingPoints,
    double EqualErrorRate,
    double EqualErrorThreshold,
    long GenuineAvailable,
    long ImpostorAvailable,
    bool GenuineSampled,
    bool ImpostorSampled,
    int Seed)
{
    public double Auc => Roc.Auc;
}
