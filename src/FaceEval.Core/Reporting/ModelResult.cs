using FaceEval.Core.Analysis;
using FaceEval.Core.Sweeps;

namespace FaceEval.Core.Reporting;

/// <summary>Everything a comparison measures for one model on the shared snapshot.</summary>
public sealed record ModelResult(string Model, VerificationResult? Verification, PeopleSeparation? Separation, SweepResult Clustering)
{
    /// <summary>Look-alike pairs whose separation this model measured.</summary>
    public int LookalikePairs => Separation?.Lookalikes.Count ?? 0;

    /// <summary>Median separation of the look-alike pairs; null without any.</summary>
    public double? LookalikeMedian => LookalikePairs == 0 ? null : Quantiles.Of(LookalikeSeparations(), 0.5);

    /// <summary>Mean separation of the look-alike pairs; null without any.</summary>
    public double? LookalikeMean => LookalikePairs == 0 ? null : LookalikeSeparations().Average();

    private double[] LookalikeSeparations() => Separation!.Lookalikes.Select(p => p.Separation).ToArray();
}
