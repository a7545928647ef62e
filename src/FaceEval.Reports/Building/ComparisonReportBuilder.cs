using System.Globalization;
using FaceEval.Core.Analysis;
using FaceEval.Core.Metrics;
using FaceEval.Core.Reporting;
using FaceEval.Core.Snapshots;
using FaceEval.Reports.Charts;
using FaceEval.Reports.Crops;
using FaceEval.Reports.Model;

namespace FaceEval.Reports.Building;

/// <summary>Lays out a computed <see cref="ComparisonReport"/> side by side: verification, separation of people (look-alikes singled out) and the best clustering of each model.</summary>
public static class ComparisonReportBuilder
{
    public static ReportDocument Build(ComparisonReport report, int maxCrops = 2000)
    {
        var snapshot = report.Snapshot;
        var results = report.Results;
        var people = snapshot.People;
        var representative = FirstFaces(snapshot);
        var first = results[0];
        var sweep = first.Clustering;
        var parameter = sweep.Axes[0].Parameter;
        var sections = new List<ReportSection>();

        // Verification.
        var verified = results.Where(r => r.Verification is not null).Select(r => (r.Model, r.Verification!)).ToArray();
        var v0 = verified.Length > 0 ? verified[0].Item2 : null;
        sections.Add(new ReportSection("verification", "Verification over face pairs",
        [
            "A pair is accepted as the same person when its cosine distance is <= the threshold. TAR at FAR: the best true accept rate with at most that false accept rate, and its threshold; EER: where false accepts equal false rejects.",
            v0 is null ? "No genuine or impostor pairs: nothing to verify."
                : $"Pairs: {v0.Roc.Genuine} genuine of {v0.GenuineAvailable}" + (v0.GenuineSampled ? " (seeded sample)" : " (all)")
                  + $", {v0.Roc.Impostor} impostor of {v0.ImpostorAvailable}" + (v0.ImpostorSampled ? $" (seeded sample, seed {v0.Seed})." : " (all).")
                  + " Every model scores the same pairs.",
        ],
            [new ReportTable("verification", "Verification", ["model", "auc", "tar_at_far_1e-4", "threshold_1e-4", "tar_at_far_1e-3", "threshold_1e-3", "tar_at_far_1e-2", "threshold_1e-2", "eer", "eer_threshold", "genuine_pairs", "impostor_pairs"],
                verified.Select(m => (IReadOnlyList<object?>)[m.Model, m.Item2.Auc,
                    m.Item2.OperatingPoints[0].TrueAcceptRate, m.Item2.OperatingPoints[0].Threshold,
                    m.Item2.OperatingPoints[1].TrueAcceptRate, m.Item2.OperatingPoints[1].Threshold,
                    m.Item2.OperatingPoints[2].TrueAcceptRate, m.Item2.OperatingPoints[2].Threshold,
                    m.Item2.EqualErrorRate, m.Item2.EqualErrorThreshold, m.Item2.Roc.Genuine, m.Item2.Roc.Impostor]).ToArray())],
            verified.Length == 0 ? [] : [new ReportChart("roc", "ROC (FAR on a log scale)", ChartSpecs.Roc(verified))], []));

        // Separation, look-alikes singled out.
        var ratios = report.Data.SiblingSeparationRatio;
        var sepRows = results.Select(r => (IReadOnlyList<object?>)[r.Model, r.Separation?.Pairs, r.Separation?.Quantiles[1], r.Separation?.Quantiles[3],
            r.Separation?.OverlappingShare, r.LookalikePairs, r.LookalikeMedian, r.LookalikeMean]).ToList();

        var notes = new List<string>
        {
            "Separation of two people = distance between their centroids / pooled spread sqrt((sA² + sB²) / 2), spread = RMS distance of a person's faces to its centroid; people with at least 2 faces. Below 1 their faces overlap.",
        };
        foreach (var (model, ratio) in ratios)
        {
            notes.Add(ratio is { } x
                ? $"{model} pushes the look-alike pairs {x.ToString("0.##", CultureInfo.InvariantCulture)}x as far apart as {first.Model} (median over pairs of the ratio of their separations)."
                : $"{model}: no look-alike pair to compare with {first.Model}.");
        }

        var charts = new List<ReportChart>();
        var pairRows = new List<IReadOnlyList<object?>>();
        var pictureFaces = new List<int>();
        if (results.Count > 1)
        {
            var points = new List<(string, double, double, int)>();
            foreach (var p in report.LookalikePairs)
            {
                var face = representative[p.PersonA];
                pictureFaces.Add(face);
                points.Add(($"{people[p.PersonA]} / {people[p.PersonB]}", p.First, p.Second, face));
                pairRows.Add([people[p.PersonA], people[p.PersonB], p.First, p.Second, p.Ratio]);
            }

            if (points.Count > 0)
            {
                charts.Add(new ReportChart("sibling-separation", $"Look-alike pairs: separation under {first.Model} and {results[1].Model}", ChartSpecs.SeparationScatter(first.Model, results[1].Model, points)));
            }
        }

        var tables = new List<ReportTable>
        {
            new("separation", "Separation of every pair of people", ["model", "pairs", "p05", "median", "overlapping_share", "lookalike_pairs", "lookalike_median", "lookalike_mean"], sepRows),
        };
        if (results.Count > 1)
        {
            tables.Add(new ReportTable("lookalike-separation", "Look-alike pairs under the first two models",
                ["person_a", "person_b", $"separation_{first.Model}", $"separation_{results[1].Model}", "ratio"], pairRows));
        }

        var galleries = new List<ReportGallery>();
        foreach (var r in results.Where(r => r.Separation is not null))
        {
            var items = r.Separation!.Closest.Take(6).SelectMany(p => new[]
            {
                new GalleryItem(representative[p.PersonA], $"{people[p.PersonA]} ~ {people[p.PersonB]}: {p.Separation.ToString("0.##", CultureInfo.InvariantCulture)}"),
                new GalleryItem(representative[p.PersonB], $"{people[p.PersonB]} ~ {people[p.PersonA]}"),
            }).ToArray();
            pictureFaces.AddRange(items.Select(i => i.Face));
            galleries.Add(new ReportGallery("closest-" + r.Model, $"{r.Model}: the least separated people", items));
        }

        sections.Add(new ReportSection("separation", "Separation of people", notes, tables, charts, galleries));

        // Best clustering with thresholds re-tuned per model.
        var objective = sweep.Objective;
        sections.Add(new ReportSection("clustering", "Best clustering per model",
            [$"Each model's own best {sweep.Algorithm} setting: {parameter} swept over {sweep.Axes[0].Values.Count} values ({sweep.Axes[0].Values[0]} .. {sweep.Axes[0].Values[^1]}), objective {objective.JsonName()}"
                + (sweep.Constraints.Count > 0 ? $" subject to {string.Join(", ", sweep.Constraints)}." : ".")],
            [new ReportTable("clustering", "Best setting per model", ["model", parameter, .. ChartSpecs.CurveMetrics.Select(m => m.JsonName()), "clusters"],
                results.Select(r => (IReadOnlyList<object?>)[r.Model, r.Clustering.Best?.Parameters.Text(parameter),
                    .. ChartSpecs.CurveMetrics.Select(m => (object?)r.Clustering.Best?.Metrics.Get(m)), r.Clustering.Best?.Metrics.Clusters]).ToArray())],
            [new ReportChart("objective", $"{objective.JsonName()} against {parameter}", ChartSpecs.ObjectiveByModel(results.Select(r => (r.Model, r.Clustering)).ToArray()))], []));

        var crops = CropExtractor.Extract(snapshot, pictureFaces.Distinct().Take(maxCrops));
        return new ReportDocument("compare", $"FaceEval comparison: {string.Join(" vs ", results.Select(r => r.Model))}",
            [
                new("snapshot", $"{snapshot.Id} ({snapshot.Directory})"),
                new("models", string.Join(", ", results.Select(r => r.Model))),
                new("faces", $"{snapshot.Faces.Count} faces, {people.Count} people, {snapshot.Relations.Count} relations"),
                new("clustering", $"{sweep.Algorithm}, {parameter} re-tuned per model"),
            ],
            sections, crops, report.Data);
    }

    /// <summary>Each person's first face (by row), the picture that stands for them.</summary>
    private static int[] FirstFaces(Snapshot snapshot)
    {
        var first = Enumerable.Repeat(-1, snapshot.People.Count).ToArray();
        var truth = snapshot.GroundTruth();
        for (var f = truth.Length - 1; f >= 0; f--)
        {
            if (truth[f] >= 0)
            {
                first[truth[f]] = f;
            }
        }

        return first;
    }
}
