using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Reporting;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;
using FaceEval.Core.Synthetic;

namespace FaceEval.Core.Tests.Reporting;

/// <summary>Which setting a clustering report explains, and on which snapshot, when it comes from a sweep.</summary>
public sealed class ClusteringReportTests
{
    /// <summary>A sweep over eps run on <paramref name="snapshotId"/> whose best row (if any) is eps = <paramref name="bestEps"/>.</summary>
    private static SweepResult Sweep(string snapshotId, string? bestEps)
    {
        var specs = AlgorithmCatalog.Get(AlgorithmKind.Dbscan).Parameters;
        var rows = new[] { "0.2", bestEps ?? "0.3" }.Select(eps => new SweepRow(
            ParameterSet.Create("dbscan", specs, [new KeyValuePair<string, string>("eps", eps)]), ClusteringScorer.Score([0], [0]), 0, bestEps is not null)).ToArray();
        return new SweepResult(snapshotId, "synthetic", "dbscan", [SweepAxis.List("eps", "0.2,0.3")], MetricKey.BcubedF1, [], rows, bestEps is null ? null : 1, 0, 0);
    }

    private static ReportRequest Request(string snapshot, string? sweepFile, params string[] candidates) =>
        new(new RunOptions(snapshot, "synthetic", AlgorithmKind.Gated, [], RelationTypeFilter.Default, 7), sweepFile, "out", candidates);

    [Fact]
    public void A_sweep_s_best_row_is_replayed_on_the_snapshot_it_names()
    {
        using var dir = new TempDirectory();
        var a = SnapshotWriter.Write(SyntheticLibrary.Generate(new SyntheticLibraryOptions(Families: 3, Seed: 1)), dir.Combine("a"));
        var b = SnapshotWriter.Write(SyntheticLibrary.Generate(new SyntheticLibraryOptions(Families: 4, Seed: 2)), dir.Combine("b"));

        var report = ClusteringReport.Compute(Request(a.Directory, "sweep.json", a.Directory, b.Directory), Sweep(b.Id, "0.45"), new EvalConfig());

        Assert.Equal(b.Id, report.Snapshot.Id);
        Assert.Equal((b.Id, "dbscan", "0.45"), (report.Data.Snapshot, report.Data.Algorithm, report.Data.Parameters["eps"]));
        Assert.Equal(b.Faces.Count, report.Run.Labels.Length);
        Assert.Equal("sweep.json", report.SweepFile);
    }

    [Fact]
    public void A_sweep_without_a_best_row_or_whose_snapshot_is_not_here_is_refused()
    {
        using var dir = new TempDirectory();
        var a = SnapshotWriter.Write(SyntheticLibrary.Generate(new SyntheticLibraryOptions(Families: 3, Seed: 1)), dir.Combine("a"));

        var noBest = Assert.Throws<FaceEvalException>(() => ClusteringReport.Compute(Request(a.Directory, "sweep.json"), Sweep(a.Id, null), new EvalConfig()));
        Assert.Equal(ErrorKind.InvalidData, noBest.Kind);
        Assert.Contains("no best row", noBest.Message);

        var elsewhere = Assert.Throws<FaceEvalException>(() => ClusteringReport.Compute(Request(a.Directory, "sweep.json", a.Directory), Sweep("0123456789abcdef", "0.45"), new EvalConfig()));
        Assert.Equal(ErrorKind.FileNotFound, elsewhere.Kind);
        Assert.Contains("0123456789abcdef", elsewhere.Message);

        Assert.Throws<ArgumentException>(() => ClusteringReport.Compute(Request(a.Directory, null), Sweep(a.Id, "0.45"), new EvalConfig()));
    }
}
