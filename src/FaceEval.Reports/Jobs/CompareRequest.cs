using FaceEval.Core.Algorithms;
using FaceEval.Core.Analysis;
using FaceEval.Core.Metrics;
using FaceEval.Core.Sweeps;

namespace FaceEval.Reports.Jobs;

/// <summary>
/// `faceeval compare`: models of one snapshot, and the sweep each is re-tuned with (same algorithm, axis,
/// objective and constraints for all; the best value is each model's own).
/// </summary>
public sealed record CompareRequest(
    string SnapshotDirectory,
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
    int MaxCrops = 2000);
