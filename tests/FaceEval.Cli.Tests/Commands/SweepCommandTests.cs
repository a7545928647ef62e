using System.Globalization;
using System.Text.Json;

namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// `faceeval sweep`: stepped grids are printed and stored as the exact decimals k * step, the sweeps the
/// repository's eval.config.json names run, and no combination of options is accepted and then ignored.
/// </summary>
public sealed class SweepCommandTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    private static readonly string RepositoryConfig = FindRepositoryConfig();

    [Theory]
    [InlineData("0.01", 1)]
    [InlineData("0.02", 2)]
    [InlineData("0.05", 5)]
    public void AGridOverZeroToTwoPrintsAndStoresExactlyTheMultiplesOfTheStep(string step, int hundredths)
    {
        // k * step written with integer arithmetic, independent of the decimal and double code under test.
        var expected = Enumerable.Range(1, 200 / hundredths).Select(k => Hundredths(k * hundredths)).ToArray();
        var outDir = demo.Path_($"grid-{step}");
        string[] range = ["--param", $"distanceThreshold={step}:2:{step}"];

        var (code, stdout, stderr) = CliProcess.Run(["sweep", "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic",
            "--algorithm", "agglomerative", .. range, "--out", outDir]);

        Assert.True(code == 0, stderr);
        Assert.Equal("2", expected[^1]);
        var csv = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        var column = Array.IndexOf(csv[0].Split(','), "distanceThreshold");
        Assert.Equal(expected, csv.Skip(1).Select(line => line.Split(',')[column]));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "sweep.json")));
        var axis = Assert.Single(json.RootElement.GetProperty("axes").EnumerateArray());
        Assert.Equal(expected, axis.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(expected, json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("parameters").GetProperty("distanceThreshold").GetString()));

        // The table's first cell of each row is the value, as given.
        Assert.Equal(expected, FirstCells(stdout));
        Assert.DoesNotContain("0000000", stdout);
    }

    [Theory]
    [InlineData("threshold", "0.22")]
    [InlineData("clusterDistance", "0.32")]
    public void TheSweepsThatCrashedRunWithTheRepositoryConfig(string parameter, string refusedBefore)
    {
        var outDir = demo.Path_($"configured-{parameter}");

        var (code, stdout, stderr) = CliProcess.Run("sweep", "--config", RepositoryConfig, "--snapshot", demo.Snapshot, "--param", parameter, "--out", outDir);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains(refusedBefore, FirstCells(stdout));
        Assert.Contains("best: ", stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "sweep.json")));
    }

    [Theory]
    [InlineData("--from/--to/--step and --values were replaced by --param eps=0.3:0.5:0.1 --param minSamples=1,2", "--param", "eps", "--param", "minSamples", "--from", "0.3", "--to", "0.5", "--step", "0.1", "--values", "1,2")]
    [InlineData("--from/--to/--step were replaced by --param eps=0.3:0.5:0.1 --param eps=0.4:0.6:0.1", "--param", "eps", "--from", "0.3", "--from", "0.4", "--to", "0.5", "--to", "0.6", "--step", "0.1", "--step", "0.1")]
    [InlineData("--from/--to/--step were replaced by --param P=0.3:0.5:0.1", "--param", "eps=0.3:0.5:0.1", "--from", "0.3", "--to", "0.5", "--step", "0.1")]
    [InlineData("--values was replaced by --param P=0.5", "--param", "eps=0.3,0.4", "--values", "0.5")]
    [InlineData("--values was replaced by --param minSamples=1,2", "--param", "minSamples", "--param", "eps", "--values", "1,2")]
    [InlineData("--from/--to/--step were replaced by --param eps=0.3:0.5:step", "--param", "eps", "--from", "0.3", "--to", "0.5")]
    [InlineData("--set eps and --param eps both give eps", "--set", "eps=0.3", "--param", "eps=0.3,0.4")]
    [InlineData("--set EPS and --param eps both give eps", "--set", "EPS=0.3", "--param", "eps")]
    [InlineData("--set minSamples is given more than once", "--set", "minSamples=2", "--set", "minSamples=5", "--param", "eps")]
    [InlineData("--max sibling_confusion is given more than once", "--max", "sibling_confusion=0.05", "--max", "sibling_confusion=0.1", "--param", "eps")]
    [InlineData("sweep of eps: to 0.69 is not from 0.2 plus a whole number of steps 0.02; end on 0.68 or 0.7", "--param", "eps=0.2:0.69:0.02")]
    [InlineData("--from/--to/--step were replaced by --param eps=0.2:0.69:0.01", "--param", "eps", "--from", "0.2", "--to", "0.69", "--step", "0.01")]
    [InlineData("sweep of eps: step 'x' is not a number", "--param", "eps=0.3:0.5:x")]
    [InlineData("--seed has no effect with dbscan", "--param", "eps=0.3,0.4", "--seed", "7")]
    [InlineData("sweep of eps: the value 0.50 is given twice (as 0.5)", "--param", "eps=0.5,0.50,.5")]
    [InlineData("sweep of eps: step 1e-30 cannot be stepped exactly", "--param", "eps=0:2:1e-30")]
    [InlineData("sweep of eps: from 1e30 cannot be stepped exactly", "--param", "eps=1e30:1e31:1")]
    public void OptionsThatWouldBeIgnoredAreUsageErrors(string message, params string[] args)
    {
        var outDir = demo.Path_("never-" + Guid.NewGuid().ToString("N"));

        var (code, stdout, stderr) = CliProcess.Run(["sweep", "--config", RepositoryConfig, "--snapshot", demo.Snapshot, "--algorithm", "dbscan", .. args, "--out", outDir]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("faceeval: error: ", line);
        Assert.Contains(message, line);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--param selfLoops has no effect with this chinese-whispers setting", "--param", "selfLoops=true,false", "--set", "edgeWeight=similarity")]
    [InlineData("--set selfLoops has no effect with this chinese-whispers setting", "--param", "threshold=0.4,0.5", "--set", "selfLoops=true", "--set", "edgeWeight=similarity")]
    public void ParametersTheSettingMakesInertAreUsageErrors(string message, params string[] args)
    {
        var outDir = demo.Path_("never-" + Guid.NewGuid().ToString("N"));

        var (code, stdout, stderr) = CliProcess.Run(["sweep", "--config", RepositoryConfig, "--snapshot", demo.Snapshot, "--algorithm", "chinese-whispers", .. args, "--out", outDir]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void TinyValuesArePrintedAsTypedNotInExponentForm()
    {
        var outDir = demo.Path_("tiny-thresholds");

        var (code, stdout, stderr) = CliProcess.Run("sweep", "--config", RepositoryConfig, "--snapshot", demo.Snapshot, "--algorithm", "chinese-whispers",
            "--param", "threshold=0.00001:0.00003:0.00001", "--out", outDir);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Equal(["0.00001", "0.00002", "0.00003"], FirstCells(stdout));
        var json = File.ReadAllText(Path.Combine(outDir, "sweep.json"));
        Assert.Contains("\"0.00002\"", json);
        Assert.DoesNotContain("E-05", json);
    }

    [Fact]
    public void ASeedAndAParameterThatMattersAtSomeGridPointAreAccepted()
    {
        var outDir = demo.Path_("cw-seed-selfloops");

        var (code, stdout, stderr) = CliProcess.Run("sweep", "--config", RepositoryConfig, "--snapshot", demo.Snapshot, "--algorithm", "chinese-whispers",
            "--param", "selfLoops=true,false", "--param", "edgeWeight=unit,similarity", "--set", "threshold=0.5", "--seed", "7", "--out", outDir);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("best: ", stdout);
    }

    private static string Hundredths(int value)
    {
        var fraction = (value % 100).ToString("00", CultureInfo.InvariantCulture).TrimEnd('0');
        var whole = (value / 100).ToString(CultureInfo.InvariantCulture);
        return fraction.Length == 0 ? whole : $"{whole}.{fraction}";
    }

    /// <summary>The first cell of every table row, header excluded.</summary>
    private static string[] FirstCells(string table) =>
        table.Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries)).Where(c => c.Length > 2).Select(c => c[1]).Skip(1).ToArray();

    private static string FindRepositoryConfig() =>
        Path.Combine(FaceEval.Core.IO.RepositoryRoot.Find() ?? throw new InvalidOperationException("FaceEval.sln not found above the test binaries"), "eval.config.json");
}
