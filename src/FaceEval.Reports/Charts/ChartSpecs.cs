using System.Globalization;
using System.Text.Json.Nodes;
using FaceEval.Core.Analysis;
using FaceEval.Core.Metrics;
using FaceEval.Core.Reporting;
using FaceEval.Core.Sweeps;
using static FaceEval.Reports.Charts.VegaLite;

namespace FaceEval.Reports.Charts;

/// <summary>The Vega-Lite specs of the report charts, data inline, generated from the analyses.</summary>
internal static class ChartSpecs
{
    public static readonly MetricKey[] CurveMetrics =
    [
        MetricKey.Ari, MetricKey.BcubedF1, MetricKey.BcubedPrecision, MetricKey.BcubedRecall, MetricKey.PairwisePrecision,
        MetricKey.PairwiseRecall, MetricKey.SiblingConfusion, MetricKey.UnassignedRate, MetricKey.LargestClusterShare,
    ];

    public static JsonObject SweepCurves(SweepResult sweep)
    {
        var axis = sweep.Axes[0];
        var numeric = axis.Values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var metrics = CurveMetrics.Contains(sweep.Objective) ? CurveMetrics : [sweep.Objective, .. CurveMetrics];
        var rest = sweep.Axes.Skip(1).Select(a => a.Parameter).ToArray();
        var rows = new List<object>();
        foreach (var row in sweep.Rows)
        {
            var x = row.Parameters.Text(axis.Parameter);
            var series = rest.Length == 0 ? "" : " (" + string.Join(", ", rest.Select(p => $"{p}={row.Parameters.Text(p)}")) + ")";
            foreach (var metric in sweep.Axes.Count == 1 ? metrics : [sweep.Objective])
            {
                if (row.Metrics.Get(metric) is { } value)
                {
                    rows.Add(new { x = numeric ? (object)double.Parse(x, CultureInfo.InvariantCulture) : x, metric = metric.JsonName() + series, value });
                }
            }
        }

        var xType = numeric ? "quantitative" : "ordinal";
        var layers = new List<object>
        {
            new
            {
                mark = new { type = "line", point = true },
                encoding = new
                {
                    x = Field("x", xType, axis.Parameter),
                    y = Field("value", "quantitative", "metric value"),
                    color = Field("metric", "nominal", "metric"),
                    tooltip = Tooltip(false, Field("metric", "nominal"), Field("x", xType, axis.Parameter), Field("value", "quantitative", "value", ".4f")),
                },
            },
        };
        if (sweep.Best is { } best)
        {
            var bx = best.Parameters.Text(axis.Parameter);
            layers.Add(new
            {
                data = new { values = new[] { new { x = numeric ? (object)double.Parse(bx, CultureInfo.InvariantCulture) : bx, label = $"best {axis.Parameter}={bx}" } } },
                mark = new { type = "rule", strokeDash = new[] { 6, 4 }, color = "#1e8449", size = 2 },
                encoding = new { x = Field("x", xType), tooltip = Tooltip(false, Field("label", "nominal", "best")) },
            });
        }

        foreach (var c in sweep.Constraints)
        {
            layers.Add(new
            {
                data = new { values = new[] { new { y = c.Bound, label = c.ToString() } } },
                mark = new { type = "rule", color = "#c0392b", strokeDash = new[] { 2, 2 } },
                encoding = new { y = Field("y", "quantitative"), tooltip = Tooltip(false, Field("label", "nominal", "constraint")) },
            });
        }

        return Spec(new { data = new { values = rows }, layer = layers });
    }

