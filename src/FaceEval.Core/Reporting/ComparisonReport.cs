using FaceEval.Core.Algorithms;
using FaceEval.Core.Analysis;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;

namespace FaceEval.Core.Reporting;

/// <summary>
/// Everything a model comparison shows, computed: per model its verification, separation of people and
/// re-tuned clustering; the look-alike pairs under the first two models; and the JSON summary.
/// FaceEval.Reports only lays this out as a page and files.
/// </summary>
/// <param name="Snapshot">The first model's snapshot (every snapshot of a comparison holds the same faces).</param>
/// <param name="LookalikePairs">Look-alike pairs measured under both the first and the second model, in the first model's order.</param>
public sealed record ComparisonReport(
    Snapshot Snapshot,
    IReadOnlyList<ModelResult> Results,
    IReadOnlyList<LookalikeSeparationPair> LookalikePairs,
    ComparisonReportData Data)
{
    public static ComparisonReport Compute(CompareRequest request, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Models.Count < 2 || request.Models.Distinct(StringComparer.Ordinal).Count() != request.Models.Count)
        {
            throw new FaceEvalException(ErrorKind.Usage, "compare needs at least two different --model");
        }

        var sources = SnapshotsPerModel(request);
        if (request.SeedGiven && !AlgorithmCatalog.UsesSeed(request.Algorithm) && !PairSampling.Samples(sources[0].GroundTruth(), request.Verification))
        {
            // Decided from the ground truth before any embedding is read or anything written.
            throw new FaceEvalException(ErrorKind.Usage,
                $"--seed has no effect: {AlgorithmNames.Name(request.Algorithm)} has no random step and no pairs are sampled (fewer than --max-impostor-pairs impostor and {request.Verification.MaxGenuinePairs} genuine pairs)");
        }

        var algorithm = AlgorithmCatalog.Get(request.Algorithm);
        var sweepRequest = new SweepRequest(algorithm, request.Baseline, [request.Axis], request.Objective, request.Constraints, request.Seed);
        var results = new List<ModelResult>();
        for (var m = 0; m < request.Models.Count; m++)
        {
            // One model at a time, so only one distance matrix is alive.
            var neighbors = NeighborPlan.Resolve(request.Neighbors, algorithm, sweepRequest.Settings(), sources[m].Faces.Count);
            var data = EvaluationData.Load(sources[m], request.Models[m], request.RelationTypes, neighbors: neighbors);
            var embeddings = data.Context.Embeddings;
            var verification = VerificationAnalysis.Compute(embeddings, data.Truth, request.Verification);
            var separation = PeopleSeparation.Compute(embeddings, data.Truth, data.Lookalikes);
            var sweep = SweepRunner.Run(data, sweepRequest) with { Neighbors = neighbors };
            results.Add(new ModelResult(request.Models[m], verification, separation, sweep));
            progress?.Report((m + 1.0) / request.Models.Count);
        }

        return Of(sources[0], results);
    }

    /// <summary>The comparison of measured models: look-alike pairs of the first two side by side, ratios to the first, the summary.</summary>
    public static ComparisonReport Of(Snapshot snapshot, IReadOnlyList<ModelResult> results)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(results);
        var first = results[0];
        var ratios = new Dictionary<string, double?>();
        foreach (var r in results.Skip(1))
        {
            ratios[r.Model] = MedianRatio(first.Separation, r.Separation);
        }

        var pairs = new List<LookalikeSeparationPair>();
        if (results.Count > 1 && first.Separation is { } sa && results[1].Separation is { } sb)
        {
            var byPair = sb.Lookalikes.ToDictionary(p => (p.PersonA, p.PersonB));
            foreach (var p in sa.Lookalikes)
            {
                if (byPair.TryGetValue((p.PersonA, p.PersonB), out var q))
                {
                    pairs.Add(new LookalikeSeparationPair(p.PersonA, p.PersonB, p.Separation, q.Separation));
                }
            }
        }

        var summaries = results.Select(r => new ModelSummary(r.Model, r.Verification is null ? null : VerificationSummary.From(r.Verification), r.Separation, r.Clustering)).ToArray();
        var data = new ComparisonReportData(snapshot.Id, results.Select(r => r.Model).ToArray(), snapshot.People, first.Clustering.Algorithm,
            first.Clustering.Axes[0].Parameter, summaries, ratios);
        return new ComparisonReport(snapshot, results, pairs, data);
    }

    /// <summary>Median over look-alike pairs of the second model's separation divided by the first's.</summary>
    private static double? MedianRatio(PeopleSeparation? a, PeopleSeparation? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        var byPair = b.Lookalikes.ToDictionary(p => (p.PersonA, p.PersonB));
        var ratios = a.Lookalikes.Where(p => byPair.ContainsKey((p.PersonA, p.PersonB)) && p.Separation > 0)
            .Select(p => byPair[(p.PersonA, p.PersonB)].Separation / p.Separation).ToArray();
        return ratios.Length == 0 ? null : Quantiles.Of(ratios, 0.5);
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
