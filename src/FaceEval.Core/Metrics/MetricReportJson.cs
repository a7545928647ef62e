using System.Text.Json;
using FaceEval.Core.Errors;
using FaceEval.Core.IO;

namespace FaceEval.Core.Metrics;

/// <summary>
/// The metric object as text: what <c>run --json</c>, <c>score --json</c> and <c>metrics.json</c> print.
/// <see cref="MetricReportConverter"/> defines it; sweep.json rows embed the same object.
/// </summary>
public static class MetricReportJson
{
    public static string Serialize(MetricReport report, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, (indented ? FormatJson.Indented : FormatJson.Compact).MetricReport);
    }

    /// <summary>Reads a report written by <see cref="Serialize"/>. A missing, unknown, null (other than
    /// sibling_confusion) or non-numeric key is <see cref="ErrorKind.InvalidData"/>.</summary>
    public static MetricReport Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, FormatJson.Compact.MetricReport)
                ?? throw new FaceEvalException(ErrorKind.InvalidData, "metric report must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"metric report is not valid JSON: {ex.Message}", ex);
        }
    }
}
