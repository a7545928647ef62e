using System.Text.Json;
using FaceEval.Core.Evaluation;
using FaceEval.Core.IO;

namespace FaceEval.Core.Fidelity;

/// <summary>`faceeval fidelity --json`: the result as one object, a row per setting.</summary>
internal sealed record FidelityResultJson(string SnapshotId, string Model, int Faces, IReadOnlyList<FidelityRowJson> Rows)
{
    public static string Serialize(FidelityResult result) => JsonSerializer.Serialize(
        new FidelityResultJson(result.SnapshotId, result.Model, result.Faces, result.Rows.Select(r => new FidelityRowJson(
            r.Parameters.Algorithm, r.Parameters.Values.ToDictionary(StringComparer.Ordinal), RecordedNeighbors.From(r.Neighbors),
            r.Agreement.Ari, r.Agreement.Identical, r.Agreement.Moved, r.FullAri, r.GraphAri, r.Warnings,
            Math.Round(r.FullSeconds, 6), Math.Round(r.GraphSeconds, 6))).ToArray()),
        FormatJson.Indented.FidelityResultJson);
}

/// <param name="AriToFull">ARI of the graph form's labels against the full form's.</param>
internal sealed record FidelityRowJson(
    string Algorithm,
    IReadOnlyDictionary<string, string> Parameters,
    RecordedNeighbors Neighbors,
    double AriToFull,
    bool Identical,
    int Moved,
    double? FullAri,
    double? GraphAri,
    IReadOnlyList<string> Warnings,
    double FullSeconds,
    double GraphSeconds);

/// <summary>The JSON text of a result, for the CLI.</summary>
public static class FidelityJson
{
    public static string Serialize(FidelityResult result) => FidelityResultJson.Serialize(result);
}