    public static JsonObject Cliff(DistanceCliff cliff, IReadOnlyList<int> plotted, IReadOnlyList<string> people)
    {
        var rows = new List<object>();
        foreach (var rank in plotted)
        {
            var p = cliff.Points[rank];
            var other = p.NearestOtherPerson is { } o ? people[o] : "";
            rows.Add(new { rank, face = p.Face, person = people[p.Person], kind = "own person (leave-one-out)", distance = p.OwnDistance, wrong = p.Wrong, other });
            if (p.NearestOtherDistance is { } nd)
            {
                rows.Add(new { rank, face = p.Face, person = people[p.Person], kind = p.Wrong ? "nearest other person: nearer (wrong)" : "nearest other person", distance = nd, wrong = p.Wrong, other });
            }
        }

        var layers = new List<object>
        {
            new
            {
                mark = new { type = "point", filled = true, size = 14, opacity = 0.8 },
                encoding = new
                {
                    x = Field("rank", "quantitative", "faces sorted by distance to their own person"),
                    y = Field("distance", "quantitative", "cosine distance to centroid"),
                    color = new { field = "kind", type = "nominal", title = "", scale = new { domain = new[] { "own person (leave-one-out)", "nearest other person", "nearest other person: nearer (wrong)" }, range = new[] { "#2471a3", "#aab7b8", "#c0392b" } } },
                    tooltip = Tooltip(true, Field("person", "nominal"), Field("kind", "nominal"), Field("distance", "quantitative", "distance", ".4f"), Field("other", "nominal", "nearest other"), Field("face", "quantitative")),
                },
            },
        };
        if (cliff.Knee is { } knee)
        {
            layers.Add(new
            {
                data = new { values = new[] { new { y = knee.Value, label = $"knee: suggested assignDistance {knee.Value:0.###}" } } },
                mark = new { type = "rule", color = "#1e8449", strokeDash = new[] { 6, 4 }, size = 2 },
                encoding = new { y = Field("y", "quantitative"), tooltip = Tooltip(false, Field("label", "nominal", "knee")) },
            });
        }

        return Spec(new { data = new { values = rows }, layer = layers });
    }

    public static JsonObject Cohesion(CohesionAnalysis truth, CohesionAnalysis? predicted, IReadOnlyList<string> people)
    {
        var rows = new List<object>();
        foreach (var g in truth.Groups)
        {
            rows.Add(new { size = g.Size, p90 = g.PairwiseP90, kind = "person (ground truth)", label = people[g.Group], face = g.Representative, people = g.People });
        }

        foreach (var g in predicted?.Groups ?? [])
        {
            rows.Add(new { size = g.Size, p90 = g.PairwiseP90, kind = g.Polluted ? "cluster: polluted" : "cluster: healthy", label = $"cluster {g.Group}", face = g.Representative, people = g.People });
        }

        var layers = new List<object>
        {
            new
            {
                mark = new { type = "point", filled = true, size = 30, opacity = 0.7 },
                encoding = new
                {
                    x = new { field = "size", type = "quantitative", title = "faces in the group", scale = new { type = "log" } },
                    y = Field("p90", "quantitative", "pairwise distance p90"),
                    color = new { field = "kind", type = "nominal", title = "", scale = new { domain = new[] { "person (ground truth)", "cluster: healthy", "cluster: polluted" }, range = new[] { "#aab7b8", "#2471a3", "#c0392b" } } },
                    tooltip = Tooltip(true, Field("label", "nominal", "group"), Field("kind", "nominal"), Field("size", "quantitative"), Field("p90", "quantitative", "p90", ".4f"), Field("people", "quantitative", "true people")),
                },
            },
        };
        if (predicted?.Gate is { } gate)
        {
            layers.Add(new
            {
                data = new { values = new[] { new { y = gate.Threshold, label = $"cohesion gate p90 > {gate.Threshold:0.###}" } } },
                mark = new { type = "rule", color = "#c0392b", strokeDash = new[] { 6, 4 } },
                encoding = new { y = Field("y", "quantitative"), tooltip = Tooltip(false, Field("label", "nominal", "gate")) },
            });
        }

        return Spec(new { data = new { values = rows }, layer = layers });
    }

    public static JsonObject Lookalikes(IReadOnlyList<LookalikePairStats> pairs, IReadOnlyList<string> people) =>
        Spec(new
        {
            data = new
            {
                values = pairs.Select(p => new
                {
                    distance = p.CentroidDistance,
                    together = p.TogetherRate,
                    lumped = p.LumpedFaces,
                    pair = $"{people[p.PersonA]} / {people[p.PersonB]}",
                    face = p.RepresentativeA,
                }).ToArray(),
            },
            mark = new { type = "point", filled = true, opacity = 0.75 },
            encoding = new
            {
                x = Field("distance", "quantitative", "centroid distance"),
                y = Field("together", "quantitative", "share of their face pairs clustered together"),
                size = Field("lumped", "quantitative", "faces lumped"),
                tooltip = Tooltip(true, Field("pair", "nominal"), Field("distance", "quantitative", "centroid distance", ".4f"), Field("together", "quantitative", "together", ".3f"), Field("lumped", "quantitative", "faces lumped")),
            },
        });

