using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FaceEval.Core.Fidelity;
using FaceEval.Core.Gates;
using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;

namespace FaceEval.Core.IO;

/// <summary>
/// Core's JSON files, serialized by code generated at compile time from one record per format, for
/// writing and reading alike. Keys are snake_case for every file (docs/architecture.md, "File formats");
/// the options are those of the attribute, so no file can pick another style by accident.
/// </summary>
/// <remarks>Strict reading (a missing constructor value or a null where the record says non-null is a
/// <see cref="JsonException"/>) is what lets each reader turn a damaged file into one invalid-data line.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(MetricReportConverter)])]
[JsonSerializable(typeof(MetricReport))]
[JsonSerializable(typeof(SnapshotManifest))]
[JsonSerializable(typeof(SweepFileJson))]
[JsonSerializable(typeof(SweepKindJson))]
[JsonSerializable(typeof(GateResultJson))]
[JsonSerializable(typeof(GateBaseline))]
[JsonSerializable(typeof(FidelitySettingsJson))]
[JsonSerializable(typeof(FidelityResultJson))]
internal sealed partial class FormatJsonContext : JsonSerializerContext;

/// <summary>The three ways Core's files are laid out: the same records and keys, only whitespace and escaping differ.</summary>
internal static class FormatJson
{
    /// <summary>One line (the metric object of run/score --json and metrics.json).</summary>
    public static FormatJsonContext Compact => FormatJsonContext.Default;

    /// <summary>Two-space indented (manifest, sweep.json, gate.json).</summary>
    public static FormatJsonContext Indented { get; } = new(new JsonSerializerOptions(FormatJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>Indented and without escaping of '+', '&lt;', quotes or non-ASCII: the committed baseline,
    /// so its diffs read as the text they hold.</summary>
    public static FormatJsonContext IndentedUnescaped { get; } = new(new JsonSerializerOptions(FormatJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>What a reader of an older file needs to know before choosing how to read it.</summary>
public static class JsonKeys
{
    /// <summary>
    /// True when the top-level object has a property named <paramref name="name"/>: how a reader tells a
    /// file written with camelCase keys (<c>formatVersion</c>, <c>snapshotId</c>) from a snake_case one.
    /// False for text that is not JSON, which the reader then reports.
    /// </summary>
    public static bool HasTopLevel(ReadOnlySpan<byte> utf8, string name)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(name))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the reader that follows says so.
        }

        return false;
    }
}
