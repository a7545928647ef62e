namespace FaceEval.Cli.Tests.Commands;

/// <summary>
/// No option is accepted and then ignored (issue 12, item 2): per command, each combination in which an
/// option given on the command line would have no effect is a usage error (exit 2) whose one line names
/// the options, and it is refused before any work or file is touched.
/// </summary>
public sealed class OptionCombinationTests(DemoLibrary demo) : IClassFixture<DemoLibrary>
{
    [Theory]
    [InlineData("run: --seed for an algorithm without a random step", "--seed dbscan", "run", "{snapshot}", "--algorithm", "dbscan", "--seed", "3")]
    [InlineData("run: selfLoops exist only with unit edge weights", "--set selfLoops edgeWeight=unit", "run", "{snapshot}", "--algorithm", "chinese-whispers", "--set", "edgeWeight=similarity", "--set", "selfLoops=false")]
    [InlineData("run: an immich schedule whose steps set their own minFaces", "--set minFaces", "run", "{snapshot}", "--algorithm", "immich", "--set", "schedule=reset:minFaces=5, missing:minFaces=2", "--set", "minFaces=4")]
    [InlineData("run: --k with the full matrix", "--k --neighbors full", "run", "{snapshot}", "--algorithm", "dbscan", "--neighbors", "full", "--k", "8")]
    [InlineData("run: --k where the default is the full matrix", "--k --neighbors exact", "run", "{snapshot}", "--algorithm", "dbscan", "--k", "8")]
    [InlineData("run: --nprobe with the exact graph", "--nprobe exact approx", "run", "{snapshot}", "--algorithm", "dbscan", "--neighbors", "exact", "--nprobe", "4")]
    [InlineData("run: --nlist where the default is the full matrix", "--nlist full approx", "run", "{snapshot}", "--algorithm", "dbscan", "--nlist", "4")]
    [InlineData("run: --nprobe above --nlist", "--nprobe --nlist", "run", "{snapshot}", "--algorithm", "dbscan", "--neighbors", "approx", "--nlist", "4", "--nprobe", "9")]
    [InlineData("run: --recall-floor above 1", "--recall-floor", "run", "{snapshot}", "--algorithm", "dbscan", "--neighbors", "approx", "--recall-floor", "1.5")]
    [InlineData("neighbors: --recall-queries with the exact graph", "--recall-queries exact", "neighbors", "{snapshot}", "--neighbors", "exact", "--recall-queries", "10")]
    [InlineData("neighbors: the full matrix is no graph", "--neighbors full exact approx", "neighbors", "{snapshot}", "--neighbors", "full")]
    [InlineData("gate: --nprobe with configured suites", "--nprobe", "gate", "--config", "{config}", "--nprobe", "4")]
    [InlineData("sweep: a k below a swept minSamples", "--k 4 minSamples=5", "sweep", "{snapshot}", "--algorithm", "dbscan", "--neighbors", "exact", "--k", "4", "--param", "minSamples=3,5", "--out", "{missing}")]
    [InlineData("gate: the same for a one-off suite", "--set selfLoops", "gate", "{snapshot}", "--algorithm", "chinese-whispers", "--set", "edgeWeight=similarity", "--set", "selfLoops=false", "--rule", "ari>=0")]
    [InlineData("report: --sweep fixes model, algorithm and setting", "--sweep --model --algorithm --set", "report", "{snapshot}", "--sweep", "{missing}", "--algorithm", "dbscan", "--set", "eps=0.4")]
    [InlineData("report: --seed for an algorithm without a random step", "--seed dbscan", "report", "{snapshot}", "--algorithm", "dbscan", "--seed", "5", "--out", "{missing}")]
    [InlineData("report: --max-crops when the snapshot has no crops and no images root", "--max-crops crops/ images root", "report", "{snapshot}", "--algorithm", "dbscan", "--max-crops", "0", "--out", "{missing}")]
    [InlineData("fidelity: --set without --algorithm", "--set --algorithm", "fidelity", "{snapshot}", "--set", "eps=0.4")]
    [InlineData("fidelity: --settings names the algorithms", "--settings --algorithm", "fidelity", "{snapshot}", "--settings", "{missing}", "--algorithm", "dbscan")]
    [InlineData("fidelity: --seed when no compared algorithm is random", "--seed random", "fidelity", "{snapshot}", "--algorithm", "dbscan", "--seed", "5")]
    [InlineData("fidelity: two output formats", "--json --markdown", "fidelity", "{snapshot}", "--json", "--markdown")]
    [InlineData("fidelity: the full matrix against itself", "--neighbors full", "fidelity", "{snapshot}", "--neighbors", "full")]
    [InlineData("snapshot import: --images without a file column", "--images file", "snapshot", "import", "--faces", "{snapshot-dir}/faces.csv", "--embeddings", "synthetic={snapshot-dir}/embeddings/synthetic.npy", "--images", "{snapshot-dir}", "--out", "{missing}")]
    [InlineData("snapshot info: a negative --top", "--top", "snapshot", "info", "{snapshot-dir}", "--top", "-1")]
    [InlineData("snapshot synth: --sibling-distance without siblings", "--sibling-distance --max-children", "snapshot", "synth", "--max-children", "1", "--sibling-distance", "0.2", "--out", "{missing}")]
    [InlineData("snapshot create: --max-side for a fixed-size detector", "--max-side yunet_640", "snapshot", "create", "--images", "{missing}", "--layout", "folders", "--detector", "yunet_640", "--max-side", "320", "--out", "{missing}")]
    [InlineData("snapshot create: --min-score below the detector's threshold", "--min-score --det-score", "snapshot", "create", "--images", "{missing}", "--layout", "folders", "--min-score", "0.5", "--out", "{missing}")]
    [InlineData("detect-eval: --max-side for a fixed-size detector", "--max-side retinaface_mnet025", "detect-eval", "--images", "{missing}", "--truth", "{missing}", "--detector", "retinaface_mnet025", "--max-side", "800")]
    public void AnOptionWithoutEffectIsAUsageError(string because, string named, params string[] template)
    {
        var missing = demo.Path_("no-such-" + Guid.NewGuid().ToString("N"));
        var args = template.SelectMany(a => a switch
        {
            "{snapshot}" => new[] { "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic" },
            _ when a.Contains("{snapshot-dir}", StringComparison.Ordinal) => [a.Replace("{snapshot-dir}", demo.Snapshot, StringComparison.Ordinal)],
            "{missing}" => [missing],
            "{config}" => [demo.Config],
            _ => [a],
        }).ToArray();

        var (code, stdout, stderr) = CliProcess.Run(args);

        Assert.True(code == 2, $"{because}: exit {code}: {stdout}{stderr}");
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("faceeval: error: ", line);
        foreach (var word in named.Split(' '))
        {
            Assert.Contains(word, line);
        }

        Assert.False(Directory.Exists(missing) || File.Exists(missing), because);
    }

    [Fact]
    public void TheSameOptionsTakeEffectWhereTheyApply()
    {
        // --seed with an algorithm that draws random numbers: accepted, and two seeds give other labels (so other metrics).
        string[] Run(string seed) => ["run", "--config", demo.Config, "--snapshot", demo.Snapshot, "--model", "synthetic",
            "--algorithm", "chinese-whispers", "--seed", seed, "--json"];
        var three = CliProcess.Run(Run("3"));
        var seven = CliProcess.Run(Run("7"));
        Assert.True(three.ExitCode == 0 && seven.ExitCode == 0, three.Stderr + seven.Stderr);
        Assert.Contains("\"ari\"", three.Stdout);
        Assert.NotEqual(three.Stdout, seven.Stdout);

        // --top 0 is accepted (it lists no people); a negative one is refused above.
        var info = CliProcess.Run("snapshot", "info", demo.Snapshot, "--top", "0");
        Assert.True(info.ExitCode == 0, info.Stderr);

        // --min-score and --det-score belong to snapshot create, which needs a detector and photos: only their
        // refusal is pinned above; that they change the faces kept is not tested here.
    }
}
