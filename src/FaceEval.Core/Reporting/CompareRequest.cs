using FaceEval.Core.Evaluation;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Analysis;
using FaceEval.Core.Metrics;
using FaceEval.Core.Sweeps;

namespace FaceEval.Core.Reporting;

/// <summary>
/// `faceeval compare`: models of one snapshot (or of several snapshots of the same faces, one per model),
/// and the sweep each is re-tuned with (same algorithm, axis, objective and constraints for all; the best
/// value is each model's own).
/// </summary>
/// <param name="SnapshotDirectories">One snapshot holding every model, or one per model in model order.</param>
/// <param name="SeedGiven">The command line gave the seed: refused when neither the algorithm nor pair sampling would use it.</param>
public sealed record CompareRequest(
    IReadOnlyList<string> SnapshotDirectories,
    IReadOnlyList<string> Models,
    AlgorithmKind Algorithm,
    ParameterSet Baseline,
    SweepAxis Axis,
    MetricKey Objective,
    IReadOnlyList<MetricConstraint> Constraints,
    RelationTypeFilter RelationTypes,
    VerificationOptions Verification,
    int Seed,
    string OutDirectory,
    int MaxCrops = 2000,
    bool SeedGiven = false)
{
    /// <summary>What --neighbors and --k asked for the re-tuning sweeps; nothing asked: the default for each snapshot's size.</summary>
    public NeighborRequest Neighbors { get; init; } = NeighborRequest.Default;
}
