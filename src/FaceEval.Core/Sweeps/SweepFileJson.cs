using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.IO;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Sweeps;

/// <summary>sweep.json: the request, the best row's index (null when no row satisfies the constraints) and every row.</summary>
/// <param name="Neighbors">The neighbour structure every row ran on; absent in files written before it was recorded, which ran on the full matrix.</param>
internal sealed record SweepFileJson(
    string Snapshot,
    string Model,
    string Algorithm,
    string Objective,
    IReadOnlyList<SweepConstraintJson> Constraints,
    IReadOnlyList<SweepAxis> Axes,
    int? Best,
    double PreparationSeconds,
    double TotalSeconds,
    IReadOnlyList<SweepRowJson> Rows,
    int? Seed = null,
    string? RelationTypes = null,
    RecordedNeighbors? Neighbors = null)
{
    public const string SweepKind = "sweep";

    /// <summary>First in the file, so a reader can tell a sweep from any other JSON before reading the rest.</summary>
    [JsonPropertyOrder(-1)]
    public string Kind { get; init; } = SweepKind;

    /// <summary>Seconds are rounded to the microsecond: more digits are noise and make files differ for nothing.</summary>
    public static SweepFileJson From(SweepResult result) => new(
        result.SnapshotId, result.Model, result.Algorithm, result.Objective.JsonName(),
        result.Constraints.Select(c => new SweepConstraintJson(c.Metric.JsonName(), c.IsUpperBound ? "max" : "min", c.Bound)).ToArray(),
        result.Axes, result.BestIndex, Math.Round(result.PreparationSeconds, 6), Math.Round(result.TotalSeconds, 6),
        result.Rows.Select(r => new SweepRowJson(r.Parameters.Values.ToDictionary(StringComparer.Ordinal), r.Metrics, Math.Round(r.Seconds, 6), r.SatisfiesConstraints)).ToArray(),
        result.Seed, result.RelationTypes, result.Neighbors is { } n ? RecordedNeighbors.From(n) : null);

    public static void Write(SweepResult result, Stream stream) =>
        JsonSerializer.Serialize(stream, From(result), FormatJson.Indented.SweepFileJson);

    /// <summary>The sweep in <paramref name="path"/>; anything but a sweep.json this version can read is <see cref="ErrorKind.InvalidData"/>.</summary>
    public static SweepResult Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"sweep file not found: {path}");
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            if (JsonSerializer.Deserialize(bytes, FormatJson.Compact.SweepKindJson)?.Kind != SweepKind)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path} is not a sweep.json (no \"kind\": \"sweep\")");
            }

            return JsonSerializer.Deserialize(bytes, FormatJson.Compact.SweepFileJson)!.ToResult(path);
        }
        catch (JsonException e)
        {
            throw Invalid(path, e.Message);
        }
        catch (FaceEvalException e) when (e.Kind is ErrorKind.Usage or ErrorKind.UnknownName)
        {
            // An out-of-range parameter or an unknown metric inside a file is bad data, not a bad command line.
            throw Invalid(path, e.Message);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw Invalid(path, e.Message);
        }
    }

    private static FaceEvalException Invalid(string path, string why) =>
        new(ErrorKind.InvalidData, $"{path}: not a valid sweep.json ({why})");

    /// <summary>Every value checked as the writer would have made it, so a hand-edited file fails here, in one line, not later.</summary>
    private void Check(string path)
    {
        if (Best is { } b && (b < 0 || b >= Rows.Count))
        {
            throw Invalid(path, $"best row {b.ToString(CultureInfo.InvariantCulture)} is out of range 0..{Rows.Count - 1}");
        }

        if (Constraints.FirstOrDefault(c => c.Bound is not ("max" or "min") || !double.IsFinite(c.Value)) is { } bad)
        {
            throw Invalid(path, $"constraint on {bad.Metric} must have bound \"max\" or \"min\" and a finite value");
        }

        if (new[] { PreparationSeconds, TotalSeconds }.Concat(Rows.Select(r => r.Seconds)).Any(t => !double.IsFinite(t) || t < 0))
        {
            throw Invalid(path, "a time in seconds is negative or not finite");
        }

        if (Axes.Count == 0 || Axes.Any(a => a.Values.Count == 0) || Axes.Aggregate(1L, (n, a) => n * a.Values.Count) != Rows.Count)
        {
            throw Invalid(path, $"{Rows.Count} rows do not make the grid of its axes");
        }

        if (Best is { } best && !Rows[best].SatisfiesConstraints)
        {
            throw Invalid(path, $"best row {best.ToString(CultureInfo.InvariantCulture)} does not satisfy the constraints");
        }
    }

    private SweepResult ToResult(string path)
    {
        Check(path);
        var algorithm = AlgorithmCatalog.Get(AlgorithmNames.Parse(Algorithm));
        var rows = Rows.Select(r => new SweepRow(ParameterSet.Create(Algorithm, algorithm.Parameters, r.Parameters.ToArray()), r.Metrics, r.Seconds, r.SatisfiesConstraints));
        return new SweepResult(Snapshot, Model, Algorithm, Axes, MetricKeys.Parse(Objective),
            Constraints.Select(c => new MetricConstraint(MetricKeys.Parse(c.Metric), c.Value, c.Bound == "max")).ToArray(),
            rows.ToArray(), Best, PreparationSeconds, TotalSeconds)
        {
            Seed = Seed,
            RelationTypes = RelationTypes is null ? null : RelationTypeFilter.Parse(RelationTypes).ToString(),
            Neighbors = Neighbors?.ToChoice(path),
        };
    }
}

/// <param name="Bound">"max" (the metric may be at most <paramref name="Value"/>) or "min".</param>
internal sealed record SweepConstraintJson(string Metric, string Bound, double Value);

/// <param name="Parameters">Every parameter of the algorithm, in its declared order, as text.</param>
internal sealed record SweepRowJson(IReadOnlyDictionary<string, string> Parameters, MetricReport Metrics, double Seconds, bool SatisfiesConstraints);

/// <summary>What is read of a file before deciding it is a sweep.</summary>
internal sealed record SweepKindJson
{
    public string? Kind { get; init; }
}