    public static JsonObject Roc(IReadOnlyList<(string Model, VerificationResult Result)> models)
    {
        var rows = new List<object>();
        foreach (var (model, result) in models)
        {
            foreach (var p in VerificationSummary.Thin(result.Roc.Points))
            {
                rows.Add(new { model, far = p.FalseAcceptRate, tar = p.TrueAcceptRate, threshold = p.Threshold });
            }
        }

        return Spec(new
        {
            data = new { values = rows },
            mark = new { type = "line", point = false },
            encoding = new
            {
                x = new { field = "far", type = "quantitative", title = "false accept rate", scale = new { type = "log", domain = new[] { 1e-5, 1 } } },
                y = new { field = "tar", type = "quantitative", title = "true accept rate", scale = new { domain = new[] { 0, 1 } } },
                color = Field("model", "nominal"),
                tooltip = Tooltip(false, Field("model", "nominal"), Field("far", "quantitative", "FAR", ".2e"), Field("tar", "quantitative", "TAR", ".4f"), Field("threshold", "quantitative", "distance threshold", ".4f")),
            },
            transform = new object[] { new { filter = "datum.far > 0" } },
        });
    }

    public static JsonObject SeparationScatter(string modelA, string modelB, IReadOnlyList<(string Pair, double A, double B, int Face)> pairs)
    {
        var top = pairs.Count == 0 ? 1 : Math.Max(pairs.Max(p => p.A), pairs.Max(p => p.B)) * 1.05;
        return Spec(new
        {
            layer = new object[]
            {
                new
                {
                    data = new { values = new[] { new { a = 0.0, b = 0.0 }, new { a = top, b = top } } },
                    mark = new { type = "line", color = "#aab7b8", strokeDash = new[] { 4, 4 } },
                    encoding = new { x = Field("a", "quantitative"), y = Field("b", "quantitative") },
                },
                new
                {
                    data = new { values = pairs.Select(p => new { pair = p.Pair, a = p.A, b = p.B, face = p.Face }).ToArray() },
                    mark = new { type = "point", filled = true, opacity = 0.7 },
                    encoding = new
                    {
                        x = Field("a", "quantitative", $"separation under {modelA}"),
                        y = Field("b", "quantitative", $"separation under {modelB}"),
                        tooltip = Tooltip(true, Field("pair", "nominal"), Field("a", "quantitative", modelA, ".3f"), Field("b", "quantitative", modelB, ".3f")),
                    },
                },
            },
        });
    }

    public static JsonObject ObjectiveByModel(IReadOnlyList<(string Model, SweepResult Sweep)> sweeps)
    {
        var parameter = sweeps[0].Sweep.Axes[0].Parameter;
        var objective = sweeps[0].Sweep.Objective;
        var rows = new List<object>();
        var best = new List<object>();
        foreach (var (model, sweep) in sweeps)
        {
            foreach (var row in sweep.Rows)
            {
                if (row.Metrics.Get(objective) is { } v)
                {
                    rows.Add(new { model, x = row.Parameters.Real(parameter), value = v, satisfies = row.SatisfiesConstraints });
                }
            }

            if (sweep.Best is { } b && b.Metrics.Get(objective) is { } bv)
            {
                best.Add(new { model, x = b.Parameters.Real(parameter), value = bv });
            }
        }

        return Spec(new
        {
            layer = new object[]
            {
                new
                {
                    data = new { values = rows },
                    mark = new { type = "line", point = true },
                    encoding = new
                    {
                        x = Field("x", "quantitative", parameter),
                        y = Field("value", "quantitative", objective.JsonName()),
                        color = Field("model", "nominal"),
                        tooltip = Tooltip(false, Field("model", "nominal"), Field("x", "quantitative", parameter), Field("value", "quantitative", objective.JsonName(), ".4f"), Field("satisfies", "nominal", "meets constraints")),
                    },
                },
                new
                {
                    data = new { values = best },
                    mark = new { type = "point", shape = "diamond", size = 160, filled = true, color = "#1d2327" },
                    encoding = new { x = Field("x", "quantitative"), y = Field("value", "quantitative"), tooltip = Tooltip(false, Field("model", "nominal", "best of"), Field("x", "quantitative", parameter)) },
                },
            },
        });
    }
}
