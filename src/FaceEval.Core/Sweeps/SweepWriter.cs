using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using FaceEval.Core.IO;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Sweeps;

/// <summary>Writes a sweep as sweep.csv (one row per setting) and sweep.json (the same plus the request and the best row).</summary>
public static class SweepWriter
{
    public const string CsvName = "sweep.csv";
    public const string JsonName = "sweep.json";

    public static void Write(SweepResult result, string directory)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, CsvName), ToCsv(result));
        AtomicFile.Write(Path.Combine(directory, JsonName), s => WriteJson(result, s));
    }

    public static string ToCsv(SweepResult result)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            var parameterNames = result.Rows.Count == 0 ? [] : result.Rows[0].Parameters.Values.Select(kv => kv.Key).ToArray();
            foreach (var name in parameterNames)
            {
                csv.WriteField(name);
            }

            foreach (var key in MetricKeys.All)
            {
                csv.WriteField(key.JsonName());
            }

            csv.WriteField("seconds");
            csv.WriteField("satisfies_constraints");
            csv.WriteField("best");
            csv.NextRecord();
            for (var i = 0; i < result.Rows.Count; i++)
            {
                var row = result.Rows[i];
                foreach (var (_, value) in row.Parameters.Values)
                {
                    csv.WriteField(value);
                }

                foreach (var key in MetricKeys.All)
                {
                    csv.WriteField(row.Metrics.Get(key) is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "");
                }

                csv.WriteField(row.Seconds.ToString("0.######", CultureInfo.InvariantCulture));
                csv.WriteField(row.SatisfiesConstraints ? "true" : "false");
                csv.WriteField(i == result.BestIndex ? "true" : "false");
                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    private static void WriteJson(SweepResult result, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("kind", "sweep");
        json.WriteString("snapshot", result.SnapshotId);
        json.WriteString("model", result.Model);
        json.WriteString("algorithm", result.Algorithm);
        json.WriteString("objective", result.Objective.JsonName());
        json.WriteStartArray("constraints");
        foreach (var c in result.Constraints)
        {
            json.WriteStartObject();
            json.WriteString("metric", c.Metric.JsonName());
            json.WriteString("bound", c.IsUpperBound ? "max" : "min");
            json.WriteNumber("value", c.Bound);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("axes");
        foreach (var axis in result.Axes)
        {
            json.WriteStartObject();
            json.WriteString("parameter", axis.Parameter);
            json.WriteStartArray("values");
            foreach (var v in axis.Values)
            {
                json.WriteStringValue(v);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (result.BestIndex is { } best)
        {
            json.WriteNumber("best", best);
        }
        else
        {
            json.WriteNull("best");
        }

        json.WriteNumber("preparation_seconds", Math.Round(result.PreparationSeconds, 6));
        json.WriteNumber("total_seconds", Math.Round(result.TotalSeconds, 6));
        json.WriteStartArray("rows");
        foreach (var row in result.Rows)
        {
            json.WriteStartObject();
            json.WriteStartObject("parameters");
            foreach (var (name, value) in row.Parameters.Values)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WritePropertyName("metrics");
            MetricReportJson.Write(json, row.Metrics);
            json.WriteNumber("seconds", Math.Round(row.Seconds, 6));
            json.WriteBoolean("satisfies_constraints", row.SatisfiesConstraints);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
