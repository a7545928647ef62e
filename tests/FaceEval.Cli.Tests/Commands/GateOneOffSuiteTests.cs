using System.Text.Json;

namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// A suite given on the command line is the suite that runs and is recorded (issue 12, item 2): never the
/// configured suites instead; its baseline merges into the file; a baseline of another snapshot is refused.
/// </summary>
public sealed class GateOneOffSuiteTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    private string Config(string name, string snapshot)
    {
        var path = demo.Path_(name + ".config.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            gates = new
            {
                suites = new[]
                {
                    new { name = "configured", snapshot, model = "synthetic", algorithm = "agglomerative", rules = new[] { "bcubed_f1~0.05" } },
                },
            },
        }));
        return path;
    }

    private static string Id(string snapshot) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(snapshot, "manifest.json"))).RootElement.GetProperty("id").GetString()!;

    private string[] OneOff(string config, string snapshot) =>
        ["gate", "--config", config, "--snapshot", snapshot, "--model", "synthetic", "--algorithm", "dbscan", "--set", "minSamples=1", "--set", "eps=0.4"];

    [Fact]
    public void AOneOffSuiteIsRecordedBesideTheConfiguredOnesAndRefusedOnAnotherSnapshot()
    {
        var config = Config("oneoff", demo.Snapshot);
        var baseline = demo.Path_("oneoff-baseline.json");
        var report = demo.Path_("oneoff-gate.json");

        var configured = CliProcess.Run("gate", "--config", config, "--baseline", baseline, "--update-baseline", "--reason", "configured");
        Assert.True(configured.ExitCode == 0, configured.Stderr);

        // No --rule: the suite is still the one the command line names, not the configured one.
        var made = CliProcess.Run([.. OneOff(config, demo.Snapshot), "--baseline", baseline, "--update-baseline", "--reason", "x"]);
        Assert.True(made.ExitCode == 0, made.Stderr);
        Assert.Contains("command-line", made.Stdout);
        var suites = JsonDocument.Parse(File.ReadAllText(baseline)).RootElement.GetProperty("suites");
        Assert.Equal(["command-line", "configured"], suites.EnumerateObject().Select(p => p.Name).Order().ToArray());
        var entry = suites.GetProperty("command-line");
        Assert.Equal("dbscan", entry.GetProperty("algorithm").GetString());
        Assert.Equal("0.4", entry.GetProperty("parameters").GetProperty("eps").GetString());
        Assert.Equal("1", entry.GetProperty("parameters").GetProperty("minSamples").GetString());
        Assert.Equal("x", entry.GetProperty("reason").GetString());
        Assert.Equal("configured", suites.GetProperty("configured").GetProperty("reason").GetString());
        var recordedRules = entry.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ToArray();
        Assert.Contains("ari~0.01", recordedRules);

        // Judged again with the rules the baseline recorded; only the one-off suite runs.
        var same = CliProcess.Run([.. OneOff(config, demo.Snapshot), "--baseline", baseline, "--report", report]);
        Assert.True(same.ExitCode == 0, same.Stdout + same.Stderr);
        var ran = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("suites").EnumerateArray().ToArray();
        var only = Assert.Single(ran);
        Assert.Equal("command-line", only.GetProperty("name").GetString());
        Assert.Equal(recordedRules, only.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("rule").GetString()).ToArray());

        // Another snapshot (another id): refused with one line naming both ids.
        var other = demo.Synthesize("oneoff-other", seed: 11);
        var foreign = CliProcess.Run([.. OneOff(config, other), "--baseline", baseline]);
        Assert.Equal(10, foreign.ExitCode);
        var line = Assert.Single(foreign.Stderr.Trim().Split('\n'));
        Assert.Contains(Id(demo.Snapshot), line);
        Assert.Contains(Id(other), line);

        // The configured suite's entry survived and still gates; pointed at the other snapshot it is refused the same way.
        var still = CliProcess.Run("gate", "--config", config, "--baseline", baseline, "--report", report);
        Assert.True(still.ExitCode == 0, still.Stdout + still.Stderr);
        var moved = CliProcess.Run("gate", "--config", Config("moved", other), "--baseline", baseline, "--report", report);
        Assert.Equal(10, moved.ExitCode);
        line = Assert.Single(moved.Stderr.Trim().Split('\n'));
        Assert.Contains(Id(demo.Snapshot), line);
        Assert.Contains(Id(other), line);
    }

    [Fact]
    public void AOneOffSuiteWithoutRulesOrBaselineUsesTheDefaultToleranceRules()
    {
        var config = Config("defaults", demo.Snapshot);
        var missing = demo.Path_("no-such-baseline.json");
        var (code, _, stderr) = CliProcess.Run([.. OneOff(config, demo.Snapshot), "--baseline", missing]);
        Assert.Equal(3, code);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("command-line", line);
        Assert.Contains("ari~0.01", line);
        Assert.Contains(missing, line);
    }

    [Theory]
    [InlineData("--suite", "--suite --snapshot")]
    [InlineData("--reason", "--reason")]
    [InlineData("--junit", "--junit")]
    [InlineData("--report", "--report")]
    [InlineData("--seed", "--seed")]
    [InlineData("--repeats", "--repeats")]
    [InlineData("--relation-types", "--relation-types")]
    [InlineData("--seed-unused", "--seed")]
    [InlineData("--repeats-unused", "--repeats")]
    public void OptionsThatWouldBeIgnoredAreUsageErrors(string caseName, string named)
    {
        var config = Config("usage", demo.Snapshot);
        string[] common = ["gate", "--config", config, "--baseline", demo.Path_("usage-baseline.json")];
        string[] oneOff = ["--snapshot", demo.Snapshot, "--model", "synthetic", "--algorithm", "dbscan"];
        string[] args = caseName switch
        {
            "--suite" => [.. common, "--suite", "configured", .. oneOff],
            "--reason" => [.. common, "--reason", "why"],
            "--junit" => [.. common, "--update-baseline", "--reason", "r", "--junit", demo.Path_("j.xml")],
            "--report" => [.. common, "--update-baseline", "--reason", "r", "--report", demo.Path_("r.json")],
            "--seed" => [.. common, "--seed", "3"],
            "--repeats" => [.. common, "--suite", "configured", "--repeats", "2"],
            "--relation-types" => [.. common, "--relation-types", "sibling"],
            "--seed-unused" => [.. common, .. oneOff, "--rule", "ari>=0", "--seed", "3"],
            _ => [.. common, .. oneOff, "--rule", "ari>=0", "--repeats", "3"],
        };
        var (code, stdout, stderr) = CliProcess.Run(args);
        Assert.True(code == 2, $"exit {code}: {stdout}{stderr}");
        var line = Assert.Single(stderr.Trim().Split('\n'));
        foreach (var option in named.Split(' '))
        {
            Assert.Contains(option, line);
        }

        Assert.False(File.Exists(demo.Path_("usage-baseline.json")));
    }
}
