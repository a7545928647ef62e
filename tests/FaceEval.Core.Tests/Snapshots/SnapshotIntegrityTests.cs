using System.Text.Json.Nodes;
using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Tests.Snapshots;

public sealed class SnapshotIntegrityTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Snapshot _snapshot;

    public SnapshotIntegrityTests() => _snapshot = SnapshotImporter.Import(new SyntheticExport(_dir).Write()).Snapshot;

    public void Dispose() => _dir.Dispose();

    private string Root => _snapshot.Directory;

    [Fact]
    public void AFreshSnapshotVerifiesAndItsFilesAreReadOnly()
    {
        var v = SnapshotVerifier.Verify(Root);

        Assert.True(v.IsValid, string.Join("; ", v.Problems));
        Assert.Equal(_snapshot.Id, v.Id);
        Assert.Equal(5, v.FilesChecked);
        Assert.Equal(
            ["embeddings/model-b.v2.npy", "embeddings/modelA.npy", "faces.csv", "people.csv", "relations.csv"],
            _snapshot.Manifest.Files.Keys);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                File.GetUnixFileMode(Path.Combine(Root, "faces.csv")));
        }
    }

    [Fact]
    public void OneChangedByteOfAnNpyIsRefusedNamingTheFile()
    {
        var file = Path.Combine(Root, "embeddings", "modelA.npy");
        FlipLastByte(file);

        var ex = Assert.Throws<FaceEvalException>(() => Snapshot.Load(Root));
        Assert.Equal(ErrorKind.SnapshotIntegrity, ex.Kind);
        Assert.Contains(file, ex.Message);
        Assert.Contains("tampered", ex.Message);

        var problem = Assert.Single(SnapshotVerifier.Verify(Root).Problems);
        Assert.Equal("embeddings/modelA.npy", problem.File);
    }

    [Fact]
    public void EmbeddingsChangedAfterLoadingAreRefusedWhenRead()
    {
        FlipLastByte(Path.Combine(Root, "embeddings", "model-b.v2.npy"));

        Assert.Equal(ErrorKind.SnapshotIntegrity, Assert.Throws<FaceEvalException>(() => _snapshot.LoadEmbeddings("model-b.v2")).Kind);
        Assert.Equal(4, _snapshot.LoadEmbeddings("modelA").Dimension);
    }

    [Fact]
    public void EmbeddingsMadeUnreadableAfterLoadingAreReportedAsChanged()
    {
        var path = Path.Combine(Root, "embeddings", "modelA.npy");
        Rewrite(path, File.ReadAllBytes(path)[..^3]); // truncated: also not a whole .npy any more

        var ex = Assert.Throws<FaceEvalException>(() => _snapshot.LoadEmbeddings("modelA"));
        Assert.Equal(ErrorKind.SnapshotIntegrity, ex.Kind);
        Assert.Contains("changed after loading", ex.Message);
    }

    [Fact]
    public void AFacesTableTamperedIntoNonsenseIsReportedAsTamperedNotAsUnparsable()
    {
        var path = Path.Combine(Root, "faces.csv");
        Rewrite(path, File.ReadAllText(path) + "x,y,z,too,many,fields,for,the,header\n");

        var ex = Assert.Throws<FaceEvalException>(() => Snapshot.Load(Root));
        Assert.Equal(ErrorKind.SnapshotIntegrity, ex.Kind);
        Assert.Contains("tampered", ex.Message);
    }

    [Fact]
    public void AFileThatCannotBeReadIsAnIoErrorNotAnAggregate()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Reading /proc/self/mem from its start fails with EIO, even for root (who can read any 0400 file).
        var path = Path.Combine(Root, "embeddings", "modelA.npy");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Delete(path);
        File.CreateSymbolicLink(path, "/proc/self/mem");

        Assert.Throws<IOException>(() => SnapshotVerifier.Verify(Root));
        Assert.Throws<IOException>(() => Snapshot.Load(Root));
    }

    [Theory]
    [InlineData("relations.csv")]
    [InlineData("faces.csv")]
    [InlineData("embeddings/modelA.npy")]
    public void ADeletedFileIsRefused(string file)
    {
        File.Delete(Path.Combine(Root, file));

        var ex = Assert.Throws<FaceEvalException>(() => Snapshot.Load(Root));
        Assert.Equal(ErrorKind.SnapshotIntegrity, ex.Kind);
        Assert.Contains(file, ex.Message);
        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public void AnUnlistedEmbeddingFileIsRefused()
    {
        File.Copy(Path.Combine(Root, "embeddings", "modelA.npy"), Path.Combine(Root, "embeddings", "extra.npy"));

        var ex = Assert.Throws<FaceEvalException>(() => Snapshot.Load(Root));
        Assert.Contains("embeddings/extra.npy", ex.Message);
        Assert.Contains("not listed", ex.Message);
    }

    [Fact]
    public void AnEditedManifestIsRefused()
    {
        var path = Path.Combine(Root, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;

        // Dropping a file from the list changes what the id must be.
        json["files"]!.AsObject().Remove("relations.csv");
        Rewrite(path, json.ToJsonString());
        var dropped = SnapshotVerifier.Verify(Root).Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(dropped, p => p.StartsWith("manifest.json: id") && p.Contains("does not match"));
        Assert.Contains(dropped, p => p.StartsWith("relations.csv: not listed"));

        Rewrite(path, "{ \"formatVersion\": 1, ");
        Assert.Contains("manifest.json: unreadable", Assert.Throws<FaceEvalException>(() => Snapshot.Load(Root)).Message);

        File.Delete(path);
        Assert.Contains("not a snapshot", Assert.Throws<FaceEvalException>(() => Snapshot.Load(Root)).Message);
    }

    [Fact]
    public void AMissingDirectoryIsFileNotFound()
    {
        var ex = Assert.Throws<FaceEvalException>(() => Snapshot.Load(_dir.Combine("nothing-here")));
        Assert.Equal(ErrorKind.FileNotFound, ex.Kind);
    }

    [Fact]
    public void UnknownModelListsTheModels()
    {
        var ex = Assert.Throws<FaceEvalException>(() => _snapshot.LoadEmbeddings("arcface"));
        Assert.Equal(ErrorKind.UnknownName, ex.Kind);
        Assert.Contains("modelA, model-b.v2", ex.Message);
    }

    private static void FlipLastByte(string file)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0x01;
        Rewrite(file, bytes);
    }

    private static void Rewrite(string file, string text) => Rewrite(file, System.Text.Encoding.UTF8.GetBytes(text));

    private static void Rewrite(string file, byte[] bytes)
    {
        // Snapshot files are read-only; a tamperer (or a non-root CI user) has to lift that first.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllBytes(file, bytes);
    }
}
