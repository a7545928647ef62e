using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// A baseline and a sweep.json record everything that changes a setting's labels or metrics (seed, relation
/// types), the gate shows when they differ, a report replays a sweep with them, and a damaged or foreign
/// sweep.json is refused in one line (review of issue 12, findings 1, 2, 3 and 5).
/// </summary>
public sealed class RecordedSettingTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    private string[] Common => ["--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic"];

    private static string[] Changes(string gateJson) =>
        JsonDocument.Parse(File.ReadAllText(gateJson)).RootElement.GetProperty("suites")[0].GetProperty("changes_from_baseline")
            .EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void TheGateShowsAChangedSeedOrRelationTypesAndWhatAnOldBaselineDoesNotRecord()
    {
        var baseline = demo.Path_("seed-baseline.json");
        var report = demo.Path_("seed-gate.json");
        string[] cw = ["gate", .. Common, "--algorithm", "chinese-whispers", "--baseline", baseline];
        var made = CliProcess.Run([.. cw, "--update-baseline", "--reason", "x"]);
        Assert.True(made.ExitCode == 0, made.Stderr);
        var entry = JsonNode.Parse(File.ReadAllText(baseline))!["suites"]!["command-line"]!;
        Assert.Equal(42, (int)entry["seed"]!);
        Assert.Equal("sibling,twin*", (string)entry["relation_types"]!);

        var same = CliProcess.Run([.. cw, "--report", report]);
        Assert.Contains("same setting as baseline", same.Stdout);
        Assert.Empty(Changes(report));

        var seeded = CliProcess.Run([.. cw, "--seed", "7", "--report", report]);
        Assert.True(seeded.ExitCode is 0 or 1, seeded.Stderr);
        Assert.DoesNotContain("same setting", seeded.Stdout);
        Assert.Equal(["seed 42 -> 7"], Changes(report));

        var types = CliProcess.Run([.. cw, "--relation-types", "parent-child,spouse", "--report", report]);
        Assert.True(types.ExitCode is 0 or 1, types.Stderr);
        Assert.DoesNotContain("same setting", types.Stdout);
        Assert.Equal(["relation types sibling,twin* -> parent-child,spouse"], Changes(report));

        // A baseline written before seed and relation types were recorded still loads, and says it cannot tell.
        var old = JsonNode.Parse(File.ReadAllText(baseline))!;
        old["suites"]!["command-line"]!.AsObject().Remove("seed");
        old["suites"]!["command-line"]!.AsObject().Remove("relation_types");
        File.WriteAllText(baseline, old.ToJsonString());
        var unrecorded = CliProcess.Run([.. cw, "--report", report]);
        Assert.True(unrecorded.ExitCode == 0, unrecorded.Stdout + unrecorded.Stderr);
        Assert.DoesNotContain("same setting", unrecorded.Stdout);
        Assert.Equal(["seed 42: not recorded by the baseline", "relation types sibling,twin*: not recorded by the baseline"], Changes(report));
    }

    private string Sweep(string name, params string[] extra)
    {
        var dir = demo.Path_(name);
        var (code, _, stderr) = CliProcess.Run(["sweep", .. Common, "--algorithm", "chinese-whispers", "--param", "threshold=0.5:0.6:0.05", .. extra, "--out", dir]);
        Assert.True(code == 0, stderr);
        return Path.Combine(dir, "sweep.json");
    }

    private static double ReportAri(string dir) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json"))).RootElement.GetProperty("data").GetProperty("metrics").GetProperty("ari").GetDouble();

    [Fact]
    public void AReportReplaysASweepWithTheSweepsSeedAndRelationTypes()
    {
        var file = Sweep("seed7-sweep", "--seed", "7");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal(7, (int)json["seed"]!);
        Assert.Equal("sibling,twin*", (string)json["relation_types"]!);
        var best = json["rows"]![(int)json["best"]!]!;
        var threshold = (string)best["parameters"]!["threshold"]!;

        // The independent value: run with seed 42 gives other numbers, so a replay with the config's seed would show.
        var at42 = CliProcess.Run(["run", .. Common, "--algorithm", "chinese-whispers", "--set", $"threshold={threshold}", "--json"]);
        Assert.NotEqual((double)best["metrics"]!["ari"]!, JsonDocument.Parse(at42.Stdout).RootElement.GetProperty("ari").GetDouble());

        var out1 = demo.Path_("seed7-report");
        var report = CliProcess.Run("report", "--config", demo.Config, "--sweep", file, "--snapshot", demo.Snapshot, "--out", out1);
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.Equal((double)best["metrics"]!["ari"]!, ReportAri(out1));
        Assert.DoesNotContain("note:", report.Stdout);

        // Giving another seed would be overridden by the recorded one: refused.
        var other = CliProcess.Run("report", "--config", demo.Config, "--sweep", file, "--snapshot", demo.Snapshot, "--seed", "8", "--out", demo.Path_("never"));
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("--seed", other.Stderr);

        // A sweep.json written before the seed was recorded: the current seed, said in a visible line.
        json.AsObject().Remove("seed");
        json.AsObject().Remove("relation_types");
        var oldFile = demo.Path_("old-sweep.json");
        File.WriteAllText(oldFile, json.ToJsonString());
        var out2 = demo.Path_("old-report");
        var replayed = CliProcess.Run("report", "--config", demo.Config, "--sweep", oldFile, "--snapshot", demo.Snapshot, "--out", out2);
        Assert.True(replayed.ExitCode == 0, replayed.Stderr);
        Assert.Contains("does not record the seed", replayed.Stdout);
        Assert.Contains("seed 42", replayed.Stdout);
        Assert.Contains("does not record the seed", File.ReadAllText(Path.Combine(out2, "index.html")));
        Assert.Equal(JsonDocument.Parse(at42.Stdout).RootElement.GetProperty("ari").GetDouble(), ReportAri(out2));
    }

    [Fact]
    public void ASweepOfAnotherSnapshotThanTheGivenOneIsRefused()
    {
        var file = Sweep("foreign-sweep");
        var other = demo.Synthesize("foreign-other", seed: 13);
        var id = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(other, "manifest.json")))!["id"]!;
        var sweepId = (string)JsonNode.Parse(File.ReadAllText(file))!["snapshot"]!;
        var outDir = demo.Path_("foreign-report");

        var (code, stdout, stderr) = CliProcess.Run("report", "--config", demo.Config, "--sweep", file, "--snapshot", other, "--out", outDir);

        Assert.True(code == 10, $"exit {code}: {stdout}{stderr}");
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(id, line);
        Assert.Contains(sweepId, line);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("a fractional best row", "\"best\": 1.5")]
    [InlineData("a best row out of range", "\"best\": 99")]
    [InlineData("an invalid parameter value", "\"threshold\": \"7\"")]
    [InlineData("an unknown metric as objective", "\"objective\": \"nope\"")]
    [InlineData("a wrong type", "\"rows\": 3")]
    [InlineData("an unknown bound", "\"bound\": \"sideways\"")]
    public void AMalformedSweepFileIsInvalidDataNamingTheFile(string because, string replacement)
    {
        var file = Sweep("bad-sweep", "--max", "sibling_confusion=0.5");
        var text = File.ReadAllText(file);
        var key = replacement[..(replacement.IndexOf(':') + 1)];
        var at = text.IndexOf(key, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{because}: no {key} in the sweep.json");
        var end = text.IndexOfAny([',', '\n'], at + key.Length);
        var bad = demo.Path_("bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(bad, text[..at] + replacement + text[end..]);

        var (code, stdout, stderr) = CliProcess.Run("report", "--config", demo.Config, "--sweep", bad, "--snapshot", demo.Snapshot, "--out", demo.Path_("never"));

        Assert.True(code == 4, $"{because}: exit {code}: {stdout}{stderr}");
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("faceeval: error: ", line);
        Assert.Contains(bad, line);
    }
}
