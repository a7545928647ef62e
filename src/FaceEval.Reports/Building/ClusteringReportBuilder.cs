using System.Globalization;
using FaceEval.Core.Analysis;
using FaceEval.Core.Metrics;
using FaceEval.Core.Reporting;
using FaceEval.Reports.Charts;
using FaceEval.Reports.Crops;
using FaceEval.Reports.Document;

namespace FaceEval.Reports.Building;

/// <summary>Lays out a computed <see cref="ClusteringReport"/> as a <see cref="ReportDocument"/>: metric table, sweep curves, distance cliff, cohesion, look-alikes, galleries.</summary>
public static class ClusteringReportBuilder
{
    /// <param name="maxCrops">At most this many face crops are embedded (galleries first, then chart points).</param>
    /// <param name="maxCliffPoints">Faces drawn on the cliff chart; a larger snapshot shows an even sample plus every wrong face.</param>
    public static ReportDocument Build(ClusteringReport report, int maxCrops = 2000, int maxCliffPoints = 3000)
    {
        var (_, model, algorithm, parameters, metrics, people, cliff, truthCohesion, predictedCohesion, lookalikes) = report.Data;
        var snapshot = report.Snapshot;
        var run = report.Run;

        var sections = new List<ReportSection>();
        var wanted = new List<int>();

        // Summary: metrics and the setting.
        sections.Add(new ReportSection("summary", "Metrics and chosen parameters",
            [$"{algorithm} on {model}: {metrics.Scored} scored faces, {metrics.Clusters} clusters."
                + (report.Sweep?.Best is not null ? $" The parameters are the best row of the sweep ({report.SweepFile}) by {report.Sweep.Objective.JsonName()}." : "")],
            [
                new ReportTable("metrics", "Metrics", ["metric", "value"],
                    MetricKeys.All.Select(k => (IReadOnlyList<object?>)[k.JsonName(), metrics.Get(k)]).ToArray()),
                new ReportTable("parameters", "Parameters", ["parameter", "value"],
                    parameters.Select(kv => (IReadOnlyList<object?>)[kv.Key, kv.Value]).ToArray()),
            ], [], []));

        if (report.Sweep is { } sweep)
        {
            sections.Add(new ReportSection("sweep", "Sweep curves",
                [$"{sweep.Rows.Count} settings of {string.Join(" x ", sweep.Axes.Select(a => a.Parameter))}; objective {sweep.Objective.JsonName()}"
                    + (sweep.Constraints.Count > 0 ? $" subject to {string.Join(", ", sweep.Constraints)}" : "")
                    + (sweep.Best is null ? "; no setting satisfies the constraints." : $"; best: {sweep.Best.Parameters}.")],
                [SweepTable(sweep)], [new ReportChart("sweep-curves", "Each metric against " + sweep.Axes[0].Parameter, ChartSpecs.SweepCurves(sweep))], []));
        }

        // Distance cliff.
        var plotted = CliffSample(cliff, maxCliffPoints);
        var kneeText = cliff.Knee is { } k
            ? $"Knee (Kneedle: the point of the sorted own-person distances farthest below the chord between its ends, axes scaled to [0, 1]) at face {k.Index + 1} of {cliff.Points.Count}: distance {k.Value.ToString("0.####", CultureInfo.InvariantCulture)}, offered as the suggested assignDistance."
            : "The sorted distances have no knee.";
        sections.Add(new ReportSection("cliff", "Distance cliff",
        [
            $"Each labelled face of the {cliff.People} people with at least 2 faces: its cosine distance to the centroid of its person's other faces, and to the nearest centroid of another person. {cliff.WrongCount} faces are nearer another person (red).",
            kneeText,
            plotted.Count < cliff.Points.Count ? $"The chart draws {plotted.Count} of {cliff.Points.Count} faces (an even sample plus every wrong face); cliff.csv has all." : "",
        ],
            [new ReportTable("cliff", "Faces by distance to their own person", ["rank", "face_id", "person", "own_distance", "nearest_other_distance", "nearest_other_person", "wrong"],
                cliff.Points.Select((p, i) => (IReadOnlyList<object?>)[i + 1, snapshot.Faces[p.Face].Id, people[p.Person], p.OwnDistance, p.NearestOtherDistance, p.NearestOtherPerson is { } o ? people[o] : null, p.Wrong]).ToArray())],
            [new ReportChart("cliff", "Distance to own person and to the nearest other person", ChartSpecs.Cliff(cliff, plotted, people))], []));

        // Cohesion.
        var gate = predictedCohesion.Gate;
        var polluted = predictedCohesion.Groups.Count(g => g.Polluted);
        sections.Add(new ReportSection("cohesion", "Cohesion",
        [
            $"Pairwise p90 distance of each group of at least 2 faces against its size: {truthCohesion.Groups.Count} people, {predictedCohesion.Groups.Count} predicted clusters of which {polluted} are polluted (hold more than one true person).",
            gate is null ? "No cohesion gate: the clustering has no polluted or no healthy clusters to separate."
                : $"Cohesion gate that separates them best (max Youden J): flag p90 > {gate.Threshold.ToString("0.####", CultureInfo.InvariantCulture)}; it flags {gate.PollutedFlagged:P0} of polluted and {gate.HealthyFlagged:P0} of healthy clusters.",
        ],
            [
                new ReportTable("cohesion-clusters", "Predicted clusters", ["cluster", "size", "pairwise_p90", "true_people", "majority_share", "polluted", "sampled_pairs"],
                    predictedCohesion.Groups.OrderByDescending(g => g.PairwiseP90).Select(g => (IReadOnlyList<object?>)[g.Group, g.Size, g.PairwiseP90, g.People, g.MajorityShare, g.Polluted, g.SampledPairs]).ToArray()),
                new ReportTable("cohesion-gate", "Cohesion gate", ["threshold", "polluted_flagged", "healthy_flagged", "youden_j"],
                    gate is null ? [] : [[gate.Threshold, gate.PollutedFlagged, gate.HealthyFlagged, gate.YoudenJ]]),
            ],
            [new ReportChart("cohesion", "Pairwise p90 against size", ChartSpecs.Cohesion(truthCohesion, predictedCohesion, people))], []));

        // Look-alikes.
        sections.Add(new ReportSection("lookalikes", "Look-alikes",
            [report.LookalikeRelations == 0 ? "The snapshot has no look-alike relations of the selected types."
                : $"{lookalikes.Count} related pairs (relation types counted as look-alikes) with faces on both sides: how far apart their centroids are and how many of their faces the clustering lumped together."],
            [new ReportTable("lookalikes", "Look-alike pairs", ["person_a", "person_b", "faces_a", "faces_b", "centroid_distance", "lumped_faces", "together_pairs", "together_rate"],
                lookalikes.OrderBy(p => p.CentroidDistance).Select(p => (IReadOnlyList<object?>)[people[p.PersonA], people[p.PersonB], p.FacesA, p.FacesB, p.CentroidDistance, p.LumpedFaces, p.TogetherPairs, p.TogetherRate]).ToArray())],
            lookalikes.Count == 0 ? [] : [new ReportChart("lookalikes", "Centroid distance against faces clustered together", ChartSpecs.Lookalikes(lookalikes, people))], []));

        // Galleries of the worst errors.
        var merges = WrongMerges(predictedCohesion, run.Labels, report.Truth, people);
        var outliers = cliff.Points.Reverse().Take(24)
            .Select(p => new GalleryItem(p.Face, $"{people[p.Person]}: {p.OwnDistance:0.###}" + (p.Wrong ? $", nearer {people[p.NearestOtherPerson!.Value]}" : ""))).ToArray();
        var misplaced = cliff.Points.Where(p => p.Wrong).OrderByDescending(p => p.OwnDistance - p.NearestOtherDistance!.Value).Take(24)
            .Select(p => new GalleryItem(p.Face, $"{people[p.Person]} looks like {people[p.NearestOtherPerson!.Value]}")).ToArray();
        var galleries = new List<ReportGallery> { new("wrong-merges", "Wrong merges: the people inside the most polluted clusters", merges) };
        galleries.Add(new ReportGallery("outliers", "Outliers: faces farthest from their own person", outliers));
        galleries.Add(new ReportGallery("misplaced", "Faces nearer another person's centroid", misplaced));
        sections.Add(new ReportSection("errors", "Worst errors", ["Face crops of the worst errors; hover any chart point to see the face behind it."], [], [], galleries));

        // Crops: galleries first, then look-alike and cohesion representatives, then the cliff's points.
        wanted.AddRange(galleries.SelectMany(g => g.Items.Select(i => i.Face)));
        wanted.AddRange(lookalikes.SelectMany(p => new[] { p.RepresentativeA, p.RepresentativeB }));
        wanted.AddRange(predictedCohesion.Groups.Select(g => g.Representative));
        wanted.AddRange(truthCohesion.Groups.Select(g => g.Representative));
        wanted.AddRange(plotted.Select(r => cliff.Points[r].Face));
        var crops = CropExtractor.Extract(snapshot, wanted.Distinct().Take(maxCrops));

        var facts = new List<ReportFact>
        {
            new("snapshot", $"{snapshot.Id} ({snapshot.Directory})"),
            new("model", model),
            new("algorithm", $"{algorithm} {run.Parameters}"),
            new("faces", $"{snapshot.Faces.Count} faces, {people.Count} people, {snapshot.Relations.Count} relations"),
        };
        if (report.SweepFile is not null)
        {
            facts.Add(new ReportFact("sweep", report.SweepFile));
        }

        facts.AddRange(report.Notes.Select(n => new ReportFact("note", n)));

        return new ReportDocument("report", $"FaceEval report: {algorithm} on {model}", facts,
            sections.Select(s => s with { Notes = s.Notes.Where(n => n.Length > 0).ToArray() }).ToArray(), crops, report.Data);
    }

