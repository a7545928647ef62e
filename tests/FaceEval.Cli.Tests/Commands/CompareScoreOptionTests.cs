using System.Text.Json;

namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// What `compare` and `score` accept and what they refuse (review of issue 12): an option is either refused
/// in one usage line, or it changes the output.
/// </summary>
public sealed class CompareScoreOptionTests : IClassFixture<DemoLibrary>
{
    private readonly DemoLibrary _demo;
    private readonly string _two;
    private readonly string _config;

    public CompareScoreOptionTests(DemoLibrary demo)
    {
        _demo = demo;
        _config = demo.Path_("compare.config.json");
        File.WriteAllText(_config, """
            { "sweeps": { "eps": { "algorithm": "dbscan", "from": 0.3, "to": 0.5, "step": 0.1 },
                          "threshold": { "algorithm": "chinese-whispers", "from": 0.4, "to": 0.6, "step": 0.1 } } }
            """);

        // Two models of the same faces (the same vectors under two names): enough to compare.
        _two = demo.Path_("two-models");
        if (!Directory.Exists(_two))
        {
            var npy = Path.Combine(demo.Snapshot, "embeddings", "synthetic.npy");
            var made = CliProcess.Run("snapshot", "import", "--faces", Path.Combine(demo.Snapshot, "faces.csv"), "--embeddings", $"a={npy}", "--embeddings", $"b={npy}",
                "--relations", Path.Combine(demo.Snapshot, "relations.csv"), "--out", _two);
            Assert.True(made.ExitCode == 0, made.Stderr);
        }
    }

    private (int ExitCode, string Stdout, string Stderr) Compare(string outDir, params string[] extra) =>
        CliProcess.Run(["compare", "--config", _config, "--snapshot", _two, "--model", "a", "--model", "b", .. extra, "--out", outDir]);

    private static JsonElement Verification(string outDir) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json"))).RootElement.GetProperty("data").GetProperty("results")[0].GetProperty("verification");

    [Fact]
    public void CompareRefusesASeedNothingUsesAndHonoursItWhereSomethingDoes()
    {
        // dbscan has no random step and the demo's 637,712 impostor pairs are under the 2,000,000 cap: nothing draws.
        var never = _demo.Path_("compare-never");
        var refused = Compare(never, "--param", "eps", "--seed", "5");
        Assert.True(refused.ExitCode == 2, refused.Stdout + refused.Stderr);
        var line = Assert.Single(refused.Stderr.Trim().Split('\n'));
        Assert.Contains("--seed", line);
        Assert.False(Directory.Exists(never));

        // With a cap below the pair count, the pairs are sampled by the seed: accepted, and another seed draws others.
        var five = _demo.Path_("compare-5");
        var six = _demo.Path_("compare-6");
        Assert.Equal(0, Compare(five, "--param", "eps", "--max-impostor-pairs", "1000", "--seed", "5").ExitCode);
        Assert.Equal(0, Compare(six, "--param", "eps", "--max-impostor-pairs", "1000", "--seed", "6").ExitCode);
        Assert.True(Verification(five).GetProperty("impostorSampled").GetBoolean());
        Assert.NotEqual(Verification(five).GetProperty("auc").GetDouble(), Verification(six).GetProperty("auc").GetDouble());

        // Chinese Whispers draws its own random order: the seed is accepted without sampling.
        var cw = _demo.Path_("compare-cw");
        var accepted = Compare(cw, "--param", "threshold", "--seed", "5");
        Assert.True(accepted.ExitCode == 0, accepted.Stderr);
        Assert.False(Verification(cw).GetProperty("impostorSampled").GetBoolean());
    }

    [Fact]
    public void CompareRefusesOneModelAndATooSmallCap()
    {
        var one = CliProcess.Run("compare", "--config", _config, "--snapshot", _two, "--model", "a", "--param", "eps", "--out", _demo.Path_("compare-one"));
        Assert.Equal(2, one.ExitCode);
        var cap = Compare(_demo.Path_("compare-cap"), "--param", "eps", "--max-impostor-pairs", "10");
        Assert.Equal(2, cap.ExitCode);
        Assert.Contains("--max-impostor-pairs", cap.Stderr);
    }

    private string Predicted()
    {
        var path = _demo.Path_("predicted.csv");
        var faces = File.ReadAllLines(Path.Combine(_demo.Snapshot, "faces.csv")).Skip(1).Select(l => l.Split(',')).ToArray();

        // Per family, the parents in one cluster and the children in another: every sibling pair merged, no parent with a child.
        File.WriteAllLines(path, ["face_id,family", .. faces.Select(f =>
            $"{f[0]},{(2 * int.Parse(f[3][1..], System.Globalization.CultureInfo.InvariantCulture)) + (f[1].Contains("/child", StringComparison.Ordinal) ? 1 : 0)}")]);
        return path;
    }

    private (int ExitCode, string Stdout, string Stderr) Score(params string[] extra) =>
        CliProcess.Run(["score", "--snapshot", _demo.Snapshot, "--predicted", Predicted(), "--column", "family", "--json", .. extra]);

    [Fact]
    public void ScoreHonoursRelationTypesAndRelationsAndRefusesBadOnes()
    {
        static JsonElement Metric(string stdout) => JsonDocument.Parse(stdout).RootElement.GetProperty("sibling_confusion");

        var siblings = Score();
        Assert.True(siblings.ExitCode == 0, siblings.Stderr);
        Assert.Equal(1.0, Metric(siblings.Stdout).GetDouble());

        // Parent and child are never in one cluster here: counted as look-alikes instead, the metric is 0.
        var parents = Score("--relation-types", "parent-child");
        Assert.True(parents.ExitCode == 0, parents.Stderr);
        Assert.Equal(0.0, Metric(parents.Stdout).GetDouble());

        // Relations from a file instead of the snapshot's: an empty one leaves no look-alike pair.
        var empty = _demo.Path_("no-relations.csv");
        File.WriteAllText(empty, "person_a,person_b,relation\n");
        var fromFile = Score("--relations", empty);
        Assert.True(fromFile.ExitCode == 0, fromFile.Stderr);
        Assert.Equal(JsonValueKind.Null, Metric(fromFile.Stdout).ValueKind);

        var badTypes = Score("--relation-types", "a*b");
        Assert.Equal(2, badTypes.ExitCode);
        Assert.Single(badTypes.Stderr.Trim().Split('\n'));
        var badColumn = CliProcess.Run("score", "--snapshot", _demo.Snapshot, "--predicted", Predicted(), "--column", "nope");
        Assert.NotEqual(0, badColumn.ExitCode);
        Assert.StartsWith("faceeval: error: ", Assert.Single(badColumn.Stderr.Trim().Split('\n')));
    }
}
