using System.Text.Json;

namespace FaceEval.Cli.Tests.Commands;

/// <summary>run, sweep and score, end to end through the built CLI on a synthetic library.</summary>
public sealed class EvaluationCommandTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    private static readonly string[] Keys =
    [
        "ari", "ami", "nmi", "fmi", "pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_precision", "bcubed_recall",
        "bcubed_f1", "homogeneity", "completeness", "v_measure", "clusters", "unassigned", "unassigned_rate",
        "largest_cluster_share", "sibling_confusion", "scored",
    ];

    // Not a check of the metrics (run and score share one scorer; the metrics are checked against scikit-learn
    // in Core's ScikitLearnReferenceTests): it shows only that labels.csv round-trips through score's CSV reader.
    [Fact]
    public void RunPrintsTheMetricObjectAndItsLabelsCsvRoundTripsThroughScore()
    {
        var outDir = demo.Path_("run-dbscan");
        var (code, stdout, stderr) = CliProcess.Run("run", "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic",
            "--algorithm", "dbscan", "--set", "eps=0.55", "--set", "minSamples=2", "--out", outDir, "--json");
        Assert.True(code == 0, stderr);

        using var printed = JsonDocument.Parse(stdout);
        Assert.Equal(Keys, printed.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(stdout.Trim(), File.ReadAllText(Path.Combine(outDir, "metrics.json")).Trim());

        var labels = File.ReadAllLines(Path.Combine(outDir, "labels.csv"));
        Assert.Equal("face_id,label", labels[0]);
        Assert.Equal(File.ReadAllLines(Path.Combine(demo.Snapshot, "faces.csv")).Length, labels.Length);

        var scored = CliProcess.Run("score", "--snapshot", demo.Snapshot, "--predicted", Path.Combine(outDir, "labels.csv"), "--column", "label", "--json");
        Assert.True(scored.ExitCode == 0, scored.Stderr);
        Assert.Equal(stdout.Trim(), scored.Stdout.Trim());
    }

    [Theory]
    [InlineData(6, "unknown algorithm 'kmeans'; valid: dbscan, chinese-whispers", "--algorithm", "kmeans")]
    [InlineData(6, "unknown dbscan parameter 'radius'; valid: eps, minSamples", "--algorithm", "dbscan", "--set", "radius=1")]
    [InlineData(2, "dbscan parameter eps=3 is out of range; valid: 0..2", "--algorithm", "dbscan", "--set", "eps=3")]
    [InlineData(6, "has no model 'facenet'; it has: synthetic", "--algorithm", "dbscan", "--model", "facenet")]
    public void BadChoicesAreOneLineErrorsWithDistinctCodes(int expectedCode, string expectedMessage, params string[] args)
    {
        string[] common = ["run", "--config", demo.Config, "--snapshot", demo.Snapshot];
        var withModel = args.Contains("--model") ? args : [.. args, "--model", "synthetic"];
        var (code, stdout, stderr) = CliProcess.Run([.. common, .. withModel]);

        Assert.Equal(expectedCode, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(expectedMessage, line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SweepWritesOneRowPerSettingAndNamesTheBest()
    {
        var outDir = demo.Path_("sweep-agglomerative");
        var (code, stdout, stderr) = CliProcess.Run("sweep", "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic",
            "--algorithm", "agglomerative", "--param", "distanceThreshold=0.4:0.8:0.1",
            "--objective", "ari", "--max", "sibling_confusion=0.05", "--out", outDir);
        Assert.True(code == 0, stderr);

        var csv = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal(6, csv.Length);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "sweep.json")));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(5, rows.Length);

        // The best row is the highest ARI among rows within the sibling bound, and the table says so.
        var eligible = rows.Select((r, i) => (r, i))
            .Where(t => t.r.GetProperty("metrics").GetProperty("sibling_confusion").GetDouble() <= 0.05).ToArray();
        var best = eligible.MaxBy(t => t.r.GetProperty("metrics").GetProperty("ari").GetDouble());
        Assert.Equal(best.i, json.RootElement.GetProperty("best").GetInt32());
        Assert.Contains($"best: distanceThreshold={best.r.GetProperty("parameters").GetProperty("distanceThreshold")}", stdout);
    }

    [Fact]
    public void SweepOfAGridCoversTheProduct()
    {
        var outDir = demo.Path_("sweep-grid");
        var (code, _, stderr) = CliProcess.Run("sweep", "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic",
            "--algorithm", "dbscan", "--param", "eps=0.4:0.6:0.1", "--param", "minSamples=1,3", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Equal(1 + 3 * 2, File.ReadAllLines(Path.Combine(outDir, "sweep.csv")).Length);
    }
}
