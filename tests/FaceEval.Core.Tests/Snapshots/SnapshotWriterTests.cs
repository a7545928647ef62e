using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Tests.Snapshots;

public sealed class SnapshotWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SnapshotContent Content(params string[][] rows) => new(
        ["face_id", "person", "photo", "score"],
        rows,
        [new SnapshotEmbedding("m", Enumerable.Range(1, rows.Length * 2).Select(i => (float)i).ToArray(), 2, "test")],
        [],
        "unit test");

    [Fact]
    public void ADerivedSnapshotNamesItsParentAndKeepsUnchangedContentsId()
    {
        var original = SnapshotImporter.Import(new SyntheticExport(_dir).Write()).Snapshot;

        var copy = SnapshotWriter.Write(original.ToContent("copy"), _dir.Combine("copy"));
        Assert.Equal(original.Id, copy.Id);
        Assert.Equal(original.Id, copy.Manifest.Parent);
        Assert.Equal("copy", copy.Manifest.Source);

        // A label edit: face f2 gets a person.
        var content = original.ToContent("label edit");
        var rows = content.FaceRows.Select(r => r.ToArray()).ToArray();
        rows[2][1] = "Cy";
        var edited = SnapshotWriter.Write(content with { FaceRows = rows }, _dir.Combine("edited"));
        Assert.NotEqual(original.Id, edited.Id);
        Assert.Equal(original.Id, edited.Manifest.Parent);
        Assert.Equal("Cy", edited.Faces[2].Person);
        Assert.Equal(7, edited.Manifest.Counts.LabelledFaces);
        Assert.Equal(original.LoadEmbeddingValues("modelA").Data, edited.LoadEmbeddingValues("modelA").Data);
    }

    [Fact]
    public void CropsAreCopiedHashedAndGuarded()
    {
        var crops = _dir.Combine("crops-src");
        Directory.CreateDirectory(Path.Combine(crops, "a"));
        File.WriteAllBytes(Path.Combine(crops, "a", "f0.jpg"), [1, 2, 3]);

        var s = SnapshotWriter.Write(Content(["f0", "Ann", "p0", "1"]) with { CropsDirectory = crops }, _dir.Combine("s"));
        Assert.Contains("crops/a/f0.jpg", s.Manifest.Files.Keys);

        File.WriteAllBytes(Path.Combine(s.Directory, "crops", "new.jpg"), [4]);
        Assert.Contains("crops/new.jpg", Assert.Throws<FaceEvalException>(() => Snapshot.Load(s.Directory)).Message);
    }

    [Fact]
    public void ColumnsAreReorderedRequiredFirstAndValuesKept()
    {
        var content = new SnapshotContent(["x", "photo", "face_id", "person"], [new[] { "1,5", "p", "id", " Ann " }],
            [], [], "unit test");

        var s = SnapshotWriter.Write(content, _dir.Combine("s"));

        Assert.Equal(["face_id", "person", "photo", "x"], s.FaceColumns);
        Assert.Equal("1,5", s.Faces[0]["x"]);
        Assert.Equal("Ann", s.Faces[0].Person);
        Assert.Empty(s.Models);
    }

    [Fact]
    public void InvalidContentIsRefusedAndNothingIsLeftBehind()
    {
        AssertRefused(Content(["f0", "Ann", "p0", "1"], ["f0", "Bob", "p1", "2"]), "duplicate face id 'f0'");
        AssertRefused(Content(["f0", "Ann", "", "1"]), "empty photo");
        AssertRefused(Content(["f0", "Ann", "p0"]), "3 values for 4 columns");
        AssertRefused(Content(["f0", "Ann", "p0", "1"]) with { Relations = [new Relation("Ann", "Bob", "sibling")] }, "names 'Bob', who has no face");
        AssertRefused(Content() with { FaceRows = [] }, "no faces");
        AssertRefused(Content(["f0", "Ann", "p0", "1"]) with { FaceColumns = ["face_id", "person", "file", "score"] }, "required column 'photo'");

        Assert.Equal(["x"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName));
    }

    private void AssertRefused(SnapshotContent content, string text)
    {
        Directory.CreateDirectory(_dir.Combine("x"));
        var ex = Assert.Throws<FaceEvalException>(() => SnapshotWriter.Write(content, _dir.Combine("x", "s")));
        Assert.Contains(text, ex.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Combine("x")));
    }
}