    private static ReportTable SweepTable(Core.Sweeps.SweepResult sweep)
    {
        var names = sweep.Rows.Count == 0 ? [] : sweep.Rows[0].Parameters.Values.Select(kv => kv.Key).ToArray();
        return new ReportTable("sweep", "Sweep rows", [.. names, .. ChartSpecs.CurveMetrics.Select(m => m.JsonName()), "satisfies_constraints", "best"],
            sweep.Rows.Select((r, i) => (IReadOnlyList<object?>)[.. r.Parameters.Values.Select(kv => (object?)kv.Value), .. ChartSpecs.CurveMetrics.Select(m => (object?)r.Metrics.Get(m)), r.SatisfiesConstraints, i == sweep.BestIndex]).ToArray());
    }

    /// <summary>Ranks of the points to draw: all when few, else an even sample plus every wrong face.</summary>
    private static List<int> CliffSample(DistanceCliff cliff, int max)
    {
        var n = cliff.Points.Count;
        if (n <= max)
        {
            return Enumerable.Range(0, n).ToList();
        }

        var step = (double)n / max;
        var ranks = new SortedSet<int>(Enumerable.Range(0, max).Select(i => (int)(i * step)));
        ranks.Add(n - 1);
        for (var r = 0; r < n; r++)
        {
            if (cliff.Points[r].Wrong)
            {
                ranks.Add(r);
            }
        }

        return ranks.ToList();
    }

    private static GalleryItem[] WrongMerges(CohesionAnalysis predicted, int[] labels, int[] truth, IReadOnlyList<string> people)
    {
        var items = new List<GalleryItem>();
        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0)
            {
                (members.TryGetValue(labels[i], out var m) ? m : members[labels[i]] = []).Add(i);
            }
        }

        foreach (var g in predicted.Groups.Where(g => g.Polluted).OrderByDescending(g => g.Size * (1 - g.MajorityShare)).ThenBy(g => g.Group).Take(8))
        {
            var byPerson = members[g.Group].Where(f => truth[f] >= 0).GroupBy(f => truth[f]).OrderByDescending(p => p.Count()).ThenBy(p => p.Key);
            foreach (var person in byPerson.Take(6))
            {
                items.Add(new GalleryItem(person.First(), $"cluster {g.Group} ({g.Size}): {people[person.Key]} x{person.Count()}"));
            }
        }

        return items.ToArray();
    }
}
