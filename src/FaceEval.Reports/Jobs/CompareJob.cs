using FaceEval.Core.Algorithms;
using FaceEval.Core.Analysis;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;
using FaceEval.Reports.Building;
using FaceEval.Reports.Exporters;
using FaceEval.Reports.Model;

namespace FaceEval.Reports.Jobs;

/// <summary>`faceeval compare`: verification, separation and re-tuned clustering per model, side by side.</summary>
public static class CompareJob
{
    public static (ReportDocument Document, IReadOnlyList<string> Files) Execute(CompareRequest request, IProgress<double>? progress = null)
    {
        if (request.Models.Count < 2 || request.Models.Distinct(StringComparer.Ordinal).Count() != request.Models.Count)
        {
            throw new FaceEvalException(ErrorKind.Usage, "compare needs at least two different --model");
        }

        var snapshot = Snapshot.Load(request.SnapshotDirectory);
        foreach (var model in request.Models)
        {
            if (!snapshot.Models.Contains(model))
            {
                throw new FaceEvalException(ErrorKind.UnknownName, $"snapshot {snapshot.Id} has no model '{model}'; it has: {string.Join(", ", snapshot.Models)}");
            }
        }

        var algorithm = AlgorithmCatalog.Get(request.Algorithm);
        var sweepRequest = new SweepRequest(algorithm, request.Baseline, [request.Axis], request.Objective, request.Constraints, request.Seed);
        var results = new List<ModelResult>();
        for (var m = 0; m < request.Models.Count; m++)
        {
            // One model at a time, so only one distance matrix is alive.
            var data = EvaluationData.Load(snapshot, request.Models[m], request.RelationTypes);
            var embeddings = data.Context.Embeddings;
            var verification = VerificationAnalysis.Compute(embeddings, data.Truth, request.Verification);
            var separation = PeopleSeparation.Compute(embeddings, data.Truth, data.Lookalikes);
            var sweep = SweepRunner.Run(data, sweepRequest);
            results.Add(new ModelResult(request.Models[m], verification, separation, sweep));
            progress?.Report((m + 1.0) / request.Models.Count);
        }

        var document = ComparisonReportBuilder.Build(snapshot, results, request.MaxCrops);
        return (document, ReportWriter.Write(document, request.OutDirectory));
    }
}
