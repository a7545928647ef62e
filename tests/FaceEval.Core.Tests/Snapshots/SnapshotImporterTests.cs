using FaceEval.Core.Errors;
using FaceEval.Core.Numpy;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Tests.Snapshots;

public sealed class SnapshotImporterTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SyntheticExport _export;

    public SnapshotImporterTests() => _export = new SyntheticExport(_dir);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ImportedSnapshotLoadsWithEveryValueKept()
    {
        var options = _export.Write() with { ImagesRoot = _dir.Path };
        var result = SnapshotImporter.Import(options);
        var s = Snapshot.Load(_dir.Combine("snap"));

        Assert.Equal(result.Snapshot.Id, s.Id);
        Assert.Equal(["face_id", "person", "photo", "dataset", "x", "taken_at", "note"], s.FaceColumns);
        Assert.Equal(["f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7"], s.Faces.Select(f => f.Id));
        Assert.Equal(["Ann", "Bob", null, "Ann", "Cy", "Bob", null, "Ann"], s.Faces.Select(f => f.Person));
        Assert.Equal("with, comma", s.Faces[1]["note"]);
        Assert.Equal("quote \"here\"", s.Faces[4]["note"]);
        Assert.Equal("4.5", s.Faces[3]["x"]);
        Assert.Equal(new DateTimeOffset(2021, 6, 30, 14, 5, 0, TimeSpan.Zero), s.Faces[0].TakenAt);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), s.Faces[2].TakenAt);
        Assert.Null(s.Faces[1].TakenAt);
        Assert.Equal(ErrorKind.UnknownName, Assert.Throws<FaceEvalException>(() => s.Faces[0]["nope"]).Kind);
        Assert.Equal(5, s.IndexOf("f5"));
        Assert.Equal(-1, s.IndexOf("f9"));

        Assert.Equal(["Ann", "Bob", "Cy"], s.People);
        Assert.Equal([0, 1, -1, 0, 2, 1, -1, 0], s.GroundTruth());
        Assert.Equal([0, 0, 1, 2, 2, 3, 3, 4], s.PhotoIndex());
        Assert.Equal(new SnapshotCounts(8, 6, 3, 5, 2), s.Manifest.Counts);
        Assert.Equal([new Relation("Ann", "Bob", "sibling"), new Relation("Bob", "Cy", "twin-sibling")], s.Relations);
        Assert.Equal(_dir.Path, s.ImagesRoot);
        Assert.Null(s.Manifest.Parent);
        Assert.Equal(TimeSpan.Zero, s.Manifest.Created.Offset);
        Assert.InRange(DateTimeOffset.UtcNow - s.Manifest.Created, TimeSpan.Zero, TimeSpan.FromMinutes(5));

        Assert.Equal(["modelA", "model-b.v2"], s.Models);
        foreach (var (name, (values, dim)) in _export.Models)
        {
            var raw = s.LoadEmbeddingValues(name);
            Assert.Equal((8, dim), (raw.Rows, raw.Columns));
            Assert.Equal(values, raw.Data);

            var m = s.LoadEmbeddings(name);
            var norm = MathF.Sqrt(values.Take(dim).Sum(v => v * v));
            Assert.Equal(values[0] / norm, m.Row(0)[0], 6);

            var model = s.Manifest.Models.Single(x => x.Name == name);
            Assert.Equal((dim, $"embeddings/{name}.npy", _export.NpyPath(name)), (model.Dimension, model.File, model.SourcePath));
            Assert.Contains("float32", model.Provenance);
        }
    }

    [Fact]
    public void EmbeddingFilesAreWhatNumpySaveWrites()
    {
        var s = SnapshotImporter.Import(_export.Write()).Snapshot;
        var (values, dim) = _export.Models["modelA"];
        using var expected = new MemoryStream();
        NpyWriter.Write(expected, values, 8, dim);

        Assert.Equal(expected.ToArray(), File.ReadAllBytes(Path.Combine(s.Directory, "embeddings", "modelA.npy")));
    }

    [Fact]
    public void Float16InputIsStoredAsExactFloat32()
    {
        _export.FacesLines.RemoveRange(6, 3);
        var options = _export.Write() with
        {
            Embeddings = [new EmbeddingSource("half", Numpy.NpyFixtures.Npy("f16_be"))],
            RelationsCsv = null,
        };

        var s = SnapshotImporter.Import(options).Snapshot;

        Assert.Equal(Numpy.NpyFixtures.Values("f16_be").Values, s.LoadEmbeddingValues("half").Data);
        Assert.Contains("float16 [5, 7]", s.Manifest.Models[0].Provenance);
    }

    [Fact]
    public void SameInputsGiveTheSameIdAndAnyChangeGivesAnother()
    {
        var first = SnapshotImporter.Import(_export.Write("one")).Snapshot;
        var second = SnapshotImporter.Import(_export.Write("two")).Snapshot;
        Assert.Equal(first.Id, second.Id);
        Assert.Matches("^[0-9a-f]{16}$", first.Id);

        _export.Models["modelA"].Values[5] += 1e-3f;
        var changedVector = SnapshotImporter.Import(_export.Write("three")).Snapshot;
        Assert.NotEqual(first.Id, changedVector.Id);

        _export.FacesLines[1] = _export.FacesLines[1].Replace("plain", "plain!");
        var changedColumn = SnapshotImporter.Import(_export.Write("four")).Snapshot;
        Assert.NotEqual(changedVector.Id, changedColumn.Id);
    }

    [Fact]
    public void RelationsNamingUnknownPeopleAreLeftOutWithAWarningNamingThem()
    {
        var result = SnapshotImporter.Import(_export.Write());

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("2 relations", warning);
        Assert.Contains("Yan", warning);
        Assert.Contains("Zed", warning);
        Assert.Equal(2, result.Snapshot.Relations.Count);
    }

    [Fact]
    public void WithoutRelationsTheSnapshotHasAnEmptyRelationsTable()
    {
        var result = SnapshotImporter.Import(_export.Write(relations: false));

        Assert.Empty(result.Warnings);
        Assert.Empty(result.Snapshot.Relations);
        Assert.Equal("person_a,person_b,relation\n", File.ReadAllText(Path.Combine(result.Snapshot.Directory, "relations.csv")));
    }

    [Fact]
    public void PhotoKeyJoinsColumnsSoPhotosWithTheSameNumberInTwoDatasetsStayApart()
    {
        var plain = SnapshotImporter.Import(_export.Write("plain")).Snapshot;
        var keyed = SnapshotImporter.Import(_export.Write("keyed") with { PhotoKey = ["dataset", "photo"] }).Snapshot;

        Assert.All(keyed.Faces, f => Assert.Equal($"{f["dataset"]}/{plain.Faces[f.Index].Photo}", f.Photo));
        Assert.True(keyed.PhotoIndex().Distinct().Count() >= plain.PhotoIndex().Distinct().Count());
        Assert.NotEqual(plain.Id, keyed.Id);
        AssertFails(_export.Write("bad") with { PhotoKey = ["album"] }, ErrorKind.InvalidData, "photo key column 'album'");
    }

    [Fact]
    public void ModelsMayHaveDifferentDimensions()
    {
        var s = SnapshotImporter.Import(_export.Write()).Snapshot;
        Assert.Equal([4, 3], s.Manifest.Models.Select(m => m.Dimension));
    }

    [Fact]
    public void MissingFilesAreFileNotFound()
    {
        var options = _export.Write();
        AssertFails(options with { FacesCsv = _dir.Combine("nope.csv") }, ErrorKind.FileNotFound, "nope.csv");
        AssertFails(options with { Embeddings = [new EmbeddingSource("m", _dir.Combine("nope.npy"))] }, ErrorKind.FileNotFound, "nope.npy");
        AssertFails(options with { RelationsCsv = _dir.Combine("rel.csv") }, ErrorKind.FileNotFound, "rel.csv");
        AssertFails(options with { ImagesRoot = _dir.Combine("photos") }, ErrorKind.FileNotFound, "photos");
    }

    [Fact]
    public void MissingRequiredColumnIsNamed()
    {
        _export.FacesLines[0] = SyntheticExport.Header.Replace("photo", "picture");
        AssertFails(_export.Write(), ErrorKind.InvalidData, "missing required column photo");
    }

    [Fact]
    public void RaggedRowIsNamedByLine()
    {
        _export.FacesLines[4] += ",extra";
        AssertFails(_export.Write(), ErrorKind.InvalidData, "line 5: 8 fields, but the header has 7");
    }

    [Fact]
    public void UnbalancedQuoteIsMalformedCsv()
    {
        _export.FacesLines[3] = "demo,,f2,3.5,p2,,\"open";
        AssertFails(_export.Write(), ErrorKind.InvalidData, "faces.csv");
    }

    [Fact]
    public void DuplicateFaceIdsAreNamed()
    {
        _export.FacesLines[5] = _export.FacesLines[5].Replace("f4", "f1");
        AssertFails(_export.Write(), ErrorKind.InvalidData, "line 6: duplicate face_id 'f1' (first on line 3)");
    }

    [Fact]
    public void RowCountMismatchIsADimensionError()
    {
        _export.Models["modelA"] = (_export.Models["modelA"].Values[..28], 4);
        AssertFails(_export.Write(), ErrorKind.DimensionMismatch, "7 embedding rows for 8 faces");
    }

    [Theory]
    [InlineData(float.NaN, "NaN or infinity")]
    [InlineData(float.PositiveInfinity, "NaN or infinity")]
    public void NonFiniteRowsNameTheFace(float bad, string reason)
    {
        _export.Models["model-b.v2"].Values[3 * 3 + 1] = bad;
        AssertFails(_export.Write(), ErrorKind.InvalidData, $"model 'model-b.v2': embedding of face 'f3' (row 3) contains {reason}");
    }

    [Fact]
    public void ZeroVectorsNameTheFace()
    {
        Array.Clear(_export.Models["modelA"].Values, 6 * 4, 4);
        AssertFails(_export.Write(), ErrorKind.InvalidData, "embedding of face 'f6' (row 6) is a zero vector");
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a b")]
    [InlineData(".hidden")]
    [InlineData("x/y")]
    public void UnsafeModelNamesAreRefused(string name)
    {
        var options = _export.Write() with { Embeddings = [new EmbeddingSource(name, _export.NpyPath("modelA"))] };
        AssertFails(options, ErrorKind.InvalidData, "is not a safe file name");
    }

    [Fact]
    public void TheSameModelTwiceIsRefused()
    {
        var options = _export.Write() with
        {
            Embeddings = [new EmbeddingSource("m", _export.NpyPath("modelA")), new EmbeddingSource("M", _export.NpyPath("modelA"))],
        };
        AssertFails(options, ErrorKind.Usage, "given twice");
    }

    [Fact]
    public void BadTakenAtIsNamed()
    {
        _export.FacesLines[2] = "demo,Bob,f1,2.5,p1,yesterday,";
        AssertFails(_export.Write(), ErrorKind.InvalidData, "line 3: taken_at 'yesterday'");
    }

    [Fact]
    public void AnExistingSnapshotIsNeverWrittenInto()
    {
        var options = _export.Write();
        var first = SnapshotImporter.Import(options).Snapshot;

        AssertFails(options, ErrorKind.Io, "is not empty");
        Assert.Equal(first.Id, Snapshot.Load(first.Directory).Id);
    }

    [Fact]
    public void AnEmptyOutputDirectoryIsUsed()
    {
        var options = _export.Write();
        Directory.CreateDirectory(options.OutputDirectory);

        Assert.Equal(8, SnapshotImporter.Import(options).Snapshot.Faces.Count);
    }

    [Fact]
    public void EmbeddingSourceParsesNameEqualsPath()
    {
        Assert.Equal(new EmbeddingSource("arc", "/a/b=c.npy"), EmbeddingSource.Parse("arc=/a/b=c.npy"));
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => EmbeddingSource.Parse("arc.npy")).Kind);
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => EmbeddingSource.Parse("=x.npy")).Kind);
    }

    [Fact]
    public void ProgressEndsAtOne()
    {
        var reports = new List<ImportProgress>();
        SnapshotImporter.Import(_export.Write(), new SynchronousProgress<ImportProgress>(reports.Add));

        Assert.True(reports.Count >= 5);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Fraction <= p.Second.Fraction));
    }

    private void AssertFails(SnapshotImportOptions options, ErrorKind kind, string text)
    {
        var ex = Assert.Throws<FaceEvalException>(() => SnapshotImporter.Import(options));
        Assert.Equal(kind, ex.Kind);
        Assert.Contains(text, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);

        // Nothing half-written: no temp directories left beside the output.
        Assert.Empty(Directory.GetDirectories(_dir.Path, ".*tmp-*"));
    }
}
