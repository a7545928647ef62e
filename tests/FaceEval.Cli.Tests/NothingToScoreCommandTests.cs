using FaceEval.Cli.Tests.Commands;
using FaceEval.Core.Snapshots;

namespace FaceEval.Cli.Tests;

/// <summary>
/// A snapshot with no labelled face, given to every command that scores: each refuses with one line and
/// exit 4 (invalid data), prints nothing on stdout and writes nothing, instead of printing the empty-input
/// values (ARI 1, V-measure 1, ...) that look like a perfect result.
/// </summary>
public sealed class NothingToScoreCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("faceeval-nothing-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Unlabelled()
    {
        var rows = Enumerable.Range(0, 6).Select(i => (IReadOnlyList<string>)[$"f{i}", "", $"p{i}"]).ToArray();
        var vectors = Enumerable.Range(0, 6).SelectMany(i => new[] { 1f, i % 3, 0.25f * i }).ToArray();
        var content = new SnapshotContent(["face_id", "person", "photo"], rows, [new SnapshotEmbedding("toy", vectors, 3, "test vectors")], [], "unlabelled");
        var snapshot = SnapshotWriter.Write(content, Path.Combine(_root, "snap")).Directory;
        File.WriteAllLines(Path.Combine(_root, "labels.csv"), ["face_id,label", .. Enumerable.Range(0, 6).Select(i => $"f{i},{i % 2}")]);
        File.WriteAllText(Path.Combine(_root, "eval.config.json"), "{}");
        return snapshot;
    }

    public static TheoryData<string> Commands() => new("score", "run", "sweep", "report");

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_snapshot_without_labels_is_refused_with_one_line_and_exit_4(string command)
    {
        var snapshot = Unlabelled();
        var config = Path.Combine(_root, "eval.config.json");
        var outDir = Path.Combine(_root, "out");
        string[] args = command switch
        {
            "score" => ["score", "--snapshot", snapshot, "--predicted", Path.Combine(_root, "labels.csv"), "--column", "label", "--json"],
            "run" => ["run", "--config", config, "--snapshot", snapshot, "--model", "toy", "--algorithm", "dbscan", "--set", "eps=0.3", "--set", "minSamples=1", "--json", "--out", outDir],
            "sweep" => ["sweep", "--config", config, "--snapshot", snapshot, "--model", "toy", "--algorithm", "dbscan", "--param", "eps", "--values", "0.2,0.3", "--out", outDir],
            _ => ["report", "--config", config, "--snapshot", snapshot, "--model", "toy", "--algorithm", "dbscan", "--set", "eps=0.3", "--set", "minSamples=1", "--out", outDir],
        };

        var (code, stdout, stderr) = CliProcess.Run(args);

        Assert.True(code == 4, $"exit {code}: {stderr}{stdout}");
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("faceeval: error: ", line, StringComparison.Ordinal);
        Assert.Contains("nothing to score", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "nothing may be written");
    }
}
