using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Synthetic;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Synthetic;

public class SyntheticLibraryTests
{
    [Fact]
    public void SameOptionsGiveTheSameSnapshotId()
    {
        using var dir = new TempDirectory();
        var options = new SyntheticLibraryOptions(Families: 5, Seed: 3);
        var a = SnapshotWriter.Write(SyntheticLibrary.Generate(options), Path.Combine(dir.Path, "a"));
        var b = SnapshotWriter.Write(SyntheticLibrary.Generate(options), Path.Combine(dir.Path, "b"));
        var c = SnapshotWriter.Write(SyntheticLibrary.Generate(options with { Seed = 4 }), Path.Combine(dir.Path, "c"));

        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
    }

    [Fact]
    public void GeometryMatchesTheOptions()
    {
        using var dir = new TempDirectory();
        var options = new SyntheticLibraryOptions(Families: 30, SiblingCentroidDistance: 0.3, FaceDistance: 0.35, OutlierRate: 0, StrangerRate: 0.2, Dimension: 256, Seed: 9);
        var snapshot = SnapshotWriter.Write(SyntheticLibrary.Generate(options), Path.Combine(dir.Path, "s"));
        var embeddings = snapshot.LoadEmbeddings(SyntheticLibrary.ModelName);
        var truth = snapshot.GroundTruth();
        var centroids = Centroids(embeddings, truth, snapshot.People.Count);

        var own = Enumerable.Range(0, truth.Length).Where(i => truth[i] >= 0)
            .Select(i => 1 - Dot(embeddings.Row(i), centroids[truth[i]])).Average();
        Assert.InRange(own, 0.25, 0.45);

        var index = snapshot.People.Select((p, i) => (p, i)).ToDictionary(t => t.p, t => t.i);
        var siblings = snapshot.Relations.Where(r => r.Type == "sibling").ToArray();
        Assert.NotEmpty(siblings);
        var siblingDistance = siblings.Average(r => 1 - Dot(centroids[index[r.PersonA]], centroids[index[r.PersonB]]));
        var spouseDistance = snapshot.Relations.Where(r => r.Type == "spouse").Average(r => 1 - Dot(centroids[index[r.PersonA]], centroids[index[r.PersonB]]));
        Assert.InRange(siblingDistance, 0.2, 0.45);
        Assert.InRange(spouseDistance, 0.85, 1.15);

        var strangers = truth.Count(t => t < 0);
        Assert.InRange(strangers, (int)(0.15 * (truth.Length - strangers)), (int)(0.25 * (truth.Length - strangers)));
        Assert.True(snapshot.Faces.All(f => f.TakenAt is not null));
    }

    [Fact]
    public void InvalidOptionsAreUsageErrors()
    {
        var ex = Assert.Throws<FaceEvalException>(() => SyntheticLibrary.Generate(new SyntheticLibraryOptions(SiblingCentroidDistance: 1.5)));
        Assert.Equal(ErrorKind.Usage, ex.Kind);
    }

    private static float[][] Centroids(EmbeddingMatrix embeddings, int[] truth, int people)
    {
        var sums = Enumerable.Range(0, people).Select(_ => new float[embeddings.Dimension]).ToArray();
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] >= 0)
            {
                var row = embeddings.Row(i);
                for (var k = 0; k < row.Length; k++)
                {
                    sums[truth[i]][k] += row[k];
                }
            }
        }

        foreach (var s in sums)
        {
            var norm = MathF.Sqrt(s.Sum(x => x * x));
            for (var k = 0; k < s.Length; k++)
            {
                s[k] /= norm;
            }
        }

        return sums;
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
