using System.Globalization;
using System.Text.Json;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;
using FaceEval.Core.Sweeps;

namespace FaceEval.Reports.Jobs;

/// <summary>Reads a sweep.json written by <see cref="SweepWriter"/> back into a <see cref="SweepResult"/>.</summary>
public static class SweepFile
{
    public static SweepResult Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"sweep file not found: {path}");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (!root.TryGetProperty("kind", out var kind) || kind.GetString() != "sweep")
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} is not a sweep.json (no \"kind\": \"sweep\")");
            }

            var algorithmName = root.GetProperty("algorithm").GetString()!;
            var algorithm = AlgorithmCatalog.Get(AlgorithmNames.Parse(algorithmName));
            var constraints = root.GetProperty("constraints").EnumerateArray()
                .Select(c => new MetricConstraint(MetricKeys.Parse(c.GetProperty("metric").GetString()), c.GetProperty("value").GetDouble(), c.GetProperty("bound").GetString() == "max"))
                .ToArray();
            var axes = root.GetProperty("axes").EnumerateArray()
                .Select(a => new SweepAxis(a.GetProperty("parameter").GetString()!, a.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToArray()))
                .ToArray();
            var rows = root.GetProperty("rows").EnumerateArray().Select(r =>
            {
                var parameters = ParameterSet.Create(algorithmName, algorithm.Parameters,
                    r.GetProperty("parameters").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToArray());
                return new SweepRow(parameters, MetricReportJson.Read(r.GetProperty("metrics")), r.GetProperty("seconds").GetDouble(), r.GetProperty("satisfies_constraints").GetBoolean());
            }).ToArray();
            int? best = root.GetProperty("best").ValueKind == JsonValueKind.Number ? root.GetProperty("best").GetInt32() : null;
            if (best is { } b && (b < 0 || b >= rows.Length))
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: best row {b.ToString(CultureInfo.InvariantCulture)} is out of range");
            }

            return new SweepResult(root.GetProperty("snapshot").GetString()!, root.GetProperty("model").GetString()!, algorithmName, axes,
                MetricKeys.Parse(root.GetProperty("objective").GetString()), constraints, rows, best,
                root.GetProperty("preparation_seconds").GetDouble(), root.GetProperty("total_seconds").GetDouble());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: not a valid sweep.json ({e.Message})");
        }
    }
}
