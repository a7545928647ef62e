using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;

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

    /// <summary>The seed every row ran with; null for a sweep.json written before it was recorded.</summary>
    public int? Seed { get; init; }

    /// <summary>The look-alike relation types sibling_confusion counted (<see cref="RelationTypeFilter"/> text); null as <see cref="Seed"/>.</summary>
    public string? RelationTypes { get; init; }

    /// <summary>The neighbour structure every row ran on; null for a sweep.json written before it was recorded (<see cref="RecordedNeighbors.Unrecorded"/>).</summary>
    public NeighborChoice? Neighbors { get; init; }
}
