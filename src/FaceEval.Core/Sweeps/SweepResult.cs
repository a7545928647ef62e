using FaceEval.Core.Metrics;

namespace FaceEval.Core.Sweeps;

/// <summary>Every row of a sweep and the best one: highest (or lowest) objective among the rows that satisfy every constraint.</summary>
public sealed record SweepResult(
    string SnapshotId,
    string Model,
    string Algorithm,
    IReadOnlyList<SweepAxis> Axes,
    MetricKey Objective,
    IReadOnlyList<MetricConstraint> Constraints,
    IReadOnlyList<SweepRow> Rows,
    int? BestIndex,
    double PreparationSeconds,
    double TotalSeconds)
{
    public SweepRow? Best => BestIndex is { } i ? Rows[i] : null;
}
