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

        var sources = SnapshotsPerModel(request);
        var snapshot = sources[0];

        var algorithm = AlgorithmCatalog.Get(request.Algorithm);
        var sweepRequest = new SweepRequest(algorithm, request.Baseline, [request.Axis], request.Objective, request.Constraints, request.Seed);
        var results = new List<ModelResult>();
        for (var m = 0; m < request.Models.Count; m++)
        {
            // One model at a time, so only one distance matrix is alive.
            var data = EvaluationData.Load(sources[m], request.Models[m], request.RelationTypes);
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

    /// <summary>
    /// The snapshot each model is read from. Several snapshots must hold the same faces (same ids, same
    /// people, same order), so every model is judged on the same answer key.
    /// </summary>
    private static Snapshot[] SnapshotsPerModel(CompareRequest request)
    {
        var directories = request.SnapshotDirectories;
        if (directories.Count != 1 && directories.Count != request.Models.Count)
        {
            throw new FaceEvalException(ErrorKind.Usage,
                $"give one --snapshot holding every model, or one --snapshot per --model ({request.Models.Count}); got {directories.Count}");
        }

        var loaded = directories.Select(Snapshot.Load).ToArray();
        var sources = request.Models.Select((_, m) => loaded[directories.Count == 1 ? 0 : m]).ToArray();
        for (var m = 0; m < sources.Length; m++)
        {
            var s = sources[m];
            if (!s.Models.Contains(request.Models[m]))
            {
                throw new FaceEvalException(ErrorKind.UnknownName, $"snapshot {s.Id} has no model '{request.Models[m]}'; it has: {string.Join(", ", s.Models)}");
            }

            var first = sources[0];
            if (s.Faces.Count != first.Faces.Count)
            {
                throw new FaceEvalException(ErrorKind.InvalidData,
                    $"snapshots {first.Id} and {s.Id} do not hold the same faces ({first.Faces.Count} vs {s.Faces.Count})");
            }

            for (var i = 0; i < s.Faces.Count; i++)
            {
                if (s.Faces[i].Id != first.Faces[i].Id || s.Faces[i].Person != first.Faces[i].Person)
                {
                    throw new FaceEvalException(ErrorKind.InvalidData,
                        $"snapshots {first.Id} and {s.Id} do not hold the same faces: row {i} is '{first.Faces[i].Id}' ({first.Faces[i].Person ?? "unlabelled"}) vs '{s.Faces[i].Id}' ({s.Faces[i].Person ?? "unlabelled"})");
                }
            }
        }

        return sources;
    }
}
