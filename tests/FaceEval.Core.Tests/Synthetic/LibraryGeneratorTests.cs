using FaceEval.Core.Errors;
using FaceEval.Core.Synthetic;

namespace FaceEval.Core.Tests.Synthetic;

/// <summary>
/// The library profile against the statistics it promises. Every figure is computed here from the
/// written snapshot (faces.csv, relations.csv, the vectors), never read from the generator's options,
/// and compared with the real snapshots' figures (<see cref="RealDistances"/>).
/// </summary>
public sealed class LibraryGeneratorTests(LibraryGeneratorTests.Library20k library) : IClassFixture<LibraryGeneratorTests.Library20k>
{
    [Fact]
    public void SameOptionsGiveTheSameSnapshotIdAndOtherSeedsAnother()
    {
        using var dir = new TempDirectory();
        var options = new LibraryOptions(Faces: 3_000, Dimension: 64, EffectiveDimension: 32, Seed: 3);
        var a = LibraryGenerator.Generate(options).Write(dir.Combine("a"));
        var b = LibraryGenerator.Generate(options).Write(dir.Combine("b"));
        var c = LibraryGenerator.Generate(options with { Seed = 4 }).Write(dir.Combine("c"));

        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Directory, "embeddings", "synthetic.npy")), File.ReadAllBytes(Path.Combine(b.Directory, "embeddings", "synthetic.npy")));
    }

    [Fact]
    public void TheLibraryHasExactlyTheRequestedFacesAndStrangerShare()
    {
        var s = library.Snapshot;
        Assert.Equal(20_000, s.Faces.Count);
        var unlabelled = s.Faces.Count(f => f.Person is null);
        Assert.InRange(unlabelled / (double)(s.Faces.Count - unlabelled), 0.28, 0.32);
        Assert.All(s.Faces.GroupBy(f => f.Photo), photo =>
        {
            Assert.InRange(photo.Count(), 1, 3);
            var people = photo.Where(f => f.Person is not null).Select(f => f.Person).ToArray();
            Assert.Equal(people.Length, people.Distinct().Count());
        });
    }

    [Fact]
    public void FacesPerPersonAreHeavyTailed()
    {
        var counts = library.Snapshot.Faces.Where(f => f.Person is not null).GroupBy(f => f.Person).Select(g => g.Count()).OrderDescending().ToArray();
        var total = counts.Sum();
        var topShare = counts.Take(Math.Max(1, counts.Length / 100)).Sum() / (double)total;

        // LFW's top 1% hold 23% of its faces, FIW's 8%; a family library is more lopsided still.
        Assert.InRange(topShare, 0.3, 0.7);
        Assert.True(counts[0] >= 300, $"largest person has {counts[0]} faces");
        Assert.InRange(counts.Count(c => c <= 2) / (double)counts.Length, 0.6, 0.9);
        Assert.Contains(1, counts);
        Assert.Contains(2, counts);
    }

    [Fact]
    public void DistanceQuantilesLieInTheRangesMeasuredOnTheRealSnapshots()
    {
        var m = library.Measured;
        foreach (var (kind, generated) in new[] { ("same", m.Same), ("diff", m.Different), ("sibling", m.Sibling), ("centroid", m.Centroid) })
        {
            var (fiw, lfw) = RealDistances.Of(kind);
            for (var q = 0; q < RealDistances.Quantiles.Length; q++)
            {
                var (lo, hi) = (Math.Min(fiw[q], lfw[q]) - RealDistances.Margin, Math.Max(fiw[q], lfw[q]) + RealDistances.Margin);
                Assert.True(generated[q] >= lo && generated[q] <= hi,
                    $"{kind} {RealDistances.Quantiles[q]}% quantile {generated[q]:F3} outside [{lo:F3}, {hi:F3}] (FIW {fiw[q]}, LFW {lfw[q]})");
            }
        }
    }

    [Fact]
    public void AnIsotropicSpaceWithoutASharedDirectionMissesTheDifferentPersonRange()
    {
        // The control: the check above can fail. Random directions in 512 dimensions put different
        // people at 1 +- 0.07, narrower and higher than any real model's 0.86..1.09.
        using var dir = new TempDirectory();
        var snapshot = LibraryGenerator.Generate(new LibraryOptions(Faces: 5_000, EffectiveDimension: 512, MeanCosine: 0, Seed: 2)).Write(dir.Combine("iso"));
        var different = DistanceSample.Measure(snapshot).Different;
        var (fiw, lfw) = RealDistances.Of("diff");
        Assert.True(different[0] > Math.Max(fiw[0], lfw[0]) + RealDistances.Margin, $"5% quantile {different[0]:F3}");
    }

    [Fact]
    public void InvalidOptionsAreUsageErrors()
    {
        var ex = Assert.Throws<FaceEvalException>(() => LibraryGenerator.Generate(new LibraryOptions(Dimension: 128, EffectiveDimension: 200)));
        Assert.Equal(ErrorKind.Usage, ex.Kind);
        Assert.Contains("effectiveDimension", ex.Message);
        Assert.Throws<FaceEvalException>(() => LibraryGenerator.Generate(new LibraryOptions(Faces: 0)));
    }

    /// <summary>The 20,000-face library at the profile's defaults, written and measured once for the class.</summary>
    public sealed class Library20k : IDisposable
    {
        private readonly TempDirectory _dir = new();

        public Library20k()
        {
            Snapshot = LibraryGenerator.Generate(new LibraryOptions(Faces: 20_000, Seed: 11)).Write(_dir.Combine("library"));
            Measured = DistanceSample.Measure(Snapshot);
        }

        public Core.Snapshots.Snapshot Snapshot { get; }

        public DistanceSample Measured { get; }

        public void Dispose() => _dir.Dispose();
    }
}
