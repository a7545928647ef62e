using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// Every kept result records the neighbour structure it ran on, and every replay takes it (issue 14): sweep.json
/// and the gate baseline hold "neighbors", `report --sweep` replays with it and refuses another, a gate refuses a
/// baseline of another structure (exit 10), and `report`, `compare` and `gate` take --neighbors/--k. The demo
/// library with k = 3 is where the graph form of DBSCAN gives other numbers than the full matrix (a third of the
/// faces have all 3 graph neighbours within eps), so replaying on the wrong structure shows.
/// </summary>
public sealed class RecordedNeighborsTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    private string[] Common => ["--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic"];

    private static double Ari(string json) => JsonDocument.Parse(json).RootElement.GetProperty("ari").GetDouble();

    private static double ReportAri(string dir) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json"))).RootElement.GetProperty("data").GetProperty("metrics").GetProperty("ari").GetDouble();

    private string Sweep(string name, params string[] extra)
    {
        var dir = demo.Path_(name);
        var (code, _, stderr) = CliProcess.Run(["sweep", .. Common, "--algorithm", "dbscan", "--param", "eps=0.4:0.6:0.1", .. extra, "--out", dir]);
        Assert.True(code == 0, stderr);
        return Path.Combine(dir, "sweep.json");
    }

    private double RunAri(string eps, params string[] extra)
    {
        var run = CliProcess.Run(["run", .. Common, "--algorithm", "dbscan", "--set", $"eps={eps}", .. extra, "--json"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return Ari(run.Stdout);
    }

    [Fact]
    public void ASweepRecordsItsNeighboursAndAReportReplaysWithThem()
    {
        var file = Sweep("k3-sweep", "--neighbors", "exact", "--k", "3");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal("""{"structure":"exact","k":3}""", json["neighbors"]!.ToJsonString());
        var best = json["rows"]![(int)json["best"]!]!;
        var eps = (string)best["parameters"]!["eps"]!;
        var recorded = (double)best["metrics"]!["ari"]!;

        // Independent of the report: the full matrix gives other numbers at this eps, so a replay on it would show.
        Assert.NotEqual(recorded, RunAri(eps));
        Assert.Equal(recorded, RunAri(eps, "--neighbors", "exact", "--k", "3"));

        var outDir = demo.Path_("k3-report");
        var report = CliProcess.Run("report", "--config", demo.Config, "--sweep", file, "--snapshot", demo.Snapshot, "--out", outDir);
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.Contains("neighbours: exact k=3 (as the sweep ran)", report.Stderr);
        Assert.Equal(recorded, ReportAri(outDir));

        // The recorded structure given again is accepted; another is refused, not silently overridden.
        var same = CliProcess.Run("report", "--config", demo.Config, "--sweep", file, "--snapshot", demo.Snapshot, "--k", "3", "--out", demo.Path_("k3-same"));
        Assert.True(same.ExitCode == 0, same.Stderr);
        foreach (var other in new[] { new[] { "--neighbors", "full" }, ["--k", "4"] })
        {
            var refused = CliProcess.Run(["report", "--config", demo.Config, "--sweep", file, "--snapshot", demo.Snapshot, .. other, "--out", demo.Path_("never")]);
            Assert.True(refused.ExitCode == 2, refused.Stdout + refused.Stderr);
            var line = Assert.Single(refused.Stderr.Trim().Split('\n'));
            Assert.Contains(other[0], line);
            Assert.Contains("exact k=3", line);
            Assert.False(Directory.Exists(demo.Path_("never")));
        }
    }

    [Fact]
    public void AnApproxSweepRecordsItsIndexAndAReportReplaysTheSameGraph()
    {
        var file = Sweep("approx-sweep", "--neighbors", "approx", "--k", "3", "--nlist", "30", "--nprobe", "2", "--recall-queries", "100");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal("""{"structure":"approx","k":3,"index":{"nlist":"30","nprobe":"2","seed":"42","recallQueries":"100","recallFloor":"0.95"}}""",
            json["neighbors"]!.ToJsonString());
        var best = json["rows"]![(int)json["best"]!]!;
        var recorded = (double)best["metrics"]!["ari"]!;

        var outDir = demo.Path_("approx-report");
        var report = CliProcess.Run("report", "--config", demo.Config, "--sweep", file, "--snapshot", demo.Snapshot, "--out", outDir);
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.Contains("neighbours: approx k=3 nlist=30 nprobe=2 (as the sweep ran)", report.Stderr);
        Assert.Equal(recorded, ReportAri(outDir));

        var refused = CliProcess.Run(["report", "--config", demo.Config, "--sweep", file, "--snapshot", demo.Snapshot, "--nprobe", "3", "--out", demo.Path_("never")]);
        Assert.True(refused.ExitCode == 2, refused.Stdout + refused.Stderr);
        Assert.Contains("--nprobe 3", refused.Stderr);
    }

    [Fact]
    public void ASweepJsonWithoutNeighboursIsReplayedOnTheFullMatrixAndSaysSo()
    {
        var file = Sweep("full-sweep");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal("""{"structure":"full"}""", json["neighbors"]!.ToJsonString());
        var eps = (string)json["rows"]![(int)json["best"]!]!["parameters"]!["eps"]!;

        // Made to look like a k=3 sweep written before the structure was recorded: its numbers are not the full matrix's.
        var old = JsonNode.Parse(File.ReadAllText(Sweep("k3-for-old", "--neighbors", "exact", "--k", "3")))!;
        old.AsObject().Remove("neighbors");
        var oldFile = demo.Path_("old-neighbors-sweep.json");
        File.WriteAllText(oldFile, old.ToJsonString());
        var outDir = demo.Path_("old-neighbors-report");
        var report = CliProcess.Run("report", "--config", demo.Config, "--sweep", oldFile, "--snapshot", demo.Snapshot, "--out", outDir);
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.Contains("does not record its neighbour structure; replaying on the full matrix", report.Stdout);
        var oldEps = (string)old["rows"]![(int)old["best"]!]!["parameters"]!["eps"]!;
        Assert.Equal(RunAri(oldEps), ReportAri(outDir));
        Assert.NotNull(eps);
    }

    [Theory]
    [InlineData("an unknown structure", """{"structure":"sideways"}""")]
    [InlineData("a graph without k", """{"structure":"exact"}""")]
    [InlineData("a k out of range", """{"structure":"exact","k":0}""")]
    [InlineData("the full matrix with a k", """{"structure":"full","k":3}""")]
    [InlineData("index parameters for the exact graph", """{"structure":"exact","k":3,"index":{"nprobe":"8"}}""")]
    [InlineData("approx without its index", """{"structure":"approx","k":3}""")]
    [InlineData("approx with an unknown index parameter", """{"structure":"approx","k":3,"index":{"nlist":"4","nprobe":"2","seed":"1","recallQueries":"10","recallFloor":"0.9","ef":"3"}}""")]
    [InlineData("approx with nprobe above nlist", """{"structure":"approx","k":3,"index":{"nlist":"4","nprobe":"8","seed":"1","recallQueries":"10","recallFloor":"0.9"}}""")]
    public void AMalformedNeighboursRecordIsInvalidDataNamingTheFile(string because, string neighbors)
    {
        var json = JsonNode.Parse(File.ReadAllText(Sweep("bad-neighbors-sweep")))!;
        json["neighbors"] = JsonNode.Parse(neighbors);
        var bad = demo.Path_("bad-neighbors-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(bad, json.ToJsonString());

        var (code, stdout, stderr) = CliProcess.Run("report", "--config", demo.Config, "--sweep", bad, "--snapshot", demo.Snapshot, "--out", demo.Path_("never"));

        Assert.True(code == 4, $"{because}: exit {code}: {stdout}{stderr}");
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(bad, line);
    }

    [Fact]
    public void AReportOfOneSettingTakesNeighboursAndK()
    {
        var outDir = demo.Path_("report-k3");
        var report = CliProcess.Run(["report", .. Common, "--algorithm", "dbscan", "--set", "eps=0.5", "--neighbors", "exact", "--k", "3", "--out", outDir]);
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.Contains("neighbours: exact k=3 (--neighbors;", report.Stderr);
        Assert.Equal(RunAri("0.5", "--neighbors", "exact", "--k", "3"), ReportAri(outDir));
        Assert.NotEqual(RunAri("0.5"), ReportAri(outDir));

        // A graph too small for the setting is refused before anything is written.
        var refused = CliProcess.Run(["report", .. Common, "--algorithm", "dbscan", "--set", "minSamples=5", "--neighbors", "exact", "--k", "3", "--out", demo.Path_("never")]);
        Assert.True(refused.ExitCode == 2, refused.Stderr);
        Assert.False(Directory.Exists(demo.Path_("never")));
    }

    [Fact]
    public void CompareRetunesOnTheAskedNeighbours()
    {
        var config = demo.Path_("neighbors-compare.config.json");
        File.WriteAllText(config, """{ "sweeps": { "eps": { "algorithm": "dbscan", "from": 0.4, "to": 0.6, "step": 0.1 } } }""");
        var two = demo.Path_("neighbors-two-models");
        var npy = Path.Combine(demo.Snapshot, "embeddings", "synthetic.npy");
        var made = CliProcess.Run("snapshot", "import", "--faces", Path.Combine(demo.Snapshot, "faces.csv"), "--embeddings", $"a={npy}", "--embeddings", $"b={npy}",
            "--relations", Path.Combine(demo.Snapshot, "relations.csv"), "--out", two);
        Assert.True(made.ExitCode == 0, made.Stderr);

        double BestAri(params string[] extra)
        {
            var outDir = demo.Path_("compare-" + Guid.NewGuid().ToString("N"));
            var run = CliProcess.Run(["compare", "--config", config, "--snapshot", two, "--model", "a", "--model", "b", "--param", "eps", .. extra, "--out", outDir]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            var sweep = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json"))).RootElement.GetProperty("data").GetProperty("results")[0].GetProperty("clustering");
            return sweep.GetProperty("best").GetProperty("metrics").GetProperty("ari").GetDouble();
        }

        var onGraph = BestAri("--neighbors", "exact", "--k", "3");
        var sweepK3 = JsonNode.Parse(File.ReadAllText(Sweep("compare-k3", "--neighbors", "exact", "--k", "3")))!;
        Assert.Equal((double)sweepK3["rows"]![(int)sweepK3["best"]!]!["metrics"]!["ari"]!, onGraph);
        Assert.NotEqual(BestAri(), onGraph);
    }

    [Fact]
    public void AGateBaselineRecordsItsNeighboursAndAnotherStructureIsRefused()
    {
        var baseline = demo.Path_("neighbors-baseline.json");
        string[] record = ["gate", .. Common, "--algorithm", "dbscan", "--baseline", baseline, "--update-baseline"];
        string[] gate = ["gate", .. Common, "--algorithm", "dbscan", "--baseline", baseline, "--report", demo.Path_("neighbors-gate.json")];
        var made = CliProcess.Run([.. record, "--neighbors", "exact", "--k", "3", "--reason", "x"]);
        Assert.True(made.ExitCode == 0, made.Stderr);
        var entry = JsonNode.Parse(File.ReadAllText(baseline))!["suites"]!["command-line"]!;
        Assert.Equal("""{"structure":"exact","k":3}""", entry["neighbors"]!.ToJsonString());
        Assert.Equal(RunAri("0.5", "--neighbors", "exact", "--k", "3"), (double)entry["metrics"]!["ari"]!);

        var same = CliProcess.Run([.. gate, "--neighbors", "exact", "--k", "3"]);
        Assert.True(same.ExitCode == 0, same.Stdout + same.Stderr);
        var suite = JsonNode.Parse(File.ReadAllText(demo.Path_("neighbors-gate.json")))!["suites"]![0]!;
        Assert.Equal("""{"structure":"exact","k":3}""", suite["neighbors"]!.ToJsonString());

        foreach (var other in new[] { Array.Empty<string>(), ["--neighbors", "exact", "--k", "4"] })
        {
            var refused = CliProcess.Run([.. gate, .. other]);
            Assert.True(refused.ExitCode == 10, refused.Stdout + refused.Stderr);
            var line = Assert.Single(refused.Stderr.Trim().Split('\n'));
            Assert.Contains("recorded on neighbours exact k=3", line);
        }

        // A baseline written before neighbours were recorded ran on the full matrix: a full run compares, a graph run is refused.
        var full = CliProcess.Run([.. record, "--reason", "full"]);
        Assert.True(full.ExitCode == 0, full.Stderr);
        var old = JsonNode.Parse(File.ReadAllText(baseline))!;
        old["suites"]!["command-line"]!.AsObject().Remove("neighbors");
        File.WriteAllText(baseline, old.ToJsonString());
        Assert.Equal(0, CliProcess.Run(gate).ExitCode);
        var graph = CliProcess.Run([.. gate, "--neighbors", "exact", "--k", "3"]);
        Assert.True(graph.ExitCode == 10, graph.Stdout + graph.Stderr);
        Assert.Contains("records none", graph.Stderr);
    }

    [Fact]
    public void AConfiguredGateSuiteSaysItsNeighbours()
    {
        var config = demo.Path_("neighbors-gate.config.json");
        File.WriteAllText(config, $$"""
            { "model": "synthetic", "gates": { "baseline": "{{demo.Path_("suite-baseline.json").Replace("\\", "\\\\")}}", "suites": [
              { "name": "graph", "snapshot": "{{demo.Snapshot.Replace("\\", "\\\\")}}", "algorithm": "dbscan", "neighbors": "exact", "k": 3, "rules": ["ari>=0"] } ] } }
            """);
        var made = CliProcess.Run("gate", "--config", config, "--update-baseline", "--reason", "x");
        Assert.True(made.ExitCode == 0, made.Stderr);
        var entry = JsonNode.Parse(File.ReadAllText(demo.Path_("suite-baseline.json")))!["suites"]!["graph"]!;
        Assert.Equal("""{"structure":"exact","k":3}""", entry["neighbors"]!.ToJsonString());
        Assert.Equal(RunAri("0.5", "--neighbors", "exact", "--k", "3"), (double)entry["metrics"]!["ari"]!);

        // The command line cannot change a configured suite's structure; a bad name in the config is bad data.
        var given = CliProcess.Run("gate", "--config", config, "--k", "4");
        Assert.True(given.ExitCode == 2, given.Stderr);
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"exact\"", "\"nearest\""));
        var bad = CliProcess.Run("gate", "--config", config);
        Assert.True(bad.ExitCode == 4, bad.Stderr);
        Assert.Contains("nearest", bad.Stderr);
    }
}
