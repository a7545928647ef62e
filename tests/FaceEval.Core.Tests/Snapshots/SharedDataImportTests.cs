using FaceEval.Core.Numpy;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Snapshots;

/// <summary>Imports the real FIW export from the shared data (skipped when it is absent).</summary>
public sealed class SharedDataImportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SharedDataFact("embeddings/fiw")]
    public void FiwImportsWithBothModelsAndCountsMatchFacesCsv()
    {
        var source = RepoPaths.Shared("embeddings", "fiw")!;
        var models = new[] { "arcface_w600k_mbf_int8", "fr_feature" };
        var options = new SnapshotImportOptions(Path.Combine(source, "faces.csv"),
            models.Select(m => new EmbeddingSource(m, Path.Combine(source, m + ".npy"))).ToArray(),
            Path.Combine(source, "relations.csv"), null, _dir.Combine("fiw"));

        var result = SnapshotImporter.Import(options);
        var s = Snapshot.Load(result.Snapshot.Directory);

        // Expected counts from a plain reading of faces.csv (no quoted fields in this file).
        var lines = File.ReadLines(Path.Combine(source, "faces.csv")).ToList();
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var (person, photo) = (Array.IndexOf(header, "person"), Array.IndexOf(header, "photo"));
        Assert.Equal(rows.Count, s.Faces.Count);
        Assert.Equal(rows.Count(r => r[person].Length > 0), s.Manifest.Counts.LabelledFaces);
        Assert.Equal(rows.Where(r => r[person].Length > 0).Select(r => r[person]).Distinct().Count(), s.People.Count);
        Assert.Equal(rows.Select(r => r[photo]).Distinct().Count(), s.Manifest.Counts.Photos);
        Assert.Equal(header.Length, s.FaceColumns.Count);
        Assert.Equal(rows[^1][0], s.Faces[^1].Id);

        var people = s.People.ToHashSet();
        var relations = File.ReadLines(Path.Combine(source, "relations.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        Assert.Equal(relations.Count(r => people.Contains(r[0]) && people.Contains(r[1])), s.Relations.Count);
        Assert.Equal(relations.Count == s.Relations.Count ? 0 : 1, result.Warnings.Count);

        foreach (var m in models)
        {
            var embeddings = s.LoadEmbeddings(m);
            Assert.Equal((rows.Count, 512), (embeddings.Count, embeddings.Dimension));
            Assert.Equal(
                NpyReader.Read(Path.Combine(source, m + ".npy")).Row(rows.Count / 2).ToArray(),
                s.LoadEmbeddingValues(m).Row(rows.Count / 2).ToArray());
        }
    }
}
