namespace FaceEval.Core.Gates;

/// <summary>What a baseline records for one suite: exactly what was run, by which FaceEval, why, and the metrics it gave.</summary>
/// <param name="Rules">The rules the suite had when recorded: a one-off suite given without --rule is judged by them (null in baselines written before they were recorded).</param>
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
    IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyList<string>? Rules = null);
