using System.Xml.Linq;

namespace FaceEval.Cli.Tests.Commands;

/// <summary>The regression gate end to end: baseline, unchanged run, a sibling-merging change, a foreign snapshot.</summary>
public sealed class GateCommandTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    private string[] Suite(string snapshot, string threshold) =>
    [
        "gate", "--config", demo.Config, "--snapshot", snapshot, "--model", "synthetic", "--algorithm", "agglomerative",
        "--set", $"distanceThreshold={threshold}", "--rule", "sibling_confusion~0.01", "--rule", "bcubed_f1~0.05", "--rule", "pairwise_precision>=0.5",
    ];

    [Fact]
    public void ABaselineGatesChangesAndRefusesAnotherSnapshot()
    {
        var baseline = demo.Path_("gate", "baseline.json");
        var junit = demo.Path_("gate", "junit.xml");
        var report = demo.Path_("gate", "gate.json");

        var made = CliProcess.Run([.. Suite(demo.Snapshot, "0.6"), "--baseline", baseline, "--update-baseline", "--reason", "test baseline"]);
        Assert.True(made.ExitCode == 0, made.Stderr);
        Assert.Contains("\"reason\": \"test baseline\"", File.ReadAllText(baseline));

        var same = CliProcess.Run([.. Suite(demo.Snapshot, "0.6"), "--baseline", baseline, "--junit", junit, "--report", report]);
        Assert.True(same.ExitCode == 0, same.Stdout + same.Stderr);
        Assert.Contains("all rules pass", same.Stdout);

        var cases = XDocument.Load(junit).Descendants("testcase").ToArray();
        Assert.Equal(3, cases.Length);
        Assert.DoesNotContain(cases, c => c.Element("failure") is not null);

        // A much looser threshold lumps siblings together: the gate fails and names sibling_confusion.
        var merged = CliProcess.Run([.. Suite(demo.Snapshot, "0.8"), "--baseline", baseline, "--junit", junit, "--report", report]);
        Assert.Equal(1, merged.ExitCode);
        Assert.Contains("sibling_confusion rose from", merged.Stderr);
        Assert.Contains("distanceThreshold 0.6 -> 0.8", merged.Stdout);
        var failed = XDocument.Load(junit).Descendants("testcase").Where(c => c.Element("failure") is not null).Select(c => (string)c.Attribute("name")!).ToArray();
        Assert.Contains("sibling_confusion~0.01", failed);

        var other = demo.Synthesize("other", seed: 8);
        var foreign = CliProcess.Run([.. Suite(other, "0.6"), "--baseline", baseline]);
        Assert.Equal(10, foreign.ExitCode);
        Assert.Contains("baseline was recorded on snapshot", foreign.Stderr);
    }

    [Fact]
    public void AbsoluteRulesNeedNoBaseline()
    {
        var (code, stdout, stderr) = CliProcess.Run("gate", "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic",
            "--algorithm", "dbscan", "--rule", "ari>=0.99", "--baseline", demo.Path_("none.json"), "--report", demo.Path_("abs.json"));
        Assert.Equal(1, code);
        Assert.Contains("ari", stderr);
        Assert.Contains("below the floor 0.9900", stderr);
        Assert.Contains("FAIL", stdout);
    }

    [Fact]
    public void UnknownMetricInARuleIsAnUnknownNameError()
    {
        var (code, _, stderr) = CliProcess.Run("gate", "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic",
            "--algorithm", "dbscan", "--rule", "accuracy>=0.9");
        Assert.Equal(6, code);
        Assert.Contains("accuracy", stderr);
    }
}
