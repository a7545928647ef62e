using FaceEval.Core.Numpy;

namespace FaceEval.Cli.Tests.Commands;

public sealed class SnapshotCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "faceeval-cli-test-" + Guid.NewGuid().ToString("N"));

    public SnapshotCommandTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "faces.csv"),
            "face_id,person,photo,x\n0,Ann,p0,1\n1,Bob,p0,2\n2,,p1,3\n3,Ann,p2,4\n");
        File.WriteAllText(Path.Combine(_dir, "relations.csv"), "person_a,person_b,relation\nAnn,Bob,sibling\nAnn,Eve,twin-sibling\n");
        NpyWriter.Write(Path.Combine(_dir, "e.npy"), [1, 0, 0, 1, 1, 1, 0.5f, 0.25f], 4, 2);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Import(string name = "snap")
    {
        var output = Path.Combine(_dir, name);
        var (code, stdout, stderr) = CliProcess.Run("snapshot", "import",
            "--faces", Path.Combine(_dir, "faces.csv"), "--embeddings", "m=" + Path.Combine(_dir, "e.npy"),
            "--relations", Path.Combine(_dir, "relations.csv"), "--out", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("4 faces (3 labelled), 2 people, 3 photos, 1 relations", stdout);
        Assert.Equal("faceeval: warning: 1 relation of relations.csv left out: no face of Eve", stderr.Trim());
        // Redirected output carries no progress bar or colour codes.
        Assert.DoesNotContain('\u001b', stdout + stderr);
        return output;
    }

    [Fact]
    public void VerifyAcceptsAGoodSnapshotAndRefusesATamperedOneWithExitCode5()
    {
        var snapshot = Import();

        var good = CliProcess.Run("snapshot", "verify", snapshot);
        Assert.Equal(0, good.ExitCode);
        Assert.StartsWith("ok ", good.Stdout);
        Assert.Single(good.Stdout.Trim().Split('\n'));

        var npy = Path.Combine(snapshot, "embeddings", "m.npy");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(npy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var bytes = File.ReadAllBytes(npy);
        bytes[^3] ^= 0x10;
        File.WriteAllBytes(npy, bytes);

        var bad = CliProcess.Run("snapshot", "verify", snapshot);
        Assert.Equal(5, bad.ExitCode);
        Assert.Equal("", bad.Stdout);
        var line = Assert.Single(bad.Stderr.Trim().Split('\n'));
        Assert.StartsWith("faceeval: error: ", line);
        Assert.Contains(npy, line);
    }

    [Fact]
    public void VerifyOfAMissingDirectoryIsExitCode3()
    {
        var (code, _, stderr) = CliProcess.Run("snapshot", "verify", Path.Combine(_dir, "none"));
        Assert.Equal(3, code);
        Assert.Contains("no such snapshot directory", stderr);
    }

    [Fact]
    public void ImportRefusesAnExistingSnapshotAndBadInputWithDistinctCodes()
    {
        var snapshot = Import();
        var faces = Path.Combine(_dir, "faces.csv");
        var npy = "m=" + Path.Combine(_dir, "e.npy");

        Assert.Equal(9, CliProcess.Run("snapshot", "import", "--faces", faces, "--embeddings", npy, "--out", snapshot).ExitCode);
        Assert.Equal(2, CliProcess.Run("snapshot", "import", "--faces", faces, "--embeddings", "e.npy", "--out", Path.Combine(_dir, "x")).ExitCode);
        Assert.Equal(2, CliProcess.Run("snapshot", "import", "--faces", faces, "--out", Path.Combine(_dir, "x")).ExitCode);
        Assert.Equal(3, CliProcess.Run("snapshot", "import", "--faces", faces + ".gone", "--embeddings", npy, "--out", Path.Combine(_dir, "x")).ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_dir, "x")));
    }

    [Fact]
    public void InfoPrintsCountsPeopleAndModels()
    {
        var snapshot = Import();

        var (code, stdout, _) = CliProcess.Run("snapshot", "info", snapshot);

        Assert.Equal(0, code);
        Assert.Contains("│ Ann ", stdout);
        Assert.Contains("faces per person: min 1, median 1.5, max 2; 1 people with one face", stdout);
        Assert.Matches(@"│ m\s+│\s+2 │", stdout);
        Assert.DoesNotContain('\u001b', stdout);
    }
}
