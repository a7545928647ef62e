using FaceEval.Core.Algorithms;
using FaceEval.Core.Analysis;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;

namespace FaceEval.Core.Reporting;

/// <summary>
/// Everything a clustering report shows, computed: the run of the setting it explains, the sweep that
/// chose it (if any) and the analyses of that run. FaceEval.Reports only lays this out as a page and files.
/// </summary>
/// <param name="Truth">The ground-truth person of each face row, -1 when unlabelled.</param>
/// <param name="LookalikeRelations">Look-alike pairs of people among the snapshot's relations of the selected types.</param>
/// <param name="SweepFile">The sweep.json the setting was read from, as given.</param>
public sealed record ClusteringReport(
    Snapshot Snapshot,
    int[] Truth,
    int LookalikeRelations,
    RunResult Run,
    SweepResult? Sweep,
    string? SweepFile,
    ClusteringReportData Data)
{
    /// <summary>Replays the requested setting, or the best row of <paramref name="sweep"/>, and analyses it.</summary>
    /// <param name="sweep">The sweep read from <see cref="ReportRequest.SweepFile"/>; null exactly when the request names none.</param>
    public static ClusteringReport Compute(ReportRequest request, SweepResult? sweep, EvalConfig config) =>
        Compute(request, sweep, ReportSetting.Resolve(request, sweep, config));

    /// <summary>Replays <paramref name="setting"/>, resolved from the request beforehand, and analyses it.</summary>
    /// <param name="notice">Receives how the neighbour graph was had (loaded, built), for stderr.</param>
    public static ClusteringReport Compute(ReportRequest request, SweepResult? sweep, ReportSetting setting, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(setting);
        var data = EvaluationData.Load(setting.Snapshot, setting.Model, setting.RelationTypes, neighbors: setting.Neighbors, notice: notice);
        var run = Evaluator.Run(data, setting.Algorithm, setting.Parameters, setting.Seed);
        return Analyse(data, run, sweep, request.SweepFile, setting.Seed) with { Notes = setting.Notes };
    }

    /// <summary>What the reader must know about how the setting was replayed (e.g. a sweep.json that predates its seed): shown on the page and printed.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The analyses of one run: distance cliff, cohesion of the true people and of the clusters, look-alike pairs.</summary>
    public static ClusteringReport Analyse(EvaluationData data, RunResult run, SweepResult? sweep, string? sweepFile, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(run);
        var embeddings = data.Context.Embeddings;
        var truth = data.Truth;
        var cliff = DistanceCliff.Compute(embeddings, truth);
        var truthCohesion = CohesionAnalysis.Compute(embeddings, truth, truth, seed);
        var predictedCohesion = CohesionAnalysis.Compute(embeddings, run.Labels, truth, seed);
        var lookalikes = LookalikeAnalysis.Compute(embeddings, truth, run.Labels, data.Lookalikes);
        var parameters = run.Parameters.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
        var result = new ClusteringReportData(data.Snapshot.Id, data.Model, run.Parameters.Algorithm, parameters, run.Metrics, data.Snapshot.People,
            cliff, truthCohesion, predictedCohesion, lookalikes);
        return new ClusteringReport(data.Snapshot, truth, data.Lookalikes.Count, run, sweep, sweepFile, result);
    }
}
