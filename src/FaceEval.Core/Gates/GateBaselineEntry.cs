namespace FaceEval.Core.Gates;

/// <summary>What a baseline records for one suite: exactly what was run, by which FaceEval, why, and the metrics it gave.</summary>
public sealed record GateBaselineEntry(
    string SnapshotId,
    string Model,
    string Algorithm,
    IReadOnlyDictionary<string, string> Parameters,
    int Repeats,
    string FaceEvalVersion,
    string? Commit,
    DateTimeOffset Created,
    string Reason,
    IReadOnlyDictionary<string, double?> Metrics);
