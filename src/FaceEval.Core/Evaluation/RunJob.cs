using System.Globalization;
using System.Text;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.IO;
using FaceEval.Core.Metrics;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Evaluation;

/// <summary>`faceeval run`: replay one setting of one algorithm on a snapshot and score it.</summary>
public static class RunJob
{
    public const string LabelsFile = "labels.csv";
    public const string MetricsFile = "metrics.json";

    /// <summary>The algorithm's full setting: built-in defaults, then eval.config.json, then the overrides.</summary>
    public static ParameterSet Parameters(IClusteringAlgorithm algorithm, EvalConfig config, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var name = AlgorithmNames.Name(algorithm.Kind);
        return ParameterSet.Create(name, algorithm.Parameters, config.ParametersFor(name), overrides);
    }

    /// <summary>Runs the setting; with <paramref name="outDirectory"/>, also writes labels.csv and metrics.json there.</summary>
    /// <param name="notice">Receives lines for stderr: the neighbour structure used, how its graph was had, warnings ("warning: ...").</param>
    public static RunResult Execute(RunOptions options, EvalConfig config, string? outDirectory = null, IProgress<double>? progress = null, Action<string>? notice = null)
    {
        var algorithm = AlgorithmCatalog.Get(options.Algorithm);
        var parameters = Parameters(algorithm, config, options.Overrides);
        var snapshot = Snapshot.Load(options.SnapshotDirectory);
        var neighbors = NeighborPlan.Resolve(options.Neighbors, algorithm, [parameters], snapshot.Faces.Count);
        notice?.Invoke(NeighborPlan.Describe(neighbors, options.Neighbors, snapshot.Faces.Count));
        var data = EvaluationData.Load(snapshot, options.Model, options.RelationTypes, progress, neighbors, notice);

        // The structure is the run's preparation, as for a sweep: the clustering seconds exclude it.
        data.Context.Prepare();
        var result = Evaluator.Run(data, algorithm, parameters, options.Seed);
        foreach (var warning in data.Context.Warnings)
        {
            notice?.Invoke("warning: " + warning);
        }

        if (outDirectory is not null)
        {
            WriteOutputs(snapshot, result, outDirectory);
        }

        return result;
    }

    /// <summary>Writes labels.csv (face_id,label) and metrics.json into <paramref name="directory"/>.</summary>
    private static void WriteOutputs(Snapshot snapshot, RunResult result, string directory)
    {
        var csv = new StringBuilder("face_id,label\n");
        for (var i = 0; i < snapshot.Faces.Count; i++)
        {
            csv.Append(CsvField(snapshot.Faces[i].Id)).Append(',').Append(result.Labels[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        new AtomicFileSet().AddText(Path.Combine(directory, LabelsFile), csv.ToString())
            .AddText(Path.Combine(directory, MetricsFile), MetricReportJson.Serialize(result.Metrics)).Commit();
    }

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
