using FaceEval.Core.Evaluation;
using FaceEval.Core.Sweeps;

namespace FaceEval.Reports.Building;

/// <summary>What a clustering report is built from: prepared data, the run it explains, and the sweep that chose it (if any).</summary>
/// <param name="MaxCrops">At most this many face crops are embedded (galleries first, then chart points).</param>
/// <param name="MaxCliffPoints">Faces drawn on the cliff chart; a larger snapshot shows an even sample plus every wrong face.</param>
public sealed record ClusteringReportInput(
    EvaluationData Data,
    RunResult Run,
    SweepResult? Sweep,
    string? SweepFile,
    int Seed,
    int MaxCrops = 2000,
    int MaxCliffPoints = 3000);
