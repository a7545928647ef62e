using FaceEval.Core.IO;

namespace FaceEval.Core.Tests.IO;

public sealed class RepositoryRootTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheCheckoutIsTheNearestFolderHoldingTheSolutionAndTheNearestFileWins()
    {
        var nested = Directory.CreateDirectory(_dir.Combine("checkout", "a", "b")).FullName;
        File.WriteAllText(_dir.Combine("checkout", "FaceEval.sln"), "");
        File.WriteAllText(_dir.Combine("checkout", "eval.config.json"), "{}");
        File.WriteAllText(_dir.Combine("checkout", "a", "eval.config.json"), "{}");
        Directory.CreateDirectory(_dir.Combine("checkout", "a", "b", "FaceEval.sln")); // a folder of that name is no marker

        Assert.Equal(_dir.Combine("checkout"), RepositoryRoot.Find(nested));
        Assert.Equal(_dir.Combine("checkout", "a", "eval.config.json"), RepositoryRoot.FileAbove(nested, "eval.config.json"));
        Assert.Null(RepositoryRoot.FileAbove(nested, "no-such-file-anywhere.faceeval"));
        Assert.Equal([nested, _dir.Combine("checkout", "a")], RepositoryRoot.Ancestors(nested).Take(2).Select(d => d.FullName));

        // The test binaries run inside this checkout.
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Find()!, "FaceEval.sln")));
        Assert.True(Directory.Exists(Path.Combine(RepositoryRoot.Find()!, "src", "FaceEval.Core")));
    }
}
