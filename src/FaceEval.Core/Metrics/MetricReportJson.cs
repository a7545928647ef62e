using System.Text;
using System.Text.Json;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Metrics;

/// <summary>
/// The one place a <see cref="MetricReport"/> becomes JSON and back: an object with exactly the keys of
/// <see cref="MetricKeys.JsonNames"/> in that order; counts as integers, other values as shortest
/// round-trippable invariant numbers, <c>sibling_confusion</c> as null when absent.
/// </summary>
public static class MetricReportJson
{
    public static string Serialize(MetricReport report, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the report as one JSON object at the writer's current position (for embedding
    /// it in a larger document).</summary>
    public static void Write(Utf8JsonWriter writer, MetricReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        foreach (var key in MetricKeys.All)
        {
            var value = report.Get(key);
            if (value is not { } v)
            {
                writer.WriteNull(key.JsonName());
            }
            else if (key.IsCount())
            {
                writer.WriteNumber(key.JsonName(), (long)v);
            }
            else
            {
                writer.WriteNumber(key.JsonName(), v);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a report written by <see cref="Serialize"/>. A missing, unknown, null (other than
    /// sibling_confusion) or non-numeric key is <see cref="ErrorKind.InvalidData"/>.</summary>
    public static MetricReport Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"metric report is not valid JSON: {ex.Message}", ex);
        }
    }

    public static MetricReport Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, "metric report must be a JSON object");
        }

        var values = new double?[MetricKeys.All.Count];
        var seen = new bool[values.Length];
        foreach (var property in element.EnumerateObject())
        {
            if (!MetricKeys.TryParse(property.Name, out var key) || key.JsonName() != property.Name)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"metric report has an unknown key '{property.Name}'");
            }

            seen[(int)key] = true;
            values[(int)key] = ReadValue(property, key);
        }

        var missing = MetricKeys.All.Where(k => !seen[(int)k]).Select(k => k.JsonName()).ToList();
        if (missing.Count > 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData,
                $"metric report is missing {string.Join(", ", missing)}");
        }

        double V(MetricKey k) => values[(int)k]!.Value;
        return new MetricReport(
            V(MetricKey.Ari), V(MetricKey.Ami), V(MetricKey.Nmi), V(MetricKey.Fmi),
            V(MetricKey.PairwisePrecision), V(MetricKey.PairwiseRecall), V(MetricKey.PairwiseF1),
            V(MetricKey.BcubedPrecision), V(MetricKey.BcubedRecall), V(MetricKey.BcubedF1),
            V(MetricKey.Homogeneity), V(MetricKey.Completeness), V(MetricKey.VMeasure),
            (int)V(MetricKey.Clusters), (int)V(MetricKey.Unassigned), V(MetricKey.UnassignedRate),
            V(MetricKey.LargestClusterShare), values[(int)MetricKey.SiblingConfusion], (int)V(MetricKey.Scored));
    }

    private static double? ReadValue(JsonProperty property, MetricKey key)
    {
        var value = property.Value;
        if (value.ValueKind == JsonValueKind.Null && key == MetricKey.SiblingConfusion)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new FaceEvalException(ErrorKind.InvalidData,
                $"metric report key '{property.Name}' must be a number, not {value.ValueKind.ToString().ToLowerInvariant()}");
        }

        if (key.IsCount())
        {
            if (!value.TryGetInt32(out var count) || count < 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData,
                    $"metric report key '{property.Name}' must be a non-negative integer");
            }

            return count;
        }

        return value.GetDouble();
    }
}
