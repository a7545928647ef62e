using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.IndexTiming;

/// <summary>USearch's distance: inner product is enough on unit rows and skips the norms.</summary>
public enum HnswMetric
{
    Ip,
    Cos,
}

/// <summary>Command-line options, validated once here; every list is swept (connectivity x expansion-add x expansion-search).</summary>
public sealed record TimingOptions(
    string NpyPath,
    int K,
    IReadOnlyList<int> Connectivity,
    IReadOnlyList<int> ExpansionAdd,
    IReadOnlyList<int> ExpansionSearch,
    HnswMetric Metric,
    int Threads,
    int Sample,
    int Seed,
    string? IdsOut,
    double? StopAtRecall)
{
    public const string Usage =
        "usage: FaceEval.IndexTiming NPY [--k 32] [--connectivity 16,32] [--expansion-add 128] " +
        "[--expansion-search 32,64,128,256] [--metric ip|cos] [--threads 2] [--sample 1000] [--seed 42] [--ids-out DIR] [--stop-at-recall R]";

    public static TimingOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw Bad("missing the .npy path");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !Known.Contains(args[i]))
            {
                throw Bad($"unknown option or missing value: {args[i]}");
            }

            if (!values.TryAdd(args[i], args[i + 1]))
            {
                throw Bad($"{args[i]} given twice");
            }
        }

        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        var metric = Get("--metric", "ip") switch
        {
            "ip" => HnswMetric.Ip,
            "cos" => HnswMetric.Cos,
            var other => throw Bad($"--metric must be ip or cos (got {other})"),
        };
        return new TimingOptions(
            args[0],
            Int(Get("--k", "32"), "--k", 1, 1024),
            Ints(Get("--connectivity", "16,32"), "--connectivity", 2, 256),
            Ints(Get("--expansion-add", "128"), "--expansion-add", 1, 4096),
            Ints(Get("--expansion-search", "32,64,128,256"), "--expansion-search", 1, 4096),
            metric,
            Int(Get("--threads", "2"), "--threads", 1, 256),
            Int(Get("--sample", "1000"), "--sample", 1, int.MaxValue),
            Int(Get("--seed", "42"), "--seed", int.MinValue, int.MaxValue),
            values.TryGetValue("--ids-out", out var idsOut) ? IdsDirectory(idsOut) : null,
            values.TryGetValue("--stop-at-recall", out var stop) ? Fraction(stop, "--stop-at-recall") : null);
    }

    private static readonly HashSet<string> Known =
        ["--k", "--connectivity", "--expansion-add", "--expansion-search", "--metric", "--threads", "--sample", "--seed", "--ids-out", "--stop-at-recall"];

    private static double Fraction(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw Bad($"{name} must be a number in [0, 1] (got {text})");

    // An existing folder only: the lists of every setting are written into it, so a typo must not scatter them.
    private static string IdsDirectory(string path) =>
        Directory.Exists(path) ? path : throw new FaceEvalException(ErrorKind.FileNotFound, $"--ids-out {path}: no such folder");

    private static int[] Ints(string text, string name, int min, int max) =>
        text.Split(',').Select(part => Int(part, name, min, max)).ToArray();

    private static int Int(string text, string name, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Bad($"{name} must be an integer in [{min}, {max}] (got {text})");

    private static FaceEvalException Bad(string problem) => new(ErrorKind.Usage, problem);
}
