using System.Text.Json;
using FaceEval.Core.Algorithms;
using FaceEval.Core.IO;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Gates;

/// <summary>reports/gate.json: every suite with what ran, the changes from the baseline, the metrics and the checks.</summary>
public static class GateJsonWriter
{
    public static void Write(GateResult result, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteBoolean("passed", result.Passed);
            json.WriteStartArray("suites");
            foreach (var suite in result.Suites)
            {
                json.WriteStartObject();
                json.WriteString("name", suite.Suite.Name);
                json.WriteBoolean("passed", suite.Passed);
                json.WriteString("snapshot", suite.SnapshotId);
                json.WriteString("model", suite.Suite.Run.Model);
                json.WriteString("algorithm", AlgorithmNames.Name(suite.Suite.Run.Algorithm));
                json.WriteNumber("repeats", suite.Suite.Repeats);
                json.WriteNumber("seed", suite.Suite.Run.Seed);
                json.WriteStartObject("parameters");
                foreach (var (name, value) in suite.Parameters)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
                json.WriteStartArray("changes_from_baseline");
                foreach (var change in suite.ChangesFromBaseline())
                {
                    json.WriteStringValue(change);
                }

                json.WriteEndArray();
                json.WriteStartObject("metrics");
                foreach (var (key, value) in suite.Metrics)
                {
                    WriteNumber(json, key.JsonName(), value);
                }

                json.WriteEndObject();
                json.WriteStartArray("checks");
                foreach (var check in suite.Checks)
                {
                    json.WriteStartObject();
                    json.WriteString("rule", check.Rule.ToString());
                    json.WriteString("metric", check.Metric.JsonName());
                    WriteNumber(json, "baseline", check.Baseline);
                    WriteNumber(json, "now", check.Now);
                    WriteNumber(json, "delta", check.Delta);
                    json.WriteBoolean("passed", check.Passed);
                    json.WriteString("message", check.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
