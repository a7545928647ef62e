namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// `run` and `sweep` with `--neighbors exact`: the choice is printed, the first run builds and caches the
/// graph beside the snapshot and the second loads it, and on the demo library (where k = 32 cuts off
/// almost nothing) the graph gives the full matrix's labels.
/// </summary>
public sealed class NeighborsCommandTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    [Fact]
    public void TheSecondRunLoadsTheCachedGraphAndBothGiveTheFullMatricesLabels()
    {
        var snapshot = demo.Synthesize("neighbors", seed: 3);
        string[] common = ["run", "--config", demo.Config, "--snapshot", snapshot, "--model", "synthetic", "--algorithm", "dbscan"];

        var full = CliProcess.Run([.. common, "--out", demo.Path_("full")]);
        var first = CliProcess.Run([.. common, "--neighbors", "exact", "--out", demo.Path_("first")]);
        var second = CliProcess.Run([.. common, "--neighbors", "exact", "--k", "32", "--out", demo.Path_("second")]);

        Assert.True(full.ExitCode == 0, full.Stderr);
        Assert.Contains("faceeval: neighbours: full (the default up to 46,000 faces;", full.Stderr);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("faceeval: neighbours: exact k=32 (--neighbors;", first.Stderr);
        Assert.Contains($"built and cached at {snapshot}.cache", first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains($"loaded from {snapshot}.cache", second.Stderr);
        var labels = File.ReadAllText(Path.Combine(demo.Path_("full"), "labels.csv"));
        Assert.Equal(labels, File.ReadAllText(Path.Combine(demo.Path_("first"), "labels.csv")));
        Assert.Equal(labels, File.ReadAllText(Path.Combine(demo.Path_("second"), "labels.csv")));

        // The snapshot folder itself is untouched: it still verifies.
        var verify = CliProcess.Run("snapshot", "verify", snapshot);
        Assert.True(verify.ExitCode == 0, verify.Stderr);
    }

    [Fact]
    public void AnEpsSweepRunsOnTheGraph()
    {
        var outDir = demo.Path_("sweep-graph");
        var (code, stdout, stderr) = CliProcess.Run("sweep", "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic",
            "--algorithm", "dbscan", "--neighbors", "exact", "--k", "40", "--param", "eps=0.3:0.5:0.1", "--out", outDir);

        Assert.True(code == 0, stderr);
        Assert.Contains("faceeval: neighbours: exact k=40", stderr);
        Assert.Contains("best: ", stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "sweep.json")));
    }

    [Fact]
    public void TheNeighborsCommandBuildsThenLoadsAnApproxGraphAndPrintsItsRecall()
    {
        var snapshot = demo.Synthesize("neighbors-approx", seed: 5);
        string[] args = ["neighbors", "--config", demo.Config, "--snapshot", snapshot, "--model", "synthetic", "--neighbors", "approx", "--k", "12",
            "--nlist", "8", "--nprobe", "8", "--recall-queries", "200"];

        var first = CliProcess.Run(args);
        var second = CliProcess.Run(args);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("neighbors: approx k=12 nlist=8 nprobe=8\n", first.Stdout.ReplaceLineEndings("\n"));
        Assert.Matches(@"(?m)^built in \d+\.\d s$", first.Stdout);
        Assert.Matches(@"(?m)^recall@12: 1\.000 \(200 queries, seed 42\)$", first.Stdout);
        Assert.Contains($"cache: {snapshot}.cache", first.Stdout);
        Assert.DoesNotContain("warning", first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Matches(@"(?m)^loaded in .* \(built in \d+\.\d s when it was made\)$", second.Stdout);
        Assert.Contains("recall@12: 1.000", second.Stdout);

        // The side-by-side script finds the command in the top-level help.
        Assert.Matches(@"(?m)^\s+neighbors\b", CliProcess.Run("--help").Stdout);
    }

    [Fact]
    public void ARunOnAnApproxGraphProbingEveryListGivesTheFullMatricesLabelsAndFewProbesWarn()
    {
        var snapshot = demo.Synthesize("neighbors-approx-run", seed: 6);
        string[] common = ["run", "--config", demo.Config, "--snapshot", snapshot, "--model", "synthetic", "--algorithm", "dbscan"];

        var full = CliProcess.Run([.. common, "--out", demo.Path_("approx-full")]);
        var every = CliProcess.Run([.. common, "--neighbors", "approx", "--nlist", "6", "--nprobe", "6", "--out", demo.Path_("approx-every")]);
        var few = CliProcess.Run([.. common, "--neighbors", "approx", "--nlist", "40", "--nprobe", "1", "--out", demo.Path_("approx-few")]);

        Assert.True(full.ExitCode == 0, full.Stderr);
        Assert.True(every.ExitCode == 0, every.Stderr);
        Assert.Contains("faceeval: neighbours: approx k=32 nlist=6 nprobe=6 (--neighbors;", every.Stderr);
        Assert.Contains("faceeval: recall@32: 1.000 (1,000 queries, seed 42)", every.Stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(demo.Path_("approx-full"), "labels.csv")), File.ReadAllText(Path.Combine(demo.Path_("approx-every"), "labels.csv")));
        Assert.True(few.ExitCode == 0, few.Stderr);
        Assert.Matches(@"faceeval: warning: recall@32 0\.\d+ of the approx graph is below the floor 0\.95", few.Stderr);
    }
}
