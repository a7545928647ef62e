using FaceEval.Core.Evaluation;
using System.Text.Json.Serialization;

namespace FaceEval.Core.Gates;

/// <summary>What a baseline records for one suite: exactly what was run, by which FaceEval, why, and the metrics it gave.</summary>
/// <param name="Rules">The rules the suite had when recorded: a one-off suite given without --rule is judged by them (null in baselines written before they were recorded).</param>
/// <param name="Seed">The first seed of the recorded runs; null in baselines written before it was recorded (left out of the file then, so such a file writes back unchanged).</param>
/// <param name="Neighbors">The neighbour structure the runs read; null and left out in baselines written before it was recorded, which ran on the full matrix.</param>
/// <param name="RelationTypes">The look-alike relation types sibling_confusion was counted over (<see cref="Metrics.RelationTypeFilter"/> text); null and left out as <paramref name="Seed"/>.</param>
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
    IReadOnlyList<string>? Rules = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Seed = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RelationTypes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RecordedNeighbors? Neighbors = null);
