using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;
using FaceEval.Imaging;
using FaceEval.Inference.Layouts;
using FaceEval.Inference.SnapshotBuilding;

namespace FaceEval.Inference.Tests.SnapshotBuilding;

public sealed class SnapshotBuilderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "faceeval-build-" + Guid.NewGuid().ToString("N"));
    private readonly string _images;

    public SnapshotBuilderTests()
    {
        _images = Path.Combine(_dir, "photos");

        // Ann's photos have one red face; Bob's a large centred green face and a small blue one in a corner.
        for (var i = 0; i < 5; i++)
        {
            Write($"Ann/a{i}.jpg", SquareFaces.Image(160, 120, (0, 50 + i, 30, 48)));
            Write($"Bob/b{i}.jpg", SquareFaces.Image(200, 160, (1, 70, 50, 56 + i), (2, 4, 4, 24)));
        }

        Write("Bob/empty.jpg", SquareFaces.Image(100, 100));
        File.WriteAllBytes(Path.Combine(_images, "Ann", "broken.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
    }

    public void Dispose()
    {
        foreach (var f in Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(f, FileAttributes.Normal);
        }

        Directory.Delete(_dir, recursive: true);
    }

    private void Write(string relative, RgbImage image)
    {
        var path = Path.Combine(_images, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, JpegEncoder.Encode(image));
    }

    private SnapshotBuildOptions Options(string name, SubjectFilterOptions? filter = null) =>
        new(_images, LayoutKind.Folders, Path.Combine(_dir, name), Filter: filter ?? SubjectFilterOptions.None, Workers: 2, BatchSize: 3);

    private static ICropEmbedder[] Embedders() => [new SquareFaces.MeanColour("colour", SquareFaces.Template112)];

    [Fact]
    public void Builds_labels_the_central_face_keeps_the_other_unlabelled_and_skips_the_corrupt_file()
    {
        var result = SnapshotBuilder.Build(Options("snap"), new SquareFaces.Finder(), Embedders());
        var s = result.Snapshot;

        Assert.Equal(12, result.Images);
        Assert.Equal(["Ann/broken.jpg"], result.Failed.Select(f => f.Split(':')[0]));
        Assert.Equal(1, result.WithoutFaces);
        Assert.Equal(15, s.Faces.Count);
        Assert.Equal(10, s.Faces.Count(f => f.Person is not null));
        Assert.All(s.Faces.Where(f => f["file"].StartsWith("Bob/", StringComparison.Ordinal)), f =>
            Assert.Equal(float.Parse(f["w"], System.Globalization.CultureInfo.InvariantCulture) > 40 ? "Bob" : null, f.Person));
        Assert.All(s.Faces.Where(f => f["file"].StartsWith("Ann/", StringComparison.Ordinal)), f => Assert.Equal("Ann", f.Person));
        Assert.False(Directory.Exists(Options("snap").PartialDirectory));

        // Crops are stored and the embedding is of the stored crop's colour: red faces are red.
        var emb = s.LoadEmbeddings("colour");
        foreach (var face in s.Faces)
        {
            Assert.True(File.Exists(Path.Combine(s.Directory, face["crop"])));
            var row = emb.Row(face.Index);
            var channel = face.Person == "Ann" ? 0 : face.Person == "Bob" ? 1 : 2;
            Assert.Equal(channel, new[] { row[0], row[1], row[2] }.Select((v, i) => (v, i)).Max().i);
        }

        Assert.Equal("Ann/a0.jpg", s.Faces[0]["file"]);
        Assert.Equal(FilterCounts.Zero, result.Removed);
    }

    [Fact]
    public void The_filter_counts_what_it_removes()
    {
        var filter = new SubjectFilterOptions(MinScore: 0, MinPixels: 30, MinFraction: 0, MinSharpness: 0);
        var result = SnapshotBuilder.Build(Options("small", filter), new SquareFaces.Finder(), Embedders());
        Assert.Equal(5, result.Removed.TooFewPixels);
        Assert.Equal(10, result.Snapshot.Faces.Count);

        // Every face scores 0.9: none is left, which is an error rather than an empty snapshot.
        var none = Assert.Throws<FaceEvalException>(() =>
            SnapshotBuilder.Build(Options("score", new SubjectFilterOptions(0.95f, 0, 0, 0)), new SquareFaces.Finder(), Embedders()));
        Assert.Equal(ErrorKind.InvalidData, none.Kind);
        Assert.False(Directory.Exists(Path.Combine(_dir, "score")));
    }

    [Fact]
    public void An_interrupted_build_resumes_without_redoing_finished_images_and_equals_an_uninterrupted_one()
    {
        var options = Options("resumed");
        using var cts = new CancellationTokenSource();
        var stopAfter = new Progress(p =>
        {
            if (p.Done >= 4)
            {
                cts.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => SnapshotBuilder.Build(options, new SquareFaces.Finder(), Embedders(), stopAfter, cts.Token));
        Assert.False(Directory.Exists(options.OutDirectory));
        var journal = File.ReadAllLines(Path.Combine(options.PartialDirectory, "journal.jsonl"));
        var finished = journal.Length - 1;
        Assert.InRange(finished, 4, 11);

        var second = new CountingFinder();
        var resumed = SnapshotBuilder.Build(options, second, Embedders());
        Assert.Equal(finished, resumed.Resumed);
        Assert.Equal(12 - finished, resumed.Processed);
        // The corrupt file never reaches the detector.
        var brokenDone = journal.Any(l => l.Contains("\"Ann/broken.jpg\"", StringComparison.Ordinal));
        Assert.Equal(12 - finished - (brokenDone ? 0 : 1), second.Calls);

        var straight = SnapshotBuilder.Build(Options("straight"), new SquareFaces.Finder(), Embedders());
        Assert.Equal(straight.Snapshot.Id, resumed.Snapshot.Id);
        Assert.Equal(File.ReadAllText(Path.Combine(straight.Snapshot.Directory, "faces.csv")), File.ReadAllText(Path.Combine(resumed.Snapshot.Directory, "faces.csv")));
    }

    [Fact]
    public void A_torn_last_journal_line_is_redone_and_other_settings_are_refused()
    {
        var options = Options("torn");
        using var cts = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SnapshotBuilder.Build(options, new SquareFaces.Finder(), Embedders(), new Progress(p => { if (p.Done >= 3) cts.Cancel(); }), cts.Token));
        var path = Path.Combine(options.PartialDirectory, "journal.jsonl");
        var finished = File.ReadAllLines(path).Length - 1;
        File.AppendAllText(path, "{\"file\":\"Bob/b4.jpg\",\"err");

        var different = options with { Filter = new SubjectFilterOptions(0, 10, 0, 0) };
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => SnapshotBuilder.Build(different, new SquareFaces.Finder(), Embedders())).Kind);

        var result = SnapshotBuilder.Build(options, new SquareFaces.Finder(), Embedders());
        Assert.Equal(finished, result.Resumed);
        Assert.Equal(15, result.Snapshot.Faces.Count);
    }

    [Fact]
    public void Embed_adds_a_model_from_the_crops_with_the_parent_recorded()
    {
        var first = SnapshotBuilder.Build(Options("one"), new SquareFaces.Finder(), Embedders()).Snapshot;
        var same = new SquareFaces.MeanColour("colour2", SquareFaces.Template112);
        var second = CropEmbedJob.Run(first.Directory, same, [SquareFaces.Template112, SquareFaces.Template160], Path.Combine(_dir, "two"));
        Assert.Equal(first.Id, second.Manifest.Parent);
        Assert.Equal(["colour", "colour2"], second.Models);
        var a = second.LoadEmbeddings("colour");
        var b = second.LoadEmbeddings("colour2");
        for (var i = 0; i < second.Faces.Count; i++)
        {
            // Same template: the stored crop is embedded as is, so both models agree up to JPEG loss.
            Assert.True(System.Numerics.Tensors.TensorPrimitives.Dot(a.Row(i), b.Row(i)) > 0.999f);
        }

        var wide = new SquareFaces.MeanColour("colour160", SquareFaces.Template160);
        var third = CropEmbedJob.Run(second.Directory, wide, [SquareFaces.Template112, SquareFaces.Template160], Path.Combine(_dir, "three"));
        Assert.Equal(second.Id, third.Manifest.Parent);
        Assert.Equal(3, third.Models.Count);

        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() =>
            CropEmbedJob.Run(second.Directory, same, [SquareFaces.Template112], Path.Combine(_dir, "again"))).Kind);
    }

    private sealed class Progress(Action<BuildProgress> action) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value) => action(value);
    }

    private sealed class CountingFinder : IFaceFinder
    {
        private readonly SquareFaces.Finder _inner = new();
        private int _calls;

        public string Name => _inner.Name;

        public int Calls => _calls;

        public IReadOnlyList<FaceEval.Inference.Detection.DetectedFace> Find(RgbImage image)
        {
            Interlocked.Increment(ref _calls);
            return _inner.Find(image);
        }
    }
}
