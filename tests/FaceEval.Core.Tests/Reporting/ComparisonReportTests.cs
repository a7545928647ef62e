using FaceEval.Core.Analysis;
using FaceEval.Core.Metrics;
using FaceEval.Core.Reporting;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;
using FaceEval.Core.Synthetic;

namespace FaceEval.Core.Tests.Reporting;

/// <summary>The comparison's own numbers (look-alike pairs side by side, ratios, per-model summaries) on planted separations.</summary>
public sealed class ComparisonReportTests
{
    private static SeparationPair Pair(int a, int b, double separation) => new(a, b, separation, 1, separation);

    private static PeopleSeparation Lookalikes(params SeparationPair[] pairs) => new([], pairs.Length, [0, 0, 0, 0, 0], 0, [], pairs);

    private static SweepResult Sweep() =>
        new("id", "m", "agglomerative", [SweepAxis.List("distanceThreshold", "0.5")], MetricKey.BcubedF1, [], [], null, 0, 0);

    [Fact]
    public void Lookalike_pairs_are_matched_by_their_people_and_the_ratio_is_the_median_of_second_over_first()
    {
        using var dir = new TempDirectory();
        var snapshot = SnapshotWriter.Write(SyntheticLibrary.Generate(new SyntheticLibraryOptions(Families: 3, Seed: 2)), dir.Combine("s"));
        // (6,7) only the first model measured, (8,9) only the second; the second lists its pairs in another order.
        var first = new ModelResult("a", null, Lookalikes(Pair(0, 1, 1), Pair(2, 3, 2), Pair(4, 5, 4), Pair(6, 7, 3)), Sweep());
        var second = new ModelResult("b", null, Lookalikes(Pair(4, 5, 2), Pair(0, 1, 3), Pair(2, 3, 4), Pair(8, 9, 5)), Sweep());
        var none = new ModelResult("c", null, null, Sweep());

        var report = ComparisonReport.Of(snapshot, [first, second, none]);

        Assert.Equal([new LookalikeSeparationPair(0, 1, 1, 3), new LookalikeSeparationPair(2, 3, 2, 4), new LookalikeSeparationPair(4, 5, 4, 2)], report.LookalikePairs);
        Assert.Equal([3.0, 2.0, 0.5], report.LookalikePairs.Select(p => p.Ratio));
        Assert.Equal(["b", "c"], report.Data.SiblingSeparationRatio.Keys);
        Assert.Equal(2.0, report.Data.SiblingSeparationRatio["b"]); // median of 3, 2 and 0.5
        Assert.Null(report.Data.SiblingSeparationRatio["c"]);
        Assert.Equal((snapshot.Id, "agglomerative", "distanceThreshold"), (report.Data.Snapshot, report.Data.TuningAlgorithm, report.Data.TuningParameter));
        Assert.Equal(["a", "b", "c"], report.Data.Results.Select(r => r.Model));
    }

    [Fact]
    public void Each_model_summarises_its_own_lookalike_separations()
    {
        var first = new ModelResult("a", null, Lookalikes(Pair(0, 1, 1), Pair(2, 3, 2), Pair(4, 5, 4), Pair(6, 7, 3)), Sweep());
        var second = new ModelResult("b", null, Lookalikes(Pair(4, 5, 2), Pair(0, 1, 3), Pair(2, 3, 4), Pair(8, 9, 5)), Sweep());
        var none = new ModelResult("c", null, null, Sweep());

        Assert.Equal((4, 2.5, 2.5), (first.LookalikePairs, first.LookalikeMedian, first.LookalikeMean));   // 1 2 3 4
        Assert.Equal((4, 3.5, 3.5), (second.LookalikePairs, second.LookalikeMedian, second.LookalikeMean)); // 2 3 4 5
        Assert.Equal((0, (double?)null, (double?)null), (none.LookalikePairs, none.LookalikeMedian, none.LookalikeMean));
    }

    [Fact]
    public void The_roc_keeps_a_point_after_two_percent_more_false_accepts_or_0_002_more_true_accepts_and_the_last()
    {
        RocPoint[] points =
        [
            new(0.1, 0, 0), new(0.2, 0.01, 0.1), new(0.3, 0.0101, 0.1015), new(0.4, 0.0103, 0.1), new(0.5, 0.0103, 0.1025),
            new(0.6, 0.5, 0.9), new(0.7, 0.505, 0.9), new(0.8, 1, 1),
        ];
        Assert.Equal([0.1, 0.2, 0.4, 0.5, 0.6, 0.8], VerificationSummary.Thin(points).Select(p => p.Threshold));
    }
}
