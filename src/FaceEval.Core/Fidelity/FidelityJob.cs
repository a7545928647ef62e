using System.Globalization;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Fidelity;

/// <summary>
/// `faceeval fidelity`: replays each setting on the full matrix and on a neighbour graph of the same
/// snapshot and measures how far the graph form's labels agree with the full form's. It answers "may I
/// trust the graph form on my library?" where both still fit, i.e. up to <see cref="DistanceMatrix.MaxCount"/> faces.
/// </summary>
public static class FidelityJob
{
    /// <summary>Every algorithm that has a graph form, in catalogue order: the settings when none is asked for.</summary>
    public static IReadOnlyList<AlgorithmKind> GraphAlgorithms =>
        AlgorithmCatalog.All.Where(k => AlgorithmCatalog.Get(k) is IGraphForm).ToArray();

    /// <param name="notice">Receives the lines `run` prints: which graph, whether it was loaded or built, cache warnings.</param>
    public static FidelityResult Run(FidelityRequest request, EvalConfig config, IProgress<double>? progress = null, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Neighbors.Structure == NeighborStructure.Full)
        {
            throw new FaceEvalException(ErrorKind.Usage, "--neighbors full: fidelity holds a graph against the full matrix; name the graph (exact or approx)");
        }

        if (request.Settings.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, "no setting to compare");
        }

        var snapshot = Snapshot.Load(request.SnapshotDirectory);
        var count = snapshot.Faces.Count;
        if (count > DistanceMatrix.MaxCount)
        {
            throw new FaceEvalException(ErrorKind.Usage, string.Create(CultureInfo.InvariantCulture,
                $"fidelity compares with the full matrix, which holds at most {DistanceMatrix.MaxCount:N0} faces; this snapshot has {count:N0}"));
        }

        var planned = request.Settings.Select(s =>
        {
            var algorithm = AlgorithmCatalog.Get(s.Algorithm);
            var parameters = RunJob.Parameters(algorithm, config, s.Overrides);
            var graph = request.Neighbors with { Structure = request.Neighbors.Structure ?? NeighborStructure.Exact };
            return (Algorithm: algorithm, Parameters: parameters, Choice: NeighborPlan.Resolve(graph, algorithm, [parameters], count));
        }).ToArray();

        var full = EvaluationData.Load(snapshot, request.Model, request.RelationTypes, progress, NeighborChoice.Full, notice);
        var graphs = new Dictionary<NeighborChoice, EvaluationData>();
        var rows = new List<FidelityRow>();
        foreach (var (algorithm, parameters, choice) in planned)
        {
            if (!graphs.TryGetValue(choice, out var graphData))
            {
                notice?.Invoke(string.Create(CultureInfo.InvariantCulture, $"neighbours: {choice} held against the full matrix ({count:N0} faces)"));
                graphData = full.OnNeighbors(choice, progress, notice);
                graphs[choice] = graphData;
            }

            // Fresh contexts: each form does all its own work, and the warnings are this setting's alone.
            var onFull = Evaluator.Run(full.Fresh(), algorithm, parameters, request.Seed);
            var graphRun = graphData.Fresh();
            var onGraph = Evaluator.Run(graphRun, algorithm, parameters, request.Seed);
            rows.Add(new FidelityRow(parameters, choice, PartitionAgreement.Of(onFull.Labels, onGraph.Labels),
                onFull.Metrics.Get(MetricKey.Ari), onGraph.Metrics.Get(MetricKey.Ari), graphRun.Context.Warnings, onFull.Seconds, onGraph.Seconds));
        }

        return new FidelityResult(snapshot.Id, request.Model, count, rows);
    }
}
