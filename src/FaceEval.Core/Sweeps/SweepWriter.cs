using System.Globalization;
using System.Text;
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
        // The pair or nothing: a sweep.csv beside an older sweep.json would describe another sweep.
        new AtomicFileSet()
            .AddText(Path.Combine(directory, CsvName), ToCsv(result))
            .Add(Path.Combine(directory, JsonName), stream => SweepFileJson.Write(result, stream))
            .Commit();
    }

    /// <summary>Reads a sweep.json back; anything else is invalid data, a missing file not found.</summary>
    public static SweepResult ReadJson(string path) => SweepFileJson.Read(path);

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
}
