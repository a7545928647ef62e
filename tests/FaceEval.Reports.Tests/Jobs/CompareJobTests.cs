using System.Text.Json;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Analysis;
using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;
using FaceEval.Core.Reporting;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;
using FaceEval.Core.Synthetic;
using FaceEval.Reports.Jobs;

namespace FaceEval.Reports.Tests.Jobs;

/// <summary>compare across two snapshots of the same faces (one model each), and the refusal of different faces.</summary>
public sealed class CompareJobTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("faceeval-compare-").FullName;

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void TwoSnapshotsOfTheSameFacesCompareOneModelEach()
    {
        var options = new SyntheticLibraryOptions(Families: 8, Seed: 5);
        var a = SnapshotWriter.Write(SyntheticLibrary.Generate(options), Path.Combine(_root, "a"));

        // Same faces, a second "model": the same vectors with noise, in a snapshot of its own.
        var content = a.ToContent("test: noisy copy");
        var rng = new Random(1);
        var source = content.Embeddings[0];
        var noisy = source.Values.Select(v => v + (float)((rng.NextDouble() - 0.5) * 0.2)).ToArray();
        var b = SnapshotWriter.Write(content with { Embeddings = [new SnapshotEmbedding("noisy", noisy, source.Dimension, "test")] }, Path.Combine(_root, "b"));
        var other = SnapshotWriter.Write(SyntheticLibrary.Generate(options with { Seed = 6 }), Path.Combine(_root, "other"));

        var result = CompareJob.Execute(Request([a.Directory, b.Directory], ["synthetic", "noisy"], "out"));
        Assert.Contains(result.Files, f => f.EndsWith("index.html", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "out", "report.json")));
        var text = json.RootElement.GetRawText();
        Assert.Contains("\"noisy\"", text);
        Assert.Contains("\"synthetic\"", text);

        var otherContent = other.ToContent("test: other faces");
        var otherNoisy = SnapshotWriter.Write(otherContent with { Embeddings = [otherContent.Embeddings[0] with { Name = "noisy" }] }, Path.Combine(_root, "other-noisy"));
        var mismatch = Assert.Throws<FaceEvalException>(() => CompareJob.Execute(Request([a.Directory, otherNoisy.Directory], ["synthetic", "noisy"], "bad")));
        Assert.Equal(ErrorKind.InvalidData, mismatch.Kind);
        Assert.Contains("do not hold the same faces", mismatch.Message);

        var different = Assert.Throws<FaceEvalException>(() => CompareJob.Execute(Request([a.Directory, other.Directory], ["synthetic", "noisy"], "bad2")));
        Assert.Equal(ErrorKind.UnknownName, different.Kind);

        var counts = Assert.Throws<FaceEvalException>(() => CompareJob.Execute(Request([a.Directory, b.Directory, a.Directory], ["synthetic", "noisy"], "bad3")));
        Assert.Equal(ErrorKind.Usage, counts.Kind);
    }

    [Fact]
    public void SnapshotsWithDifferentFacesAreRefusedNamingTheFirstDifference()
    {
        var a = SnapshotWriter.Write(SyntheticLibrary.Generate(new SyntheticLibraryOptions(Families: 4, Seed: 5)), Path.Combine(_root, "a"));
        var content = a.ToContent("test: relabelled");
        var rows = content.FaceRows.Select(r => (IReadOnlyList<string>)r.ToArray()).ToList();
        var personColumn = content.FaceColumns.ToList().IndexOf("person");
        var changed = rows[3].ToArray();
        changed[personColumn] = "someone-else";
        rows[3] = changed;
        var b = SnapshotWriter.Write(content with { FaceRows = rows, Embeddings = [content.Embeddings[0] with { Name = "copy" }] }, Path.Combine(_root, "b"));

        var ex = Assert.Throws<FaceEvalException>(() => CompareJob.Execute(Request([a.Directory, b.Directory], ["synthetic", "copy"], "out")));
        Assert.Equal(ErrorKind.InvalidData, ex.Kind);
        Assert.Contains("row 3", ex.Message);
    }

    private CompareRequest Request(string[] snapshots, string[] models, string outName)
    {
        var algorithm = AlgorithmCatalog.Get(AlgorithmKind.Agglomerative);
        var baseline = ParameterSet.Create("agglomerative", algorithm.Parameters);
        return new CompareRequest(snapshots, models, AlgorithmKind.Agglomerative, baseline, SweepAxis.List("distanceThreshold", "0.5,0.6,0.7"),
            MetricKey.BcubedF1, [], RelationTypeFilter.Default, new VerificationOptions(Seed: 1), 1, Path.Combine(_root, outName), MaxCrops: 10);
    }
}
